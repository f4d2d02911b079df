/**
 * A trace as investigators ask for it (seeds written as CHAIN:ADDRESS[@TIME] or CHAIN:TXHASH, stop kinds such
 * as "exchange"), run against the workspace, and its result in the terms of the workspace: addresses in
 * their normal form, assets by symbol, endpoints by entity and jurisdiction, amounts as exact decimal text.
 */
import type { ParsedJobInput } from '../api/contract';
import { ApiError } from '../api/errors';
import { parseChainAddress } from '../chains';
import type { Db } from '../open';
import { trace } from './engine';
import { formatFraction } from './fraction';
import { assetKey, loadForward, stopAddresses, type Frontier } from './load';
import type { TraceReport } from './report';
import type { Seed } from './types';

export type { TraceReport };

const invalid = (message: string): never => {
  throw new ApiError('invalid_input', `trace.run: ${message}`);
};

function unixSeconds(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(ms)) invalid(`${what}: "${iso}" is not an ISO-8601 time`);
  return Math.floor(ms / 1000);
}

interface ResolvedSeeds {
  frontier: Frontier[];
  addressSeeds: { addressId: number; address: string; since: number }[];
  transferSeeds: { storedId: number }[];
  assetIds: Set<number>;
}

function resolveSeeds(db: Db, seeds: readonly string[], txs: readonly string[]): ResolvedSeeds {
  const out: ResolvedSeeds = { frontier: [], addressSeeds: [], transferSeeds: [], assetIds: new Set() };
  const idOf = db.prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?').pluck();
  const inflows = db.prepare(
    'SELECT asset_id AS assetId, min(time) AS first FROM transfers WHERE to_id = ? AND time >= ? GROUP BY asset_id',
  );
  for (const text of seeds) {
    const at = text.lastIndexOf('@');
    const check = parseChainAddress(at < 0 ? text : text.slice(0, at));
    if (!check.valid) invalid(`seed ${text}: ${check.reason}`);
    if (!check.valid) continue;
    const since = at < 0 ? 0 : unixSeconds(text.slice(at + 1), `seed ${text}`);
    const id = idOf.get(check.chain, check.normalized) as number | undefined;
    if (id === undefined) invalid(`seed ${check.chain}:${check.normalized} is not in the workspace`);
    const addressId = id as number;
    const assets = inflows.all(addressId, since) as { assetId: number; first: number }[];
    if (assets.length === 0) invalid(`seed ${text}: no transfers reach it${at < 0 ? '' : ' from that time on'}`);
    for (const a of assets) out.assetIds.add(a.assetId);
    out.addressSeeds.push({ addressId, address: `${check.chain}:${check.normalized}`, since });
    // Taint is there only from the first seeded inflow on, so nothing the seed sent earlier needs loading.
    out.frontier.push({ addressId, since: Math.min(...assets.map((a) => a.first)) });
  }
  const byTx = db.prepare('SELECT id, to_id, time, asset_id FROM transfers WHERE chain = ? AND tx_hash = ?');
  for (const text of txs) {
    const colon = text.indexOf(':');
    const chain = text.slice(0, colon).trim().toUpperCase();
    let hash = text
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (colon < 0 || !/^(0x)?[0-9a-f]{64}$/.test(hash)) invalid(`--tx ${text}: write CHAIN:TXHASH`);
    if (chain !== 'BTC' && !hash.startsWith('0x')) hash = `0x${hash}`;
    const rows = byTx.all(chain, hash) as { id: number; to_id: number; time: number; asset_id: number }[];
    if (rows.length === 0) invalid(`--tx ${text}: no transfer of that transaction is in the workspace`);
    for (const r of rows) {
      out.transferSeeds.push({ storedId: r.id });
      out.frontier.push({ addressId: r.to_id, since: r.time });
      out.assetIds.add(r.asset_id);
    }
  }
  if (out.frontier.length === 0) invalid('give at least one seed address or transaction');
  return out;
}

