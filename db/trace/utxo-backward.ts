import { fifoOrigins, haircutOrigins, holders, summariseHolders, type OriginMethod, type Part } from './backward';
import { checkCommonParams, compareText, cutReason } from './params';
import { checkTransactions, outpoint } from './utxo';
import type {
  Address,
  Asset,
  CutReason,
  UtxoBackwardSeed,
  UtxoBackwardTraceParams,
  UtxoFlow,
  UtxoTaintedTransaction,
  UtxoTraceResult,
  UtxoTransaction,
} from './types';

/**
 * Backward tracing over UTXO transactions: which earlier outputs (and their addresses) the seed's coins came
 * from. Demand lives on outputs and is walked back through the transaction that created each one, latest
 * transaction first, by the inverse of the forward rule (see utxo.ts):
 * - FIFO: exact by coin. The inputs' coins in input order, then newly minted coins, are poured into the outputs
 *   in index order, so each demanded coin of an output is one coin of one input (or a minted one).
 * - haircut: an output is a proportional mix of the pool, so demand on it is split over the inputs (and the
 *   minted coins) in proportion to their values, largest-remainder rounded: the parts add up exactly.
 * - poison: every input of a transaction whose output is demanded is demanded in full (not conserved).
 * Seed outputs (and the outputs a holding seed names) are at hop 0; the inputs of the transaction that created
 * an output at hop h are at h + 1, followed only when h < maxHops. Demand on an input is cut when its address is
 * excluded, else when below `minAmount`. An input whose address is a stop address is a source (endpoint) and is
 * not traced further. An input spending an output that is not in the traced transactions is coins of unknown
 * origin at its address (`remaining`); demand on minted coins (coinbase) is reported as `unaddressed`.
 * Fees are not traced backward (`fees` is 0). Addresses read as in backward.ts: `received` is the seed's coins on
 * outputs paid to the address; flows are the demanded outputs with the demand as `tainted` and the addresses of
 * the inputs it was attributed to as `from`; a transaction's `taintOut` is the demand on its outputs (not cut by
 * the hop limit) and `taintIn` what was attributed to its inputs and minted coins, so taintIn = taintOut.
 * For haircut and FIFO: seeded = endpoints + remaining + beyondHops + belowMinimum + excluded + unaddressed.
 */
export function traceUtxoBackward(
  transactions: readonly UtxoTransaction[],
  params: UtxoBackwardTraceParams,
): UtxoTraceResult {
  checkCommonParams(
    'traceUtxoBackward',
    params,
    (seed) =>
      seed.kind === 'holding' ? `h ${seed.asset} ${seed.address} ${seed.time}` : `o ${seed.asset} ${outpoint(seed)}`,
    'backward',
  );
  const { from = -Infinity, to = Infinity } = params.timeWindow;
  const replay = transactions
    .filter((t) => t.time >= from && t.time <= to)
    .sort((a, b) => a.time - b.time || a.id - b.id);
  checkTransactions(replay, params.seeds);
  const assets = [...new Set(params.seeds.map((s) => s.asset))].sort(compareText);
  const perAsset = assets.map((asset) => {
    const own = replay.filter((t) => t.asset === asset);
    const seeds = params.seeds.filter((s) => s.asset === asset);
    switch (params.method) {
      case 'poison':
        return traceAsset({ demand: poisonDemand, byCoin: false }, asset, own, seeds, params);
      case 'haircut':
        return traceAsset(
          { demand: haircutOrigins, holdings: haircutOrigins, byCoin: false },
          asset,
          own,
          seeds,
          params,
        );
      case 'fifo':
        return traceAsset({ demand: fifoOrigins, holdings: fifoOrigins, byCoin: true }, asset, own, seeds, params);
    }
  });
  const order = new Map(replay.map((t, i) => [`${t.asset} ${t.txid}`, i]));
  const position = (asset: Asset, txid: string) => order.get(`${asset} ${txid}`) ?? 0;
  return {
    method: params.method,
    direction: 'backward',
    addresses: perAsset.flatMap((r) => r.addresses),
    endpoints: perAsset.flatMap((r) => r.endpoints),
    flows: perAsset
      .flatMap((r) => r.flows)
      .sort((a, b) => position(a.asset, a.txid) - position(b.asset, b.txid) || a.index - b.index),
    transactions: perAsset
      .flatMap((r) => r.transactions)
      .sort((a, b) => position(a.asset, a.txid) - position(b.asset, b.txid)),
    totals: perAsset.map((r) => r.totals),
  };
}

type Demand<D> = Pick<OriginMethod<unknown, D>, 'range' | 'total' | 'merge' | 'split'>;

/**
 * A method backward: its demand, the holdings that pick a holding seed's coins (poison: none, it marks the held
 * coins in full, conserving nothing), and whether outputs are made of inputs coin by coin (FIFO) or as a mix.
 */
interface BackwardRule<S, D> {
  readonly demand: Demand<D>;
  readonly holdings?: OriginMethod<S, D>;
  readonly byCoin: boolean;
}

