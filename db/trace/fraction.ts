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

/**
 * Splits `total` over parts in proportion to `weights` (Σ weights > 0), exactly: each part gets
 * floor(total·w/W), and the units left over go one each to the parts with the largest fractional remainders,
 * the earlier part first on ties (largest-remainder rule). The parts add up to `total`; when total ≤ W no part
 * exceeds its weight. `rounded` counts the parts whose exact share was not a whole number.
 */
export function apportion(total: bigint, weights: readonly bigint[]): { parts: bigint[]; rounded: number } {
  const pool = weights.reduce((sum, w) => sum + w, 0n);
  if (total === 0n || pool === 0n) return { parts: weights.map(() => 0n), rounded: 0 };
  const parts = weights.map((w) => (w * total) / pool);
  const remainders = weights.map((w) => (w * total) % pool);
  let left = total - parts.reduce((sum, p) => sum + p, 0n);
  const order = weights.map((_, i) => i).filter((i) => (remainders[i] as bigint) > 0n);
  order.sort((a, b) => {
    const [ra, rb] = [remainders[a] as bigint, remainders[b] as bigint];
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return { parts, rounded: order.length };
}
