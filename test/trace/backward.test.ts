import { describe, expect, it } from 'vitest';
import { traceBackward } from '../../db/trace/backward';
import type { BackwardSeed, BackwardTraceParams, TraceMethod, TraceResult } from '../../db/trace/types';
import { expectRows, holding, params, seedTransfer, tx } from './helpers';

// Worked examples of backward tracing, by hand. Rows read [received, sent, held, hops]: received is the seed's
// coins that passed through the address, sent what of it was attributed to its earlier inflows, held what
// stopped there (coins of unknown origin, or all of it at a stop address; 0 for poison, which does not measure).

const back = (method: TraceMethod, seeds: BackwardSeed[], overrides: Partial<BackwardTraceParams> = {}) =>
  params(method, seeds, { direction: 'backward', ...overrides });

const reached = (result: TraceResult) => result.addresses.map((a) => a.address);
const totals = (result: TraceResult) => {
  const t = result.totals[0];
  if (t === undefined) throw new Error('no totals');
  return { seeded: t.seeded, endpoints: t.endpoints, ...t.unaccounted };
};

describe('a merge with clean funds, then a split', () => {
  // V (the theft) pays A 100, then C (clean) pays A 100; A pays X 100, then W 50. Where did W's 50 come from?
  const transfers = [
    tx(1, 1, 'V', 'A', 100n),
    tx(2, 2, 'C', 'A', 100n),
    tx(3, 3, 'A', 'X', 100n),
    tx(4, 4, 'A', 'W', 50n),
  ];
  const seed = [holding('W', 10)];

  it('FIFO: X took V’s 100 first, so W’s 50 are the first 50 of C’s', () => {
    const result = traceBackward(transfers, back('fifo', seed));
    expectRows(result, { W: [50n, 50n, 0n, 0], A: [50n, 50n, 0n, 1], C: [50n, 0n, 50n, 2] });
    expect(reached(result)).toEqual(['A', 'C', 'W']);
    expect(totals(result)).toMatchObject({ seeded: 50n, remaining: 50n });
  });

  it('haircut: X took half of each, so A’s remaining 100 is half V and half C and W’s 50 is 25 of each', () => {
    const result = traceBackward(transfers, back('haircut', seed));
    expectRows(result, { W: [50n, 50n, 0n, 0], A: [50n, 50n, 0n, 1], V: [25n, 0n, 25n, 2], C: [25n, 0n, 25n, 2] });
    expect(totals(result)).toMatchObject({ seeded: 50n, remaining: 50n });
  });

  it('poison: every transfer into A before it paid W is a source, in full', () => {
    const result = traceBackward(transfers, back('poison', seed));
    expectRows(result, { W: [50n, 50n, 0n, 0], A: [50n, 200n, 0n, 1], V: [100n, 0n, 0n, 2], C: [100n, 0n, 0n, 2] });
    expect(reached(result)).toEqual(['A', 'C', 'V', 'W']);
  });

  it('a seed amount: FIFO takes the last-arrived coins, haircut a proportional part', () => {
    // W's last 20 coins are coins 30–50 of t4, which were coins 30–50 of C's t2.
    expectRows(traceBackward(transfers, back('fifo', [holding('W', 10, 20n)])), {
      A: [20n, 20n, 0n, 1],
      C: [20n, 0n, 20n, 2],
    });
    expectRows(traceBackward(transfers, back('haircut', [holding('W', 10, 20n)])), {
      V: [10n, 0n, 10n, 2],
      C: [10n, 0n, 10n, 2],
    });
  });

  it('a seed amount above what the data explains is coins of unknown origin at the seed', () => {
    const result = traceBackward(transfers, back('haircut', [holding('W', 10, 80n)]));
    expectRows(result, { W: [80n, 50n, 30n, 0], V: [25n, 0n, 25n, 2] });
    expect(totals(result)).toMatchObject({ seeded: 80n, remaining: 80n });
  });

  it('a transfer seed asks where that transfer’s coins came from; its recipient is at hop 0', () => {
    const fifo = traceBackward(transfers, back('fifo', [seedTransfer(3)]));
    expectRows(fifo, { X: [100n, 100n, 0n, 0], A: [100n, 100n, 0n, 1], V: [100n, 0n, 100n, 2] });
    expect(reached(fifo)).toEqual(['A', 'V', 'X']);
    expectRows(traceBackward(transfers, back('haircut', [seedTransfer(3, 40n)])), {
      X: [40n, 40n, 0n, 0],
      V: [20n, 0n, 20n, 2],
      C: [20n, 0n, 20n, 2],
    });
  });

  it('a seed before the transfers that paid it finds nothing', () => {
    const result = traceBackward(transfers, back('haircut', [holding('W', 3)]));
    expectRows(result, { W: [0n, 0n, 0n, 0] });
  });

  it('a stop address is a source: the walk does not go behind it', () => {
    const result = traceBackward(transfers, back('haircut', seed, { stopAt: new Set(['V']) }));
    expect(result.endpoints).toEqual([{ address: 'V', asset: 'ETH', tainted: 25n, hops: 2 }]);
    expect(totals(result)).toMatchObject({ seeded: 50n, endpoints: 25n, remaining: 25n });
  });

  it('cut-offs: the hop limit, an excluded sender, the minimum', () => {
    expect(totals(traceBackward(transfers, back('haircut', seed, { maxHops: 1 })))).toMatchObject({
      remaining: 0n,
      beyondHops: 50n,
    });
    expect(totals(traceBackward(transfers, back('haircut', seed, { excluded: new Set(['C']) })))).toMatchObject({
      remaining: 25n,
      excluded: 25n,
    });
    expect(totals(traceBackward(transfers, back('haircut', seed, { minAmount: 30n })))).toMatchObject({
      remaining: 0n,
      belowMinimum: 50n,
    });
    const cut = traceBackward(transfers, back('poison', seed, { maxHops: 1 }));
    expect(reached(cut)).toEqual(['A', 'W']);
  });
});

