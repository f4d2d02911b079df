import { apportion } from '../apportion';
import { fraction } from './fraction';
import { checkTransfers, combineAssets, type AssetResult } from './engine';
import { checkCommonParams, compareText, cutReason } from './params';
import type {
  Address,
  AddressTaint,
  Asset,
  BackwardSeed,
  BackwardTraceParams,
  CutReason,
  Endpoint,
  TaintedFlow,
  TraceResult,
  Transfer,
} from './types';

/**
 * Backward tracing over account transfers: which earlier transfers and addresses the seed's coins came from.
 *
 * Definition. The transfers up to the latest seed are replayed forward once with the method's ledger, but each
 * coin remembers its ORIGIN (the transfer that brought it to its current holder) instead of a taint bit, so
 * every outflow is known as parts of earlier inflows of its sender (`Part`). A seed's coins are such parts too.
 * Then the demand "these coins" is walked back in reverse replay order: the demand on a transfer is split over
 * the parts its sender paid it with, and lands on the sender's earlier inflows, and so on. Per method:
 * - FIFO: exact by coin. Demand is a set of coin ranges; an outflow is the runs its sender's queue gave out
 *   (oldest first), so each demanded coin maps to one coin of one earlier inflow.
 * - haircut: an outflow of `a` from a balance `B` takes from each inflow still there its share a·r/B (r: what is
 *   left of that inflow after earlier outflows took their shares), largest-remainder rounded so the shares add
 *   up to `a` exactly; demand on the outflow is split over those shares the same way. Nothing is created or lost.
 * - poison: reachability. Every transfer into an address before a time its coins are demanded is demanded in
 *   full, recursively; amounts are the transfers' full amounts and are not conserved.
 * Hops count transfers back: seed addresses (and a seed transfer's recipient) are at hop 0, the sender of a
 * demanded transfer into an address at hop h is at h + 1; taint is followed only into addresses at hop ≤ maxHops.
 * Cut-offs mirror the forward ones: demand on a transfer whose sender is excluded, else whose recipient is at the
 * hop limit, else below `minAmount`, leaves the trace as unaccounted. A stop address is a source: demand that
 * reaches it is reported there (an exchange hot wallet as "from exchange X") and not traced into its customers.
 * Coins an address sent beyond what the traced transfers explain (its `deficit`) are of unknown origin: demand on
 * them stops there and is reported as unaccounted `remaining` ("entered the data here").
 *
 * The result reads backward: an address's `received` is the seed's coins that passed through it (its demanded
 * outflows, plus the seed amount at a seed address); `sent` what of that was attributed further back to its
 * inflows; `held` what stopped there (unknown origin, or everything at a stop address); `share` is received /
 * inflow as forward (the part of the coins that reached it that are the seed's coins); flows are the demanded
 * transfers with the demand on them as `tainted`; endpoints are the stop addresses reached (the sources). For
 * haircut and FIFO: seeded = endpoints + remaining + beyondHops + belowMinimum + excluded, exactly.
 */
export function traceBackward(transfers: readonly Transfer[], params: BackwardTraceParams): TraceResult {
  checkCommonParams(
    'traceBackward',
    params,
    (seed) => (seed.kind === 'holding' ? `h ${seed.asset} ${seed.address} ${seed.time}` : `t ${seed.transferId}`),
    'backward',
  );
  const { from = -Infinity, to = Infinity } = params.timeWindow;
  const replay = transfers.filter((t) => t.time >= from && t.time <= to).sort((a, b) => a.time - b.time || a.id - b.id);
  checkTransfers(replay);
  const byId = new Map(replay.map((t) => [t.id, t]));
  const seedsOf = new Map<Asset, BackwardSeed[]>();
  for (const seed of params.seeds) {
    let asset: Asset;
    if (seed.kind === 'holding') asset = seed.asset;
    else {
      const transfer = byId.get(seed.transferId);
      if (transfer === undefined)
        throw new RangeError(`traceBackward: seed transfer ${seed.transferId} is not in the window`);
      asset = transfer.asset;
    }
    seedsOf.set(asset, [...(seedsOf.get(asset) ?? []), seed]);
  }
  const perAsset = [...seedsOf.keys()].sort(compareText).map((asset) => {
    const seeds = seedsOf.get(asset) as BackwardSeed[];
    const until = Math.max(
      ...seeds.map((s) => (s.kind === 'holding' ? s.time : (byId.get(s.transferId) as Transfer).time)),
    );
    const own = replay.filter((t) => t.asset === asset && t.time <= until && t.from !== t.to);
    switch (params.method) {
      case 'poison':
        return poisonBackward(asset, own, seeds, params);
      case 'haircut':
        return originBackward(haircutOrigins, asset, own, seeds, params);
      case 'fifo':
        return originBackward(fifoOrigins, asset, own, seeds, params);
    }
  });
  return combineAssets(params.method, 'backward', perAsset);
}

