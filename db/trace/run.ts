/**
 * A trace as investigators ask for it (seeds written as CHAIN:ADDRESS[@TIME] or CHAIN:TXHASH, stop kinds such
 * as "exchange"), run against the workspace, forward or backward, on account or UTXO chains.
 */
import type { ParsedJobInput } from '../api/contract';
import { ApiError } from '../api/errors';
import { findChain, parseChainAddress } from '../chains';
import { withIncidentSeeds } from '../incidents/trace-seeds';
import type { Db } from '../open';
import { traceBackward } from './backward';
import { trace } from './engine';
import { assetKey, loadTransfers, stopAddresses, type Frontier } from './load';
import { loadUtxo } from './load-utxo';
import { assetNames, buildReport, type CoreResult } from './report-build';
import type { TraceReport } from './report';
import type { BackwardSeed, Seed, TraceParams, UtxoBackwardSeed, UtxoSeed } from './types';
import { traceUtxo } from './utxo';
import { traceUtxoBackward } from './utxo-backward';

export type { TraceReport };

export type TraceInput = ParsedJobInput<'trace.run'>;

export const invalid = (message: string): never => {
  throw new ApiError('invalid_input', `trace.run: ${message}`);
};

function unixSeconds(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(ms)) invalid(`${what}: "${iso}" is not an ISO-8601 time`);
  return Math.floor(ms / 1000);
}

/** A seed or excluded address: the workspace id and normal form, and the time written after @ (if any). */
interface NamedAddress {
  addressId: number;
  chain: string;
  address: string;
  time: number | null;
}

function namedAddress(db: Db, text: string, what: string, timed: boolean): NamedAddress {
  const at = timed ? text.lastIndexOf('@') : -1;
  const check = parseChainAddress(at < 0 ? text : text.slice(0, at));
  if (!check.valid) return invalid(`${what} ${text}: ${check.reason}`);
  const time = at < 0 ? null : unixSeconds(text.slice(at + 1), `${what} ${text}`);
  const id = db
    .prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?')
    .pluck()
    .get(check.chain, check.normalized);
  if (id === undefined) invalid(`${what} ${check.chain}:${check.normalized} is not in the workspace`);
  return { addressId: id as number, chain: check.chain, address: `${check.chain}:${check.normalized}`, time };
}

function parseTx(text: string): { chain: string; hash: string } {
  const colon = text.indexOf(':');
  const chain = text.slice(0, colon).trim().toUpperCase();
  const hash = text
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  if (colon < 0 || !/^(0x)?[0-9a-f]{64}$/.test(hash)) invalid(`--tx ${text}: write CHAIN:TXHASH`);
  return { chain, hash };
}

function chainModel(db: Db, chain: string): 'account' | 'utxo' {
  const model = db.prepare('SELECT model FROM chains WHERE code = ?').pluck().get(chain) as string | undefined;
  if (model === undefined) invalid(`unknown chain ${chain}`);
  return model as 'account' | 'utxo';
}

/** Keeps the assets `wanted` names (by the report's name, or a token's symbol); all when none are named. */
function filterAssets(db: Db, ids: Set<number>, wanted: readonly string[]): number[] {
  if (wanted.length === 0) return [...ids].sort((a, b) => a - b);
  const names = assetNames(db, ids);
  const upper = new Set(wanted.map((w) => w.trim().toUpperCase()));
  const kept = [...ids].filter((id) => {
    const name = (names.get(assetKey(id)) ?? '').toUpperCase();
    return upper.has(name) || upper.has(name.slice(name.indexOf(':') + 1));
  });
  if (kept.length === 0)
    invalid(`--asset ${wanted.join(',')}: the seeds hold none of these (they hold ${[...names.values()].join(', ')})`);
  return kept.sort((a, b) => a - b);
}

interface Common {
  from: number | undefined;
  to: number | undefined;
  stopIds: Set<number>;
  excluded: NamedAddress[];
  minAmount: bigint;
}

/** Runs the core; its RangeErrors (a seed that is excluded, say) are the caller's input errors. */
function core<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) invalid(error.message.replace(/^\w+: /, ''));
    throw error;
  }
}

