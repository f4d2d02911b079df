/**
 * From the workspace to the UTXO tracing core: the transactions a trace of a BTC-like chain needs. As for
 * account chains (load.ts), the reachable addresses are found first, level by level: forward, the addresses paid
 * by transactions that spend a reached address's coins at or after the time taint could be there; backward, the
 * addresses whose coins were spent by transactions that paid a reached address at or before the time its coins
 * are asked about. Then every transaction with an input or output of a reached address is loaded, with all its
 * inputs and outputs, since clean inputs dilute haircut shares and take their place in FIFO pools.
 */
import type { Db } from '../open';
import { bounds, reach, rememberReached, type Frontier } from './load';
import type { TraceDirection, UtxoTransaction } from './types';

export interface LoadedUtxo {
  transactions: UtxoTransaction[];
  reached: number;
}

interface TxRow {
  id: number;
  tx_hash: string;
  time: number;
}

interface CoinRow {
  tx_id: number;
  n: number;
  address: string | null;
  value: string;
  prev_tx?: string | null;
  prev_vout?: number | null;
}

export function loadUtxo(
  db: Db,
  chain: string,
  asset: string,
  direction: TraceDirection,
  seeds: readonly Frontier[],
  maxHops: number,
  stopAt: ReadonlySet<number>,
  window: { from?: number; to?: number } = {},
): LoadedUtxo {
  const { from, to } = bounds(window);
  const next = db.prepare(
    direction === 'forward'
      ? `SELECT o.address_id AS addressId, min(t.time) AS time
           FROM utxo_inputs i JOIN utxo_txs t ON t.id = i.tx_id JOIN utxo_outputs o ON o.tx_id = t.id
          WHERE i.address_id = ? AND t.time >= ? AND t.time <= ? AND o.address_id IS NOT NULL
          GROUP BY o.address_id`
      : `SELECT i.address_id AS addressId, max(t.time) AS time
           FROM utxo_outputs o JOIN utxo_txs t ON t.id = o.tx_id JOIN utxo_inputs i ON i.tx_id = t.id
          WHERE o.address_id = ? AND t.time >= ? AND t.time <= ? AND i.address_id IS NOT NULL
          GROUP BY i.address_id`,
  );
  const clamp = (time: number) => Math.min(Math.max(time, from), to);
  const found = reach(
    seeds.map((s) => ({ addressId: s.addressId, time: clamp(s.time) })),
    direction,
    maxHops,
    stopAt,
    (f) =>
      (direction === 'forward' ? next.all(f.addressId, f.time, to) : next.all(f.addressId, from, f.time)) as Frontier[],
  );
  const until = direction === 'forward' ? to : Math.min(to, Math.max(from, ...found.values()));

  rememberReached(db, found.keys());
  db.exec('CREATE TEMP TABLE IF NOT EXISTS trace_txs (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.trace_txs');
  db.prepare(
    `INSERT OR IGNORE INTO temp.trace_txs (id)
       SELECT t.id FROM utxo_txs t
        WHERE t.chain = @chain AND t.time >= @from AND t.time <= @until
          AND t.id IN (SELECT i.tx_id FROM temp.trace_reached r CROSS JOIN utxo_inputs i ON i.address_id = r.id
                       UNION SELECT o.tx_id FROM temp.trace_reached r CROSS JOIN utxo_outputs o ON o.address_id = r.id)`,
  ).run({ chain, from, until });
  const txs = db
    .prepare(
      `SELECT t.id, t.tx_hash, t.time FROM temp.trace_txs x JOIN utxo_txs t ON t.id = x.id
        ORDER BY t.time, coalesce(t.block, 0), t.tx_hash`,
    )
    .all() as TxRow[];
  const coins = (table: 'utxo_inputs' | 'utxo_outputs', extra: string) =>
    db
      .prepare(
        `SELECT c.tx_id, c.n, a.chain || ':' || a.address AS address, c.value${extra}
           FROM temp.trace_txs x JOIN ${table} c ON c.tx_id = x.id LEFT JOIN addresses a ON a.id = c.address_id
          ORDER BY c.tx_id, c.n`,
      )
      .all() as CoinRow[];
  const inputs = group(coins('utxo_inputs', ', c.prev_tx, c.prev_vout'));
  const outputs = group(coins('utxo_outputs', ''));
  db.exec('DELETE FROM temp.trace_txs');
  db.exec('DELETE FROM temp.trace_reached');

  const built = txs.map((t): UtxoTransaction => ({
    id: 0,
    txid: t.tx_hash,
    time: t.time,
    asset,
    inputs: (inputs.get(t.id) ?? []).map((c) => ({
      txid: c.prev_tx ?? '',
      index: c.prev_vout ?? 0,
      address: c.address,
      value: BigInt(c.value),
    })),
    outputs: (outputs.get(t.id) ?? []).map((c) => ({ index: c.n, address: c.address, value: BigInt(c.value) })),
  }));
  return { transactions: parentsFirst(built), reached: found.size };
}

function group(rows: CoinRow[]): Map<number, CoinRow[]> {
  const map = new Map<number, CoinRow[]>();
  for (const row of rows) {
    const list = map.get(row.tx_id);
    if (list === undefined) map.set(row.tx_id, [row]);
    else list.push(row);
  }
  return map;
}

/**
 * Ids in chain order. The workspace knows each transaction's block but not its position in the block, so within
 * (time, block, txid) order a transaction that spends another's output is moved after it; the order is still a
 * function of the data alone.
 */
function parentsFirst(txs: UtxoTransaction[]): UtxoTransaction[] {
  const byTxid = new Map(txs.map((t) => [t.txid, t]));
  const done = new Set<string>();
  const ordered: UtxoTransaction[] = [];
  const visit = (t: UtxoTransaction, path: Set<string>) => {
    if (done.has(t.txid) || path.has(t.txid)) return;
    path.add(t.txid);
    for (const input of t.inputs) {
      const parent = byTxid.get(input.txid);
      if (parent !== undefined && parent.time === t.time) visit(parent, path);
    }
    done.add(t.txid);
    ordered.push({ ...t, id: ordered.length + 1 });
  };
  for (const t of txs) visit(t, new Set());
  return ordered;
}
