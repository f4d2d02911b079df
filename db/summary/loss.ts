/**
 * The loss summary (DESIGN.md, "Attributed loss per jurisdiction"): the incidents attributed to one actor at a
 * confidence level ≥ c — directly, or by the stored trace linked to the incident reaching the actor's tagged
 * addresses — valued in USD at the time of the theft, per victim jurisdiction and per year, with the cash-out
 * exposure of the same traces per service jurisdiction. Sums are exact (db/usd.ts) and each figure is rounded
 * half-up to cents once; shares are computed from the exact sums.
 */
import type { AttributionBasis, LossSummary, SummaryIncident, UsdBasis } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Db } from '../open';
import { UsdSum } from '../usd';
import { cashoutEndpoints, linkedTraces, traceBases } from './traced';

export interface LossSummaryInput {
  /** Entity id, or key (e.g. lazarusgroup). */
  actor: number | string;
  from?: string;
  to?: string;
  minConfidence: number;
  caseId?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as YYYY-MM-DD, or an invalid_input error naming the field. */
function checkDate(field: 'from' | 'to', value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = DATE.exec(value);
  const day = new Date(`${value}T00:00:00Z`);
  // Date rolls 2022-02-30 over to March; a date that comes back different did not exist.
  const valid =
    m !== null && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value && Number(m[1]) >= 1970;
  if (!valid) throw new ApiError('invalid_input', `summary.get: ${field}: must be a date YYYY-MM-DD, not "${value}"`);
  return value;
}

interface ActorRow {
  id: number;
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string;
}

function findActor(db: Db, actor: number | string): LossSummary['actor'] {
  const row = db
    .prepare(
      `SELECT id, key, label, kind,
              (SELECT json_group_array(country) FROM (SELECT country FROM entity_jurisdictions
                WHERE entity_id = e.id ORDER BY country)) AS jurisdictions
         FROM entities e WHERE ${typeof actor === 'number' ? 'id' : 'key'} = ?`,
    )
    .get(actor) as ActorRow | undefined;
  const shown = typeof actor === 'number' ? `entity ${actor}` : `entity "${actor}"`;
  if (row === undefined) throw new ApiError('not_found', `${shown} does not exist`);
  if (row.kind !== 'actor')
    throw new ApiError('invalid_input', `summary.get: actor: ${shown} is a ${row.kind}, not an actor`);
  return { id: row.id, key: row.key, label: row.label, jurisdictions: JSON.parse(row.jurisdictions) as string[] };
}

interface IncidentRow {
  id: number;
  case_id: number;
  title: string;
  victim: string;
  jurisdiction: string | null;
  time: string;
  chain: string;
  asset: string;
  decimals: number;
  amount: string;
  usd: string | null;
  usd_basis: UsdBasis;
  trace_id: number | null;
}

/**
 * The incidents that can count for the actor: those it is attributed to directly (through
 * incident_actors_by_actor) and those with a linked trace (the partial index incidents_by_trace), each once,
 * within the case and the dates. The thresholds are applied after, per basis. Without statistics the planner
 * prefers scanning every incident to the partial index; INDEXED BY keeps the cost to the incidents that have
 * a trace.
 */
export const CANDIDATES_SQL = `
  SELECT i.id, i.case_id, i.title, v.label AS victim, i.jurisdiction, i.time, i.chain,
         CASE WHEN s.contract = '' THEN s.symbol ELSE s.chain || ':' || s.symbol END AS asset,
         s.decimals, i.amount, i.usd, i.usd_basis, i.trace_id
    FROM incidents i
    JOIN entities v ON v.id = i.victim_id
    JOIN assets s ON s.id = i.asset_id
   WHERE i.id IN (SELECT incident_id FROM incident_actors WHERE actor_id = @actor
                  UNION SELECT id FROM incidents INDEXED BY incidents_by_trace WHERE trace_id IS NOT NULL)
     AND (@caseId IS NULL OR i.case_id = @caseId)
     AND (@from IS NULL OR i.time >= @from)
     AND (@to IS NULL OR i.time < @to)
   ORDER BY i.time, i.id`;

/** The day after a YYYY-MM-DD date, so an inclusive `to` compares as `time < next day`. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Direct attributions of the candidates to the actor at ≥ the threshold, per incident. */
function directBases(
  db: Db,
  incidentIds: readonly number[],
  actorId: number,
  minLevel: number,
): Map<number, AttributionBasis> {
  const rows = db
    .prepare(
      `SELECT ia.incident_id AS id, ia.source, ia.confidence, c.level
         FROM incident_actors ia JOIN confidence_levels c ON c.id = ia.confidence
        WHERE ia.actor_id = ? AND c.level >= ? AND ia.incident_id IN (SELECT value FROM json_each(?))`,
    )
    .all(actorId, minLevel, JSON.stringify(incidentIds)) as {
    id: number;
    source: string;
    confidence: string;
    level: number;
  }[];
  return new Map(
    rows.map((r) => [r.id, { basis: 'direct', source: r.source, confidence: r.confidence, level: r.level }]),
  );
}

const roundedUsd = (usd: string | null): string | null => {
  if (usd === null) return null;
  const one = new UsdSum();
  one.addUsd(usd);
  return one.usd();
};

const dollars = (sum: UsdSum) => sum.usd() ?? '0.00';

/** Rows by exact USD, largest first, then by code with unknown last. */
function byUsdThenCode<T extends { sum: UsdSum; code: string | null }>(a: T, b: T): number {
  return (
    b.sum.compare(a.sum) ||
    (a.code === b.code ? 0 : a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : 1)
  );
}

export function lossSummary(db: Db, input: LossSummaryInput): LossSummary {
  const actor = findActor(db, input.actor);
  const from = checkDate('from', input.from);
  const to = checkDate('to', input.to);
  if (from !== null && to !== null && from > to)
    throw new ApiError('invalid_input', `summary.get: to: ${to} is before from ${from}`);
  if (input.caseId !== undefined && db.prepare('SELECT 1 FROM cases WHERE id = ?').get(input.caseId) === undefined)
    throw new ApiError('not_found', `case ${input.caseId} does not exist`);
  const minLevel = input.minConfidence;

  const candidates = db.prepare(CANDIDATES_SQL).all({
    actor: actor.id,
    caseId: input.caseId ?? null,
    from,
    to: to === null ? null : nextDay(to),
  }) as IncidentRow[];
  const direct = directBases(
    db,
    candidates.map((c) => c.id),
    actor.id,
    minLevel,
  );
  const traces = linkedTraces(
    db,
    candidates.flatMap((c) => (c.trace_id === null ? [] : [c.trace_id])),
  );
  const byTrace = traceBases(db, traces, actor.key, minLevel);

  const counted: SummaryIncident[] = [];
  const countedTraces = new Set<number>();
  for (const c of candidates) {
    const bases = [direct.get(c.id), c.trace_id === null ? undefined : byTrace.get(c.trace_id)].filter(
      (b): b is AttributionBasis => b !== undefined,
    );
    if (bases.length === 0) continue;
    if (c.trace_id !== null) countedTraces.add(c.trace_id);
    counted.push({
      id: c.id,
      caseId: c.case_id,
      title: c.title,
      victim: c.victim,
      jurisdiction: c.jurisdiction,
      time: c.time,
      year: Number(c.time.slice(0, 4)),
      chain: c.chain,
      asset: c.asset,
      amount: c.amount,
      decimals: c.decimals,
      usdExact: c.usd,
      usd: roundedUsd(c.usd),
      usdBasis: c.usd_basis,
      attribution: bases,
    });
  }

  const total = new UsdSum();
  const jurisdictions = new Map<string | null, { code: string | null; incidents: number; sum: UsdSum }>();
  const years = new Map<number, { year: number; incidents: number; sum: UsdSum }>();
  for (const i of counted) {
    total.addUsd(i.usdExact);
    const j = jurisdictions.get(i.jurisdiction) ?? { code: i.jurisdiction, incidents: 0, sum: new UsdSum() };
    j.incidents += 1;
    j.sum.addUsd(i.usdExact);
    jurisdictions.set(i.jurisdiction, j);
    const y = years.get(i.year) ?? { year: i.year, incidents: 0, sum: new UsdSum() };
    y.incidents += 1;
    y.sum.addUsd(i.usdExact);
    years.set(i.year, y);
  }

  const countryName = countryNames(db);
  const counts = (basis: UsdBasis) => counted.filter((i) => i.usdBasis === basis).length;
  return {
    actor,
    from,
    to,
    minConfidence: minLevel,
    caseId: input.caseId ?? null,
    total_usd: dollars(total),
    incidents: counted.length,
    unvalued: counts('none'),
    typed: counts('typed'),
    jurisdictions: [...jurisdictions.values()].sort(byUsdThenCode).map((j) => ({
      code: j.code,
      name: countryName(j.code),
      incidents: j.incidents,
      usd: dollars(j.sum),
      share: j.sum.shareOf(total, 4),
    })),
    years: [...years.values()]
      .sort((a, b) => a.year - b.year)
      .map((y) => ({ year: y.year, incidents: y.incidents, usd: dollars(y.sum) })),
    cashout: cashout(db, new Map([...traces].filter(([id]) => countedTraces.has(id))), countryName),
    basis: counted,
  };
}

/** Country names by code; a joined code ("JP,US") gets the names joined. Null for unknown. */
function countryNames(db: Db): (code: string | null) => string | null {
  const name = db.prepare('SELECT name FROM countries WHERE code = ?').pluck();
  return (code) =>
    code === null
      ? null
      : code
          .split(',')
          .map((c) => (name.get(c) as string | undefined) ?? c)
          .join(', ');
}

/** Cash-out per service jurisdiction from the given traces (those linked to counted incidents), each once. */
function cashout(
  db: Db,
  traces: ReturnType<typeof linkedTraces>,
  countryName: (code: string | null) => string | null,
): LossSummary['cashout'] {
  interface Entity {
    entity: string;
    sum: UsdSum;
    traceIds: Set<number>;
  }
  const rows = new Map<
    string | null,
    { code: string | null; sum: UsdSum; incomplete: boolean; entities: Map<string, Entity> }
  >();
  for (const e of cashoutEndpoints(db, traces)) {
    const row = rows.get(e.jurisdiction) ?? {
      code: e.jurisdiction,
      sum: new UsdSum(),
      incomplete: false,
      entities: new Map<string, Entity>(),
    };
    rows.set(e.jurisdiction, row);
    row.sum.addUsd(e.usd);
    if (e.usd === null) row.incomplete = true;
    const entity = row.entities.get(e.entity) ?? { entity: e.entity, sum: new UsdSum(), traceIds: new Set<number>() };
    row.entities.set(e.entity, entity);
    entity.sum.addUsd(e.usd);
    entity.traceIds.add(e.traceId);
  }
  return [...rows.values()].sort(byUsdThenCode).map((r) => ({
    code: r.code,
    name: countryName(r.code),
    usd: dollars(r.sum),
    incomplete: r.incomplete,
    entities: [...r.entities.values()]
      .sort((a, b) => b.sum.compare(a.sum) || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0))
      .map((e) => ({ entity: e.entity, usd: dollars(e.sum), traceIds: [...e.traceIds].sort((a, b) => a - b) })),
  }));
}