/** Poison demand is a whole output: every part of a demanded output is demanded in full. */
const poisonDemand: Demand<bigint> = {
  range: (_offset, amount) => amount,
  total: (demand) => demand,
  merge: (a, b) => (a > b ? a : b),
  split: (_demand, parts) => ({ demands: parts.map((p) => p.amount), rounded: 0 }),
};

/** An output of the traced transactions, or (`tx` -1) one an input spends that is not in them. */
interface Coin {
  readonly tx: number;
  readonly index: number;
  readonly address: Address | null;
  readonly value: bigint;
}

function traceAsset<S, D>(
  rule: BackwardRule<S, D>,
  asset: Asset,
  transactions: readonly UtxoTransaction[],
  seeds: readonly UtxoBackwardSeed[],
  params: UtxoBackwardTraceParams,
) {
  const method = rule.demand;
  const conserved = rule.holdings !== undefined;
  const until = Math.max(
    ...seeds.map((s) =>
      s.kind === 'holding' ? s.time : (transactions.find((t) => t.txid === s.txid) as UtxoTransaction).time,
    ),
  );
  const txs = transactions.filter((t) => t.time <= until);
  const { map, get } = holders();

  // Number every coin; an input's parts refer to the coins it spends.
  const coins: Coin[] = [];
  const idOf = new Map<string, number>();
  const outputIds: number[][] = [];
  const inputIds: number[][] = [];
  txs.forEach((t, tx) => {
    inputIds.push(
      t.inputs.map((input) => {
        const known = idOf.get(outpoint(input));
        if (known !== undefined) return known;
        if (input.address !== null) get(input.address).deficit += input.value;
        return coins.push({ tx: -1, index: input.index, address: input.address, value: input.value }) - 1;
      }),
    );
    const outputs = [...t.outputs].sort((a, b) => a.index - b.index);
    outputIds.push(
      outputs.map((o) => {
        const id = coins.push({ tx, index: o.index, address: o.address, value: o.value }) - 1;
        idOf.set(outpoint({ txid: t.txid, index: o.index }), id);
        if (o.address !== null) get(o.address).inflow += o.value;
        return id;
      }),
    );
  });

  const demand = new Map<number, { demand: D; hops: number }>();
  const cut: Record<CutReason, bigint> = { excluded: 0n, beyondHops: 0n, belowMinimum: 0n };
  let unaddressed = 0n;
  let seededUnaddressed = 0n;
  let rounded = 0;

  /** Demand arriving on a coin: its address is reached; a stop address or an unknown coin ends the walk. */
  const land = (coinId: number, d: D, hops: number, seed: boolean) => {
    const coin = coins[coinId] as Coin;
    const amount = method.total(d);
    if (coin.address === null) {
      // A script without an address holds no figures of its own; the walk goes on behind it.
      if (seed) seededUnaddressed += amount;
      if (coin.tx < 0) {
        unaddressed += amount;
        return;
      }
    } else {
      const h = get(coin.address);
      h.hops = Math.min(h.hops, hops);
      h.received += amount;
      if (seed) h.seeded += amount;
      if (params.stopAt.has(coin.address)) return;
      if (coin.tx < 0) {
        h.unknown += amount;
        return;
      }
    }
    const known = demand.get(coinId);
    demand.set(
      coinId,
      known === undefined
        ? { demand: d, hops }
        : { demand: method.merge(known.demand, d), hops: Math.min(known.hops, hops) },
    );
  };

  for (const seed of seeds) {
    if (seed.kind === 'output') {
      const id = idOf.get(outpoint(seed)) as number;
      const coin = coins[id] as Coin;
      land(
        id,
        method.range(0n, seed.amount !== undefined && seed.amount < coin.value ? seed.amount : coin.value),
        0,
        true,
      );
      continue;
    }
    get(seed.address).hops = 0;
    for (const [id, d] of heldCoins(rule, txs, coins, outputIds, inputIds, seed)) {
      if (id < 0) {
        const h = get(seed.address);
        h.seeded += method.total(d);
        h.received += method.total(d);
        if (params.stopAt.has(seed.address)) continue;
        h.unknown += method.total(d);
      } else land(id, d, 0, true);
    }
  }

  const flows: UtxoFlow[] = [];
  const tainting: UtxoTaintedTransaction[] = [];
  for (let tx = txs.length - 1; tx >= 0; tx--) {
    const t = txs[tx] as UtxoTransaction;
    const inputs = inputIds[tx] as number[];
    const inValue = inputs.reduce((s, id) => s + (coins[id] as Coin).value, 0n);
    const outputs = outputIds[tx] as number[];
    const outValue = outputs.reduce((s, id) => s + (coins[id] as Coin).value, 0n);
    const minted = outValue > inValue ? outValue - inValue : 0n;
    let position = 0n;
    let taintOut = 0n;
    let taintIn = 0n;
    let txHops = Infinity;
    for (const id of outputs) {
      const coin = coins[id] as Coin;
      const start = position;
      position += coin.value;
      const wanted = demand.get(id);
      if (wanted === undefined) continue;
      const amount = method.total(wanted.demand);
      const flow = { txid: t.txid, time: t.time, asset, index: coin.index, to: coin.address, value: coin.value };
      txHops = Math.min(txHops, wanted.hops);
      if (wanted.hops >= params.maxHops) {
        flows.push({ ...flow, from: [], tainted: amount, cut: 'beyondHops' });
        cut.beyondHops += amount;
        continue;
      }
      if (coin.address !== null) get(coin.address).sent += amount;
      taintOut += amount;
      const parts = composition(rule.byCoin, inputs, coins, minted, start, coin.value);
      const split = method.split(wanted.demand, parts);
      rounded += split.rounded;
      const from = new Set<Address | null>();
      const followed = new Map<Address, bigint>();
      parts.forEach((p, i) => {
        const share = split.demands[i] as D;
        const part = method.total(share);
        if (part === 0n) return;
        taintIn += part;
        if (p.origin === null) {
          unaddressed += part;
          return;
        }
        const source = coins[p.origin] as Coin;
        from.add(source.address);
        const reason = cutReason(source.address, part, -Infinity, params);
        if (reason !== undefined) cut[reason] += part;
        else {
          land(p.origin, share, wanted.hops + 1, false);
          if (source.address !== null) followed.set(source.address, (followed.get(source.address) ?? 0n) + part);
        }
      });
      const fromList = [...from].sort((a, b) => (a === null ? -1 : b === null ? 1 : compareText(a, b)));
      const given = [...followed]
        .sort((a, b) => compareText(a[0], b[0]))
        .map(([address, tainted]) => ({ address, tainted }));
      flows.push({ ...flow, from: fromList, tainted: amount, parts: given });
    }
    if (txHops !== Infinity)
      tainting.push({ txid: t.txid, time: t.time, asset, hops: txHops, taintIn, taintOut, fee: 0n });
  }
  flows.reverse();
  tainting.reverse();

  const summary = summariseHolders(asset, map, params.stopAt, conserved);
  return {
    addresses: summary.addresses,
    endpoints: summary.endpoints,
    flows,
    transactions: tainting,
    totals: {
      asset,
      seeded: summary.seeded + seededUnaddressed,
      endpoints: summary.endpointTaint,
      unaccounted: { remaining: summary.remaining, ...cut, fees: 0n, unaddressed: conserved ? unaddressed : 0n },
      roundedOutputs: rounded,
    },
  };
}

