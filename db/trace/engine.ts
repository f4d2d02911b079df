import { fraction } from './fraction';
import { fifoLedger, haircutLedger, poisonLedger, type TaintLedger } from './ledgers';
import { checkCommonParams, compareText, cutReason } from './params';
import type {
  Address,
  AddressTaint,
  Asset,
  AssetTotals,
  CutReason,
  Endpoint,
  TaintedFlow,
  TraceDirection,
  TraceMethod,
  TraceParams,
  TraceResult,
  Transfer,
} from './types';

/**
 * Forward taint tracing over account transfers. The transfers are replayed once in time order (ties by id):
 * each outflow carries only taint that reached its sender in an earlier transfer, so an address that spends
 * before tainted funds arrive sends clean coins. Each asset is traced on its own. The input may come in any
 * order and the output is sorted, so the same transfers and parameters always give the same result.
 *
 * Per transfer, in this order:
 * 1. The sender's ledger (see ledgers.ts) says how much of the outflow is tainted. A stop address sends clean
 *    coins: the taint that reached it is reported there and goes no further.
 * 2. Tainted outflows are cut, and the taint leaves the trace, when the recipient is excluded, else when the
 *    sender is at the hop limit, else when the tainted amount is below `minAmount`. A cut transfer reaches
 *    its recipient as clean coins.
 * 3. Seeds mark clean coins of the inflow (see `Seed`), then the recipient's ledger takes the inflow.
 * A transfer from an address to itself moves nothing and is skipped.
 */
export function trace(transfers: readonly Transfer[], params: TraceParams): TraceResult {
  checkCommonParams('trace', params, (seed) =>
    seed.kind === 'address' ? `a ${seed.asset} ${seed.address}` : `t ${seed.transferId}`,
  );
  const { from = -Infinity, to = Infinity } = params.timeWindow;
  const replay = transfers.filter((t) => t.time >= from && t.time <= to).sort((a, b) => a.time - b.time || a.id - b.id);
  checkTransfers(replay);
  const seeds = seedsByAsset(replay, params);

  const byAsset = new Map<Asset, Transfer[]>([...seeds.keys()].map((asset) => [asset, []]));
  for (const t of replay) byAsset.get(t.asset)?.push(t);

  const perAsset = [...byAsset.keys()].sort(compareText).map((asset) => {
    const own = byAsset.get(asset) as Transfer[];
    const assetSeeds = seeds.get(asset) as AssetSeeds;
    switch (params.method) {
      case 'poison':
        return traceAsset(poisonLedger, asset, own, assetSeeds, params);
      case 'haircut':
        return traceAsset(haircutLedger, asset, own, assetSeeds, params);
      case 'fifo':
        return traceAsset(fifoLedger, asset, own, assetSeeds, params);
    }
  });

  return combineAssets(params.method, params.direction, perAsset);
}

/** One result from per-asset results (each sorted), flows in replay order. */
export function combineAssets(
  method: TraceMethod,
  direction: TraceDirection,
  perAsset: readonly AssetResult[],
): TraceResult {
  return {
    method,
    direction,
    addresses: perAsset.flatMap((r) => r.addresses),
    endpoints: perAsset.flatMap((r) => r.endpoints),
    flows: perAsset.flatMap((r) => r.flows).sort((a, b) => a.time - b.time || a.transferId - b.transferId),
    totals: perAsset.map((r) => r.totals),
  };
}

export function checkTransfers(replay: readonly Transfer[]): void {
  const ids = new Set<number>();
  for (const t of replay) {
    if (t.amount < 0n) throw new RangeError(`trace: transfer ${t.id} has a negative amount`);
    if (ids.has(t.id)) throw new RangeError(`trace: transfer id ${t.id} appears twice`);
    ids.add(t.id);
  }
}

interface AssetSeeds {
  /** Address seeds: from when inflows are marked, and how much may still be marked (undefined: no limit). */
  readonly addresses: Map<Address, { readonly time: number; left: bigint | undefined }>;
  /** Transfer seeds by transfer id: how much of the transfer to mark (undefined: all of it). */
  readonly transfers: Map<number, bigint | undefined>;
}

function seedsByAsset(replay: readonly Transfer[], params: TraceParams): Map<Asset, AssetSeeds> {
  const byId = new Map(replay.map((t) => [t.id, t]));
  const result = new Map<Asset, AssetSeeds>();
  const of = (asset: Asset) => {
    let seeds = result.get(asset);
    if (seeds === undefined) result.set(asset, (seeds = { addresses: new Map(), transfers: new Map() }));
    return seeds;
  };
  for (const seed of params.seeds) {
    if (seed.kind === 'address') {
      of(seed.asset).addresses.set(seed.address, { time: seed.time, left: seed.amount });
      continue;
    }
    // A seed that names a transfer outside the data or the window would silently trace nothing.
    const transfer = byId.get(seed.transferId);
    if (transfer === undefined) throw new RangeError(`trace: seed transfer ${seed.transferId} is not in the window`);
    if (params.excluded.has(transfer.to))
      throw new RangeError(`trace: seed transfer ${transfer.id} pays an excluded address`);
    of(transfer.asset).transfers.set(transfer.id, seed.amount);
  }
  return result;
}

