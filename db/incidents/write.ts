/**
 * The incident.* API: each change is one transaction with one audit entry in the incident's case. Bad values
 * are refused naming the field (`incident.create: amount: …`), and nothing is written then.
 */
import type { Incident } from '../api/attribution';
import type { ParsedInput } from '../api/contract';
import { ApiError } from '../api/errors';
import { appendAudit } from '../audit';
import { parseChainAddress } from '../chains';
import { getCase } from '../cases';
import type { Db } from '../open';
import { getIncident } from './read';
import { incidentWriter } from './store';
import {
  actorRefusal,
  IncidentValues,
  parseIncidentTime,
  parseUsd,
  Refused,
  type EntityRef,
  type ResolvedAsset,
  type Valuation,
  victimRefusal,
} from './values';

/** The value, or the refusal as the API's error naming the field. */
function need<T>(value: T | Refused, method: string, field: string): T {
  if (value instanceof Refused) throw new ApiError('invalid_input', `${method}: ${field}: ${value.reason}`);
  return value;
}

function incidentOrThrow(db: Db, id: number): Incident {
  const incident = getIncident(db, id);
  if (!incident) throw new ApiError('not_found', `incident ${id} does not exist`);
  return incident;
}

function entityOrThrow(values: IncidentValues, id: number, method: string, field: string): EntityRef {
  const entity = values.entity(id);
  if (!entity) throw new ApiError('not_found', `${method}: ${field}: entity ${id} does not exist`);
  return entity;
}

function victimOf(values: IncidentValues, id: number, method: string): EntityRef {
  const victim = entityOrThrow(values, id, method, 'victimId');
  const refusal = victimRefusal(victim);
  if (refusal) need(refusal, method, 'victimId');
  return victim;
}

const assetName = (a: { chain: string; symbol: string }) => `${a.chain}:${a.symbol}`;

export function createIncident(db: Db, input: ParsedInput<'incident.create'>, now: string): Incident {
  const m = 'incident.create';
  return db.transaction(() => {
    if (!getCase(db, input.caseId)) throw new ApiError('not_found', `case ${input.caseId} does not exist`);
    const values = new IncidentValues(db);
    const victim = victimOf(values, input.victimId, m);
    const jurisdiction =
      input.jurisdiction === undefined
        ? values.defaultJurisdiction(victim.id)
        : input.jurisdiction === null
          ? null
          : need(values.jurisdiction(input.jurisdiction), m, 'jurisdiction');
    const time = need(parseIncidentTime(input.time), m, 'time');
    const asset = need(values.asset(input.asset), m, 'asset');
    const amount = need(values.amount(input.amount, asset), m, 'amount');
    const typed = input.usd === undefined || input.usd === null ? null : need(parseUsd(input.usd), m, 'usd');
    const valuation = need(values.value(asset, amount, time, typed), m, 'usd');
    const txs = need(values.txs(asset, input.txs), m, 'txs');
    const addresses = need(values.addresses(asset, input.addresses), m, 'addresses');
    const id = incidentWriter(db).insert(
      {
        caseId: input.caseId,
        title: input.title,
        victimId: victim.id,
        jurisdiction,
        time,
        asset,
        amount,
        valuation,
        source: input.source,
        note: input.note,
        txs,
        addresses,
        sourceId: null,
      },
      now,
    );
    appendAudit(db, now, input.caseId, 'incident.created', {
      incidentId: id,
      victim: victim.label,
      jurisdiction,
      time,
      asset: assetName(asset),
      amount,
      usd: valuation.usd,
      usdBasis: valuation.basis,
    });
    return getIncident(db, id) as Incident;
  })();
}

/**
 * Re-values when time, asset, amount or usd are given. A typed figure is kept only while time, asset and
 * amount stay as they were: it was typed for that theft, and would be wrong for another amount or day.
 */
function revalue(
  values: IncidentValues,
  before: Incident,
  input: ParsedInput<'incident.update'>,
  next: { asset: ResolvedAsset; amount: string; time: string },
): Valuation {
  const m = 'incident.update';
  if (input.usd !== undefined) {
    const typed = input.usd === null ? null : need(parseUsd(input.usd), m, 'usd');
    return need(values.value(next.asset, next.amount, next.time, typed), m, 'usd');
  }
  const same = next.asset.id === before.asset.id && next.amount === before.amount && next.time === before.time;
  const valued = need(values.value(next.asset, next.amount, next.time, null), m, 'usd');
  if (valued.basis === 'none' && same && before.usdBasis === 'typed') return { usd: before.usd, basis: 'typed' };
  return valued;
}

