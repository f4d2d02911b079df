import type { Fraction } from './types';

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den in lowest terms with a positive denominator; 0 is 0/1. */
export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('fraction: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/**
 * A non-negative fraction as a decimal with exactly `places` digits after the point, truncated (rounded toward
 * zero), so a displayed share never overstates the exact one: 2/3 at 4 places is "0.6666".
 */
export function formatFraction(value: Fraction, places: number): string {
  if (value.num < 0n || value.den <= 0n) throw new RangeError('formatFraction: expects a non-negative fraction');
  if (!Number.isInteger(places) || places < 0) throw new RangeError('formatFraction: places must be a whole number');
  const scaled = (value.num * 10n ** BigInt(places)) / value.den;
  if (places === 0) return scaled.toString();
  const digits = scaled.toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
