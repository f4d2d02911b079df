/**
 * A core result in the terms of the workspace: addresses in their normal form, assets by name, endpoints by
 * entity and jurisdiction with USD and their best paths, amounts as exact decimal text.
 */
import type { NodeKind } from '../api/contract';
import { addressInfoByName } from '../graph/address-info';
import type { Db } from '../open';
import { formatFraction, fraction } from './fraction';
import { assetKey } from './load';
import { compareText } from './params';
import { bestOf, topPaths, type Hop, type Path } from './paths';
import type { TraceReport, TraceReportAmount, TraceReportPath } from './report';
import type { TraceInput } from './run';
import type { Address, Fraction, TraceResult, UtxoTraceResult } from './types';

export interface CoreResult {
  result: TraceResult | UtxoTraceResult;
  loaded: { transfers: number; addresses: number };
  /** The workspace ids of the assets traced. */
  assetIds: readonly number[];
  /** The transaction hash of an account flow's core transfer id; null for UTXO flows, which carry their txid. */
  txName: ((transferId: number) => string) | null;
}

/** Asset names as reports show them: a chain's own coin by its symbol; a token with its chain (USDT lives on several). */
export function assetNames(db: Db, ids: Iterable<number>): Map<string, string> {
  const row = db.prepare('SELECT chain, symbol, contract FROM assets WHERE id = ?');
  return new Map(
    [...ids].map((id) => {
      const a = row.get(id) as { chain: string; symbol: string; contract: string };
      return [assetKey(id), a.contract === '' ? a.symbol : `${a.chain}:${a.symbol}`];
    }),
  );
}

interface EndpointOwner {
  entity: string | null;
  jurisdiction: string | null;
}

/** Who holds each endpoint: the entity its most confident tag names, with that entity's jurisdictions. */
function endpointOwners(db: Db): (address: string) => EndpointOwner {
  const query = db.prepare(
    `SELECT e.label AS entity,
            (SELECT group_concat(country) FROM (SELECT country FROM entity_jurisdictions WHERE entity_id = e.id ORDER BY country)) AS jurisdiction
       FROM addresses a JOIN tags t ON t.address_id = a.id
       JOIN confidence_levels c ON c.id = t.confidence
       JOIN entities e ON e.key = t.actor
      WHERE a.chain = ? AND a.address = ?
      ORDER BY c.level DESC, t.id LIMIT 1`,
  );
  return (address) => {
    const colon = address.indexOf(':');
    const row = query.get(address.slice(0, colon), address.slice(colon + 1)) as EndpointOwner | undefined;
    return row ?? { entity: null, jurisdiction: null };
  };
}

/** The graph kind of each endpoint address (CHAIN:ADDRESS) from its most confident tag; unknown when untagged. */
function endpointKinds(db: Db, addresses: readonly string[]): (address: string) => NodeKind {
  const info = addressInfoByName(db, addresses);
  return (address) => info(address).kind;
}

const add = (a: Fraction, b: Fraction) => fraction(a.num * b.den + b.num * a.den, a.den * b.den);

/** USD of `amount` base units of an asset on the UTC day of `time`, exactly; null without a price that day. */
function usdValuer(db: Db): (asset: string, time: number, amount: bigint) => Fraction | null {
  const price = db.prepare('SELECT usd FROM prices WHERE asset_id = ? AND day = ?').pluck();
  const decimals = db.prepare('SELECT decimals FROM assets WHERE id = ?').pluck();
  return (asset, time, amount) => {
    const id = Number(asset.slice('asset:'.length));
    const usd = price.get(id, new Date(time * 1000).toISOString().slice(0, 10)) as string | undefined;
    if (usd === undefined) return null;
    const [whole, part = ''] = usd.split('.');
    const scale = 10n ** BigInt(part.length + (decimals.get(id) as number));
    return fraction(amount * BigInt(`${whole}${part}`), scale);
  };
}

/** A sum of USD values that is null as soon as one is missing. */
function usdSum(values: readonly (Fraction | null)[]): Fraction | null {
  let total = fraction(0n, 1n);
  for (const v of values) {
    if (v === null) return null;
    total = add(total, v);
  }
  return total;
}
const cents = (value: Fraction | null) => (value === null ? null : formatFraction(value, 2));

interface Dated {
  time: number;
  amount: bigint;
}

