import { describe, expect, it } from 'vitest';
import { traceUtxo } from '../../db/trace/utxo';
import { params, seedOutput, utx, type In } from './helpers';
import type { AddressTaint, TraceMethod, UtxoSeed, UtxoTraceResult, UtxoTransaction } from '../../db/trace/types';

// Worked UTXO examples. Outputs are written `address value`; inputs `txid:index`. Rows read
// [received, sent, held, hops]. Transactions t0… have ids in chain order.

const METHODS: TraceMethod[] = ['poison', 'haircut', 'fifo'];

function urow(result: UtxoTraceResult, address: string): AddressTaint {
  const found = result.addresses.find((a) => a.address === address);
  if (found === undefined) throw new Error(`${address} was not reached`);
  return found;
}

function expectURows(result: UtxoTraceResult, expected: Record<string, [bigint, bigint, bigint, number]>): void {
  const actual = Object.fromEntries(
    Object.keys(expected).map((address) => {
      const r = urow(result, address);
      return [address, [r.received, r.sent, r.held, r.hops]];
    }),
  );
  expect(actual).toEqual(expected);
}

const ureached = (result: UtxoTraceResult) => result.addresses.filter((a) => a.received > 0n).map((a) => a.address);
const flowTaint = (result: UtxoTraceResult) => result.flows.map((f) => `${f.txid}:${f.index} ${f.tainted}`);

// The theft: the victim V's coins (from outside the data) pay A 1000; t0:0 is the seed.
const theft = utx(0, 0, 't0', [['v', 0, 'V', 1000n]], [['A', 1000n]]);

describe('a peel chain', () => {
  // t1 spends t0:0 (A 1000) → X 100, B 890, fee 10; t2 spends t1:1 (B 890) → Y 100, C 780, fee 10.
  const txs = [
    theft,
    utx(
      1,
      1,
      't1',
      [['t0', 0, 'A', 1000n]],
      [
        ['X', 100n],
        ['B', 890n],
      ],
    ),
    utx(
      2,
      2,
      't2',
      [['t1', 1, 'B', 890n]],
      [
        ['Y', 100n],
        ['C', 780n],
      ],
    ),
  ];

  it.each(METHODS)('%s: every coin is stolen, so all methods agree', (method) => {
    const result = traceUtxo(txs, params(method, [seedOutput('t0', 0)]));
    expectURows(result, {
      A: [1000n, 1000n, 0n, 0],
      X: [100n, 0n, 100n, 1],
      B: [890n, 890n, 0n, 1],
      Y: [100n, 0n, 100n, 2],
      C: [780n, 0n, 780n, 2],
    });
    // 1000 seeded = 100 + 100 + 780 still held + 20 paid as fees.
    expect(result.totals).toEqual([
      {
        asset: 'BTC',
        seeded: 1000n,
        endpoints: 0n,
        unaccounted: { remaining: 980n, beyondHops: 0n, belowMinimum: 0n, excluded: 0n, fees: 20n, unaddressed: 0n },
        roundedOutputs: 0,
      },
    ]);
    expect(result.transactions.map((t) => [t.txid, t.hops, t.taintIn, t.taintOut, t.fee])).toEqual([
      ['t1', 0, 1000n, 990n, 10n],
      ['t2', 1, 890n, 780n + 100n, 10n],
    ]);
    expect(result.flows.find((f) => f.txid === 't2' && f.index === 1)).toMatchObject({ from: ['B'], to: 'C' });
    // V's 1000 come from outside the data; V is not reached, so it is not listed.
    expect(ureached(result)).toEqual(['A', 'B', 'C', 'X', 'Y']);
  });

  it('an address seed with an amount marks the first 600 coins paid to A', () => {
    // FIFO: t1's pool is [stolen 600][clean 400]: X 100 stolen, B 890 = stolen 500 + clean 390, fee clean.
    const seed: UtxoSeed = { kind: 'address', address: 'A', asset: 'BTC', time: 0, amount: 600n };
    const fifo = traceUtxo(txs, params('fifo', [seed]));
    expect(flowTaint(fifo)).toEqual(['t1:0 100', 't1:1 500', 't2:0 100', 't2:1 400']);
    expect(fifo.totals[0]?.unaccounted.fees).toBe(0n); // t2's pool [stolen 500][clean 390]: fee is clean
    // Haircut: t1 pool 1000 with taint 600: X 100·600/1000 = 60, B 890·600/1000 = 534, fee 6.
    // t2 pool 890 with taint 534 (share 3/5): Y 60, C 468, fee 6.
    const haircut = traceUtxo(txs, params('haircut', [seed]));
    expect(flowTaint(haircut)).toEqual(['t1:0 60', 't1:1 534', 't2:0 60', 't2:1 468']);
    expect(haircut.totals[0]?.unaccounted).toMatchObject({ remaining: 588n, fees: 12n });
    expect(urow(haircut, 'A')).toMatchObject({ seeded: 600n, share: { num: 3n, den: 5n } });
  });

  it('cut-offs: hops count transactions, stop addresses keep coins, minimum and exclusion cut outputs', () => {
    // maxHops 1: t2 is at hop 1, so its 880 on outputs are beyond the limit (its fee still goes to fees).
    const hops = traceUtxo(txs, params('haircut', [seedOutput('t0', 0)], { maxHops: 1 }));
    expect(ureached(hops)).toEqual(['A', 'B', 'X']);
    expect(hops.totals[0]?.unaccounted).toEqual({
      remaining: 100n,
      beyondHops: 880n,
      belowMinimum: 0n,
      excluded: 0n,
      fees: 20n,
      unaddressed: 0n,
    });
    // B is an exchange: its 890 is an endpoint and t2 spends it as clean coins.
    const stop = traceUtxo(txs, params('poison', [seedOutput('t0', 0)], { stopAt: new Set(['B']) }));
    expect(stop.endpoints).toEqual([{ address: 'B', asset: 'BTC', tainted: 890n, hops: 1 }]);
    expect(ureached(stop)).toEqual(['A', 'B', 'X']);
    expectURows(stop, { B: [890n, 0n, 890n, 1] });
    // minAmount 150 cuts the two 100s; excluding C cuts its 780.
    const cuts = traceUtxo(txs, params('fifo', [seedOutput('t0', 0)], { minAmount: 150n, excluded: new Set(['C']) }));
    expect(cuts.flows.map((f) => f.cut)).toEqual(['belowMinimum', undefined, 'belowMinimum', 'excluded']);
    expect(cuts.totals[0]?.unaccounted).toMatchObject({ remaining: 0n, belowMinimum: 200n, excluded: 780n });
    // The window ends before t2: B still holds its 890.
    const window = traceUtxo(txs, params('fifo', [seedOutput('t0', 0)], { timeWindow: { to: 1 } }));
    expectURows(window, { B: [890n, 0n, 890n, 1] });
  });
});