/**
 * A run of coins of a parcel that came from one origin: the inflow transfer `origin`, or null for coins of
 * unknown origin at the sender. `offset` is where the run starts among the origin's coins (FIFO; 0 for haircut).
 */
export interface Part {
  readonly origin: number | null;
  readonly offset: bigint;
  readonly amount: bigint;
}

/** How a method composes outflows of inflows (`S`: one address's holdings) and splits demand (`D`) over them. */
export interface OriginMethod<S, D> {
  open(): S;
  /** Removes an outflow of `amount` from the holdings and returns its parts; a shortfall is unknown coins. */
  send(state: S, amount: bigint): { parts: Part[]; deficit: bigint };
  receive(state: S, origin: number, amount: bigint): void;
  /** The parts of `amount` held coins (all when absent; an excess over the balance is unknown coins). */
  holding(state: S, amount: bigint | undefined): Part[];
  /** Demand on the coins [offset, offset + amount) of a parcel. */
  range(offset: bigint, amount: bigint): D;
  total(demand: D): bigint;
  merge(a: D, b: D): D;
  /** Demand on a parcel split over its parts (in order); `rounded` counts shares that were not whole units. */
  split(demand: D, parts: readonly Part[]): { demands: D[]; rounded: number };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const sum = (values: readonly bigint[]) => values.reduce((s, v) => s + v, 0n);

interface HaircutHoldings {
  parts: Part[];
  balance: bigint;
}

export const haircutOrigins: OriginMethod<HaircutHoldings, bigint> = {
  open: () => ({ parts: [], balance: 0n }),
  send(state, amount) {
    const deficit = amount > state.balance ? amount - state.balance : 0n;
    if (deficit > 0n) {
      state.parts.push({ origin: null, offset: 0n, amount: deficit });
      state.balance += deficit;
    }
    const { parts: shares } = apportion(
      amount,
      state.parts.map((p) => p.amount),
    );
    const parts = state.parts.flatMap((p, i) => {
      const share = shares[i] as bigint;
      return share === 0n ? [] : [{ origin: p.origin, offset: 0n, amount: share }];
    });
    state.parts = state.parts
      .map((p, i) => ({ ...p, amount: p.amount - (shares[i] as bigint) }))
      .filter((p) => p.amount > 0n);
    state.balance -= amount;
    return { parts, deficit };
  },
  receive(state, origin, amount) {
    if (amount === 0n) return;
    state.parts.push({ origin, offset: 0n, amount });
    state.balance += amount;
  },
  holding(state, amount) {
    if (amount === undefined || amount >= state.balance) {
      const excess = amount === undefined ? 0n : amount - state.balance;
      return excess > 0n ? [...state.parts, { origin: null, offset: 0n, amount: excess }] : [...state.parts];
    }
    const { parts: shares } = apportion(
      amount,
      state.parts.map((p) => p.amount),
    );
    return state.parts.flatMap((p, i) => {
      const share = shares[i] as bigint;
      return share === 0n ? [] : [{ origin: p.origin, offset: 0n, amount: share }];
    });
  },
  range: (_offset, amount) => amount,
  total: (demand) => demand,
  merge: (a, b) => a + b,
  split(demand, parts) {
    const { parts: demands, rounded } = apportion(
      demand,
      parts.map((p) => p.amount),
    );
    return { demands, rounded };
  },
};

interface FifoHoldings {
  /** Oldest first; runs before `head` are spent. */
  runs: Part[];
  head: number;
}

/** Demanded coins of a parcel: sorted, disjoint, non-empty ranges [start, end) of its coins. */
export type Ranges = readonly (readonly [bigint, bigint])[];

function mergeRanges(a: Ranges, b: Ranges): Ranges {
  const all = [...a, ...b].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = last[1] > e ? last[1] : e;
    else out.push([s, e]);
  }
  return out;
}

