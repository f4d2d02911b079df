import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceBackward } from '../../db/trace/backward';
import { traceUtxoBackward } from '../../db/trace/utxo-backward';
import type {
  BackwardSeed,
  TraceMethod,
  TraceParams,
  Transfer,
  UtxoBackwardSeed,
  UtxoTransaction,
} from '../../db/trace/types';
import { ADDRESSES, ASSETS, UTXO_ADDRESSES, transfers, utxoTxs } from './arbitraries';

type Cuts = Pick<TraceParams, 'maxHops' | 'minAmount' | 'stopAt' | 'excluded'>;

const cuts = (addresses: string[], seeds: string[], withCuts: boolean): fc.Arbitrary<Cuts> =>
  withCuts
    ? fc.record({
        maxHops: fc.constantFrom(0, 1, 2, 3, Infinity),
        minAmount: fc.constantFrom(0n, 1n, 100n, 2n ** 50n),
        stopAt: fc.subarray(addresses, { maxLength: 2 }).map((a) => new Set(a)),
        excluded: fc
          .subarray(
            addresses.filter((a) => !seeds.includes(a)),
            { maxLength: 2 },
          )
          .map((a) => new Set(a)),
      })
    : fc.constant({ maxHops: Infinity, minAmount: 0n, stopAt: new Set<string>(), excluded: new Set<string>() });

const amount = fc.option(fc.bigInt({ min: 1n, max: 2n ** 70n }), { nil: undefined });

interface AccountCase {
  readonly transfers: Transfer[];
  readonly seeds: BackwardSeed[];
  readonly cuts: Cuts;
}

/** One seed: the coins of an address at a time, or of one of the transfers. */
const accountCases = (withCuts: boolean): fc.Arbitrary<AccountCase> =>
  transfers.chain((ts) =>
    fc
      .oneof(
        fc.record(
          {
            kind: fc.constant('holding' as const),
            address: fc.constantFrom(...ADDRESSES),
            asset: fc.constantFrom(...ASSETS),
            time: fc.integer({ min: 0, max: 60 }),
            amount: fc.bigInt({ min: 1n, max: 2n ** 70n }),
          },
          { requiredKeys: ['kind', 'address', 'asset', 'time'] },
        ),
        fc.record(
          {
            kind: fc.constant('transfer' as const),
            transferId: fc.constantFrom(...ts.map((t) => t.id)),
            amount: fc.bigInt({ min: 1n, max: 2n ** 70n }),
          },
          { requiredKeys: ['kind', 'transferId'] },
        ),
      )
      .chain((seed) =>
        cuts(ADDRESSES, seed.kind === 'holding' ? [seed.address] : [], withCuts).map((c) => ({
          transfers: ts,
          seeds: [seed],
          cuts: c,
        })),
      ),
  );

const runAccount = (c: AccountCase, method: TraceMethod, ts = c.transfers) =>
  traceBackward(ts, { method, direction: 'backward', seeds: c.seeds, timeWindow: {}, ...c.cuts });

describe('backward invariants on random account transfers', () => {
  it('haircut and FIFO: what is attributed adds up to the seed exactly, and no transfer is asked for more than it carried', () => {
    fc.assert(
      fc.property(accountCases(true), (c) => {
        for (const method of ['haircut', 'fifo'] as const) {
          const result = runAccount(c, method);
          for (const f of result.flows) expect(f.tainted).toBeLessThanOrEqual(f.amount);
          for (const t of result.totals) {
            const u = t.unaccounted;
            expect(t.endpoints + u.remaining + u.beyondHops + u.belowMinimum + u.excluded).toBe(t.seeded);
            const sources = result.addresses.filter((a) => a.asset === t.asset).reduce((s, a) => s + a.held, 0n);
            expect(sources).toBeLessThanOrEqual(t.seeded);
            for (const a of result.addresses) expect(a.held).toBeLessThanOrEqual(t.seeded);
          }
        }
      }),
    );
  });

  it('poison reaches every address haircut or FIFO reaches, no later', () => {
    fc.assert(
      fc.property(accountCases(true), (c) => {
        const poison = new Map(runAccount(c, 'poison').addresses.map((a) => [a.address, a]));
        for (const method of ['haircut', 'fifo'] as const) {
          for (const a of runAccount(c, method).addresses.filter((x) => x.received > 0n)) {
            const p = poison.get(a.address);
            expect(p).toBeDefined();
            expect(p?.hops).toBeLessThanOrEqual(a.hops);
          }
        }
      }),
    );
  });

  it('the same input in any order gives the same output', () => {
    fc.assert(
      fc.property(
        accountCases(true).chain((c) =>
          fc.tuple(
            fc.constant(c),
            fc.shuffledSubarray(c.transfers, { minLength: c.transfers.length, maxLength: c.transfers.length }),
          ),
        ),
        ([c, shuffled]) => {
          for (const method of ['poison', 'haircut', 'fifo'] as const)
            expect(runAccount(c, method, shuffled)).toEqual(runAccount(c, method));
        },
      ),
    );
  });

  it('the generator makes the walk go back in a good part of the cases', () => {
    const samples = fc.sample(accountCases(false), { numRuns: 300, seed: 1 });
    expect(samples.filter((c) => runAccount(c, 'fifo').flows.length >= 2).length).toBeGreaterThan(60);
  });
});