export function updateIncident(db: Db, input: ParsedInput<'incident.update'>, now: string): Incident {
  const m = 'incident.update';
  return db.transaction(() => {
    const before = incidentOrThrow(db, input.id);
    const values = new IncidentValues(db);
    const victim = input.victimId === undefined ? null : victimOf(values, input.victimId, m);
    const victimId = victim?.id ?? before.victim.id;
    const jurisdiction =
      input.jurisdiction !== undefined
        ? input.jurisdiction === null
          ? null
          : need(values.jurisdiction(input.jurisdiction), m, 'jurisdiction')
        : victimId !== before.victim.id
          ? values.defaultJurisdiction(victimId)
          : before.jurisdiction;
    const time = input.time === undefined ? before.time : need(parseIncidentTime(input.time), m, 'time');
    const asset =
      input.asset === undefined ? values.assetById(before.asset.id) : need(values.asset(input.asset), m, 'asset');
    const amount = input.amount === undefined ? before.amount : need(values.amount(input.amount, asset), m, 'amount');
    const revalued = [input.time, input.asset, input.amount, input.usd].some((v) => v !== undefined);
    const valuation = revalued
      ? revalue(values, before, input, { asset, amount, time })
      : { usd: before.usd, basis: before.usdBasis };
    // Kept txs and addresses must still be on the incident's chain when the asset moves it to another.
    const txs = need(values.txs(asset, input.txs ?? before.txs), m, 'txs');
    const addresses = need(values.addresses(asset, input.addresses ?? before.addresses), m, 'addresses');
    const after = {
      title: input.title ?? before.title,
      victim: victim?.label ?? before.victim.label,
      jurisdiction,
      time,
      asset: assetName(asset),
      amount,
      usd: valuation.usd,
      usdBasis: valuation.basis,
      source: input.source ?? before.source,
      note: input.note ?? before.note,
      txs: txs.map((hash) => `${asset.chain}:${hash}`),
      addresses: addresses.map((a) => `${a.chain}:${a.address}`),
    };
    const previous: Record<keyof typeof after, unknown> = {
      title: before.title,
      victim: before.victim.label,
      jurisdiction: before.jurisdiction,
      time: before.time,
      asset: assetName(before.asset),
      amount: before.amount,
      usd: before.usd,
      usdBasis: before.usdBasis,
      source: before.source,
      note: before.note,
      txs: before.txs,
      addresses: before.addresses,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      if (JSON.stringify(after[key]) !== JSON.stringify(previous[key])) {
        changes[key] = { from: previous[key], to: after[key] };
      }
    }
    // Another victim or token may bear the same name: compare by id too.
    if (victimId !== before.victim.id) changes.victim = { from: before.victim.label, to: after.victim };
    if (asset.id !== before.asset.id) changes.asset = { from: assetName(before.asset), to: after.asset };
    if (Object.keys(changes).length === 0) return before;
    db.prepare(
      `UPDATE incidents SET title = @title, victim_id = @victimId, jurisdiction = @jurisdiction, time = @time,
         chain = @chain, asset_id = @assetId, amount = @amount, usd = @usd, usd_basis = @basis, source = @source,
         note = @note, updated_at = @now
       WHERE id = @id`,
    ).run({
      id: before.id,
      title: after.title,
      victimId,
      jurisdiction,
      time,
      chain: asset.chain,
      assetId: asset.id,
      amount,
      usd: valuation.usd,
      basis: valuation.basis,
      source: after.source,
      note: after.note,
      now,
    });
    const writer = incidentWriter(db);
    if (changes.txs) writer.replaceTxs(before.id, txs);
    if (changes.addresses) writer.replaceAddresses(before.id, addresses);
    appendAudit(db, now, before.caseId, 'incident.updated', { incidentId: before.id, changes });
    return getIncident(db, before.id) as Incident;
  })();
}

export function deleteIncident(db: Db, id: number, now: string): { id: number } {
  return db.transaction(() => {
    const before = incidentOrThrow(db, id);
    db.prepare('DELETE FROM incidents WHERE id = ?').run(id);
    appendAudit(db, now, before.caseId, 'incident.deleted', {
      incidentId: id,
      title: before.title,
      victim: before.victim.label,
      time: before.time,
      asset: assetName(before.asset),
      amount: before.amount,
      usd: before.usd,
      txs: before.txs,
    });
    return { id };
  })();
}