function assetNames(db: Db, ids: Iterable<number>): Map<string, string> {
  const row = db.prepare('SELECT chain, symbol, contract FROM assets WHERE id = ?');
  return new Map(
    [...ids].map((id) => {
      const a = row.get(id) as { chain: string; symbol: string; contract: string };
      // A chain's own coin by its symbol; a token with its chain, since USDT lives on several.
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

export function runTrace(db: Db, input: ParsedJobInput<'trace.run'>): TraceReport {
  const resolved = resolveSeeds(db, input.seeds ?? [], input.txs ?? []);
  const from = input.from === undefined ? undefined : unixSeconds(input.from, '--from');
  const to = input.to === undefined ? undefined : unixSeconds(input.to, '--to');
  const stopIds = stopAddresses(db, input.stopAt ?? []);
  for (const s of resolved.addressSeeds) stopIds.delete(s.addressId);
  const loaded = loadForward(db, resolved.frontier, [...resolved.assetIds], input.hops, stopIds, { from, to });
  const coreId = new Map(loaded.storedIds.map((stored, i) => [stored, i + 1]));
  const addressOf = db.prepare('SELECT chain, address FROM addresses WHERE id = ?');
  const stopAt = new Set(
    [...stopIds].map((id) => {
      const a = addressOf.get(id) as { chain: string; address: string };
      return `${a.chain}:${a.address}`;
    }),
  );
  const minAmount = BigInt(input.minAmount ?? '0');
  const seeds: Seed[] = [
    ...resolved.addressSeeds.flatMap((s) =>
      [...resolved.assetIds].map((assetId) => ({
        kind: 'address' as const,
        address: s.address,
        asset: assetKey(assetId),
        time: s.since,
      })),
    ),
    ...resolved.transferSeeds.flatMap((s) => {
      const id = coreId.get(s.storedId);
      return id === undefined ? [] : [{ kind: 'transfer' as const, transferId: id }];
    }),
  ];
  // An address seed for an asset that never reaches it seeds nothing; the core would still trace that asset.
  const result = trace(loaded.transfers, {
    method: input.method,
    direction: input.direction,
    seeds,
    maxHops: input.hops,
    minAmount,
    timeWindow: { from, to },
    stopAt,
    excluded: new Set(),
  });
  const names = assetNames(db, resolved.assetIds);
  const name = (key: string) => names.get(key) ?? key;

  const grouped = new Map<string, TraceReport['endpoints'][number] & { sum: bigint }>();
  const ownerOf = endpointOwners(db);
  for (const e of result.endpoints) {
    const owner = ownerOf(e.address);
    const entity = owner.entity ?? e.address;
    const key = `${entity}\u0000${e.asset}`;
    const g = grouped.get(key) ?? {
      entity,
      jurisdiction: owner.jurisdiction,
      asset: name(e.asset),
      tainted: '0',
      addresses: [],
      sum: 0n,
    };
    g.sum += e.tainted;
    g.addresses.push(e.address);
    grouped.set(key, g);
  }

  return {
    method: result.method,
    direction: result.direction,
    seeds: [...(input.seeds ?? []), ...(input.txs ?? [])],
    parameters: {
      hops: input.hops,
      minAmount: minAmount.toString(),
      stopAt: input.stopAt ?? [],
      from: input.from ?? null,
      to: input.to ?? null,
    },
    loaded: { transfers: loaded.transfers.length, addresses: loaded.reached },
    addresses: result.addresses
      .filter((a) => a.received > 0n)
      .map((a) => ({
        address: a.address,
        asset: name(a.asset),
        tainted: a.received.toString(),
        share: a.share === null ? null : formatFraction(a.share, 6),
        hops: a.hops,
      })),
    endpoints: [...grouped.values()]
      .sort((a, b) => (b.sum > a.sum ? 1 : b.sum < a.sum ? -1 : a.entity < b.entity ? -1 : 1))
      .map(({ sum, ...e }) => ({ ...e, tainted: sum.toString() })),
    unaccounted: result.totals.map((t) => ({
      asset: name(t.asset),
      remaining: t.unaccounted.remaining.toString(),
      beyondHops: t.unaccounted.beyondHops.toString(),
      belowMinimum: t.unaccounted.belowMinimum.toString(),
      excluded: t.unaccounted.excluded.toString(),
    })),
    totals: result.totals.map((t) => ({
      asset: name(t.asset),
      seeded: t.seeded.toString(),
      endpoints: t.endpoints.toString(),
      roundedOutflows: t.roundedOutflows,
    })),
  };
}
