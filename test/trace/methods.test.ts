import { describe, expect, it } from 'vitest';
import { trace } from '../../db/trace/engine';
import type { TraceMethod } from '../../db/trace/types';
import { expectRows, params, reached, row, seedTransfer, tx } from './helpers';

// Worked examples. Rows read [received, sent, held, hops]; V, X and W are outside addresses with no known
// inflows (their spending is covered by clean coins of unknown origin), and transfer 1 is the theft unless
// stated otherwise.

const METHODS: TraceMethod[] = ['poison', 'haircut', 'fifo'];

describe('a chain of hops with a split', () => {
  // V→A 100 (theft), A→B 60, A→C 40, B→D 60: every coin moved is stolen, so all methods agree.
  const transfers = [
    tx(1, 1, 'V', 'A', 100n),
    tx(2, 2, 'A', 'B', 60n),
    tx(3, 3, 'A', 'C', 40n),
    tx(4, 4, 'B', 'D', 60n),
  ];

  it.each(METHODS)('%s', (method) => {
    const result = trace(transfers, params(method, [seedTransfer(1)]));
    expectRows(result, {
      A: [100n, 100n, 0n, 0],
      B: [60n, 60n, 0n, 1],
      C: [40n, 0n, 40n, 1],
      D: [60n, 0n, 60n, 2],
    });
    expect(reached(result)).toEqual(['A', 'B', 'C', 'D']);
    expect(result.totals).toEqual([
      {
        asset: 'ETH',
        seeded: 100n,
        endpoints: 0n,
        unaccounted: { remaining: 100n, beyondHops: 0n, belowMinimum: 0n, excluded: 0n },
        roundedOutflows: 0,
      },
    ]);
    expect(row(result, 'D').share).toEqual({ num: 1n, den: 1n });
  });
});

describe('a merge with clean funds', () => {
  // B holds 100 clean (from X) then 100 stolen (from A); it sends 50 to C and 150 to D; D sends 120 to E.
  const transfers = [
    tx(1, 1, 'V', 'A', 100n),
    tx(2, 2, 'X', 'B', 100n),
    tx(3, 3, 'A', 'B', 100n),
    tx(4, 4, 'B', 'C', 50n),
    tx(5, 5, 'B', 'D', 150n),
    tx(6, 6, 'D', 'E', 120n),
  ];

  it('haircut halves every outflow of B and of D', () => {
    // B: balance 200, taint 100. B→C: 50·100/200 = 25; B is left with 150, taint 75.
    // B→D: 150·75/150 = 75. D: balance 150, taint 75. D→E: 120·75/150 = 60; D keeps 15.
    const result = trace(transfers, params('haircut', [seedTransfer(1)]));
    expectRows(result, {
      A: [100n, 100n, 0n, 0],
      B: [100n, 100n, 0n, 1],
      C: [25n, 0n, 25n, 2],
      D: [75n, 60n, 15n, 2],
      E: [60n, 0n, 60n, 3],
    });
    expect(row(result, 'B').share).toEqual({ num: 1n, den: 2n });
    expect(row(result, 'E').share).toEqual({ num: 1n, den: 2n });
    expect(result.totals[0]?.unaccounted.remaining).toBe(100n); // 25 + 15 + 60
  });

  it('FIFO sends the older clean coins first', () => {
    // B's queue: [clean 100][stolen 100]. B→C 50 takes clean coins only, so C is not reached.
    // B→D 150 takes clean 50 + stolen 100; D's queue: [clean 50][stolen 100]. D→E 120: clean 50 + stolen 70.
    const result = trace(transfers, params('fifo', [seedTransfer(1)]));
    expectRows(result, {
      B: [100n, 100n, 0n, 1],
      D: [100n, 70n, 30n, 2],
      E: [70n, 0n, 70n, 3],
    });
    expect(reached(result)).toEqual(['A', 'B', 'D', 'E']);
    expect(row(result, 'D').share).toEqual({ num: 2n, den: 3n }); // 100 / 150
    expect(row(result, 'E').share).toEqual({ num: 7n, den: 12n }); // 70 / 120
  });

  it('poison taints everything B and D send, and is not value-conserving', () => {
    // B is tainted from transfer 3 on: C gets 50, D 150, E 120. Held: C 50, D 150 − 120 = 30, E 120: 200 > 100.
    const result = trace(transfers, params('poison', [seedTransfer(1)]));
    expectRows(result, {
      B: [100n, 200n, 0n, 1],
      C: [50n, 0n, 50n, 2],
      D: [150n, 120n, 30n, 2],
      E: [120n, 0n, 120n, 3],
    });
    expect(result.totals[0]?.unaccounted.remaining).toBe(200n);
  });
});

