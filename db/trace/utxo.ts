import { apportion } from '../apportion';
import { fifoLedger, haircutLedger, poisonLedger, type Lot, type TaintLedger } from './ledgers';
import { checkCommonParams, compareText, cutReason } from './params';
import { summariseAddresses, type Reached } from './summary';
import type {
  Address,
  AddressTaint,
  Asset,
  CutReason,
  Endpoint,
  TraceDirection,
  TraceMethod,
  UtxoAssetTotals,
  UtxoBackwardSeed,
  UtxoFlow,
  UtxoSeed,
  UtxoTaintedTransaction,
  UtxoTraceParams,
  UtxoTraceResult,
  UtxoTransaction,
} from './types';

/**
 * Forward taint tracing over UTXO transactions. Taint lives on outputs (coins): a transaction pools the taint of
 * the outputs it spends and the method splits the pool over its outputs and its fee. The transactions are
 * replayed once in time order (ties by id), and each must come after the transactions it spends from.
 *
 * A transaction pours a pool of D = max(Σ input values, Σ output values) coins into its outputs in index order
 * and then into the fee, fee = D − Σ output values. When the outputs exceed the inputs (a coinbase, which has no
 * inputs) the excess is new clean coins at the end of the pool. Per method, with T the taint of the inputs:
 * - poison: when T > 0, every output and the fee are tainted in full.
 * - haircut: output i of value v carries v·T/D, the fee fee·T/D. Shares that are not whole numbers are rounded by
 *   the largest-remainder rule: each part gets floor(v·T/D), and the T − Σ floors units left over go one each to
 *   the parts with the largest fractional remainders, the earlier output first on ties and the fee last. No part
 *   exceeds its value and the parts add up to exactly T: nothing is created and nothing is lost to rounding.
 * - FIFO: the inputs' coins in input order (each input's coins in the order they arrived in that output) are
 *   poured into the outputs in index order, then into the fee.
 * Fee taint leaves the trace (`fees`); it is not followed into later coinbases, which would taint every block.
 *
 * Then, per output, in this order:
 * 1. Taint put on an output is cut, and leaves the trace, when the output pays an excluded address, else when the
 *    transaction's hop (the smallest hop of its tainted inputs) is at `maxHops`, else when it is below
 *    `minAmount`. A cut output is clean. A followed output is at the transaction's hop + 1.
 * 2. Seeds mark clean coins of the output (see `UtxoSeed`). An output named by a seed, and any tainted output
 *    paid to a seed address, is at hop 0 (as a seed address is in the account engine).
 * An output paid to a stop address keeps its taint there as an endpoint; when it is spent, it is spent as clean
 * coins. An input whose output is not in the traced transactions (outside the data or the window) is clean coins
 * of unknown origin, reported as its address's `deficit`.
 */
export function traceUtxo(transactions: readonly UtxoTransaction[], params: UtxoTraceParams): UtxoTraceResult {
  checkCommonParams('traceUtxo', params, (seed) =>
    seed.kind === 'address' ? `a ${seed.asset} ${seed.address}` : `o ${seed.asset} ${outpoint(seed)}`,
  );
  const { from = -Infinity, to = Infinity } = params.timeWindow;
  const replay = transactions
    .filter((t) => t.time >= from && t.time <= to)
    .sort((a, b) => a.time - b.time || a.id - b.id);
  checkTransactions(replay, params.seeds);

  const assets = new Set<Asset>(params.seeds.map((s) => s.asset));
  const perAsset = [...assets].sort(compareText).map((asset) => {
    const own = replay.filter((t) => t.asset === asset);
    const seeds = params.seeds.filter((s) => s.asset === asset);
    switch (params.method) {
      case 'poison':
        return traceAsset(poisonRule, asset, own, seeds, params);
      case 'haircut':
        return traceAsset(haircutRule, asset, own, seeds, params);
      case 'fifo':
        return traceAsset(fifoRule, asset, own, seeds, params);
    }
  });
  return joinAssets(params.method, params.direction, replay, perAsset);
}

