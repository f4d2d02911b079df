import { UsdSum, type PriceBook } from '../usd';
import type { AssetInfo, Flow } from './flows';

export const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Exact totals of some flows of one asset: amount, USD where priced, count, first and last time. */
export class FlowTotals {
  total = 0n;
  count = 0;
  first = Infinity;
  last = -Infinity;
  readonly usd = new UsdSum();

  add(flow: Flow, asset: AssetInfo, prices: PriceBook): void {
    this.total += flow.amount;
    this.count += 1;
    this.first = Math.min(this.first, flow.time);
    this.last = Math.max(this.last, flow.time);
    this.usd.add(flow.amount, asset.decimals, prices(flow.assetId, flow.time));
  }

  /** The totals as the API shows them; times are empty when there was no flow. */
  view() {
    return {
      total: this.total.toString(),
      usd: this.usd.usd(),
      usdComplete: this.usd.complete(),
      count: this.count,
      first: this.count === 0 ? '' : isoTime(this.first),
      last: this.count === 0 ? '' : isoTime(this.last),
    };
  }
}

/** Totals per key, for flows grouped by edge, counterparty or direction. */
export function totalsBy(
  flows: readonly Flow[],
  keyOf: (flow: Flow) => string,
  assets: Map<number, AssetInfo>,
  prices: PriceBook,
): Map<string, FlowTotals> {
  const totals = new Map<string, FlowTotals>();
  for (const flow of flows) {
    const asset = assets.get(flow.assetId);
    if (asset === undefined) continue;
    const key = keyOf(flow);
    let t = totals.get(key);
    if (t === undefined) totals.set(key, (t = new FlowTotals()));
    t.add(flow, asset, prices);
  }
  return totals;
}

export const assetView = (a: AssetInfo) => ({ id: a.id, chain: a.chain, symbol: a.symbol, decimals: a.decimals });
