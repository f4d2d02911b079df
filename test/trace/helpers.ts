import { expect } from 'vitest';
import type {
  AddressTaint,
  BackwardSeed,
  Seed,
  TraceParams,
  TraceResult,
  Transfer,
  UtxoBackwardSeed,
  UtxoSeed,
  UtxoTransaction,
} from '../../db/trace/types';

/** A transfer of ETH unless another asset is named; ids double as the order within one second. */
export const tx = (id: number, time: number, from: string, to: string, amount: bigint, asset = 'ETH'): Transfer => ({
  id,
  time,
  from,
  to,
  asset,
  amount,
});

/**
 * Parameters with no cut-offs, so each example states only what it is about, for any engine: account seeds
 * give TraceParams, UTXO seeds UtxoTraceParams, backward seeds (with direction 'backward') the backward ones.
 */
export function params<S extends Seed | UtxoSeed | BackwardSeed | UtxoBackwardSeed>(
  method: TraceParams['method'],
  seeds: S[],
  overrides: Partial<Omit<TraceParams, 'seeds'>> = {},
): Omit<TraceParams, 'seeds'> & { readonly seeds: readonly S[] } {
  return {
    method,
    direction: 'forward',
    seeds,
    maxHops: Infinity,
    minAmount: 0n,
    timeWindow: {},
    stopAt: new Set(),
    excluded: new Set(),
    ...overrides,
  };
}

export const seedTransfer = (transferId: number, amount?: bigint): Extract<Seed, { kind: 'transfer' }> =>
  amount === undefined ? { kind: 'transfer', transferId } : { kind: 'transfer', transferId, amount };

export function row(result: TraceResult, address: string, asset = 'ETH'): AddressTaint {
  const found = result.addresses.find((a) => a.address === address && a.asset === asset);
  if (found === undefined) throw new Error(`${address} was not reached`);
  return found;
}

export const reached = (result: TraceResult) => result.addresses.filter((a) => a.received > 0n).map((a) => a.address);

/** received, sent, held and hops of each listed address, for compact expectations. */
export function expectRows(result: TraceResult, expected: Record<string, [bigint, bigint, bigint, number]>): void {
  const actual = Object.fromEntries(
    Object.keys(expected).map((address) => {
      const r = row(result, address);
      return [address, [r.received, r.sent, r.held, r.hops]];
    }),
  );
  expect(actual).toEqual(expected);
}

/** A backward seed: the coins `address` held at the end of second `time` (all, or `amount` of them). */
export const holding = (address: string, time: number, amount?: bigint, asset = 'ETH'): BackwardSeed =>
  amount === undefined ? { kind: 'holding', address, asset, time } : { kind: 'holding', address, asset, time, amount };

/** A BTC transaction: inputs `[txid, index, address, value]`, outputs `[address, value]` at index 0, 1, … */
export type In = [txid: string, index: number, address: string | null, value: bigint];
export type Out = [address: string | null, value: bigint];

export const utx = (id: number, time: number, txid: string, inputs: In[], outputs: Out[]): UtxoTransaction => ({
  id,
  time,
  txid,
  asset: 'BTC',
  inputs: inputs.map(([t, index, address, value]) => ({ txid: t, index, address, value })),
  outputs: outputs.map(([address, value], index) => ({ index, address, value })),
});
