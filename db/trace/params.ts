import type { Address, CutReason, TraceDirection, TraceParams } from './types';

// Code-unit order rather than localeCompare: the output must not depend on the machine's locale.
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type CommonParams = Omit<TraceParams, 'seeds' | 'direction'> & {
  readonly direction: TraceDirection;
  readonly seeds: readonly { readonly kind: string; readonly amount?: bigint; readonly address?: string }[];
};

/**
 * The checks every engine makes before it replays anything. `seedKey` names a seed for the duplicate check;
 * `engine` names the function in messages; `direction` is the one the engine traces.
 */
export function checkCommonParams<P extends CommonParams>(
  engine: string,
  params: P,
  seedKey: (seed: P['seeds'][number]) => string,
  direction: TraceDirection = 'forward',
): void {
  if (params.direction !== direction) throw new RangeError(`${engine}: traces ${direction} only`);
  if (!(params.maxHops === Infinity || (Number.isInteger(params.maxHops) && params.maxHops >= 0)))
    throw new RangeError(`${engine}: maxHops must be a whole number ≥ 0 or Infinity`);
  if (params.minAmount < 0n) throw new RangeError(`${engine}: minAmount must not be negative`);
  const seen = new Set<string>();
  for (const seed of params.seeds) {
    if (seed.amount !== undefined && seed.amount <= 0n)
      throw new RangeError(`${engine}: a seed amount must be positive`);
    const key = seedKey(seed);
    if (seen.has(key)) throw new RangeError(`${engine}: duplicate seed ${key}`);
    seen.add(key);
    if (
      (seed.kind === 'address' || seed.kind === 'holding') &&
      seed.address !== undefined &&
      params.excluded.has(seed.address)
    )
      throw new RangeError(`${engine}: seed address ${seed.address} is excluded`);
  }
}

/**
 * Why taint moving to (forward) or demand coming from (backward) `address` is not followed: the address is
 * excluded, else the side it leaves is at the hop limit, else it is below the minimum.
 */
export function cutReason(
  address: Address | null,
  tainted: bigint,
  hops: number,
  params: Pick<TraceParams, 'excluded' | 'maxHops' | 'minAmount'>,
): CutReason | undefined {
  if (address !== null && params.excluded.has(address)) return 'excluded';
  if (hops >= params.maxHops) return 'beyondHops';
  if (tainted < params.minAmount) return 'belowMinimum';
  return undefined;
}
