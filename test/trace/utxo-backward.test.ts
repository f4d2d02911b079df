import { describe, expect, it } from 'vitest';
import { traceUtxoBackward } from '../../db/trace/utxo-backward';
import type { TraceMethod, UtxoBackwardSeed, UtxoBackwardTraceParams, UtxoTraceResult } from '../../db/trace/types';
import { params, utx } from './helpers';

// Worked examples of backward UTXO tracing, by hand. Rows read [received, sent, held, hops] as in
// backward.test.ts: received is the seed's coins on outputs paid to the address.

const back = (method: TraceMethod, seeds: UtxoBackwardSeed[], overrides: Partial<UtxoBackwardTraceParams> = {}) =>
  params(method, seeds, { direction: 'backward', ...overrides });
const output = (txid: string, index: number, amount?: bigint): UtxoBackwardSeed =>
  amount === undefined
    ? { kind: 'output', asset: 'BTC', txid, index }
    : { kind: 'output', asset: 'BTC', txid, index, amount };

function rows(result: UtxoTraceResult) {
  return Object.fromEntries(result.addresses.map((a) => [a.address, [a.received, a.sent, a.held, a.hops]]));
}
const totals = (result: UtxoTraceResult) => {
  const t = result.totals[0];
  if (t === undefined) throw new Error('no totals');
  return { seeded: t.seeded, endpoints: t.endpoints, ...t.unaccounted };
};

describe('a merge with clean coins, then a split', () => {
  // t0: the victim V's coin (outside the data) pays A 1000. t1 spends A's 1000 and C's 500 (outside the data):
  // W 600, Z 890, fee 10. Where did W's 600 come from?
  const txs = [
    utx(0, 0, 't0', [['v', 0, 'V', 1000n]], [['A', 1000n]]),
    utx(
      1,
      1,
      't1',
      [
        ['t0', 0, 'A', 1000n],
        ['c', 0, 'C', 500n],
      ],
      [
        ['W', 600n],
        ['Z', 890n],
      ],
    ),
  ];

  it('FIFO: the pool pours A’s coins first, so all 600 are A’s, which were V’s', () => {
    const result = traceUtxoBackward(txs, back('fifo', [output('t1', 0)]));
    expect(rows(result)).toEqual({ W: [600n, 600n, 0n, 0], A: [600n, 600n, 0n, 1], V: [600n, 0n, 600n, 2] });
    expect(totals(result)).toMatchObject({ seeded: 600n, remaining: 600n });
    expect(result.transactions.map((t) => [t.txid, t.taintIn, t.taintOut])).toEqual([
      ['t0', 600n, 600n],
      ['t1', 600n, 600n],
    ]);
  });

  it('haircut: W is a mix of the pool, 1000:500, so 400 are A’s (V’s) and 200 C’s', () => {
    const result = traceUtxoBackward(txs, back('haircut', [output('t1', 0)]));
    expect(rows(result)).toEqual({
      W: [600n, 600n, 0n, 0],
      A: [400n, 400n, 0n, 1],
      C: [200n, 0n, 200n, 1],
      V: [400n, 0n, 400n, 2],
    });
    expect(totals(result)).toMatchObject({ seeded: 600n, remaining: 600n });
  });

  it('poison: every input of the transaction, in full (held: the marked coins from outside the data)', () => {
    const result = traceUtxoBackward(txs, back('poison', [output('t1', 0)]));
    expect(rows(result)).toEqual({
      W: [600n, 600n, 0n, 0],
      A: [1000n, 1000n, 0n, 1],
      C: [500n, 0n, 500n, 1],
      V: [1000n, 0n, 1000n, 2],
    });
  });

  it('a holding seed names the unspent outputs paid to the address by then; FIFO takes the last coins', () => {
    expect(rows(traceUtxoBackward(txs, back('fifo', [holding('Z', 5, 100n)])))).toEqual({
      Z: [100n, 100n, 0n, 0],
      C: [100n, 0n, 100n, 1],
    });
    // Before t1, Z held nothing.
    expect(rows(traceUtxoBackward(txs, back('fifo', [holding('Z', 0)])))).toEqual({ Z: [0n, 0n, 0n, 0] });
  });

  it('a stop address is a source; the hop limit and an excluded input cut the walk', () => {
    const stopped = traceUtxoBackward(txs, back('haircut', [output('t1', 0)], { stopAt: new Set(['A']) }));
    expect(stopped.endpoints).toEqual([{ address: 'A', asset: 'BTC', tainted: 400n, hops: 1 }]);
    expect(totals(stopped)).toMatchObject({ endpoints: 400n, remaining: 200n });
    expect(totals(traceUtxoBackward(txs, back('haircut', [output('t1', 0)], { maxHops: 1 })))).toMatchObject({
      remaining: 200n,
      beyondHops: 400n,
    });
    expect(
      totals(traceUtxoBackward(txs, back('haircut', [output('t1', 0)], { excluded: new Set(['C']) }))),
    ).toMatchObject({ remaining: 400n, excluded: 200n });
  });
});

const holding = (address: string, time: number, amount?: bigint): UtxoBackwardSeed =>
  amount === undefined
    ? { kind: 'holding', address, asset: 'BTC', time }
    : { kind: 'holding', address, asset: 'BTC', time, amount };

describe('a cycle of addresses and minted coins', () => {
  // A coinbase pays M 50; M pays A 50; A pays M 30 and B 20; M's 30 come back to A, which pays W 30.
  const txs = [
    utx(0, 0, 'cb', [], [['M', 50n]]),
    utx(1, 1, 't1', [['cb', 0, 'M', 50n]], [['A', 50n]]),
    utx(
      2,
      2,
      't2',
      [['t1', 0, 'A', 50n]],
      [
        ['M', 30n],
        ['B', 20n],
      ],
    ),
    utx(3, 3, 't3', [['t2', 0, 'M', 30n]], [['A', 30n]]),
    utx(4, 4, 't4', [['t3', 0, 'A', 30n]], [['W', 30n]]),
  ];
  it.each(['fifo', 'haircut'] as const)('%s: W’s 30 went A → M → A and were minted to M', (method) => {
    const result = traceUtxoBackward(txs, back(method, [output('t4', 0)]));
    expect(rows(result)).toEqual({ W: [30n, 30n, 0n, 0], A: [60n, 60n, 0n, 1], M: [60n, 60n, 0n, 2] });
    expect(totals(result)).toMatchObject({ seeded: 30n, unaddressed: 30n });
    expect(result.flows.map((f) => `${f.txid}:${f.index} ${f.tainted}`)).toEqual([
      'cb:0 30',
      't1:0 30',
      't2:0 30',
      't3:0 30',
      't4:0 30',
    ]);
  });
});