export function runTrace(db: Db, given: TraceInput): TraceReport {
  const input = withIncidentSeeds(db, given);
  const seeds = (input.seeds ?? []).map((s) => namedAddress(db, s, 'seed', true));
  const txs = (input.txs ?? []).map(parseTx);
  if (seeds.length + txs.length === 0) invalid('give at least one seed address or transaction');
  const chains = new Set([...seeds.map((s) => s.chain), ...txs.map((t) => t.chain)]);
  const models = new Set([...chains].map((c) => chainModel(db, c)));
  if (models.size > 1) invalid('trace account chains and UTXO chains separately');
  const model = [...models][0] as 'account' | 'utxo';
  if (model === 'utxo' && chains.size > 1) invalid('trace one UTXO chain at a time');

  const excluded = (input.exclude ?? []).map((e) => namedAddress(db, e, 'excluded address', false));
  const stopKinds = [...(input.stopAt ?? []), ...(input.actorEndpoints ? ['actor'] : [])];
  const stopIds = stopAddresses(db, stopKinds);
  for (const s of seeds) stopIds.delete(s.addressId);
  const common: Common = {
    from: input.from === undefined ? undefined : unixSeconds(input.from, '--from'),
    to: input.to === undefined ? undefined : unixSeconds(input.to, '--to'),
    stopIds,
    excluded,
    minAmount: BigInt(input.minAmount ?? '0'),
  };
  const result =
    model === 'account'
      ? runAccount(db, input, seeds, txs, common)
      : runUtxo(db, input, seeds, txs[0]?.chain ?? (seeds[0] as NamedAddress).chain, txs, common);
  return buildReport(db, input, model, result);
}

/**
 * The core's parameters. `named` gives the stop addresses that matter (those in the traced subgraph; there can be
 * thousands of tagged exchange addresses, and naming them all would cost more than many a trace).
 */
function coreParams(input: TraceInput, common: Common, named: (ids: number[]) => string[]): Omit<TraceParams, 'seeds'> {
  return {
    method: input.method,
    direction: input.direction,
    maxHops: input.hops,
    minAmount: common.minAmount,
    timeWindow: { from: common.from, to: common.to },
    stopAt: new Set(named([...common.stopIds])),
    excluded: new Set(common.excluded.map((e) => e.address)),
  };
}

/** The addresses the loader must not walk past: stops, and excluded addresses (taint never reaches past them). */
const walls = (common: Common) => new Set([...common.stopIds, ...common.excluded.map((e) => e.addressId)]);

function runAccount(
  db: Db,
  input: TraceInput,
  seeds: NamedAddress[],
  txs: { chain: string; hash: string }[],
  common: Common,
): CoreResult {
  const forward = input.direction === 'forward';
  const end = Number.MAX_SAFE_INTEGER;
  // Forward: the assets that reach the seed from its time on, and when they first do. Backward: the assets that
  // reached it up to its time, asked about at that time.
  const assetsOf = db.prepare(
    forward
      ? 'SELECT asset_id AS assetId, min(time) AS time FROM transfers WHERE to_id = ? AND time >= ? GROUP BY asset_id'
      : 'SELECT asset_id AS assetId, ? AS time FROM transfers WHERE to_id = ? AND time <= ? GROUP BY asset_id',
  );
  const frontier: (Frontier & { assetId: number })[] = [];
  const assetIds = new Set<number>();
  const addressSeeds: { seed: NamedAddress; assets: { assetId: number; time: number }[] }[] = [];
  for (const seed of seeds) {
    const rows = (
      forward
        ? assetsOf.all(seed.addressId, seed.time ?? 0)
        : assetsOf.all(seed.time ?? end, seed.addressId, seed.time ?? end)
    ) as { assetId: number; time: number }[];
    if (rows.length === 0)
      invalid(
        `seed ${seed.address}: no transfers reach it${seed.time === null ? '' : forward ? ' from that time on' : ' by that time'}`,
      );
    for (const r of rows) {
      assetIds.add(r.assetId);
      frontier.push({ addressId: seed.addressId, assetId: r.assetId, time: r.time });
    }
    addressSeeds.push({ seed, assets: rows });
  }
  const byTx = db.prepare('SELECT id, from_id, to_id, time, asset_id FROM transfers WHERE chain = ? AND tx_hash = ?');
  const transferSeeds: number[] = [];
  for (const t of txs) {
    // As the transfers importer stores them: 0x on EVM chains, bare hex on TRON and XRP.
    const bare = t.hash.replace(/^0x/, '');
    const hash = findChain(t.chain)?.evm === false ? bare : `0x${bare}`;
    const rows = byTx.all(t.chain, hash) as {
      id: number;
      from_id: number;
      to_id: number;
      time: number;
      asset_id: number;
    }[];
    if (rows.length === 0) invalid(`--tx ${t.chain}:${t.hash}: no transfer of that transaction is in the workspace`);
    for (const r of rows) {
      transferSeeds.push(r.id);
      assetIds.add(r.asset_id);
      frontier.push({ addressId: r.to_id, assetId: r.asset_id, time: r.time });
      if (!forward) frontier.push({ addressId: r.from_id, assetId: r.asset_id, time: r.time });
    }
  }
  const traced = filterAssets(db, assetIds, input.assets ?? []);
  const loaded = loadTransfers(
    db,
    input.direction,
    frontier.filter((f) => traced.includes(f.assetId)),
    traced,
    input.hops,
    walls(common),
    { from: common.from, to: common.to },
  );
  const coreId = new Map(loaded.storedIds.map((stored, i) => [stored, i + 1]));
  const transferSeedsCore = transferSeeds.flatMap((id) => {
    const coreIdOf = coreId.get(id);
    return coreIdOf === undefined ? [] : [{ kind: 'transfer' as const, transferId: coreIdOf }];
  });
  const tracedSeeds = addressSeeds.flatMap(({ seed, assets }) =>
    assets.filter((a) => traced.includes(a.assetId)).map((a) => ({ seed, asset: assetKey(a.assetId), time: a.time })),
  );
  const params = coreParams(input, common, (ids) =>
    ids.flatMap((id) => {
      const name = loaded.names.get(id);
      return name === undefined ? [] : [name];
    }),
  );
  const result = forward
    ? core(() =>
        trace(loaded.transfers, {
          ...params,
          // Taint is there only from the first seeded inflow on, so nothing the seed sent earlier needs loading.
          seeds: [
            ...tracedSeeds.map(({ seed, asset }): Seed => ({
              kind: 'address',
              address: seed.address,
              asset,
              time: seed.time ?? 0,
            })),
            ...transferSeedsCore,
          ],
        }),
      )
    : core(() =>
        traceBackward(loaded.transfers, {
          ...params,
          seeds: [
            ...tracedSeeds.map(({ seed, asset, time }): BackwardSeed => ({
              kind: 'holding',
              address: seed.address,
              asset,
              time,
            })),
            ...transferSeedsCore,
          ],
        }),
      );
  return {
    result,
    loaded: { transfers: loaded.transfers.length, addresses: loaded.reached },
    assetIds: traced,
    txName: (flowId) => loaded.txHashes[flowId - 1] as string,
  };
}

