/** The transfers behind an edge or an address, and an address's totals per asset, from flows (flows.ts). */
import type { AddressFlows, Page, ParsedInput, TransferRow } from '../api/contract';
import type { Db } from '../open';
import { priceBook, usdOf } from '../usd';
import {
  accountFlowPage,
  addressTexts,
  assetIdsOf,
  compareFlows,
  flowsBetween,
  flowsOf,
  loadAssets,
  utxoCoin,
  type AssetInfo,
  type Flow,
} from './flows';
import { knownAsset, resolveAddress } from './inputs';
import { assetView, FlowTotals, isoTime, totalsBy } from './totals';

/** Transfer rows as the API shows them, with both ends and USD at the day's price. */
function transferRows(db: Db, flows: readonly Flow[], assets: Map<number, AssetInfo>): TransferRow[] {
  const texts = addressTexts(
    db,
    flows.flatMap((f) => [f.fromId, f.toId]),
  );
  const prices = priceBook(db, assetIdsOf(flows));
  return flows.map((f) => {
    const asset = assets.get(f.assetId) as AssetInfo;
    return {
      chain: f.chain,
      txHash: f.txHash,
      idx: f.idx,
      time: isoTime(f.time),
      block: f.block,
      from: texts.get(f.fromId) ?? '',
      to: texts.get(f.toId) ?? '',
      asset: { id: asset.id, symbol: asset.symbol, decimals: asset.decimals },
      amount: f.amount.toString(),
      usd: usdOf(f.amount, asset.decimals, prices(f.assetId, f.time)),
    };
  });
}

/** A page of flows computed in full (UTXO splits, an edge's transfers), oldest first. */
function transferPage(db: Db, flows: Flow[], assets: Map<number, AssetInfo>, offset: number, limit: number) {
  const page = flows.sort(compareFlows).slice(offset, offset + limit);
  return { total: flows.length, offset, rows: transferRows(db, page, assets) };
}

export function edgeTransfers(db: Db, input: ParsedInput<'graph.edgeTransfers'>): Page<TransferRow> {
  const method = 'graph.edgeTransfers';
  const assets = loadAssets(db);
  knownAsset(method, assets, input.assetId);
  const source = resolveAddress(db, method, input.source);
  const target = resolveAddress(db, method, input.target);
  if (source.id === null || target.id === null) return { total: 0, offset: input.offset, rows: [] };
  const flows = flowsBetween(db, [{ fromId: source.id, toId: target.id, assetId: input.assetId }], assets);
  return transferPage(db, flows, assets, input.offset, input.limit);
}

export function addressTransfers(db: Db, input: ParsedInput<'address.transfers'>): Page<TransferRow> {
  const address = resolveAddress(db, 'address.transfers', input.address);
  if (address.id === null) return { total: 0, offset: input.offset, rows: [] };
  const assets = loadAssets(db);
  if (utxoCoin(assets, address.chain) === undefined) {
    const { total, flows } = accountFlowPage(db, address.id, input.direction, input);
    return { total, offset: input.offset, rows: transferRows(db, flows, assets) };
  }
  const flows = flowsOf(db, { id: address.id, chain: address.chain }, { direction: input.direction }, assets);
  return transferPage(db, flows, assets, input.offset, input.limit);
}

export function addressFlows(db: Db, input: ParsedInput<'address.flows'>): AddressFlows {
  const address = resolveAddress(db, 'address.flows', input.address);
  const empty: AddressFlows = { address: address.text, assets: [], first: null, last: null };
  if (address.id === null) return empty;
  const self = address.id;
  const assets = loadAssets(db);
  const flows = flowsOf(db, { id: self, chain: address.chain }, { direction: 'both' }, assets);
  if (flows.length === 0) return empty;
  const side = (f: Flow) => (f.fromId === self ? 'out' : 'in');
  const totals = totalsBy(flows, (f) => `${f.assetId} ${side(f)}`, assets, priceBook(db, assetIdsOf(flows)));
  const ids = [...assetIdsOf(flows)].sort((a, b) => a - b);
  const times = flows.map((f) => f.time);
  return {
    address: address.text,
    assets: ids.map((id) => {
      const into = totals.get(`${id} in`) ?? new FlowTotals();
      const out = totals.get(`${id} out`) ?? new FlowTotals();
      return {
        asset: assetView(assets.get(id) as AssetInfo),
        in: into.total.toString(),
        out: out.total.toString(),
        inCount: into.count,
        outCount: out.count,
        usdIn: into.usd.usd(),
        usdOut: out.usd.usd(),
      };
    }),
    first: isoTime(times.reduce((a, b) => Math.min(a, b))),
    last: isoTime(times.reduce((a, b) => Math.max(a, b))),
  };
}
