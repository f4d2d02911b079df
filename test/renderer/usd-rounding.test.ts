import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUsdRounded } from '../../renderer/src/lib/format';

describe('formatUsdRounded', () => {
  it.each([
    ['0', '$0.00'],
    ['1234.565', '$1,234.57'],
    ['1234.5649999', '$1,234.56'],
    ['0.005', '$0.01'],
    ['0.004999', '$0.00'],
    ['999.995', '$1,000.00'],
    ['12', '$12.00'],
    ['12.3', '$12.30'],
    ['530000000.000000000000000001', '$530,000,000.00'],
  ])('%s → %s', (exact, shown) => {
    expect(formatUsdRounded(exact)).toBe(shown);
  });

  it('rounds half-up to the nearest cent, exactly, for any decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }), (units, scale) => {
        const text =
          scale === 0
            ? units.toString()
            : `${units / 10n ** BigInt(scale)}.${(units % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`;
        // The oracle: cents = floor(x·100 + 1/2), computed on the integer numerator.
        const denominator = 10n ** BigInt(scale);
        const cents = (units * 200n + denominator) / (2n * denominator);
        const expected = `$${new Intl.NumberFormat('en-GB').format(cents / 100n)}.${(cents % 100n).toString().padStart(2, '0')}`;
        expect(formatUsdRounded(text)).toBe(expected);
      }),
    );
  });
});
