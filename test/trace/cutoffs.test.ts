import { describe, expect, it } from 'vitest';
import { formatFraction, fraction } from '../../db/trace/fraction';
import { trace } from '../../db/trace/engine';
import type { TraceMethod } from '../../db/trace/types';
import { expectRows, params, reached, row, seedTransfer, tx } from './helpers';

const METHODS: TraceMethod[] = ['poison', 'haircut', 'fifo'];

// V→A 100 (theft, seeded), then A→B→C→D, 100 each time.
const chain = [tx(1, 1, 'V', 'A', 100n), tx(2, 2, 'A', 'B', 100n), tx(3, 3, 'B', 'C', 100n), tx(4, 4, 'C', 'D', 100n)];

describe('maxHops', () => {
  it.each(METHODS)('%s: taint leaves only addresses below the hop limit', (method) => {
    // A is at hop 0, B at 1, C at 2 = maxHops: C→D carries 100 beyond the limit and D is not reached.
    const result = trace(chain, params(method, [seedTransfer(1)], { maxHops: 2 }));
    expect(reached(result)).toEqual(['A', 'B', 'C']);
    expectRows(result, { C: [100n, 100n, 0n, 2] });
    expect(result.totals[0]?.unaccounted).toEqual({ remaining: 0n, beyondHops: 100n, belowMinimum: 0n, excluded: 0n });
    expect(result.flows.at(-1)).toMatchObject({ transferId: 4, tainted: 100n, cut: 'beyondHops' });
  });

  it('0 keeps the taint at the seed', () => {
    const result = trace(chain, params('haircut', [seedTransfer(1)], { maxHops: 0 }));
    expect(reached(result)).toEqual(['A']);
    expect(result.totals[0]?.unaccounted.beyondHops).toBe(100n);
  });

  it('a shorter path found later lowers the hop count', () => {
    // D is first reached through A→B→C→D (hop 3), then directly from A (hop 1).
    const transfers = [...chain, tx(5, 5, 'X', 'A', 10n), tx(6, 6, 'V', 'A', 10n), tx(7, 7, 'A', 'D', 10n)];
    const result = trace(transfers, params('poison', [seedTransfer(1), seedTransfer(6)]));
    expect(row(result, 'D').hops).toBe(1);
  });
});