export const fifoOrigins: OriginMethod<FifoHoldings, Ranges> = {
  open: () => ({ runs: [], head: 0 }),
  send(state, amount) {
    const parts: Part[] = [];
    let left = amount;
    while (left > 0n && state.head < state.runs.length) {
      const run = state.runs[state.head] as Part;
      const take = min(run.amount, left);
      parts.push({ origin: run.origin, offset: run.offset, amount: take });
      left -= take;
      if (take === run.amount) state.head += 1;
      else state.runs[state.head] = { origin: run.origin, offset: run.offset + take, amount: run.amount - take };
    }
    if (state.head > 64 && state.head * 2 > state.runs.length) {
      state.runs.splice(0, state.head);
      state.head = 0;
    }
    if (left > 0n) parts.push({ origin: null, offset: 0n, amount: left });
    return { parts, deficit: left };
  },
  receive(state, origin, amount) {
    if (amount > 0n) state.runs.push({ origin, offset: 0n, amount });
  },
  holding(state, amount) {
    const held = state.runs.slice(state.head);
    const balance = sum(held.map((r) => r.amount));
    if (amount === undefined || amount >= balance) {
      const excess = amount === undefined ? 0n : amount - balance;
      // Coins the data cannot explain were there before every traced inflow.
      return excess > 0n ? [{ origin: null, offset: 0n, amount: excess }, ...held] : held;
    }
    const parts: Part[] = [];
    let left = amount;
    for (let i = held.length - 1; i >= 0 && left > 0n; i--) {
      const run = held[i] as Part;
      const take = min(run.amount, left);
      parts.unshift({ origin: run.origin, offset: run.offset + run.amount - take, amount: take });
      left -= take;
    }
    return parts;
  },
  range: (offset, amount) => (amount > 0n ? [[offset, offset + amount]] : []),
  total: (demand) => sum(demand.map(([s, e]) => e - s)),
  merge: mergeRanges,
  split(demand, parts) {
    let position = 0n;
    const demands = parts.map((p) => {
      const [start, end] = [position, position + p.amount];
      position = end;
      const mapped: [bigint, bigint][] = [];
      for (const [s, e] of demand) {
        const [from, to] = [s > start ? s : start, e < end ? e : end];
        if (from < to) mapped.push([p.offset + from - start, p.offset + to - start]);
      }
      return mapped;
    });
    return { demands, rounded: 0 };
  },
};

export interface Holder {
  hops: number;
  received: bigint;
  sent: bigint;
  seeded: bigint;
  /** Every inflow in the replayed transfers. */
  inflow: bigint;
  deficit: bigint;
  /** Demand that stopped here: coins of unknown origin. */
  unknown: bigint;
}

export function holders() {
  const map = new Map<Address, Holder>();
  const get = (address: Address) => {
    let h = map.get(address);
    if (h === undefined) {
      h = { hops: Infinity, received: 0n, sent: 0n, seeded: 0n, inflow: 0n, deficit: 0n, unknown: 0n };
      map.set(address, h);
    }
    return h;
  };
  return { map, get };
}

type HoldingSeed = Extract<BackwardSeed, { kind: 'holding' }>;

function holdingSeeds(seeds: readonly BackwardSeed[]): HoldingSeed[] {
  return seeds.filter((s): s is HoldingSeed => s.kind === 'holding').sort((a, b) => a.time - b.time);
}