describe('a merge with clean inputs', () => {
  // A holds the stolen t0:0 (1000); C holds a clean 400 from outside. t1 spends A 1000 then C 400 →
  // D 700, E 600, fee 100. Pool 1400 with taint 1000.
  const clean = utx(1, 1, 'c0', [['w', 0, 'W', 400n]], [['C', 400n]]);
  const merge = (inputs: In[]) => [
    theft,
    clean,
    utx(2, 2, 't1', inputs, [
      ['D', 700n],
      ['E', 600n],
    ]),
  ];
  const stolenFirst = merge([
    ['t0', 0, 'A', 1000n],
    ['c0', 0, 'C', 400n],
  ]);
  const cleanFirst = merge([
    ['c0', 0, 'C', 400n],
    ['t0', 0, 'A', 1000n],
  ]);

  it('haircut: each output carries its value times 1000/1400', () => {
    // D 700·1000/1400 = 500, E 600·1000/1400 = 428.57…, fee 100·1000/1400 = 71.43…. Floors 500 + 428 + 71 =
    // 999; the unit left goes to the largest remainder (E: .57 > fee: .43), so E 429, fee 71.
    for (const txs of [stolenFirst, cleanFirst]) {
      const result = traceUtxo(txs, params('haircut', [seedOutput('t0', 0)]));
      expect(flowTaint(result)).toEqual(['t1:0 500', 't1:1 429']);
      expect(result.totals[0]?.unaccounted.fees).toBe(71n);
      expect(result.totals[0]?.roundedOutputs).toBe(2);
      expect(urow(result, 'E').share).toEqual({ num: 143n, den: 200n }); // 429 / 600
      expect(ureached(result)).toEqual(['A', 'D', 'E']); // C's clean coins do not make C tainted
    }
  });

  it('FIFO: the input order decides which outputs get the stolen coins', () => {
    // Stolen first: pool [stolen 1000][clean 400]: D 700 stolen, E 600 = stolen 300 + clean 300, fee clean.
    const first = traceUtxo(stolenFirst, params('fifo', [seedOutput('t0', 0)]));
    expect(flowTaint(first)).toEqual(['t1:0 700', 't1:1 300']);
    expect(first.totals[0]?.unaccounted.fees).toBe(0n);
    // Clean first: pool [clean 400][stolen 1000]: D = clean 400 + stolen 300, E 600 stolen, fee 100 stolen.
    const second = traceUtxo(cleanFirst, params('fifo', [seedOutput('t0', 0)]));
    expect(flowTaint(second)).toEqual(['t1:0 300', 't1:1 600']);
    expect(second.totals[0]?.unaccounted.fees).toBe(100n);
  });

  it('poison: every output and the fee', () => {
    const result = traceUtxo(stolenFirst, params('poison', [seedOutput('t0', 0)]));
    expect(flowTaint(result)).toEqual(['t1:0 700', 't1:1 600']);
    expect(result.totals[0]?.unaccounted).toMatchObject({ remaining: 1300n, fees: 100n });
  });

  it('haircut rounding: three equal outputs of a third share, the spare unit to the first', () => {
    // Pool 30 with taint 10 (A's stolen 10 + C's clean 20): each output 10·10/30 = 3.33…; floors 3 + 3 + 3,
    // equal remainders, so the spare unit goes to the earliest output: 4, 3, 3. The fee (0) gets 0.
    const txs = [
      utx(0, 0, 't0', [['v', 0, 'V', 10n]], [['A', 10n]]),
      utx(1, 0, 'c0', [['w', 0, 'W', 20n]], [['C', 20n]]),
      utx(
        2,
        1,
        't1',
        [
          ['t0', 0, 'A', 10n],
          ['c0', 0, 'C', 20n],
        ],
        [
          ['D', 10n],
          ['E', 10n],
          ['F', 10n],
        ],
      ),
    ];
    const result = traceUtxo(txs, params('haircut', [seedOutput('t0', 0)]));
    expect(flowTaint(result)).toEqual(['t1:0 4', 't1:1 3', 't1:2 3']);
    expect(result.totals[0]?.roundedOutputs).toBe(3);
  });
});