describe('minAmount', () => {
  it('haircut: a 25-unit share below the minimum is not followed', () => {
    // The merge example: B→C carries 25 < 30 (cut), B→D 75 and D→E 60 are followed.
    const transfers = [
      tx(1, 1, 'V', 'A', 100n),
      tx(2, 2, 'X', 'B', 100n),
      tx(3, 3, 'A', 'B', 100n),
      tx(4, 4, 'B', 'C', 50n),
      tx(5, 5, 'B', 'D', 150n),
      tx(6, 6, 'D', 'E', 120n),
    ];
    const result = trace(transfers, params('haircut', [seedTransfer(1)], { minAmount: 30n }));
    expect(reached(result)).toEqual(['A', 'B', 'D', 'E']);
    expect(result.totals[0]?.unaccounted).toEqual({ remaining: 75n, beyondHops: 0n, belowMinimum: 25n, excluded: 0n });
    // Poison follows all of it: its tainted amounts are whole transfers, all ≥ 30.
    const poison = trace(transfers, params('poison', [seedTransfer(1)], { minAmount: 30n }));
    expect(reached(poison)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('the minimum applies to the tainted amount, not the transfer', () => {
    // A holds 10 stolen + 90 clean and sends 100 to B: 10 tainted, below 11.
    const transfers = [tx(1, 1, 'V', 'A', 10n), tx(2, 2, 'X', 'A', 90n), tx(3, 3, 'A', 'B', 100n)];
    const result = trace(transfers, params('haircut', [seedTransfer(1)], { minAmount: 11n }));
    expect(reached(result)).toEqual(['A']);
    expect(result.totals[0]?.unaccounted.belowMinimum).toBe(10n);
  });
});

describe('stop addresses and exclusions', () => {
  // A sends 60 to an exchange EX and 40 to F; EX pays Y later.
  const transfers = [
    tx(1, 1, 'V', 'A', 100n),
    tx(2, 2, 'A', 'EX', 60n),
    tx(3, 3, 'A', 'F', 40n),
    tx(4, 4, 'EX', 'Y', 60n),
  ];

  it.each(METHODS)('%s: taint that reaches a stop address ends there as an endpoint', (method) => {
    const result = trace(transfers, params(method, [seedTransfer(1)], { stopAt: new Set(['EX']) }));
    expect(result.endpoints).toEqual([{ address: 'EX', asset: 'ETH', tainted: 60n, hops: 1 }]);
    expect(reached(result)).toEqual(['A', 'EX', 'F']);
    expectRows(result, { EX: [60n, 0n, 60n, 1] });
    expect(row(result, 'EX').endpoint).toBe(true);
    expect(result.totals[0]).toMatchObject({ seeded: 100n, endpoints: 60n });
    expect(result.totals[0]?.unaccounted.remaining).toBe(40n);
  });

  it.each(METHODS)('%s: taint sent to an excluded address leaves the trace', (method) => {
    const result = trace(transfers, params(method, [seedTransfer(1)], { excluded: new Set(['F']) }));
    expect(reached(result)).toEqual(['A', 'EX', 'Y']);
    expect(result.totals[0]?.unaccounted).toEqual({ remaining: 60n, beyondHops: 0n, belowMinimum: 0n, excluded: 40n });
    expect(result.flows.find((f) => f.to === 'F')?.cut).toBe('excluded');
  });
});

describe('time window', () => {
  it('transfers outside the window are not seen', () => {
    const result = trace(chain, params('fifo', [seedTransfer(1)], { timeWindow: { from: 1, to: 2 } }));
    expect(reached(result)).toEqual(['A', 'B']);
    expectRows(result, { B: [100n, 0n, 100n, 1] });
  });

  it('a seed transfer outside the window is refused rather than tracing nothing', () => {
    expect(() => trace(chain, params('fifo', [seedTransfer(1)], { timeWindow: { from: 2 } }))).toThrow(
      /not in the window/,
    );
  });
});

describe('parameters and input that are refused', () => {
  const seeds = [seedTransfer(1)];
  it.each([
    ['backward tracing', params('poison', seeds, { direction: 'backward' }), /traces forward only/],
    ['a negative hop limit', params('poison', seeds, { maxHops: -1 }), /maxHops/],
    ['a fractional hop limit', params('poison', seeds, { maxHops: 1.5 }), /maxHops/],
    ['a negative minimum', params('poison', seeds, { minAmount: -1n }), /minAmount/],
    ['a zero seed amount', params('poison', [seedTransfer(1, 0n)]), /positive/],
    ['the same seed twice', params('poison', [seedTransfer(1), seedTransfer(1)]), /duplicate/],
    ['a seed transfer that is not loaded', params('poison', [seedTransfer(99)]), /not in the window/],
    ['a seed transfer to an excluded address', params('poison', seeds, { excluded: new Set(['A']) }), /excluded/],
    [
      'an excluded seed address',
      params('poison', [{ kind: 'address', address: 'A', asset: 'ETH', time: 0 }], { excluded: new Set(['A']) }),
      /excluded/,
    ],
  ])('%s', (_name, p, message) => {
    expect(() => trace(chain, p)).toThrow(message);
  });

  it('duplicate transfer ids and negative amounts', () => {
    expect(() => trace([...chain, tx(1, 9, 'X', 'Y', 1n)], params('poison', seeds))).toThrow(/twice/);
    expect(() => trace([...chain, tx(9, 9, 'X', 'Y', -1n)], params('poison', seeds))).toThrow(/negative/);
  });
});

describe('fractions', () => {
  it('are reduced and printed truncated', () => {
    expect(fraction(150n, 200n)).toEqual({ num: 3n, den: 4n });
    expect(fraction(0n, 7n)).toEqual({ num: 0n, den: 1n });
    expect(formatFraction({ num: 2n, den: 3n }, 4)).toBe('0.6666');
    expect(formatFraction({ num: 1n, den: 1n }, 2)).toBe('1.00');
    expect(formatFraction({ num: 1n, den: 3n }, 0)).toBe('0');
    expect(formatFraction({ num: 1n, den: 2n ** 80n }, 30)).toBe('0.000000000000000000000000827180');
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
  });
});