/**
 * The hops the paths are made of (followed flows only), and each endpoint's taint by the time it arrived
 * (forward) or left (backward), for its USD value.
 */
function hopsAndDates(core: CoreResult): { hops: Map<string, Hop[]>; dated: Map<string, Dated[]> } {
  const { result } = core;
  const forward = result.direction === 'forward';
  const hops = new Map<string, Hop[]>();
  const dated = new Map<string, Dated[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  if ('transactions' in result) {
    for (const f of result.flows) {
      if (f.cut !== undefined || f.to === null) continue;
      // Each input address's part of the output's taint (see UtxoFlow.parts), forward and backward alike.
      const sources = f.parts ?? [];
      for (const s of sources) push(hops, f.asset, { from: s.address, to: f.to, tx: f.txid, tainted: s.tainted });
      if (forward) push(dated, `${f.asset} ${f.to}`, { time: f.time, amount: f.tainted });
      else for (const s of sources) push(dated, `${f.asset} ${s.address}`, { time: f.time, amount: s.tainted });
    }
  } else {
    const txName = core.txName as (id: number) => string;
    for (const f of result.flows) {
      if (f.cut !== undefined) continue;
      push(hops, f.asset, { from: f.from, to: f.to, tx: txName(f.transferId), tainted: f.tainted });
      push(dated, `${f.asset} ${forward ? f.to : f.from}`, { time: f.time, amount: f.tainted });
    }
  }
  return { hops, dated };
}

/** The report's `edges`: taint per (asset, from, to), summed exactly, in a stable order. */
function taintedEdges(core: CoreResult, name: (key: string) => string): TraceReport['edges'] {
  const sums = new Map<string, { from: string; to: string; asset: string; tainted: bigint; transfers: number }>();
  const add = (asset: string, from: string, to: string, tainted: bigint) => {
    if (tainted === 0n) return;
    const key = `${asset}\u0000${from}\u0000${to}`;
    const sum = sums.get(key);
    if (sum === undefined) sums.set(key, { from, to, asset: name(asset), tainted, transfers: 1 });
    else {
      sum.tainted += tainted;
      sum.transfers += 1;
    }
  };
  const { result } = core;
  if ('transactions' in result) {
    for (const f of result.flows) {
      if (f.to === null) continue;
      for (const part of f.parts ?? []) add(f.asset, part.address, f.to, part.tainted);
    }
  } else for (const f of result.flows) add(f.asset, f.from, f.to, f.tainted);
  return [...sums.values()]
    .sort((a, b) => compareText(a.asset, b.asset) || compareText(a.from, b.from) || compareText(a.to, b.to))
    .map((e) => ({ ...e, tainted: e.tainted.toString() }));
}

export function buildReport(db: Db, input: TraceInput, model: 'account' | 'utxo', core: CoreResult): TraceReport {
  const { result } = core;
  const names = assetNames(db, core.assetIds);
  const name = (key: string) => names.get(key) ?? key;
  const { hops, dated } = hopsAndDates(core);
  const usdOf = usdValuer(db);

  const paths = new Map<string, Map<Address, Path[]>>();
  for (const [asset, list] of hops) {
    const seeds = new Set(result.addresses.filter((a) => a.asset === asset && a.hops === 0).map((a) => a.address));
    const starts = (hop: Hop) => seeds.has(result.direction === 'forward' ? hop.from : hop.to);
    paths.set(asset, topPaths(list, result.direction, starts));
  }
  const showPath = (p: Path): TraceReportPath => ({
    taint: p.taint.toString(),
    hops: p.hops.map((h) => ({ from: h.from, to: h.to, tx: h.tx, amount: h.tainted.toString() })),
  });

  interface Group {
    entity: string;
    jurisdiction: string | null;
    kind: NodeKind;
    asset: string;
    sum: bigint;
    usd: (Fraction | null)[];
    addresses: string[];
    paths: Path[][];
  }
  const grouped = new Map<string, Group>();
  const ownerOf = endpointOwners(db);
  const kindOf = endpointKinds(
    db,
    result.endpoints.map((e) => e.address),
  );
  for (const e of result.endpoints) {
    const owner = ownerOf(e.address);
    const entity = owner.entity ?? e.address;
    const key = `${entity}\u0000${e.asset}`;
    let g = grouped.get(key);
    if (g === undefined) {
      const kind = kindOf(e.address);
      g = {
        entity,
        jurisdiction: owner.jurisdiction,
        kind,
        asset: e.asset,
        sum: 0n,
        usd: [],
        addresses: [],
        paths: [],
      };
      grouped.set(key, g);
    }
    g.sum += e.tainted;
    g.addresses.push(e.address);
    g.paths.push(paths.get(e.asset)?.get(e.address) ?? []);
    const arrivals = dated.get(`${e.asset} ${e.address}`) ?? [];
    // Taint seeded at an endpoint has no arrival to date it, so its value is unknown.
    const complete = arrivals.reduce((s, d) => s + d.amount, 0n) === e.tainted;
    g.usd.push(complete ? usdSum(arrivals.map((d) => usdOf(e.asset, d.time, d.amount))) : null);
  }
  const groups = [...grouped.values()].sort((a, b) =>
    b.sum > a.sum ? 1 : b.sum < a.sum ? -1 : a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0,
  );

  const totalsBy = <K extends string | null>(keyOf: (g: Group) => K) => {
    const out = new Map<K, { amounts: Map<string, bigint>; usd: (Fraction | null)[]; first: Group }>();
    for (const g of groups) {
      const k = keyOf(g);
      const t = out.get(k) ?? { amounts: new Map<string, bigint>(), usd: [], first: g };
      t.amounts.set(g.asset, (t.amounts.get(g.asset) ?? 0n) + g.sum);
      t.usd.push(usdSum(g.usd));
      out.set(k, t);
    }
    return [...out].map(([k, t]) => ({
      key: k,
      first: t.first,
      amounts: [...t.amounts]
        .sort((a, b) => (name(a[0]) < name(b[0]) ? -1 : 1))
        .map(([asset, sum]): TraceReportAmount => ({ asset: name(asset), tainted: sum.toString() })),
      usd: cents(usdSum(t.usd)),
    }));
  };

  return {
    method: result.method,
    direction: result.direction,
    seeds: [...(input.seeds ?? []), ...(input.txs ?? [])],
    parameters: {
      hops: input.hops,
      minAmount: BigInt(input.minAmount ?? '0').toString(),
      stopAt: input.stopAt ?? [],
      from: input.from ?? null,
      to: input.to ?? null,
      exclude: input.exclude ?? [],
      assets: input.assets ?? [],
      actorEndpoints: input.actorEndpoints ?? false,
    },
    model,
    loaded: core.loaded,
    addresses: result.addresses
      .filter((a) => a.received > 0n)
      .map((a) => ({
        address: a.address,
        asset: name(a.asset),
        tainted: a.received.toString(),
        share: a.share === null ? null : formatFraction(a.share, 6),
        hops: a.hops,
      })),
    edges: taintedEdges(core, name),
    endpoints: groups.map((g) => ({
      entity: g.entity,
      jurisdiction: g.jurisdiction,
      kind: g.kind,
      asset: name(g.asset),
      tainted: g.sum.toString(),
      usd: cents(usdSum(g.usd)),
      addresses: g.addresses,
      paths: bestOf(g.paths).map(showPath),
    })),
    totalsByEntity: totalsBy((g) => g.entity).map((t) => ({
      entity: t.key,
      jurisdiction: t.first.jurisdiction,
      amounts: t.amounts,
      usd: t.usd,
    })),
    totalsByJurisdiction: totalsBy((g) => g.jurisdiction).map((t) => ({
      jurisdiction: t.key,
      amounts: t.amounts,
      usd: t.usd,
    })),
    unaccounted: result.totals.map((t) => {
      const u = t.unaccounted;
      return {
        asset: name(t.asset),
        remaining: u.remaining.toString(),
        beyondHops: u.beyondHops.toString(),
        belowMinimum: u.belowMinimum.toString(),
        excluded: u.excluded.toString(),
        fees: ('fees' in u ? u.fees : 0n).toString(),
        unaddressed: ('unaddressed' in u ? u.unaddressed : 0n).toString(),
      };
    }),
    totals: result.totals.map((t) => ({
      asset: name(t.asset),
      seeded: t.seeded.toString(),
      endpoints: t.endpoints.toString(),
      roundedOutflows: 'roundedOutputs' in t ? t.roundedOutputs : t.roundedOutflows,
    })),
  };
}
