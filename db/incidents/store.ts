/**
 * The writes behind incidents: one incident with its theft txs and victim addresses, and direct attributions.
 * No transaction or audit here: the API handlers (write.ts) and the incidents CSV importer wrap them in theirs.
 */
import { addressStatements } from '../addresses';
import type { Db } from '../open';
import type { ResolvedAsset, Valuation } from './values';

export interface IncidentDraft {
  caseId: number;
  title: string;
  victimId: number;
  jurisdiction: string | null;
  time: string;
  asset: ResolvedAsset;
  amount: string;
  valuation: Valuation;
  source: string;
  note: string;
  /** Stored hashes (as the chain writes them), without the chain. */
  txs: string[];
  addresses: { chain: string; address: string }[];
  /** The imported file it came from; null when typed in the app. */
  sourceId: number | null;
}

export function insertIncident(db: Db, d: IncidentDraft, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO incidents (case_id, title, victim_id, jurisdiction, time, chain, asset_id, amount, usd, usd_basis,
                              source, note, source_id, created_at, updated_at)
       VALUES (@caseId, @title, @victimId, @jurisdiction, @time, @chain, @assetId, @amount, @usd, @basis,
               @source, @note, @sourceId, @now, @now)`,
    )
    .run({
      caseId: d.caseId,
      title: d.title,
      victimId: d.victimId,
      jurisdiction: d.jurisdiction,
      time: d.time,
      chain: d.asset.chain,
      assetId: d.asset.id,
      amount: d.amount,
      usd: d.valuation.usd,
      basis: d.valuation.basis,
      source: d.source,
      note: d.note,
      sourceId: d.sourceId,
      now,
    });
  const id = Number(info.lastInsertRowid);
  replaceTxs(db, id, d.txs);
  replaceAddresses(db, id, d.addresses);
  return id;
}

export function replaceTxs(db: Db, incidentId: number, txs: readonly string[]): void {
  db.prepare('DELETE FROM incident_txs WHERE incident_id = ?').run(incidentId);
  const insert = db.prepare('INSERT INTO incident_txs (incident_id, tx_hash) VALUES (?, ?)');
  for (const hash of txs) insert.run(incidentId, hash);
}

/** Addresses not yet in the workspace are added to it, as the address-list importer does. */
export function replaceAddresses(
  db: Db,
  incidentId: number,
  addresses: readonly { chain: string; address: string }[],
): void {
  db.prepare('DELETE FROM incident_addresses WHERE incident_id = ?').run(incidentId);
  const ids = addressStatements(db);
  const insert = db.prepare('INSERT INTO incident_addresses (incident_id, address_id) VALUES (?, ?)');
  for (const a of addresses) insert.run(incidentId, ids.idOf(a.chain, a.address));
}

export interface StoredAttribution {
  source: string;
  confidence: string;
}

/** Adds or replaces the direct attribution of an incident to an actor; returns the one it replaced. */
export function putAttribution(
  db: Db,
  incidentId: number,
  actorId: number,
  attribution: StoredAttribution,
  now: string,
): StoredAttribution | null {
  const before = db
    .prepare('SELECT source, confidence FROM incident_actors WHERE incident_id = ? AND actor_id = ?')
    .get(incidentId, actorId) as StoredAttribution | undefined;
  db.prepare(
    `INSERT INTO incident_actors (incident_id, actor_id, source, confidence, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (incident_id, actor_id) DO UPDATE SET
       source = excluded.source, confidence = excluded.confidence, created_at = excluded.created_at`,
  ).run(incidentId, actorId, attribution.source, attribution.confidence, now);
  return before ?? null;
}

export function touchIncident(db: Db, incidentId: number, now: string): void {
  db.prepare('UPDATE incidents SET updated_at = ? WHERE id = ?').run(now, incidentId);
}