interface UtxoCase {
  readonly txs: UtxoTransaction[];
  readonly seeds: UtxoBackwardSeed[];
  readonly cuts: Cuts;
}

const utxoCases = (withCuts: boolean): fc.Arbitrary<UtxoCase> =>
  utxoTxs.chain((txs) => {
    const outputs = txs.flatMap((t) => t.outputs.map((o) => ({ txid: t.txid, index: o.index })));
    const seed: fc.Arbitrary<UtxoBackwardSeed> = fc.oneof(
      fc
        .record({ address: fc.constantFrom(...UTXO_ADDRESSES), time: fc.integer({ min: 0, max: 50 }), amount })
        .map(({ address, time, amount: a }) =>
          a === undefined
            ? { kind: 'holding' as const, address, asset: 'BTC', time }
            : { kind: 'holding' as const, address, asset: 'BTC', time, amount: a },
        ),
      fc
        .record({ output: fc.constantFrom(...outputs), amount })
        .map(({ output, amount: a }) =>
          a === undefined
            ? { kind: 'output' as const, asset: 'BTC', ...output }
            : { kind: 'output' as const, asset: 'BTC', ...output, amount: a },
        ),
    );
    return seed.chain((s) =>
      cuts(UTXO_ADDRESSES, s.kind === 'holding' ? [s.address] : [], withCuts).map((c) => ({
        txs,
        seeds: [s],
        cuts: c,
      })),
    );
  });

const runUtxo = (c: UtxoCase, method: TraceMethod, txs = c.txs) =>
  traceUtxoBackward(txs, { method, direction: 'backward', seeds: c.seeds, timeWindow: {}, ...c.cuts });

describe('backward invariants on random UTXO transactions', () => {
  it('haircut and FIFO: what is attributed adds up to the seed exactly, per transaction too', () => {
    fc.assert(
      fc.property(utxoCases(true), (c) => {
        for (const method of ['haircut', 'fifo'] as const) {
          const result = runUtxo(c, method);
          for (const t of result.transactions) expect(t.taintIn).toBe(t.taintOut);
          for (const f of result.flows) expect(f.tainted).toBeLessThanOrEqual(f.value);
          for (const t of result.totals) {
            const u = t.unaccounted;
            const sum = t.endpoints + u.remaining + u.beyondHops + u.belowMinimum + u.excluded + u.unaddressed;
            expect(sum).toBe(t.seeded);
            for (const a of result.addresses) expect(a.held).toBeLessThanOrEqual(t.seeded);
          }
        }
      }),
    );
  });

  it('poison reaches every address haircut or FIFO reaches, no later', () => {
    fc.assert(
      fc.property(utxoCases(true), (c) => {
        const poison = new Map(runUtxo(c, 'poison').addresses.map((a) => [a.address, a]));
        for (const method of ['haircut', 'fifo'] as const) {
          for (const a of runUtxo(c, method).addresses.filter((x) => x.received > 0n)) {
            const p = poison.get(a.address);
            expect(p).toBeDefined();
            expect(p?.hops).toBeLessThanOrEqual(a.hops);
          }
        }
      }),
    );
  });

  it('the same input in any order gives the same output', () => {
    fc.assert(
      fc.property(
        utxoCases(true).chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray(c.txs, { minLength: c.txs.length, maxLength: c.txs.length })),
        ),
        ([c, shuffled]) => {
          for (const method of ['poison', 'haircut', 'fifo'] as const)
            expect(runUtxo(c, method, shuffled)).toEqual(runUtxo(c, method));
        },
      ),
    );
  });
});