describe('a cycle A→B→A', () => {
  it('taint that returns to a seed address is not seeded again', () => {
    // A is a seed from time 0 with no limit. V→A 100 is marked; B→A 100 arrives already tainted, so the
    // seed marks nothing more: 100 seeded, A received 200 in all (100 seeded + 100 back from B).
    const transfers = [
      tx(1, 1, 'V', 'A', 100n),
      tx(2, 2, 'A', 'B', 100n),
      tx(3, 3, 'B', 'A', 100n),
      tx(4, 4, 'A', 'C', 100n),
    ];
    for (const method of METHODS) {
      const result = trace(transfers, params(method, [{ kind: 'address', address: 'A', asset: 'ETH', time: 0 }]));
      expectRows(result, { A: [200n, 200n, 0n, 0], B: [100n, 100n, 0n, 1], C: [100n, 0n, 100n, 1] });
      expect(row(result, 'A').seeded).toBe(100n);
      expect(result.totals[0]?.seeded).toBe(100n);
    }
  });

  const mixed = [
    tx(1, 1, 'V', 'A', 100n),
    tx(2, 2, 'X', 'B', 100n),
    tx(3, 3, 'A', 'B', 100n),
    tx(4, 4, 'B', 'A', 100n),
    tx(5, 5, 'A', 'C', 100n),
  ];

  it('haircut: half of what comes back is tainted', () => {
    // B: 200, taint 100. B→A 100: 100·100/200 = 50; B keeps 50. A: balance 100, taint 50. A→C 100: 50.
    const result = trace(mixed, params('haircut', [seedTransfer(1)]));
    expectRows(result, { A: [150n, 150n, 0n, 0], B: [100n, 50n, 50n, 1], C: [50n, 0n, 50n, 1] });
    expect(row(result, 'A').share).toEqual({ num: 3n, den: 4n }); // 150 / 200
  });

  it('FIFO: B returns its older clean coins, so C is not reached', () => {
    // B's queue: [clean 100][stolen 100]; B→A 100 is the clean 100; A→C 100 spends those clean coins.
    const result = trace(mixed, params('fifo', [seedTransfer(1)]));
    expectRows(result, { A: [100n, 100n, 0n, 0], B: [100n, 0n, 100n, 1] });
    expect(reached(result)).toEqual(['A', 'B']);
  });

  it('poison: everything after the first taint', () => {
    const result = trace(mixed, params('poison', [seedTransfer(1)]));
    expectRows(result, { A: [200n, 200n, 0n, 0], B: [100n, 100n, 100n, 1], C: [100n, 0n, 100n, 1] });
  });
});

describe('an address that spends before the tainted funds arrive', () => {
  it.each(METHODS)('%s sends clean coins, and the unexplained spend is reported as a deficit', (method) => {
    // A→B 50 at time 1 has no known inflow behind it: 50 clean coins of unknown origin. The theft arrives at 2.
    const transfers = [tx(1, 1, 'A', 'B', 50n), tx(2, 2, 'V', 'A', 100n), tx(3, 3, 'A', 'C', 100n)];
    const result = trace(transfers, params(method, [seedTransfer(2)]));
    expect(reached(result)).toEqual(['A', 'C']);
    expectRows(result, { A: [100n, 100n, 0n, 0], C: [100n, 0n, 100n, 1] });
    expect(row(result, 'A').deficit).toBe(50n);
  });

  it.each(METHODS)('%s: within one second the lower id goes first', (method) => {
    // Transfers 7 (A→B) and 8 (the theft) share time 5: A→B happens first and is clean.
    const before = [tx(7, 5, 'A', 'B', 30n), tx(8, 5, 'V', 'A', 100n)];
    expect(reached(trace(before, params(method, [seedTransfer(8)])))).toEqual(['A']);
    // With the ids the other way round the theft comes first and B receives 30 stolen coins.
    const after = [tx(9, 5, 'A', 'B', 30n), tx(8, 5, 'V', 'A', 100n)];
    expect(row(trace(after, params(method, [seedTransfer(8)])), 'B').received).toBe(30n);
  });

  it('an outflow beyond the known balance is topped up with clean coins just in time', () => {
    // A holds 100 stolen and sends 150: 50 clean coins of unknown origin cover the rest.
    // Haircut: balance 150, taint 100: 150·100/150 = 100. FIFO: stolen 100 then clean 50.
    const transfers = [tx(1, 1, 'V', 'A', 100n), tx(2, 2, 'A', 'B', 150n)];
    for (const method of ['haircut', 'fifo'] as const) {
      const result = trace(transfers, params(method, [seedTransfer(1)]));
      expectRows(result, { A: [100n, 100n, 0n, 0], B: [100n, 0n, 100n, 1] });
      expect(row(result, 'A').deficit).toBe(50n);
      expect(row(result, 'B').share).toEqual({ num: 2n, den: 3n });
    }
  });
});