export function attributeIncident(db: Db, input: ParsedInput<'incident.attribute'>, now: string): Incident {
  const m = 'incident.attribute';
  return db.transaction(() => {
    const incident = incidentOrThrow(db, input.id);
    const values = new IncidentValues(db);
    const actor = entityOrThrow(values, input.actorId, m, 'actorId');
    const refusal = actorRefusal(actor);
    if (refusal) need(refusal, m, 'actorId');
    need(values.confidence(input.confidence), m, 'confidence');
    const attribution = { source: input.source, confidence: input.confidence.trim() };
    const writer = incidentWriter(db);
    const replaced = writer.attribute(incident.id, actor.id, attribution, now);
    writer.touch(incident.id, now);
    appendAudit(db, now, incident.caseId, 'incident.attributed', {
      incidentId: incident.id,
      actorId: actor.id,
      actor: actor.label,
      ...attribution,
      replaced,
    });
    return getIncident(db, incident.id) as Incident;
  })();
}

export function unattributeIncident(db: Db, input: ParsedInput<'incident.unattribute'>, now: string): Incident {
  return db.transaction(() => {
    const incident = incidentOrThrow(db, input.id);
    const found = incident.actors.find((a) => a.actor.id === input.actorId);
    if (!found) {
      throw new ApiError('not_found', `incident ${incident.id} is not attributed directly to entity ${input.actorId}`);
    }
    db.prepare('DELETE FROM incident_actors WHERE incident_id = ? AND actor_id = ?').run(incident.id, input.actorId);
    incidentWriter(db).touch(incident.id, now);
    appendAudit(db, now, incident.caseId, 'incident.unattributed', {
      incidentId: incident.id,
      actorId: input.actorId,
      actor: found.actor.label,
      source: found.source,
      confidence: found.confidence,
    });
    return getIncident(db, incident.id) as Incident;
  })();
}

type TraceSeeds = { incidents?: number[]; txs?: string[]; seeds?: string[] };

/** CHAIN:HASH in one spelling, whether written with 0x or in capitals. */
const txKey = (text: string) => {
  const colon = text.indexOf(':');
  return `${text.slice(0, colon).trim().toUpperCase()}:${text
    .slice(colon + 1)
    .trim()
    .toLowerCase()
    .replace(/^0x/, '')}`;
};

/**
 * Whether a stored trace starts from the incident: seeded by it, by one of its theft txs, or by one of its victim
 * addresses. Attribution by trace rests on the taint of this theft, so a trace of something else is no basis.
 */
function seededBy(parameters: TraceSeeds, incident: Incident): boolean {
  if (parameters.incidents?.includes(incident.id)) return true;
  const txs = new Set(incident.txs.map(txKey));
  if (parameters.txs?.some((t) => txs.has(txKey(t)))) return true;
  const addresses = new Set(incident.addresses);
  return (parameters.seeds ?? []).some((seed) => {
    const at = seed.lastIndexOf('@');
    const check = parseChainAddress(at < 0 ? seed : seed.slice(0, at));
    return check.valid && addresses.has(`${check.chain}:${check.normalized}`);
  });
}

export function setIncidentTrace(db: Db, input: ParsedInput<'incident.setTrace'>, now: string): Incident {
  const m = 'incident.setTrace';
  return db.transaction(() => {
    const incident = incidentOrThrow(db, input.id);
    if (input.traceId !== null) {
      const trace = db.prepare('SELECT case_id, parameters FROM traces WHERE id = ?').get(input.traceId) as
        { case_id: number | null; parameters: string } | undefined;
      if (!trace) throw new ApiError('not_found', `trace ${input.traceId} does not exist`);
      if (trace.case_id !== incident.caseId) {
        const where = trace.case_id === null ? 'is not saved in a case' : `belongs to case ${trace.case_id}`;
        need(
          new Refused(`trace ${input.traceId} ${where}, not to the incident's case ${incident.caseId}`),
          m,
          'traceId',
        );
      }
      if (!seededBy(JSON.parse(trace.parameters) as TraceSeeds, incident)) {
        need(
          new Refused(
            `trace ${input.traceId} does not start from incident ${incident.id} (by its id, its theft txs or its ` +
              'victim addresses): link the trace that follows this theft',
          ),
          m,
          'traceId',
        );
      }
    }
    if (incident.traceId === input.traceId) return incident;
    db.prepare('UPDATE incidents SET trace_id = ?, updated_at = ? WHERE id = ?').run(input.traceId, now, incident.id);
    appendAudit(db, now, incident.caseId, 'incident.trace-linked', {
      incidentId: incident.id,
      traceId: input.traceId,
      previous: incident.traceId,
    });
    return getIncident(db, incident.id) as Incident;
  })();
}