describe('an address that spends before the funds arrive', () => {
  // A pays W 40 at second 1, before V's 100 reaches A at second 2: W's coins cannot be V's.
  const transfers = [tx(1, 1, 'A', 'W', 40n), tx(2, 2, 'V', 'A', 100n)];
  it.each(['fifo', 'haircut'] as const)('%s: the 40 are of unknown origin at A', (method) => {
    const result = traceBackward(transfers, back(method, [holding('W', 10)]));
    expectRows(result, { W: [40n, 40n, 0n, 0], A: [40n, 0n, 40n, 1] });
    expect(reached(result)).toEqual(['A', 'W']);
    expect(result.addresses.find((a) => a.address === 'A')?.deficit).toBe(40n);
  });
  it('poison: V’s later transfer is not a source either', () => {
    expect(reached(traceBackward(transfers, back('poison', [holding('W', 10)])))).toEqual(['A', 'W']);
  });
});

describe('a cycle', () => {
  // V pays A 100; A pays B 60, B pays the 60 back; A pays W 100. W's coins went round the cycle and back.
  const transfers = [
    tx(1, 1, 'V', 'A', 100n),
    tx(2, 2, 'A', 'B', 60n),
    tx(3, 3, 'B', 'A', 60n),
    tx(4, 4, 'A', 'W', 100n),
  ];
  it.each(['fifo', 'haircut'] as const)('%s: all 100 came from V, 60 of them twice through A', (method) => {
    const result = traceBackward(transfers, back(method, [holding('W', 10)]));
    expectRows(result, {
      W: [100n, 100n, 0n, 0],
      A: [160n, 160n, 0n, 1],
      B: [60n, 60n, 0n, 2],
      V: [100n, 0n, 100n, 2],
    });
    expect(totals(result)).toMatchObject({ seeded: 100n, remaining: 100n });
    // The cycle's transfer t1 is demanded once, in full, from two outflows of A.
    expect(result.flows.map((f) => [f.transferId, f.tainted])).toEqual([
      [1, 100n],
      [2, 60n],
      [3, 60n],
      [4, 100n],
    ]);
  });
  it('poison: each transfer into the cycle is marked once', () => {
    const result = traceBackward(transfers, back('poison', [holding('W', 10)]));
    expectRows(result, { W: [100n, 100n, 0n, 0], A: [160n, 160n, 0n, 1], B: [60n, 60n, 0n, 2], V: [100n, 0n, 0n, 2] });
  });
});

describe('checks', () => {
  it('refuses the forward direction and unknown seed transfers', () => {
    expect(() => traceBackward([], params('fifo', [holding('W', 1)]) as BackwardTraceParams)).toThrow(
      /traces backward only/,
    );
    expect(() => traceBackward([], back('fifo', [seedTransfer(9)]))).toThrow(/not in the window/);
  });
});