describe('address seeds with a limit', () => {
  // A is a seed from time 10 for at most 150. X→A 1000 at time 5 is before the seed and stays clean;
  // V→A 100 at 10 is marked in full; W→A 100 at 11 has its first 50 coins marked. Then A→B 1100.
  const transfers = [
    tx(1, 5, 'X', 'A', 1000n),
    tx(2, 10, 'V', 'A', 100n),
    tx(3, 11, 'W', 'A', 100n),
    tx(4, 12, 'A', 'B', 1100n),
  ];
  const seed = { kind: 'address', address: 'A', asset: 'ETH', time: 10, amount: 150n } as const;

  it('haircut floors and keeps the remainder at the sender', () => {
    // A: balance 1200, taint 150. A→B: 1100·150/1200 = 137.5, floored to 137; A keeps 13 (12.5 + the 0.5).
    const result = trace(transfers, params('haircut', [seed]));
    expectRows(result, { A: [150n, 137n, 13n, 0], B: [137n, 0n, 137n, 1] });
    expect(row(result, 'A').share).toEqual({ num: 1n, den: 8n }); // 150 / 1200
    expect(result.totals[0]).toMatchObject({ seeded: 150n, roundedOutflows: 1 });
    expect(result.totals[0]?.unaccounted.remaining).toBe(150n);
  });

  it('FIFO marks the first coins of the inflow that crosses the limit', () => {
    // A's queue: [clean 1000][stolen 100][stolen 50][clean 50]. A→B 1100: clean 1000 + stolen 100.
    const result = trace(transfers, params('fifo', [seed]));
    expectRows(result, { A: [150n, 100n, 50n, 0], B: [100n, 0n, 100n, 1] });
  });

  it('poison taints all 1100', () => {
    // Poison counts A's whole remaining balance, 1200 − 1100 = 100, as held.
    const result = trace(transfers, params('poison', [seed]));
    expectRows(result, { A: [150n, 1100n, 100n, 0], B: [1100n, 0n, 1100n, 1] });
  });

  it('a transfer seed with an amount marks only that many coins', () => {
    const result = trace(
      [tx(1, 1, 'V', 'A', 100n), tx(2, 2, 'A', 'B', 50n)],
      params('haircut', [seedTransfer(1, 40n)]),
    );
    // A: balance 100, taint 40. A→B 50: 50·40/100 = 20.
    expectRows(result, { A: [40n, 20n, 20n, 0], B: [20n, 0n, 20n, 1] });
  });

  it('a seed address with no inflow is listed at hop 0 with no share', () => {
    const result = trace(
      [tx(1, 1, 'A', 'B', 5n)],
      params('haircut', [{ kind: 'address', address: 'A', asset: 'ETH', time: 0 }]),
    );
    expect(result.addresses).toEqual([
      {
        address: 'A',
        asset: 'ETH',
        hops: 0,
        received: 0n,
        sent: 0n,
        held: 0n,
        seeded: 0n,
        inflow: 0n,
        share: null,
        deficit: 5n,
        endpoint: false,
      },
    ]);
  });
});

describe('haircut rounding', () => {
  it('a share below one unit stays at the sender and leaves with a later outflow', () => {
    // A: 1 stolen + 2 clean. A→B 1: 1·1/3 = 0.33…, floored to 0, so B is not reached. A: balance 2, taint 1.
    // A→C 2: 2·1/2 = 1 exactly. Nothing is lost: the 1 seeded unit ends at C.
    const transfers = [tx(1, 1, 'V', 'A', 1n), tx(2, 2, 'X', 'A', 2n), tx(3, 3, 'A', 'B', 1n), tx(4, 4, 'A', 'C', 2n)];
    const result = trace(transfers, params('haircut', [seedTransfer(1)]));
    expect(reached(result)).toEqual(['A', 'C']);
    expectRows(result, { C: [1n, 0n, 1n, 1] });
    expect(result.totals[0]).toMatchObject({ seeded: 1n, roundedOutflows: 1 });
  });
});

describe('assets', () => {
  it('taint stays in its asset', () => {
    const transfers = [tx(1, 1, 'V', 'A', 100n), tx(2, 2, 'A', 'B', 50n, 'USDT'), tx(3, 3, 'A', 'C', 50n)];
    const result = trace(transfers, params('poison', [seedTransfer(1)]));
    expect(result.addresses.map((a) => `${a.asset}:${a.address}`)).toEqual(['ETH:A', 'ETH:C']);
    expect(result.totals.map((t) => t.asset)).toEqual(['ETH']);
  });

  it('self-transfers move nothing', () => {
    const result = trace([tx(1, 1, 'V', 'A', 10n), tx(2, 2, 'A', 'A', 10n)], params('fifo', [seedTransfer(1)]));
    expectRows(result, { A: [10n, 0n, 10n, 0] });
    expect(result.flows).toEqual([]);
  });
});
