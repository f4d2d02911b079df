/**
 * Value moving between two addresses, from the workspace's chain data: account transfers as stored, and UTXO
 * transactions split into flows (utxo-split.ts). Everything the graph shows (edges, neighbours, an address's
 * totals and transfer lists) is computed from these flows, with a few set-based queries per call.
 * A flow of an address to itself (UTXO change, a self-send) moves nothing between addresses and is left out.
 */
import type { Db } from '../open';
import { splitUtxoTx, type UtxoTx } from './utxo-split';

export interface Flow {
  chain: string;
  txHash: string;
  /** The transfer's index in its transaction; the output's number for UTXO flows. */
  idx: number;
  time: number;
  block: number | null;
  fromId: number;
  toId: number;
  assetId: number;
  amount: bigint;
}

export interface AssetInfo {
  id: number;
  chain: string;
  symbol: string;
  decimals: number;
  /** The chain's model: UTXO chains move only their own coin, through utxo_txs. */
  utxo: boolean;
  /** The chain's own coin (not a token). */
  native: boolean;
}

/** Every asset of the workspace by id: a few dozen rows. */
export function loadAssets(db: Db): Map<number, AssetInfo> {
  const rows = db
    .prepare(
      `SELECT a.id, a.chain, a.symbol, a.decimals, c.model = 'utxo' AS utxo, a.contract = '' AS native
         FROM assets a JOIN chains c ON c.code = a.chain`,
    )
    .all() as { id: number; chain: string; symbol: string; decimals: number; utxo: number; native: number }[];
  return new Map(rows.map((r) => [r.id, { ...r, utxo: r.utxo === 1, native: r.native === 1 }]));
}

/** The coin of a UTXO chain, the one asset its transactions move. */
export function utxoCoin(assets: Map<number, AssetInfo>, chain: string): AssetInfo | undefined {
  return [...assets.values()].find((a) => a.chain === chain && a.utxo && a.native);
}

/** A time window in unix seconds, both ends included. */
export interface Window {
  from?: number;
  to?: number;
}

interface TransferRow {
  chain: string;
  tx_hash: string;
  idx: number;
  time: number;
  block: number | null;
  from_id: number;
  to_id: number;
  asset_id: number;
  amount: string;
}

const TRANSFER_COLUMNS = 't.chain, t.tx_hash, t.idx, t.time, t.block, t.from_id, t.to_id, t.asset_id, t.amount';

function fromTransfer(r: TransferRow): Flow {
  return {
    chain: r.chain,
    txHash: r.tx_hash,
    idx: r.idx,
    time: r.time,
    block: r.block,
    fromId: r.from_id,
    toId: r.to_id,
    assetId: r.asset_id,
    amount: BigInt(r.amount),
  };
}

/** The transactions with these ids, inputs and outputs in order. Three queries, whatever their number. */
export function loadUtxoTxs(db: Db, txIds: readonly number[]): UtxoTx[] {
  const ids = JSON.stringify([...new Set(txIds)]);
  const scope = 'IN (SELECT value FROM json_each(@ids))';
  const txs = new Map(
    (
      db.prepare(`SELECT id, chain, tx_hash, time, block FROM utxo_txs WHERE id ${scope}`).all({ ids }) as {
        id: number;
        chain: string;
        tx_hash: string;
        time: number;
        block: number | null;
      }[]
    ).map((t): [number, UtxoTx] => [
      t.id,
      { id: t.id, chain: t.chain, txHash: t.tx_hash, time: t.time, block: t.block, inputs: [], outputs: [] },
    ]),
  );
  type Part = { tx_id: number; n: number; address_id: number | null; value: string };
  for (const i of db
    .prepare(`SELECT tx_id, n, address_id, value FROM utxo_inputs WHERE tx_id ${scope} ORDER BY tx_id, n`)
    .all({ ids }) as Part[]) {
    txs.get(i.tx_id)?.inputs.push({ addressId: i.address_id, value: BigInt(i.value) });
  }
  for (const o of db
    .prepare(`SELECT tx_id, n, address_id, value FROM utxo_outputs WHERE tx_id ${scope} ORDER BY tx_id, n`)
    .all({ ids }) as Part[]) {
    txs.get(o.tx_id)?.outputs.push({ n: o.n, addressId: o.address_id, value: BigInt(o.value) });
  }
  return [...txs.values()];
}