/**
 * One result from the per-asset ones (taken in asset order): flows and transactions in replay order (flows then
 * by output index), the rest in asset order.
 */
export function joinAssets(
  method: TraceMethod,
  direction: TraceDirection,
  replay: readonly UtxoTransaction[],
  perAsset: readonly UtxoAssetResult[],
): UtxoTraceResult {
  const order = new Map(replay.map((t, i) => [`${t.asset} ${t.txid}`, i]));
  const position = (asset: Asset, txid: string) => order.get(`${asset} ${txid}`) ?? 0;
  return {
    method,
    direction,
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

export const outpoint = (o: { readonly txid: string; readonly index: number }) => `${o.txid}:${o.index}`;

/** Refuses data whose replay would silently be wrong: spends out of order, double spends, mismatched values. */
export function checkTransactions(
  replay: readonly UtxoTransaction[],
  seeds: readonly (UtxoSeed | UtxoBackwardSeed)[],
): void {
  const created = new Map<string, { readonly at: number; readonly value: bigint }>();
  const ids = new Set<number>();
  const txids = new Set<string>();
  replay.forEach((t, at) => {
    if (ids.has(t.id)) throw new RangeError(`traceUtxo: transaction id ${t.id} appears twice`);
    ids.add(t.id);
    if (txids.has(`${t.asset} ${t.txid}`)) throw new RangeError(`traceUtxo: transaction ${t.txid} appears twice`);
    txids.add(`${t.asset} ${t.txid}`);
    const indexes = new Set<number>();
    for (const o of t.outputs) {
      if (o.value < 0n) throw new RangeError(`traceUtxo: output ${t.txid}:${o.index} has a negative value`);
      if (indexes.has(o.index)) throw new RangeError(`traceUtxo: output ${t.txid}:${o.index} appears twice`);
      indexes.add(o.index);
      created.set(`${t.asset} ${t.txid}:${o.index}`, { at, value: o.value });
    }
  });
  const spent = new Set<string>();
  replay.forEach((t, at) => {
    for (const input of t.inputs) {
      const key = `${t.asset} ${outpoint(input)}`;
      if (input.value < 0n) throw new RangeError(`traceUtxo: input ${outpoint(input)} has a negative value`);
      if (spent.has(key)) throw new RangeError(`traceUtxo: output ${outpoint(input)} is spent twice`);
      spent.add(key);
      const output = created.get(key);
      if (output === undefined) continue;
      if (output.at >= at)
        throw new RangeError(`traceUtxo: ${t.txid} spends ${outpoint(input)} before the transaction that creates it`);
      if (output.value !== input.value)
        throw new RangeError(
          `traceUtxo: ${t.txid} spends ${outpoint(input)} with a value that differs from the output`,
        );
    }
  });
  for (const seed of seeds) {
    if (seed.kind === 'output' && !created.has(`${seed.asset} ${outpoint(seed)}`))
      throw new RangeError(`traceUtxo: seed output ${outpoint(seed)} is not in the window`);
  }
}

/** How one method splits a transaction's pooled input taint over its parts (the outputs, then the fee). */
interface UtxoRule<P> {
  readonly parcels: Pick<TaintLedger<unknown, P>, 'clean' | 'tainted' | 'mark'>;
  /** `inputs` in input order; `minted` clean coins go after them; `parts` sum to the pool. */
  split(inputs: readonly P[], minted: bigint, parts: readonly bigint[]): { parcels: P[]; rounded: number };
}

const poisonRule: UtxoRule<bigint> = {
  parcels: poisonLedger,
  split(inputs, _minted, parts) {
    const tainted = inputs.some((p) => p > 0n);
    return { parcels: parts.map((v) => (tainted ? v : 0n)), rounded: 0 };
  },
};

const haircutRule: UtxoRule<bigint> = {
  parcels: haircutLedger,
  split(inputs, _minted, parts) {
    // The fee is the last part, so it gets a unit left over by rounding only after every output.
    const { parts: parcels, rounded } = apportion(
      inputs.reduce((sum, p) => sum + p, 0n),
      parts,
    );
    return { parcels, rounded };
  },
};

const fifoRule: UtxoRule<readonly Lot[]> = {
  parcels: fifoLedger,
  split(inputs, minted, parts) {
    const pool = fifoLedger.open();
    for (const p of inputs) fifoLedger.receive(pool, 0n, p);
    fifoLedger.receive(pool, minted, fifoLedger.clean(minted));
    return { parcels: parts.map((v) => fifoLedger.send(pool, v).parcel), rounded: 0 };
  },
};

interface Coin<P> {
  readonly address: Address | null;
  readonly value: bigint;
  readonly parcel: P;
  readonly hops: number;
}

/** What a UTXO trace (forward or backward) finds for one asset. */
export interface UtxoAssetResult {
  readonly addresses: readonly AddressTaint[];
  readonly endpoints: readonly Endpoint[];
  readonly flows: readonly UtxoFlow[];
  readonly transactions: readonly UtxoTaintedTransaction[];
  readonly totals: UtxoAssetTotals;
}

function traceAsset<P>(
  rule: UtxoRule<P>,
  asset: Asset,
  transactions: readonly UtxoTransaction[],
  seeds: readonly UtxoSeed[],
  params: UtxoTraceParams,
): UtxoAssetResult {
  const { clean, tainted, mark } = rule.parcels;
  const holders = new Map<Address, Reached>();
  const holder = (address: Address) => {
    let h = holders.get(address);
    if (h === undefined) {
      h = { hops: Infinity, received: 0n, sent: 0n, seeded: 0n, inflow: 0n, deficit: 0n };
      holders.set(address, h);
    }
    return h;
  };
  const addressSeeds = new Map<Address, { readonly time: number; left: bigint | undefined }>();
  const outputSeeds = new Map<string, bigint | undefined>();
  for (const seed of seeds) {
    if (seed.kind === 'address') {
      addressSeeds.set(seed.address, { time: seed.time, left: seed.amount });
      holder(seed.address).hops = 0;
    } else outputSeeds.set(outpoint(seed), seed.amount);
  }

  /** Unspent outputs of the traced transactions, by `txid:index`. */
  const coins = new Map<string, Coin<P>>();
  const cut: Record<CutReason, bigint> = { excluded: 0n, beyondHops: 0n, belowMinimum: 0n };
  const flows: UtxoFlow[] = [];
  const tainting: UtxoTaintedTransaction[] = [];
  let fees = 0n;
  let seeded = 0n;
  let roundedOutputs = 0;

  for (const t of transactions) {
    // Spend the inputs.
    const inputs: P[] = [];
    // Taint spent per input address (null: inputs without one), for the flows' parts.
    const from = new Map<Address | null, bigint>();
    let hops = Infinity;
    let inValue = 0n;
    for (const input of t.inputs) {
      inValue += input.value;
      const coin = coins.get(outpoint(input));
      coins.delete(outpoint(input));
      if (coin === undefined) {
        if (input.address !== null) holder(input.address).deficit += input.value;
        inputs.push(clean(input.value));
        continue;
      }
      const stop = coin.address !== null && params.stopAt.has(coin.address);
      const parcel = stop ? clean(coin.value) : coin.parcel;
      inputs.push(parcel);
      const taint = tainted(parcel);
      if (taint > 0n) {
        if (coin.address !== null) holder(coin.address).sent += taint;
        from.set(coin.address, (from.get(coin.address) ?? 0n) + taint);
        hops = Math.min(hops, coin.hops);
      }
    }

    // Split the pool over the outputs and the fee.
    const outputs = [...t.outputs].sort((a, b) => a.index - b.index);
    const outValue = outputs.reduce((sum, o) => sum + o.value, 0n);
    const pool = inValue > outValue ? inValue : outValue;
    const split = rule.split(inputs, pool - inValue, [...outputs.map((o) => o.value), pool - outValue]);
    roundedOutputs += split.rounded;
    const taintIn = inputs.reduce((sum, p) => sum + tainted(p), 0n);
    const feeTaint = tainted(split.parcels[outputs.length] as P);
    fees += feeTaint;
    if (taintIn > 0n)
      tainting.push({
        txid: t.txid,
        time: t.time,
        asset,
        hops,
        taintIn,
        taintOut: taintIn - feeTaint,
        fee: feeTaint,
      });
    const fromList = [...from.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : compareText(a, b)));
    const partsOf = (taint: bigint) => {
      const split = apportion(
        taint,
        fromList.map((a) => from.get(a) as bigint),
      ).parts;
      return fromList.flatMap((address, i) =>
        address === null || split[i] === 0n ? [] : [{ address, tainted: split[i] as bigint }],
      );
    };

    // Create the outputs.
    outputs.forEach((o, i) => {
      let parcel = split.parcels[i] as P;
      let coinHops = Infinity;
      const taint = tainted(parcel);
      if (taint > 0n) {
        const reason = cutReason(o.address, taint, hops, params);
        const flow = {
          txid: t.txid,
          time: t.time,
          asset,
          from: fromList,
          index: o.index,
          to: o.address,
          parts: partsOf(taint),
        };
        if (reason !== undefined) {
          flows.push({ ...flow, value: o.value, tainted: taint, cut: reason });
          cut[reason] += taint;
          parcel = clean(o.value);
        } else {
          flows.push({ ...flow, value: o.value, tainted: taint });
          coinHops = hops + 1;
        }
      }
      const arrived = tainted(parcel);
      const key = outpoint({ txid: t.txid, index: o.index });
      if (outputSeeds.has(key)) {
        parcel = mark(parcel, o.value, outputSeeds.get(key) ?? o.value);
        coinHops = 0;
      }
      const seed = o.address === null ? undefined : addressSeeds.get(o.address);
      if (seed !== undefined && t.time >= seed.time && seed.left !== 0n) {
        const before = tainted(parcel);
        parcel = mark(parcel, o.value, seed.left ?? o.value);
        if (seed.left !== undefined) seed.left -= tainted(parcel) - before;
      }
      // As a seed address is at hop 0 in the account engine, every tainted coin paid to one is at hop 0.
      if (seed !== undefined && tainted(parcel) > 0n) coinHops = 0;
      const marked = tainted(parcel) - arrived;
      seeded += marked;
      if (o.address !== null) {
        const h = holder(o.address);
        h.inflow += o.value;
        h.received += tainted(parcel);
        h.seeded += marked;
        h.hops = Math.min(h.hops, coinHops);
      }
      coins.set(key, { address: o.address, value: o.value, parcel, hops: coinHops });
    });
  }

  // Taint still on unspent outputs.
  const held = new Map<Address, bigint>();
  let unaddressed = 0n;
  for (const coin of coins.values()) {
    const taint = tainted(coin.parcel);
    if (coin.address === null) unaddressed += taint;
    else held.set(coin.address, (held.get(coin.address) ?? 0n) + taint);
  }

  const { addresses, endpoints, endpointTaint, remaining } = summariseAddresses(asset, holders, params.stopAt, {
    held: (_h, address) => held.get(address) ?? 0n,
    sent: (h) => h.sent,
  });
  return {
    addresses,
    endpoints,
    flows,
    transactions: tainting,
    totals: {
      asset,
      seeded,
      endpoints: endpointTaint,
      unaccounted: { remaining, ...cut, fees, unaddressed },
      roundedOutputs,
    },
  };
}