function originBackward<S, D>(
  method: OriginMethod<S, D>,
  asset: Asset,
  transfers: readonly Transfer[],
  seeds: readonly BackwardSeed[],
  params: BackwardTraceParams,
): AssetResult {
  const { map, get } = holders();
  const byId = new Map(transfers.map((t) => [t.id, t]));

  // Forward: what every outflow is made of, and the seeds' coins.
  const states = new Map<Address, S>();
  const state = (address: Address) => {
    let s = states.get(address);
    if (s === undefined) states.set(address, (s = method.open()));
    return s;
  };
  const composition = new Map<number, Part[]>();
  const held = holdingSeeds(seeds);
  const seedParts: { seed: HoldingSeed; parts: Part[] }[] = [];
  let next = 0;
  const snapshot = (upTo: number) => {
    for (; next < held.length && (held[next] as HoldingSeed).time < upTo; next++) {
      const seed = held[next] as HoldingSeed;
      seedParts.push({ seed, parts: method.holding(state(seed.address), seed.amount) });
    }
  };
  for (const t of transfers) {
    snapshot(t.time);
    const out = method.send(state(t.from), t.amount);
    get(t.from).deficit += out.deficit;
    get(t.to).inflow += t.amount;
    composition.set(t.id, out.parts);
    method.receive(state(t.to), t.id, t.amount);
  }
  snapshot(Infinity);

  // Backward: demand on transfers, latest first.
  const demand = new Map<number, { demand: D; hops: number }>();
  const cut: Record<CutReason, bigint> = { excluded: 0n, beyondHops: 0n, belowMinimum: 0n };
  const flows: TaintedFlow[] = [];
  let rounded = 0;

  const attribute = (address: Address, d: D, parts: readonly Part[], hops: number) => {
    const h = get(address);
    const split = method.split(d, parts);
    rounded += split.rounded;
    parts.forEach((p, i) => {
      const share = split.demands[i] as D;
      const amount = method.total(share);
      if (amount === 0n) return;
      if (p.origin === null) {
        h.unknown += amount;
        return;
      }
      h.sent += amount;
      const known = demand.get(p.origin);
      demand.set(
        p.origin,
        known === undefined
          ? { demand: share, hops }
          : { demand: method.merge(known.demand, share), hops: Math.min(known.hops, hops) },
      );
    });
  };

  for (const { seed, parts } of seedParts) {
    const h = get(seed.address);
    const amount = sum(parts.map((p) => p.amount));
    h.hops = 0;
    h.seeded += amount;
    h.received += amount;
    if (!params.stopAt.has(seed.address)) attribute(seed.address, method.range(0n, amount), parts, 0);
  }
  for (const seed of seeds) {
    // A transfer from an address to itself moves nothing, so as a seed it asks about nothing.
    const t = seed.kind === 'transfer' ? byId.get(seed.transferId) : undefined;
    if (t === undefined) continue;
    const d = method.range(0n, min(t.amount, seed.amount ?? t.amount));
    const h = get(t.to);
    h.hops = 0;
    h.seeded += method.total(d);
    h.received += method.total(d);
    // As for a holding seed, a stop address keeps what was asked about: the walk does not go behind it.
    if (params.stopAt.has(t.to)) continue;
    h.sent += method.total(d);
    const known = demand.get(t.id);
    demand.set(t.id, { demand: known === undefined ? d : method.merge(known.demand, d), hops: 0 });
  }

  for (let i = transfers.length - 1; i >= 0; i--) {
    const t = transfers[i] as Transfer;
    const wanted = demand.get(t.id);
    if (wanted === undefined) continue;
    const amount = method.total(wanted.demand);
    const flow = { transferId: t.id, time: t.time, from: t.from, to: t.to, asset, amount: t.amount, tainted: amount };
    const reason = cutReason(t.from, amount, wanted.hops, params);
    if (reason !== undefined) {
      flows.push({ ...flow, cut: reason });
      cut[reason] += amount;
      continue;
    }
    flows.push(flow);
    const sender = get(t.from);
    sender.hops = Math.min(sender.hops, wanted.hops + 1);
    sender.received += amount;
    if (!params.stopAt.has(t.from)) attribute(t.from, wanted.demand, composition.get(t.id) as Part[], wanted.hops + 1);
  }
  flows.reverse();
  return summarise(asset, map, cut, flows, rounded, params, true);
}

