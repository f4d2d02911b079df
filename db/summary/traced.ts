/**
 * What the stored traces linked to incidents say about an actor: which of the actor's tagged addresses their
 * taint reached (attribution by trace), and which exchanges and other services their taint ended at (cash-out).
 * Both read the stored report, so a figure agrees with the report whose SHA-256 the summary names.
 */
import type { AttributionBasis, NodeKind } from '../api/contract';
import { TAG_ORDER } from '../best-tag';
import { addressInfoByName } from '../graph/address-info';
import type { Db } from '../open';
import type { TraceReport } from '../trace/report';

export interface LinkedTrace {
  id: number;
  method: string;
  direction: string;
  sha256: string;
  report: TraceReport;
}

/** The stored traces with these ids, each read once. */
export function linkedTraces(db: Db, ids: Iterable<number>): Map<number, LinkedTrace> {
  const rows = db
    .prepare(
      `SELECT id, method, direction, report_sha256 AS sha256, report FROM traces
        WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(ids)])) as (Omit<LinkedTrace, 'report'> & { report: string })[];
  return new Map(rows.map((r) => [r.id, { ...r, report: JSON.parse(r.report) as TraceReport }]));
}

type ActorTag = { label: string; source: string; confidence: string; level: number };

/**
 * The actor's tags at or above the threshold, per address (CHAIN:ADDRESS as reports write it), the most
 * confident first (TAG_ORDER, as every view ranks tags). Tags name their actor by the entity's key.
 */
function actorTags(db: Db, actorKey: string, minLevel: number): Map<string, ActorTag> {
  const rows = db
    .prepare(
      `SELECT a.chain || ':' || a.address AS address, t.label, t.source, t.confidence, c.level
         FROM tags t JOIN confidence_levels c ON c.id = t.confidence JOIN addresses a ON a.id = t.address_id
        WHERE t.actor = ? AND c.level >= ?
        ORDER BY a.id, ${TAG_ORDER}`,
    )
    .all(actorKey, minLevel) as (ActorTag & { address: string })[];
  const best = new Map<string, ActorTag>();
  for (const { address, ...tag } of rows) if (!best.has(address)) best.set(address, tag);
  return best;
}

/**
 * The decimals of an asset as reports name it (db/trace/report-build.ts assetNames): a chain's own coin by its
 * symbol, on the chain of the address; a token as CHAIN:SYMBOL. Null when no asset, or more than one, has that
 * name, so an amount is never shown with the wrong decimals.
 */
function assetDecimals(db: Db): (address: string, asset: string) => number | null {
  const query = db
    .prepare(`SELECT decimals FROM assets WHERE chain = ? AND symbol = ? AND (? = 0 OR contract = '') LIMIT 2`)
    .pluck();
  return (address, asset) => {
    const colon = asset.indexOf(':');
    const token = colon >= 0;
    const chain = token ? asset.slice(0, colon) : address.slice(0, address.indexOf(':'));
    const found = query.all(chain, token ? asset.slice(colon + 1) : asset, token ? 0 : 1) as number[];
    return found.length === 1 ? (found[0] ?? null) : null;
  };
}

type TraceBasis = Extract<AttributionBasis, { basis: 'trace' }>;

/**
 * For each trace, the basis it gives for attributing to the actor: the actor-tagged addresses (tag at ≥ the
 * threshold) among the report's addresses with taint > 0. Traces that reach none are absent.
 */
export function traceBases(
  db: Db,
  traces: ReadonlyMap<number, LinkedTrace>,
  actorKey: string | null,
  minLevel: number,
): Map<number, TraceBasis> {
  const out = new Map<number, TraceBasis>();
  if (actorKey === null || traces.size === 0) return out;
  const tags = actorTags(db, actorKey, minLevel);
  const decimalsOf = assetDecimals(db);
  for (const t of traces.values()) {
    const addresses = t.report.addresses.flatMap((a) => {
      const tag = tags.get(a.address);
      return tag !== undefined && BigInt(a.tainted) > 0n
        ? [{ address: a.address, asset: a.asset, decimals: decimalsOf(a.address, a.asset), tainted: a.tainted, tag }]
        : [];
    });
    if (addresses.length === 0) continue;
    out.set(t.id, {
      basis: 'trace',
      traceId: t.id,
      method: t.method,
      direction: t.direction,
      sha256: t.sha256,
      level: Math.max(...addresses.map((a) => a.tag.level)),
      addresses,
    });
  }
  return out;
}

/** Endpoint kinds that count as cash-out: where a freezing request or subpoena can go. */
export const CASHOUT_KINDS: ReadonlySet<NodeKind> = new Set(['exchange', 'service', 'mixer', 'bridge']);

export interface CashoutEndpoint {
  traceId: number;
  entity: string;
  /** The report's joined jurisdiction code, e.g. "JP" or "JP,US"; null when unknown. */
  jurisdiction: string | null;
  usd: string | null;
}

/**
 * The endpoints of forward traces that are exchanges or other services. A backward trace's endpoints are the
 * sources of the funds, not where they went, so they are not cash-out. Reports stored before endpoints carried
 * their kind get it from the first address's most confident tag now, as new reports do.
 */
export function cashoutEndpoints(db: Db, traces: ReadonlyMap<number, LinkedTrace>): CashoutEndpoint[] {
  const out: CashoutEndpoint[] = [];
  const older = [...traces.values()].flatMap((t) =>
    t.report.endpoints.flatMap((e) => (e.kind === undefined && e.addresses[0] !== undefined ? [e.addresses[0]] : [])),
  );
  const infoNow = addressInfoByName(db, older);
  const kindNow = (address: string | undefined): NodeKind =>
    address === undefined ? 'unknown' : infoNow(address).kind;
  for (const t of [...traces.values()].sort((a, b) => a.id - b.id)) {
    if (t.report.direction !== 'forward') continue;
    for (const e of t.report.endpoints) {
      const kind = e.kind ?? kindNow(e.addresses[0]);
      if (!CASHOUT_KINDS.has(kind)) continue;
      out.push({ traceId: t.id, entity: e.entity, jurisdiction: e.jurisdiction, usd: e.usd });
    }
  }
  return out;
}
