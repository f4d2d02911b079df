/**
 * From the workspace to the tracing core: which transfers a trace needs, and the cash-out points. A trace
 * replays only the subgraph it can reach. Forward, starting at the seeds, each level follows the transfers that
 * leave a reached address at or after the time taint could first be there; backward, the transfers that reach
 * a reached address at or before the last time its coins are asked about; up to the hop limit. Then every
 * transfer into or out of a reached address (of the traced assets) is loaded, since clean inflows dilute
 * haircut shares and fill FIFO queues. Stop and excluded addresses are reached but not expanded.
 */
import type { Db } from '../open';
import type { TraceDirection, Transfer } from './types';

/** id, time, from_id, to_id, asset_id, amount, tx_hash */
type TransferRow = [number, number, number, number, number, string, string];

export interface LoadedTransfers {
  transfers: Transfer[];
  /** The workspace id of each traced transfer, by the core's id (index id - 1). */
  storedIds: number[];
  /** The transaction hash of each traced transfer, by the core's id (index id - 1). */
  txHashes: string[];
  /** CHAIN:ADDRESS of every address in the traced transfers, by workspace id. */
  names: Map<number, string>;
  /** Addresses (CHAIN:ADDRESS) reached by following transfers, seeds included. */
  reached: number;
}

/** The asset string the core sees: its id in the workspace, so tokens with the same symbol never mix. */
export const assetKey = (assetId: number) => `asset:${assetId}`;

export interface Frontier {
  addressId: number;
  /** Forward: taint can be there from this time on. Backward: its coins are asked about up to this time. */
  time: number;
}

/** The window as bounds the SQL can use. */
export const bounds = (window: { from?: number; to?: number }) => ({
  from: window.from ?? 0,
  to: window.to ?? Number.MAX_SAFE_INTEGER,
});

/**
 * The addresses a trace can reach from `seeds` within `maxHops`, each with the time that bounds it overall: the
 * earliest (forward) or latest (backward) time it is reached. `next` answers one address's neighbours one hop on.
 *
 * An address reached late but in few hops can lead further than one reached early in many, so each address keeps
 * every (time, hop) that no other of its arrivals beats on both, and each of those is walked on.
 */
export function reach(
  seeds: readonly Frontier[],
  direction: TraceDirection,
  maxHops: number,
  stopAt: ReadonlySet<number>,
  next: (f: Frontier) => Frontier[],
): Map<number, number> {
  const atLeastAsGood = (a: number, b: number) => (direction === 'forward' ? a <= b : a >= b);
  /** Per address, the times of its undominated arrivals, by hop (arrivals are found in hop order). */
  const arrivals = new Map<number, number[]>();
  const arrive = (f: Frontier): boolean => {
    const times = arrivals.get(f.addressId);
    if (times === undefined) {
      arrivals.set(f.addressId, [f.time]);
      return true;
    }
    // Every earlier arrival has a hop no larger than this one's, so it is beaten unless its time is better.
    if (times.some((t) => atLeastAsGood(t, f.time))) return false;
    times.push(f.time);
    return true;
  };
  let frontier = seeds.filter(arrive);
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const found: Frontier[] = [];
    for (const f of frontier) {
      if (stopAt.has(f.addressId)) continue;
      for (const row of next(f)) if (arrive(row)) found.push(row);
    }
    frontier = found;
  }
  const best = new Map<number, number>();
  for (const [id, times] of arrivals)
    best.set(
      id,
      times.reduce((a, b) => (atLeastAsGood(a, b) ? a : b)),
    );
  return best;
}

/** Fills temp.trace_reached with address ids, for the queries that load everything touching them. */
export function rememberReached(db: Db, ids: Iterable<number>): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS trace_reached (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.trace_reached');
  const remember = db.prepare('INSERT INTO temp.trace_reached (id) VALUES (?)');
  db.transaction(() => {
    for (const id of ids) remember.run(id);
  })();
}

/**
 * Loads the transfers a trace from `seeds` can touch within `maxHops`. Transfers get core ids in
 * (time, block, tx_hash, index) order, so the replay order never depends on the order files were imported in.
 * Each asset is walked on its own: taint never moves between assets, so a hop through another asset is none.
 */
export function loadTransfers(
  db: Db,
  direction: TraceDirection,
  seeds: readonly (Frontier & { assetId: number })[],
  assetIds: readonly number[],
  maxHops: number,
  stopAt: ReadonlySet<number>,
  window: { from?: number; to?: number } = {},
): LoadedTransfers {
  const { from, to } = bounds(window);
  const next = db.prepare(
    direction === 'forward'
      ? `SELECT to_id AS addressId, min(time) AS time FROM transfers
          WHERE from_id = ? AND asset_id = ? AND time >= ? AND time <= ? GROUP BY to_id`
      : `SELECT from_id AS addressId, max(time) AS time FROM transfers
          WHERE to_id = ? AND asset_id = ? AND time >= ? AND time <= ? GROUP BY from_id`,
  );
  const reached = new Set<number>();
  let latest = from;
  for (const assetId of assetIds) {
    const own = seeds.filter((s) => s.assetId === assetId);
    const clamp = (time: number) => Math.min(Math.max(time, from), to);
    const found = reach(
      own.map((s) => ({ addressId: s.addressId, time: clamp(s.time) })),
      direction,
      maxHops,
      stopAt,
      (f) =>
        (direction === 'forward'
          ? next.all(f.addressId, assetId, f.time, to)
          : next.all(f.addressId, assetId, from, f.time)) as Frontier[],
    );
    for (const [id, time] of found) {
      reached.add(id);
      latest = Math.max(latest, time);
    }
  }

  rememberReached(db, reached);
  // Backward, nothing after the last time a coin is asked about can matter.
  const until = direction === 'forward' ? to : Math.min(to, latest);
  // Raw rows and ids: the addresses are named once each below, not once per transfer.
  const rows = db
    .prepare(
      `SELECT t.id, t.time, t.from_id, t.to_id, t.asset_id, t.amount, t.tx_hash
         FROM transfers t
        WHERE t.id IN (SELECT x.id FROM temp.trace_reached r CROSS JOIN transfers x ON x.from_id = r.id
                        UNION SELECT x.id FROM temp.trace_reached r CROSS JOIN transfers x ON x.to_id = r.id)
          AND t.asset_id IN (SELECT value FROM json_each(@assets)) AND t.time >= @from AND t.time <= @until
        ORDER BY t.time, coalesce(t.block, 0), t.tx_hash, t.idx`,
    )
    .raw()
    .all({ assets: JSON.stringify(assetIds), from, until }) as TransferRow[];
  db.exec('DELETE FROM temp.trace_reached');
  const ids = new Set<number>();
  for (const r of rows) {
    ids.add(r[2]);
    ids.add(r[3]);
  }
  const names = new Map<number, string>(
    db
      .prepare("SELECT id, chain || ':' || address FROM addresses WHERE id IN (SELECT value FROM json_each(?))")
      .raw()
      .all(JSON.stringify([...ids])) as [number, string][],
  );
  return {
    transfers: rows.map((r, i) => ({
      id: i + 1,
      time: r[1],
      from: names.get(r[2]) as string,
      to: names.get(r[3]) as string,
      asset: assetKey(r[4]),
      amount: BigInt(r[5]),
    })),
    storedIds: rows.map((r) => r[0]),
    txHashes: rows.map((r) => r[6]),
    names,
    reached: reached.size,
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
