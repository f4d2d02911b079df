import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceUtxo } from '../../db/trace/utxo';
import type { TraceMethod, UtxoSeed, UtxoTraceParams, UtxoTransaction } from '../../db/trace/types';
import { UTXO_ADDRESSES as ADDRESSES, utxoTxs as txs } from './arbitraries';

interface Case {
  readonly txs: UtxoTransaction[];
  readonly seeds: UtxoSeed[];
  readonly cuts: Pick<UtxoTraceParams, 'maxHops' | 'minAmount' | 'stopAt' | 'excluded'>;
}

const cases = (withCuts: boolean): fc.Arbitrary<Case> =>
  txs.chain((ts) => {
    const outputs = ts.slice(0, 6).flatMap((t) => t.outputs.map((o) => ({ txid: t.txid, index: o.index })));
    const seed: fc.Arbitrary<UtxoSeed> = fc.oneof(
      fc.record(
        {
          kind: fc.constant('address' as const),
          address: fc.constantFrom(...ADDRESSES),
          asset: fc.constant('BTC'),
          time: fc.integer({ min: 0, max: 8 }),
          amount: fc.bigInt({ min: 1n, max: 5000n }),
        },
        { requiredKeys: ['kind', 'address', 'asset', 'time'] },
      ),
      fc
        .record({ at: fc.constantFrom(...outputs), amount: fc.option(fc.bigInt({ min: 1n, max: 5000n })) })
        .map(({ at, amount }) => ({
          kind: 'output' as const,
          asset: 'BTC',
          ...at,
          ...(amount === null ? {} : { amount }),
        })),
    );
    const seeds = fc.uniqueArray(seed, {
      minLength: 1,
      maxLength: 3,
      selector: (s) => (s.kind === 'address' ? `a ${s.address}` : `o ${s.txid}:${s.index}`),
    });
    const subset = fc.subarray(ADDRESSES, { maxLength: 2 });
    const cuts = withCuts
      ? fc.record({
          maxHops: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 4 })),
          minAmount: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 300n })),
          stopAt: subset.map((s) => new Set(s)),
          excluded: subset.map((s) => new Set(s)),
        })
      : fc.constant({ maxHops: Infinity, minAmount: 0n, stopAt: new Set<string>(), excluded: new Set<string>() });
    return fc.record({ txs: fc.constant(ts), seeds, cuts }).map((c) => {
      const seeded = new Set(c.seeds.flatMap((s) => (s.kind === 'address' ? [s.address] : [])));
      return { ...c, cuts: { ...c.cuts, excluded: new Set([...c.cuts.excluded].filter((a) => !seeded.has(a))) } };
    });
  });

const run = (c: Case, method: TraceMethod, txs = c.txs) =>
  traceUtxo(txs, {
    method,
    direction: 'forward',
    seeds: c.seeds,
    timeWindow: {},
    ...c.cuts,
  });

describe('UTXO invariants on random small transaction graphs', () => {
  it('haircut and FIFO: taint out = taint in per transaction, no address sends more than it received, exact sheet', () => {
    fc.assert(
      fc.property(cases(true), (c) => {
        for (const method of ['haircut', 'fifo'] as const) {
          const result = run(c, method);
          for (const t of result.transactions) {
            const out = result.flows.filter((f) => f.txid === t.txid).reduce((s, f) => s + f.tainted, 0n);
            expect(out).toBe(t.taintOut);
            expect(t.taintOut + t.fee).toBe(t.taintIn);
          }
          for (const f of result.flows) expect(f.tainted).toBeLessThanOrEqual(f.value);
          for (const a of result.addresses) {
            expect(a.sent).toBeLessThanOrEqual(a.received);
            expect(a.held).toBe(a.endpoint ? a.received : a.received - a.sent);
            expect(a.received).toBeLessThanOrEqual(a.inflow);
          }
          for (const t of result.totals) {
            const u = t.unaccounted;
            const sum = t.endpoints + u.remaining + u.beyondHops + u.belowMinimum + u.excluded + u.fees + u.unaddressed;
            expect(sum).toBe(t.seeded);
          }
        }
      }),
    );
  });

  it('haircut shares are within one unit of the exact proportion', () => {
    fc.assert(
      fc.property(cases(false), (c) => {
        const result = run(c, 'haircut');
        for (const t of result.transactions) {
          const tx = c.txs.find((x) => x.txid === t.txid) as UtxoTransaction;
          const inValue = tx.inputs.reduce((s, x) => s + x.value, 0n);
          const outValue = tx.outputs.reduce((s, x) => s + x.value, 0n);
          const pool = inValue > outValue ? inValue : outValue;
          for (const f of result.flows.filter((x) => x.txid === t.txid)) {
            const error = f.tainted * pool - f.value * t.taintIn;
            expect(error > -pool && error < pool).toBe(true);
          }
        }
      }),
    );
  });

  it('poison reaches every address haircut or FIFO reaches, no later and with no less taint', () => {
    fc.assert(
      fc.property(cases(true), (c) => {
        const poison = new Map(run(c, 'poison').addresses.map((a) => [a.address, a]));
        for (const method of ['haircut', 'fifo'] as const) {
          for (const a of run(c, method).addresses) {
            const p = poison.get(a.address);
            expect(p).toBeDefined();
            expect(p?.hops).toBeLessThanOrEqual(a.hops);
            expect(a.received).toBeLessThanOrEqual(p?.received ?? 0n);
          }
        }
      }),
    );
  });

  it('the same input in any order gives the same output', () => {
    fc.assert(
      fc.property(
        cases(true).chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray(c.txs, { minLength: c.txs.length, maxLength: c.txs.length })),
        ),
        ([c, shuffled]) => {
          for (const method of ['poison', 'haircut', 'fifo'] as const) {
            const first = run(c, method);
            expect(run(c, method)).toEqual(first);
            expect(run(c, method, shuffled)).toEqual(first);
          }
        },
      ),
    );
  });

  it('the generator makes taint travel in a good part of the cases', () => {
    const samples = fc.sample(cases(false), { numRuns: 300, seed: 1 });
    expect(samples.filter((c) => run(c, 'fifo').transactions.length >= 2).length).toBeGreaterThan(60);
  });
});