describe('two tainted payers in one transaction', () => {
  // A (600 stolen) and B (200 stolen) pay with K's 200 clean coins into C 500 and D 500.
  const txs = [
    utx(0, 0, 't0', [['v', 0, 'V', 600n]], [['A', 600n]]),
    utx(1, 0, 'u0', [['w', 0, 'W', 200n]], [['B', 200n]]),
    utx(
      2,
      1,
      't1',
      [
        ['t0', 0, 'A', 600n],
        ['u0', 0, 'B', 200n],
        ['k', 0, 'K', 200n],
      ],
      [
        ['C', 500n],
        ['D', 500n],
      ],
    ),
  ];
  const seeds = [seedOutput('t0', 0), seedOutput('u0', 0)];

  it('haircut: each output’s taint is split over the payers by the taint they spent (3:1)', () => {
    const result = traceUtxo(txs, params('haircut', seeds));
    // Pool 1000 with 800 tainted: C and D get 400 each, 300 of it from A and 100 from B.
    expect(result.flows.filter((f) => f.txid === 't1').map((f) => [f.to, f.tainted, f.parts])).toEqual([
      [
        'C',
        400n,
        [
          { address: 'A', tainted: 300n },
          { address: 'B', tainted: 100n },
        ],
      ],
      [
        'D',
        400n,
        [
          { address: 'A', tainted: 300n },
          { address: 'B', tainted: 100n },
        ],
      ],
    ]);
  });

  it.each(METHODS)('%s: the parts of every flow add up to its taint exactly', (method) => {
    const result = traceUtxo(txs, params(method, seeds));
    for (const f of result.flows) expect((f.parts ?? []).reduce((sum, p) => sum + p.tainted, 0n)).toBe(f.tainted);
  });
});