/**
 * What an output is made of, as parts of the coins its transaction spends. FIFO: the pieces of the pool
 * (inputs in order, then minted coins) that lie under the output's range [start, start + value). Haircut and
 * poison: every input and the minted coins, weighted by value (a proportional mix).
 */
function composition(
  byCoin: boolean,
  inputs: readonly number[],
  coins: readonly Coin[],
  minted: bigint,
  start: bigint,
  value: bigint,
): Part[] {
  const pool: Part[] = inputs.map((id) => ({ origin: id, offset: 0n, amount: (coins[id] as Coin).value }));
  if (minted > 0n) pool.push({ origin: null, offset: 0n, amount: minted });
  if (!byCoin) return pool.filter((p) => p.amount > 0n);
  const parts: Part[] = [];
  let position = 0n;
  const end = start + value;
  for (const p of pool) {
    const [from, to] = [position > start ? position : start, position + p.amount < end ? position + p.amount : end];
    if (from < to) parts.push({ origin: p.origin, offset: from - position, amount: to - from });
    position += p.amount;
  }
  return parts;
}

/**
 * The demand a holding seed puts on the coins paid to its address and still unspent at the end of its second,
 * as (coin id, demand) pairs; coin id -1 is the excess of `amount` over those coins (unknown origin).
 */
function heldCoins<S, D>(
  rule: BackwardRule<S, D>,
  txs: readonly UtxoTransaction[],
  coins: readonly Coin[],
  outputIds: readonly number[][],
  inputIds: readonly number[][],
  seed: Extract<UtxoBackwardSeed, { kind: 'holding' }>,
): [number, D][] {
  const unspent = new Set<number>();
  txs.forEach((t, tx) => {
    if (t.time > seed.time) return;
    for (const id of inputIds[tx] as number[]) unspent.delete(id);
    for (const id of outputIds[tx] as number[]) if ((coins[id] as Coin).address === seed.address) unspent.add(id);
  });
  const held = [...unspent].sort((a, b) => a - b);
  const { demand, holdings } = rule;
  if (holdings === undefined) return held.map((id) => [id, demand.range(0n, (coins[id] as Coin).value)]);
  // The account holdings pick the coins: the held outputs as inflows in the order they arrived.
  const state = holdings.open();
  for (const id of held) holdings.receive(state, id, (coins[id] as Coin).value);
  const byCoin = new Map<number, D>();
  for (const p of holdings.holding(state, seed.amount)) {
    const id = p.origin ?? -1;
    const d = demand.range(p.offset, p.amount);
    const known = byCoin.get(id);
    byCoin.set(id, known === undefined ? d : demand.merge(known, d));
  }
  return [...byCoin].sort((a, b) => a[0] - b[0]);
}