function runUtxo(
  db: Db,
  input: TraceInput,
  seeds: NamedAddress[],
  chain: string,
  txs: { chain: string; hash: string }[],
  common: Common,
): CoreResult {
  const forward = input.direction === 'forward';
  const end = Number.MAX_SAFE_INTEGER;
  const assetId = db.prepare("SELECT id FROM assets WHERE chain = ? AND contract = ''").pluck().get(chain) as number;
  const traced = filterAssets(db, new Set([assetId]), input.assets ?? []);
  const asset = assetKey(assetId);
  const frontier: Frontier[] = seeds.map((s) => ({ addressId: s.addressId, time: s.time ?? (forward ? 0 : end) }));
  const txSeeds: { hash: string; outputs: number[] }[] = [];
  const byHash = db.prepare('SELECT id, time FROM utxo_txs WHERE chain = ? AND tx_hash = ?');
  const ends = db.prepare(
    `SELECT address_id AS addressId, n, 'out' AS side FROM utxo_outputs WHERE tx_id = ?
      UNION ALL SELECT address_id, n, 'in' FROM utxo_inputs WHERE tx_id = ?`,
  );
  for (const t of txs) {
    const hash = t.hash.replace(/^0x/, '');
    const tx = byHash.get(chain, hash) as { id: number; time: number } | undefined;
    if (tx === undefined) return invalid(`--tx ${t.chain}:${t.hash}: that transaction is not in the workspace`);
    const rows = ends.all(tx.id, tx.id) as { addressId: number | null; n: number; side: 'in' | 'out' }[];
    for (const r of rows) {
      if (r.addressId !== null && (r.side === 'out' || !forward))
        frontier.push({ addressId: r.addressId, time: tx.time });
    }
    txSeeds.push({ hash, outputs: rows.filter((r) => r.side === 'out').map((r) => r.n) });
  }
  const loaded = loadUtxo(db, chain, asset, input.direction, frontier, input.hops, walls(common), {
    from: common.from,
    to: common.to,
  });
  const params = coreParams(
    input,
    common,
    (ids) =>
      db
        .prepare("SELECT chain || ':' || address FROM addresses WHERE id IN (SELECT value FROM json_each(?))")
        .pluck()
        .all(JSON.stringify(ids)) as string[],
  );
  const outputSeeds = txSeeds.flatMap(({ hash, outputs }) =>
    outputs.map((index) => ({ kind: 'output' as const, asset, txid: hash, index })),
  );
  const result = forward
    ? core(() =>
        traceUtxo(loaded.transactions, {
          ...params,
          seeds: [
            ...seeds.map((s): UtxoSeed => ({ kind: 'address', address: s.address, asset, time: s.time ?? 0 })),
            ...outputSeeds,
          ],
        }),
      )
    : core(() =>
        traceUtxoBackward(loaded.transactions, {
          ...params,
          seeds: [
            ...seeds.map((s): UtxoBackwardSeed => ({
              kind: 'holding',
              address: s.address,
              asset,
              time: s.time ?? end,
            })),
            ...outputSeeds,
          ],
        }),
      );
  return {
    result,
    loaded: { transfers: loaded.transactions.length, addresses: loaded.reached },
    assetIds: traced,
    txName: null,
  };
}