describe('a split with change back to the sender', () => {
  // A holds the stolen t0:0 (1000) and, from before, a clean 500 (c0:0). t1 spends t0:0 → B 300, A 690
  // (change), fee 10. t2 spends A's change and then the clean 500 → C 1100, fee 90.
  const txs = [
    utx(0, 0, 'c0', [['w', 0, 'W', 500n]], [['A', 500n]]),
    { ...theft, id: 1, time: 1 },
    utx(
      2,
      2,
      't1',
      [['t0', 0, 'A', 1000n]],
      [
        ['B', 300n],
        ['A', 690n],
      ],
    ),
    utx(
      3,
      3,
      't2',
      [
        ['t1', 1, 'A', 690n],
        ['c0', 0, 'A', 500n],
      ],
      [['C', 1100n]],
    ),
  ];

  it.each([
    // Haircut: pool 1190 with taint 690. C 1100·690/1190 = 637.81…, fee 90·690/1190 = 52.18…: floors 637 + 52
    // = 689, the spare unit to C (.81 > .18): 638 and 52.
    ['haircut', 638n, 52n],
    // FIFO: pool [stolen 690][clean 500]: C = stolen 690 + clean 410, the fee is clean.
    ['fifo', 690n, 0n],
    ['poison', 1100n, 90n],
  ] as const)('%s', (method, toC, fee) => {
    const result = traceUtxo(txs, params(method, [seedOutput('t0', 0)]));
    // A received 1000 stolen and 690 back as change, and spent both; its clean 500 adds to its inflow. Taint
    // is on coins, not addresses: even under poison the clean 500 stays clean until t2 spends it (t2's
    // outputs are then tainted in full, but that is t2's outflow, not A's).
    expect(urow(result, 'A')).toMatchObject({ received: 1690n, sent: 1690n, held: 0n, hops: 0, inflow: 2190n });
    expectURows(result, { B: [300n, 0n, 300n, 1], C: [toC, 0n, toC, 2] });
    expect(result.totals[0]?.unaccounted.fees).toBe(10n + fee);
  });
});

describe('coinbase and outputs without an address', () => {
  // t1 spends A's stolen 1000 → an OP_RETURN-like output of 10 without an address, B 990. A coinbase pays the
  // miner M 625 + fees: it has no inputs, so its coins are new and clean. t2 merges M's 625 with B's 990.
  const txs = [
    theft,
    utx(
      1,
      1,
      't1',
      [['t0', 0, 'A', 1000n]],
      [
        [null, 10n],
        ['B', 990n],
      ],
    ),
    utx(2, 2, 'cb', [], [['M', 625n]]),
    utx(
      3,
      3,
      't2',
      [
        ['cb', 0, 'M', 625n],
        ['t1', 1, 'B', 990n],
      ],
      [['N', 1615n]],
    ),
  ];

  it.each(METHODS)('%s', (method) => {
    const result = traceUtxo(txs, params(method, [seedOutput('t0', 0)]));
    // Haircut: N 1615·990/1615 = 990. FIFO: pool [clean 625][stolen 990]: all of it goes to N. Poison: 1615.
    const toN = method === 'poison' ? 1615n : 990n;
    expectURows(result, { B: [990n, 990n, 0n, 1], N: [toN, 0n, toN, 2] });
    expect(ureached(result)).toEqual(['A', 'B', 'N']); // M's coinbase is clean
    expect(result.flows.find((f) => f.txid === 't1' && f.index === 0)).toMatchObject({ to: null, tainted: 10n });
    expect(result.flows.find((f) => f.txid === 't2')?.from).toEqual(['B']);
    expect(result.totals[0]?.unaccounted).toMatchObject({ remaining: toN, unaddressed: 10n, fees: 0n });
  });
});

describe('refusals', () => {
  it('spending an output twice, before it exists, or with another value', () => {
    const spend = (id: number, value: bigint) => utx(id, 1, `s${id}`, [['t0', 0, 'A', value]], [['B', value]]);
    const run = (txs: UtxoTransaction[]) => () => traceUtxo(txs, params('fifo', [seedOutput('t0', 0)]));
    expect(run([theft, spend(1, 1000n), spend(2, 1000n)])).toThrow(/spent twice/);
    expect(run([{ ...theft, time: 5 }, spend(1, 1000n)])).toThrow(/before the transaction that creates it/);
    expect(run([theft, spend(1, 999n)])).toThrow(/differs/);
    expect(() => traceUtxo([theft], params('fifo', [seedOutput('t0', 1)]))).toThrow(/not in the window/);
  });
});
