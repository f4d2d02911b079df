/**
 * `graph.neighbours`: an address's counterparties for the expansion dialog, one row per counterparty,
 * direction and asset, from the same flows as the graph's edges (self-flows are no counterparties).
 */
import type { NeighbourRow, ParsedInput } from '../api/contract';
import type { Db } from '../open';
import { compareText } from '../trace/params';
import { priceBook } from '../usd';
import { addressInfo, UNKNOWN_ADDRESS } from './address-info';
import { addressTexts, assetIdsOf, flowsOf, loadAssets, type AssetInfo, type Flow } from './flows';
import { invalid, knownAsset, parseWindow, resolveAddress } from './inputs';
import { nodeAddressIds } from './read';
import { assetView, totalsBy, type FlowTotals } from './totals';

const cents = (usd: string | null) => (usd === null ? null : BigInt(usd.replace('.', '')));

interface Candidate {
  counterparty: number;
  /** `CHAIN:ADDRESS` of the counterparty. */
  address: string;
  direction: 'in' | 'out';
  asset: AssetInfo;
  totals: FlowTotals;
  cents: bigint | null;
}

/**
 * Largest first: USD (unpriced last), then the number of transfers, then the amount in whole units (exactly:
 * a·10^dec(b) against b·10^dec(a)), then the counterparty's address, direction and asset, so the order is total.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.cents !== b.cents) {
    if (a.cents === null) return 1;
    if (b.cents === null) return -1;
    return a.cents > b.cents ? -1 : 1;
  }
  if (a.totals.count !== b.totals.count) return b.totals.count - a.totals.count;
  const x = a.totals.total * 10n ** BigInt(b.asset.decimals);
  const y = b.totals.total * 10n ** BigInt(a.asset.decimals);
  if (x !== y) return x > y ? -1 : 1;
  return compareText(a.address, b.address) || compareText(a.direction, b.direction) || a.asset.id - b.asset.id;
}

/** The flows of address `self` summed per counterparty, direction and asset, at least `minimum` each, sorted. */
function candidates(
  db: Db,
  self: number,
  flows: readonly Flow[],
  assets: Map<number, AssetInfo>,
  minimum: bigint,
): Candidate[] {
  const other = (f: Flow) => (f.fromId === self ? f.toId : f.fromId);
  const grouped = totalsBy(
    flows,
    (f) => `${other(f)} ${f.fromId === self ? 'out' : 'in'} ${f.assetId}`,
    assets,
    priceBook(db, assetIdsOf(flows)),
  );
  const kept = [...grouped].filter(([, totals]) => totals.total >= minimum);
  const texts = addressTexts(
    db,
    kept.map(([key]) => Number(key.split(' ')[0])),
  );
  return kept
    .map(([key, totals]) => {
      const [counterparty, direction, assetId] = key.split(' ');
      return {
        counterparty: Number(counterparty),
        address: texts.get(Number(counterparty)) ?? '',
        direction: direction as 'in' | 'out',
        asset: assets.get(Number(assetId)) as AssetInfo,
        totals,
        cents: cents(totals.usd.usd()),
      };
    })
    .sort(compareCandidates);
}

/**
 * Rows whose total reaches `minAmount` (base units of `assetId`), largest first; `total` counts them before `top`
 * is applied. Refuses a minimum without its asset, an unknown asset, a bad time window or address.
 */
export function neighbours(db: Db, input: ParsedInput<'graph.neighbours'>): { total: number; rows: NeighbourRow[] } {
  const method = 'graph.neighbours';
  if (input.minAmount !== undefined && input.assetId === undefined)
    invalid(method, 'minAmount needs assetId: an amount in base units means nothing without its asset');
  const assets = loadAssets(db);
  if (input.assetId !== undefined) knownAsset(method, assets, input.assetId);
  const window = parseWindow(method, input.from, input.to);
  const address = resolveAddress(db, method, input.address);
  if (address.id === null) return { total: 0, rows: [] };
  const filter = { direction: input.direction, assetId: input.assetId, window };
  const flows = flowsOf(db, { id: address.id, chain: address.chain }, filter, assets);
  const all = candidates(db, address.id, flows, assets, BigInt(input.minAmount ?? '0'));
  const top = all.slice(0, input.top);
  const info = addressInfo(
    db,
    top.map((c) => c.counterparty),
  );
  const inGraph = new Set(nodeAddressIds(db, input.caseId).values());
  return {
    total: all.length,
    rows: top.map((c) => {
      const { total, usd, count, first, last } = c.totals.view();
      const known = info.get(c.counterparty) ?? UNKNOWN_ADDRESS;
      return {
        address: c.address,
        label: known.label,
        kind: known.kind,
        direction: c.direction,
        asset: assetView(c.asset),
        total,
        usd,
        count,
        first,
        last,
        inGraph: inGraph.has(c.counterparty),
      };
    }),
  };
}