interface Holder<S> {
  readonly ledger: S;
  hops: number;
  received: bigint;
  sent: bigint;
  seeded: bigint;
  inflow: bigint;
  deficit: bigint;
}

export interface AssetResult {
  readonly addresses: AddressTaint[];
  readonly endpoints: Endpoint[];
  readonly flows: TaintedFlow[];
  readonly totals: AssetTotals;
}

function traceAsset<S, P>(
  ledger: TaintLedger<S, P>,
  asset: Asset,
  transfers: readonly Transfer[],
  seeds: AssetSeeds,
  params: TraceParams,
): AssetResult {
  const holders = new Map<Address, Holder<S>>();
  const holder = (address: Address) => {
    let h = holders.get(address);
    if (h === undefined) {
      h = { ledger: ledger.open(), hops: Infinity, received: 0n, sent: 0n, seeded: 0n, inflow: 0n, deficit: 0n };
      holders.set(address, h);
    }
    return h;
  };
  for (const address of seeds.addresses.keys()) holder(address).hops = 0;

  const cut: Record<CutReason, bigint> = { excluded: 0n, beyondHops: 0n, belowMinimum: 0n };
  const flows: TaintedFlow[] = [];
  let roundedOutflows = 0;

  for (const t of transfers) {
    if (t.from === t.to) continue;
    const sender = holder(t.from);
    const recipient = holder(t.to);

    let parcel = ledger.clean(t.amount);
    if (!params.stopAt.has(t.from)) {
      const out = ledger.send(sender.ledger, t.amount);
      sender.deficit += out.deficit;
      if (out.rounded) roundedOutflows += 1;
      if (out.tainted > 0n) {
        sender.sent += out.tainted;
        const reason = cutReason(t.to, out.tainted, sender.hops, params);
        const flow = { transferId: t.id, time: t.time, from: t.from, to: t.to, asset, amount: t.amount };
        if (reason !== undefined) {
          flows.push({ ...flow, tainted: out.tainted, cut: reason });
          cut[reason] += out.tainted;
        } else {
          flows.push({ ...flow, tainted: out.tainted });
          parcel = out.parcel;
          recipient.hops = Math.min(recipient.hops, sender.hops + 1);
        }
      }
    }

    parcel = markSeeds(ledger, t, parcel, recipient, seeds);
    recipient.inflow += t.amount;
    recipient.received += ledger.tainted(parcel);
    if (!params.stopAt.has(t.to)) ledger.receive(recipient.ledger, t.amount, parcel);
  }

  return summarise(ledger, asset, holders, cut, flows, roundedOutflows, params);
}

function markSeeds<S, P>(
  ledger: TaintLedger<S, P>,
  t: Transfer,
  parcel: P,
  recipient: Holder<S>,
  seeds: AssetSeeds,
): P {
  let marked = parcel;
  if (seeds.transfers.has(t.id)) {
    marked = ledger.mark(marked, t.amount, seeds.transfers.get(t.id) ?? t.amount);
    recipient.hops = 0;
  }
  const seed = seeds.addresses.get(t.to);
  if (seed !== undefined && t.time >= seed.time && seed.left !== 0n) {
    const before = ledger.tainted(marked);
    marked = ledger.mark(marked, t.amount, seed.left ?? t.amount);
    if (seed.left !== undefined) seed.left -= ledger.tainted(marked) - before;
  }
  recipient.seeded += ledger.tainted(marked) - ledger.tainted(parcel);
  return marked;
}

function summarise<S, P>(
  ledger: TaintLedger<S, P>,
  asset: Asset,
  holders: Map<Address, Holder<S>>,
  cut: Record<CutReason, bigint>,
  flows: TaintedFlow[],
  roundedOutflows: number,
  params: TraceParams,
): AssetResult {
  const addresses: AddressTaint[] = [];
  const endpoints: Endpoint[] = [];
  let seeded = 0n;
  let endpointTaint = 0n;
  let remaining = 0n;
  for (const address of [...holders.keys()].sort(compareText)) {
    const h = holders.get(address) as Holder<S>;
    if (h.hops === Infinity) continue;
    const endpoint = params.stopAt.has(address);
    // A stop address keeps everything it received: its outflows are not traced.
    const held = endpoint ? h.received : ledger.held(h.ledger);
    addresses.push({
      address,
      asset,
      hops: h.hops,
      received: h.received,
      sent: h.sent,
      held,
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
    } else if (!endpoint) remaining += held;
  }
  return {
    addresses,
    endpoints,
    flows,
    totals: { asset, seeded, endpoints: endpointTaint, unaccounted: { remaining, ...cut }, roundedOutflows },
  };
}