/** The flows of UTXO transactions, in the coin of their chain, without self-flows. */
function utxoFlows(txs: readonly UtxoTx[], coinOf: (chain: string) => number | undefined): Flow[] {
  return txs.flatMap((tx) => {
    const assetId = coinOf(tx.chain);
    if (assetId === undefined) return [];
    return splitUtxoTx(tx)
      .filter((f) => f.fromId !== f.toId)
      .map((f) => ({ ...tx, idx: f.n, fromId: f.fromId, toId: f.toId, assetId, amount: f.amount }));
  });
}

const coinLookup = (assets: Map<number, AssetInfo>) => (chain: string) => utxoCoin(assets, chain)?.id;

export interface FlowKey {
  fromId: number;
  toId: number;
  assetId: number;
}

export const flowKey = (k: FlowKey) => `${k.fromId} ${k.toId} ${k.assetId}`;

/** How many rows of `table` name each of the addresses in `column`, counted in the column's index. */
function countsBy(db: Db, table: string, column: string, ids: Iterable<number>): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT ${column}, count(*) FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?)) GROUP BY ${column}`,
    )
    .raw()
    .all(JSON.stringify([...new Set(ids)])) as [number, number][];
  return new Map(rows);
}

/**
 * Splits pairs by their quieter end: those whose source has no more rows in `sources` (table, address column)
 * than their target has in `targets` are best looked up from the source, the others from the target. An
 * exchange's hot wallet on a graph then costs a look at each counterparty's few transfers, not at its million.
 */
function byQuieterEnd(
  db: Db,
  keys: readonly FlowKey[],
  sources: [string, string],
  targets: [string, string],
): { fromSource: FlowKey[]; fromTarget: FlowKey[] } {
  const sent = countsBy(
    db,
    ...sources,
    keys.map((k) => k.fromId),
  );
  const received = countsBy(
    db,
    ...targets,
    keys.map((k) => k.toId),
  );
  const sourceIsQuieter = (k: FlowKey) => (sent.get(k.fromId) ?? 0) <= (received.get(k.toId) ?? 0);
  return { fromSource: keys.filter(sourceIsQuieter), fromTarget: keys.filter((k) => !sourceIsQuieter(k)) };
}

/** The account transfers of each pair, each looked up through the index of its quieter end. */
function accountFlowsBetween(db: Db, keys: readonly FlowKey[]): Flow[] {
  const { fromSource, fromTarget } = byQuieterEnd(db, keys, ['transfers', 'from_id'], ['transfers', 'to_id']);
  const lookup = (index: string, list: readonly FlowKey[]) =>
    (
      db
        .prepare(
          `SELECT ${TRANSFER_COLUMNS}
             FROM json_each(@keys) k CROSS JOIN transfers t INDEXED BY ${index}
            WHERE t.from_id = k.value ->> 0 AND t.to_id = k.value ->> 1 AND t.asset_id = k.value ->> 2`,
        )
        .all({ keys: triples(list) }) as TransferRow[]
    ).map(fromTransfer);
  return [...lookup('transfers_by_from', fromSource), ...lookup('transfers_by_to', fromTarget)];
}

/** The UTXO flows of each pair: the transactions that pay from one end to the other, found from the quieter end. */
function utxoFlowsBetween(db: Db, keys: readonly FlowKey[], assets: Map<number, AssetInfo>): Flow[] {
  const { fromSource, fromTarget } = byQuieterEnd(
    db,
    keys,
    ['utxo_inputs', 'address_id'],
    ['utxo_outputs', 'address_id'],
  );
  const bySource = db
    .prepare(
      `SELECT i.tx_id FROM json_each(@keys) k CROSS JOIN utxo_inputs i INDEXED BY utxo_inputs_by_address
         JOIN utxo_outputs o ON o.tx_id = i.tx_id AND o.address_id = k.value ->> 1
        WHERE i.address_id = k.value ->> 0`,
    )
    .pluck()
    .all({ keys: triples(fromSource) }) as number[];
  const byTarget = db
    .prepare(
      `SELECT o.tx_id FROM json_each(@keys) k CROSS JOIN utxo_outputs o INDEXED BY utxo_outputs_by_address
         JOIN utxo_inputs i ON i.tx_id = o.tx_id AND i.address_id = k.value ->> 0
        WHERE o.address_id = k.value ->> 1`,
    )
    .pluck()
    .all({ keys: triples(fromTarget) }) as number[];
  const wanted = new Set(keys.map(flowKey));
  return utxoFlows(loadUtxoTxs(db, [...bySource, ...byTarget]), coinLookup(assets)).filter((f) =>
    wanted.has(flowKey(f)),
  );
}

const triples = (list: readonly FlowKey[]) => JSON.stringify(list.map((k) => [k.fromId, k.toId, k.assetId]));

/**
 * Every flow between the given pairs of addresses in the given asset: the edges of a graph. A few set-based
 * queries whatever the number of pairs: for account transfers and for UTXO transactions alike, two counts and
 * two lookups.
 */
export function flowsBetween(db: Db, keys: readonly FlowKey[], assets: Map<number, AssetInfo>): Flow[] {
  const account = keys.filter((k) => assets.get(k.assetId)?.utxo === false && k.fromId !== k.toId);
  const utxo = keys.filter((k) => assets.get(k.assetId)?.utxo === true && k.fromId !== k.toId);
  return [...accountFlowsBetween(db, account), ...utxoFlowsBetween(db, utxo, assets)];
}

/** The columns of transfers that hold the address, for each direction. */
const SIDES = { out: ['from_id'], in: ['to_id'], both: ['from_id', 'to_id'] } as const;

/**
 * One page of the transfers of an address of an account chain, oldest first, paged by SQLite: an exchange's
 * hot wallet may have millions. Self-sends are left out, as everywhere.
 */
export function accountFlowPage(
  db: Db,
  addressId: number,
  direction: AddressFilter['direction'],
  page: { offset: number; limit: number },
): { total: number; flows: Flow[] } {
  const holds = `(${SIDES[direction].map((side) => `t.${side} = @id`).join(' OR ')}) AND t.from_id <> t.to_id`;
  const params = { id: addressId, ...page };
  const total = db.prepare(`SELECT count(*) FROM transfers t WHERE ${holds}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE ${holds}
        ORDER BY t.time, t.tx_hash, t.idx LIMIT @limit OFFSET @offset`,
    )
    .all(params) as TransferRow[];
  return { total, flows: rows.map(fromTransfer) };
}

export interface AddressFilter {
  direction: 'in' | 'out' | 'both';
  assetId?: number;
  window?: Window;
}

/** Every flow into or out of one address (an address of `chain`), without self-flows. */
export function flowsOf(
  db: Db,
  address: { id: number; chain: string },
  filter: AddressFilter,
  assets: Map<number, AssetInfo>,
): Flow[] {
  const from = filter.window?.from ?? 0;
  const to = filter.window?.to ?? Number.MAX_SAFE_INTEGER;
  const params = { id: address.id, from, to, asset: filter.assetId ?? null };
  const coin = utxoCoin(assets, address.chain);
  if (coin === undefined) {
    return SIDES[filter.direction].flatMap((side) =>
      (
        db
          .prepare(
            `SELECT ${TRANSFER_COLUMNS} FROM transfers t
              WHERE t.${side} = @id AND t.time BETWEEN @from AND @to AND t.from_id <> t.to_id
                AND (@asset IS NULL OR t.asset_id = @asset)`,
          )
          .all(params) as TransferRow[]
      ).map(fromTransfer),
    );
  }
  if (filter.assetId !== undefined && filter.assetId !== coin.id) return [];
  const txIds = db
    .prepare(
      `SELECT x.id FROM utxo_txs x
        WHERE x.time BETWEEN @from AND @to
          AND x.id IN (SELECT tx_id FROM utxo_inputs WHERE address_id = @id
                       UNION SELECT tx_id FROM utxo_outputs WHERE address_id = @id)`,
    )
    .pluck()
    .all(params) as number[];
  const mine = (f: Flow) =>
    (filter.direction !== 'in' && f.fromId === address.id) || (filter.direction !== 'out' && f.toId === address.id);
  return utxoFlows(loadUtxoTxs(db, txIds), coinLookup(assets)).filter(mine);
}

export function assetIdsOf(flows: readonly Flow[]): Set<number> {
  return new Set(flows.map((f) => f.assetId));
}

/** Oldest first; then by transaction, index and ends, so the order never depends on storage. */
export function compareFlows(a: Flow, b: Flow): number {
  return (
    a.time - b.time ||
    (a.txHash < b.txHash ? -1 : a.txHash > b.txHash ? 1 : 0) ||
    a.idx - b.idx ||
    a.fromId - b.fromId ||
    a.toId - b.toId
  );
}

/** `CHAIN:ADDRESS` of each address id. */
export function addressTexts(db: Db, ids: Iterable<number>): Map<number, string> {
  const rows = db
    .prepare('SELECT id, chain, address FROM addresses WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: number; chain: string; address: string }[];
  return new Map(rows.map((r) => [r.id, `${r.chain}:${r.address}`]));
}
