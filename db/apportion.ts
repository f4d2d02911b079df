/**
 * Splits `total` into whole parts in proportion to `weights`, exactly, by the largest-remainder rule: part i
 * gets floor(total·wᵢ/W), and the units left over (fewer than the number of parts) go one each to the parts
 * with the largest remainders, the earlier part first on ties. The parts add up to `total` and each is within
 * one unit of its exact share; when total ≤ Σ weights no part exceeds its weight. When the weights add up to
 * zero nothing can be split, and every part is zero. `rounded` counts the parts whose exact share was not
 * a whole number.
 */
export function apportion(total: bigint, weights: readonly bigint[]): { parts: bigint[]; rounded: number } {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n || sum === 0n) return { parts: weights.map(() => 0n), rounded: 0 };
  const parts = weights.map((w) => (w * total) / sum);
  const remainders = weights.map((w) => (w * total) % sum);
  let left = total - parts.reduce((s, p) => s + p, 0n);
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
