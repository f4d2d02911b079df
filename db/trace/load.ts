/**
 * From the workspace to the tracing core: which transfers a forward trace needs, and the cash-out points.
 * A trace replays only the subgraph it can reach: starting at the seeds, each level follows the transfers that
 * leave a reached address at or after the time taint could first be there, up to the hop limit; then every
 * transfer into or out of a reached address (of the seeded assets) is loaded, since clean inflows dilute
 * haircut shares and fill FIFO queues. Stop addresses are reached but not expanded.
 */
import type { Db } from '../open';
import type { Transfer } from './types';

interface TransferRow {
  chain: string;
  time: number;
  block: number | null;
  tx_hash: string;
  idx: number;
  from_address: string;
  to_address: string;
  asset_id: number;
  amount: string;
}

export interface LoadedTransfers {
  transfers: Transfer[];
  /** The workspace id of each traced transfer, by the core's id. */
  storedIds: number[];
  /** Addresses (CHAIN:ADDRESS) reached by following transfers, seeds included. */
  reached: number;
}

/** The asset string the core sees: its id in the workspace, so tokens with the same symbol never mix. */
export const assetKey = (assetId: number) => `asset:${assetId}`;

export interface Frontier {
  addressId: number;
  /** Taint can be there from this time on. */
  since: number;
}

/**
 * Loads the transfers a forward trace from `seeds` can touch within `maxHops`. Transfers get core ids in
 * (time, block, tx_hash, index) order, so the replay order never depends on the order files were imported in.
 */
export function loadForward(
  db: Db,
  seeds: readonly Frontier[],
  assetIds: readonly number[],
  maxHops: number,
  stopAt: ReadonlySet<number>,
  window: { from?: number; to?: number } = {},
): LoadedTransfers {
  const assets = assetIds.map(Number).join(',');
  const to = window.to ?? Number.MAX_SAFE_INTEGER;
  const earliest = new Map<number, number>();
  let frontier: Frontier[] = [];
  for (const s of seeds) {
    const since = Math.max(s.since, window.from ?? -Infinity);
    if ((earliest.get(s.addressId) ?? Infinity) > since) earliest.set(s.addressId, since);
  }
  frontier = [...earliest].map(([addressId, since]) => ({ addressId, since }));
  const next = db.prepare(
    `SELECT to_id AS addressId, min(time) AS since FROM transfers
      WHERE from_id = ? AND time >= ? AND time <= ? AND asset_id IN (${assets}) GROUP BY to_id`,
  );
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const found: Frontier[] = [];
    for (const f of frontier) {
      if (stopAt.has(f.addressId)) continue;
      for (const row of next.all(f.addressId, f.since, to) as Frontier[]) {
        const known = earliest.get(row.addressId);
        if (known === undefined || row.since < known) {
          earliest.set(row.addressId, row.since);
          found.push(row);
        }
      }
    }
    frontier = found;
  }

  db.exec('CREATE TEMP TABLE IF NOT EXISTS trace_reached (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.trace_reached');
  const remember = db.prepare('INSERT INTO temp.trace_reached (id) VALUES (?)');
  db.transaction(() => {
    for (const id of earliest.keys()) remember.run(id);
  })();
  const rows = db
    .prepare(
      `SELECT t.id, t.chain, t.time, t.block, t.tx_hash, t.idx, fa.address AS from_address,
              ta.address AS to_address, t.asset_id, t.amount
         FROM transfers t
         JOIN addresses fa ON fa.id = t.from_id
         JOIN addresses ta ON ta.id = t.to_id
        WHERE t.asset_id IN (${assets}) AND t.time >= @from AND t.time <= @to
          AND (t.from_id IN (SELECT id FROM temp.trace_reached) OR t.to_id IN (SELECT id FROM temp.trace_reached))
        ORDER BY t.time, coalesce(t.block, 0), t.tx_hash, t.idx`,
    )
    .all({ from: window.from ?? 0, to }) as (TransferRow & { id: number })[];
  db.exec('DELETE FROM temp.trace_reached');
  return {
    transfers: rows.map((r, i) => ({
      id: i + 1,
      time: r.time,
      from: `${r.chain}:${r.from_address}`,
      to: `${r.chain}:${r.to_address}`,
      asset: assetKey(r.asset_id),
      amount: BigInt(r.amount),
    })),
    storedIds: rows.map((r) => r.id),
    reached: earliest.size,
  };
}

/** Entity kinds and categories that stop a trace, e.g. ['exchange', 'service']: the cash-out points. */
export function stopAddresses(db: Db, kinds: readonly string[]): Set<number> {
  if (kinds.length === 0) return new Set();
  const list = JSON.stringify(kinds);
  const ids = db
    .prepare(
      `SELECT DISTINCT t.address_id FROM tags t
        WHERE t.address_id IS NOT NULL AND (
          t.category IN (SELECT value FROM json_each(@list))
          OR t.actor IN (SELECT e.key FROM entities e WHERE e.kind IN (SELECT value FROM json_each(@list))
            OR e.id IN (SELECT entity_id FROM entity_categories WHERE category IN (SELECT value FROM json_each(@list)))))`,
    )
    .pluck()
    .all({ list }) as number[];
  return new Set(ids);
}
