import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUtxoTx, type UtxoTx } from '../../db/graph/utxo-split';
import { UsdSum, usdOf } from '../../db/usd';

const tx = (inputs: UtxoTx['inputs'], outputs: UtxoTx['outputs']): UtxoTx => ({
  id: 1,
  chain: 'BTC',
  txHash: 'ab',
  time: 0,
  block: null,
  inputs,
  outputs,
});

describe('the UTXO split', () => {
  it('gives each output to the input addresses in proportion to what they paid, ties to the earlier payer', () => {
    // Address 1 pays twice (1 + 1), address 2 once (2): equal weights, so the odd unit goes to address 1.
    const flows = splitUtxoTx(
      tx(
        [
          { addressId: 1, value: 1n },
          { addressId: 2, value: 2n },
          { addressId: 1, value: 1n },
        ],
        [
          { n: 0, addressId: 3, value: 3n },
          { n: 1, addressId: null, value: 5n },
          { n: 2, addressId: 1, value: 0n },
        ],
      ),
    );
    expect(flows).toEqual([
      { fromId: 1, toId: 3, n: 0, amount: 2n },
      { fromId: 2, toId: 3, n: 0, amount: 1n },
    ]);
  });

  it('makes no flow when no input has an address', () => {
    expect(splitUtxoTx(tx([{ addressId: null, value: 9n }], [{ n: 0, addressId: 3, value: 9n }]))).toEqual([]);
  });

  it('conserves every output exactly, each share within one unit of its proportional value', () => {
    const value = fc.bigInt({ min: 0n, max: 2n ** 70n });
    const input = fc.record({ addressId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), value });
    const output = fc.record({ addressId: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }), value });
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 8 }), fc.array(output, { maxLength: 8 }), (ins, outs) => {
        const t = tx(
          ins,
          outs.map((o, n) => ({ ...o, n })),
        );
        const flows = splitUtxoTx(t);
        const paid = new Map<number, bigint>();
        for (const i of ins) if (i.addressId !== null) paid.set(i.addressId, (paid.get(i.addressId) ?? 0n) + i.value);
        const weight = [...paid.values()].reduce((s, v) => s + v, 0n);
        for (const o of t.outputs) {
          const parts = flows.filter((f) => f.n === o.n);
          if (o.addressId === null || weight === 0n) {
            expect(parts).toEqual([]);
            continue;
          }
          expect(parts.reduce((s, f) => s + f.amount, 0n)).toBe(o.value);
          for (const [payer, w] of paid) {
            const share = parts.find((f) => f.fromId === payer)?.amount ?? 0n;
            // |share − value·w/weight| ≤ 1, in integers: |share·weight − value·w| ≤ weight.
            const gap = share * weight - o.value * w;
            expect(gap <= weight && -gap <= weight).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('USD values', () => {
  it('are exact sums rounded once to cents, half-up', () => {
    expect(usdOf(5n, 3, '1')).toBe('0.01');
    expect(usdOf(4n, 3, '1')).toBe('0.00');
    // Half-even would give 0.02 here.
    expect(usdOf(25n, 3, '1')).toBe('0.03');
    expect(usdOf(1n, 0, '12')).toBe('12.00');
    expect(usdOf(1n, 0, null)).toBeNull();
    const sum = new UsdSum();
    // Three thirds of a cent each round to nothing, but their exact sum is a cent.
    for (let i = 0; i < 3; i++) sum.add(1n, 0, '0.00333334');
    sum.add(1n, 0, null);
    expect(sum.usd()).toBe('0.01');
    expect(sum.complete()).toBe(false);
  });
});