function poisonBackward(
  asset: Asset,
  transfers: readonly Transfer[],
  seeds: readonly BackwardSeed[],
  params: BackwardTraceParams,
): AssetResult {
  const { map, get } = holders();
  // Forward: balances (for the seeds' amounts) and deficits, as the ledgers count them.
  const balance = new Map<Address, bigint>();
  const held = holdingSeeds(seeds);
  const seedAmount = new Map<HoldingSeed, bigint>();
  let next = 0;
  const snapshot = (upTo: number) => {
    for (; next < held.length && (held[next] as HoldingSeed).time < upTo; next++) {
      const seed = held[next] as HoldingSeed;
      seedAmount.set(seed, seed.amount ?? balance.get(seed.address) ?? 0n);
    }
  };
  for (const t of transfers) {
    snapshot(t.time);
    const before = balance.get(t.from) ?? 0n;
    if (t.amount > before) get(t.from).deficit += t.amount - before;
    get(t.to).inflow += t.amount;
    balance.set(t.from, t.amount > before ? 0n : before - t.amount);
    balance.set(t.to, (balance.get(t.to) ?? 0n) + t.amount);
  }
  snapshot(Infinity);

  // Backward: the smallest hop at which each address's coins are demanded after the transfer at hand.
  const demandedAt = new Map<Address, number>();
  const seedTransfers = new Map<number, bigint | undefined>();
  for (const seed of seeds) if (seed.kind === 'transfer') seedTransfers.set(seed.transferId, seed.amount);
  const cut: Record<CutReason, bigint> = { excluded: 0n, beyondHops: 0n, belowMinimum: 0n };
  const flows: TaintedFlow[] = [];
  let pending = held.length - 1;
  for (let i = transfers.length - 1; i >= -1; i--) {
    const t = transfers[i];
    for (; pending >= 0 && (t === undefined || (held[pending] as HoldingSeed).time >= t.time); pending--) {
      const seed = held[pending] as HoldingSeed;
      const h = get(seed.address);
      h.hops = 0;
      h.seeded += seedAmount.get(seed) as bigint;
      h.received += seedAmount.get(seed) as bigint;
      if (!params.stopAt.has(seed.address)) demandedAt.set(seed.address, 0);
    }
    if (t === undefined) break;
    let hops = demandedAt.get(t.to) ?? Infinity;
    if (seedTransfers.has(t.id)) {
      const recipient = get(t.to);
      const seeded = min(t.amount, seedTransfers.get(t.id) ?? t.amount);
      recipient.hops = 0;
      recipient.seeded += seeded;
      recipient.received += seeded;
      if (params.stopAt.has(t.to)) continue;
      hops = 0;
    }
    if (hops === Infinity) continue;
    get(t.to).sent += t.amount;
    const flow = { transferId: t.id, time: t.time, from: t.from, to: t.to, asset, amount: t.amount, tainted: t.amount };
    const reason = cutReason(t.from, t.amount, hops, params);
    if (reason !== undefined) {
      flows.push({ ...flow, cut: reason });
      cut[reason] += t.amount;
      continue;
    }
    flows.push(flow);
    const sender = get(t.from);
    sender.hops = Math.min(sender.hops, hops + 1);
    sender.received += t.amount;
    if (!params.stopAt.has(t.from)) demandedAt.set(t.from, Math.min(demandedAt.get(t.from) ?? Infinity, hops + 1));
  }
  flows.reverse();
  return summarise(asset, map, cut, flows, 0, params, false);
}

function summarise(
  asset: Asset,
  map: Map<Address, Holder>,
  cut: Record<CutReason, bigint>,
  flows: TaintedFlow[],
  roundedOutflows: number,
  params: BackwardTraceParams,
  conserved: boolean,
): AssetResult {
  const summary = summariseHolders(asset, map, params.stopAt, conserved);
  return {
    addresses: summary.addresses,
    endpoints: summary.endpoints,
    flows,
    totals: {
      asset,
      seeded: summary.seeded,
      endpoints: summary.endpointTaint,
      unaccounted: { remaining: summary.remaining, ...cut },
      roundedOutflows,
    },
  };
}

/**
 * The backward figures of every reached address (hops finite), sorted; a stop address keeps all it received.
 * `remaining` (coins of unknown origin) is only summed when the method conserves value.
 */
export function summariseHolders(
  asset: Asset,
  map: ReadonlyMap<Address, Holder>,
  stopAt: ReadonlySet<Address>,
  conserved: boolean,
) {
  const addresses: AddressTaint[] = [];
  const endpoints: Endpoint[] = [];
  let seeded = 0n;
  let endpointTaint = 0n;
  let remaining = 0n;
  for (const address of [...map.keys()].sort(compareText)) {
    const h = map.get(address) as Holder;
    if (h.hops === Infinity) continue;
    const endpoint = stopAt.has(address);
    const stopped = endpoint ? h.received : h.unknown;
    addresses.push({
      address,
      asset,
      hops: h.hops,
      received: h.received,
      sent: endpoint ? 0n : h.sent,
      held: stopped,
      seeded: h.seeded,
      inflow: h.inflow,
      share: h.inflow === 0n ? null : fraction(h.received, h.inflow),
      deficit: h.deficit,
      endpoint,
    });
    seeded += h.seeded;
    if (endpoint && h.received > 0n) {
      endpoints.push({ address, asset, tainted: h.received, hops: h.hops });
      endpointTaint += h.received;
    } else if (!endpoint && conserved) remaining += stopped;
  }
  return { addresses, endpoints, seeded, endpointTaint, remaining };
}
