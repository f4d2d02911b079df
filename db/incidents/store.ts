/**
 * The writes behind incidents: one incident with its theft txs and victim addresses, and direct attributions.
 * No transaction or audit here: the API handlers (write.ts) and the incidents CSV importer wrap them in theirs.
 * Statements are prepared once per writer, since an import writes row after row.
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

export interface StoredAttribution {
  source: string;
  confidence: string;
}

export function incidentWriter(db: Db) {
  const insert = db.prepare(
    `INSERT INTO incidents (case_id, title, victim_id, jurisdiction, time, chain, asset_id, amount, usd, usd_basis,
                            source, note, source_id, created_at, updated_at)
     VALUES (@caseId, @title, @victimId, @jurisdiction, @time, @chain, @assetId, @amount, @usd, @basis,
             @source, @note, @sourceId, @now, @now)`,
  );
  const deleteTxs = db.prepare('DELETE FROM incident_txs WHERE incident_id = ?');
  const insertTx = db.prepare('INSERT INTO incident_txs (incident_id, tx_hash) VALUES (?, ?)');
  const deleteAddresses = db.prepare('DELETE FROM incident_addresses WHERE incident_id = ?');
  const insertAddress = db.prepare('INSERT INTO incident_addresses (incident_id, address_id) VALUES (?, ?)');
  const addressIds = addressStatements(db);
  const attribution = db.prepare(
    'SELECT source, confidence FROM incident_actors WHERE incident_id = ? AND actor_id = ?',
  );
  const putActor = db.prepare(
    `INSERT INTO incident_actors (incident_id, actor_id, source, confidence, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (incident_id, actor_id) DO UPDATE SET
       source = excluded.source, confidence = excluded.confidence, created_at = excluded.created_at`,
  );
  const touch = db.prepare('UPDATE incidents SET updated_at = ? WHERE id = ?');

  const addTxs = (id: number, txs: readonly string[]) => {
    for (const hash of txs) insertTx.run(id, hash);
  };
  /** Addresses not yet in the workspace are added to it, as the address-list importer does. */
  const addAddresses = (id: number, addresses: readonly { chain: string; address: string }[]) => {
    for (const a of addresses) insertAddress.run(id, addressIds.idOf(a.chain, a.address));
  };

  return {
    insert(d: IncidentDraft, now: string): number {
      const id = Number(
        insert.run({
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
        }).lastInsertRowid,
      );
      addTxs(id, d.txs);
      addAddresses(id, d.addresses);
      return id;
    },
    replaceTxs(id: number, txs: readonly string[]): void {
      deleteTxs.run(id);
      addTxs(id, txs);
    },
    replaceAddresses(id: number, addresses: readonly { chain: string; address: string }[]): void {
      deleteAddresses.run(id);
      addAddresses(id, addresses);
    },
    /** Adds or replaces the direct attribution of an incident to an actor; returns the one it replaced. */
    attribute(id: number, actorId: number, a: StoredAttribution, now: string): StoredAttribution | null {
      const before = attribution.get(id, actorId) as StoredAttribution | undefined;
      putActor.run(id, actorId, a.source, a.confidence, now);
      return before ?? null;
    },
    touch(id: number, now: string): void {
      touch.run(now, id);
    },
  };
}
