/**
 * The read-only graph calls besides `graph.get`: an address's counterparties (the expansion dialog), the
 * transfers behind an edge, and an address's totals and transfers. All of them read flows (flows.ts).
 */
import type { AddressFlows, NeighbourRow, Page, ParsedInput, TransferRow } from '../api/contract';
import { ApiError } from '../api/errors';
import { parseChainAddress } from '../chains';
import { parseTime, Refused } from '../import/values';
import type { Db } from '../open';
import { priceBook, usdOf, type PriceBook } from '../usd';
import { addressInfo, UNKNOWN_ADDRESS } from './address-info';
import { addressTexts, compareFlows, flowsBetween, flowsOf, loadAssets, type AssetInfo, type Flow } from './flows';
import { assetView, FlowTotals, isoTime, totalsBy } from './totals';

const invalid = (method: string, message: string): never => {
  throw new ApiError('invalid_input', `${method}: ${message}`);
};

interface ResolvedAddress {
  /** `CHAIN:ADDRESS` in the normal form. */
  text: string;
  chain: string;
  /** Null when the workspace does not hold the address (it then has no flows). */
  id: number | null;
}

function resolveAddress(db: Db, method: string, input: string): ResolvedAddress {
  const check = parseChainAddress(input);
  if (!check.valid) return invalid(method, `${input.trim().slice(0, 200)}: ${check.reason}`);
  const id = db
    .prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?')
    .pluck()
    .get(check.chain, check.normalized) as number | undefined;
  return { text: `${check.chain}:${check.normalized}`, chain: check.chain, id: id ?? null };
}

/** An ISO-8601 time with a zone, checked strictly (a real date, whole seconds, 1970–2100), as unix seconds. */
function parseIsoTime(method: string, field: string, text: string): number {
  const t = text.trim();
  const seconds = /^\d+$/.test(t)
    ? new Refused(`write an ISO-8601 time with a zone, e.g. 2022-03-29T00:00:00Z`)
    : parseTime(t);
  if (seconds instanceof Refused) return invalid(method, `${field}: ${seconds.reason}`);
  return seconds;
}

function parseWindow(method: string, from?: string, to?: string) {
  const window = {
    from: from === undefined ? undefined : parseIsoTime(method, 'from', from),
    to: to === undefined ? undefined : parseIsoTime(method, 'to', to),
  };
  if (window.from !== undefined && window.to !== undefined && window.from > window.to)
    invalid(method, `from ${from} is after to ${to}`);
  return window;
}

function knownAsset(method: string, assets: Map<number, AssetInfo>, id: number | undefined): AssetInfo | undefined {
  if (id === undefined) return undefined;
  return assets.get(id) ?? invalid(method, `no asset has id ${id}`);
}

function assertCase(db: Db, caseId: number): void {
  if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) === undefined)
    throw new ApiError('not_found', `case ${caseId} does not exist`);
}

const cents = (usd: string | null) => (usd === null ? null : BigInt(usd.replace('.', '')));

interface Candidate {
  counterparty: number;
  direction: 'in' | 'out';
  asset: AssetInfo;
  totals: FlowTotals;
  cents: bigint | null;
}

/**
 * Largest first: USD (unpriced last), then the number of transfers, then the amount in whole units (exactly:
 * a·10^dec(b) against b·10^dec(a)), then the counterparty id, direction and asset, so the order is total.
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
  return a.counterparty - b.counterparty || a.direction.localeCompare(b.direction) || a.asset.id - b.asset.id;
}

function assetIdsOf(flows: readonly Flow[]): Set<number> {
  return new Set(flows.map((f) => f.assetId));
}

export function neighbours(db: Db, input: ParsedInput<'graph.neighbours'>): { total: number; rows: NeighbourRow[] } {
  const method = 'graph.neighbours';
  assertCase(db, input.caseId);
  if (input.minAmount !== undefined && input.assetId === undefined)
    invalid(method, 'minAmount needs assetId: an amount in base units means nothing without its asset');
  const assets = loadAssets(db);
  knownAsset(method, assets, input.assetId);
  const window = parseWindow(method, input.from, input.to);
  const address = resolveAddress(db, method, input.address);
  if (address.id === null) return { total: 0, rows: [] };
  const self = address.id;
  const flows = flowsOf(
    db,
    { id: self, chain: address.chain },
    { direction: input.direction, assetId: input.assetId, window },
    assets,
  );
  const other = (f: Flow) => (f.fromId === self ? f.toId : f.fromId);
  const grouped = totalsBy(
    flows,
    (f) => `${other(f)} ${f.fromId === self ? 'out' : 'in'} ${f.assetId}`,
    assets,
    priceBook(db, assetIdsOf(flows)),
  );
  const minimum = BigInt(input.minAmount ?? '0');
  const candidates: Candidate[] = [...grouped]
    .map(([key, totals]) => {
      const [counterparty, direction, assetId] = key.split(' ');
      return {
        counterparty: Number(counterparty),
        direction: direction as 'in' | 'out',
        asset: assets.get(Number(assetId)) as AssetInfo,
        totals,
        cents: cents(totals.usd.usd()),
      };
    })
    .filter((c) => c.totals.total >= minimum)
    .sort(compareCandidates);
  const top = candidates.slice(0, input.top);
  const ids = top.map((c) => c.counterparty);
  const texts = addressTexts(db, ids);
  const info = addressInfo(db, ids);
  const inGraph = new Set(
    db
      .prepare('SELECT address_id FROM graph_nodes WHERE case_id = ? AND address_id IS NOT NULL')
      .pluck()
      .all(input.caseId) as number[],
  );
  return {
    total: candidates.length,
    rows: top.map((c) => {
      const { total, usd, count, first, last } = c.totals.view();
      const known = info.get(c.counterparty) ?? UNKNOWN_ADDRESS;
      return {
        address: texts.get(c.counterparty) ?? '',
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

function transferPage(
  db: Db,
  flows: Flow[],
  assets: Map<number, AssetInfo>,
  offset: number,
  limit: number,
): Page<TransferRow> {
  const page = flows.sort(compareFlows).slice(offset, offset + limit);
  const texts = addressTexts(
    db,
    page.flatMap((f) => [f.fromId, f.toId]),
  );
  const prices: PriceBook = priceBook(db, assetIdsOf(page));
  return {
    total: flows.length,
    offset,
    rows: page.map((f) => {
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
    }),
  };
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
  const all = totalsBy(
    flows,
    () => 'all',
    assets,
    () => null,
  ).get('all') as FlowTotals;
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
    first: isoTime(all.first),
    last: isoTime(all.last),
  };
}
