import type { TraceParams } from './types';

// Code-unit order rather than localeCompare: the output must not depend on the machine's locale.
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type CommonParams = Omit<TraceParams, 'seeds'> & {
  readonly seeds: readonly { readonly kind: string; readonly amount?: bigint; readonly address?: string }[];
};

/**
 * The checks every engine makes before it replays anything. `seedKey` names a seed for the duplicate check;
 * `engine` names the function in messages.
 */
export function checkCommonParams<P extends CommonParams>(
  engine: string,
  params: P,
  seedKey: (seed: P['seeds'][number]) => string,
): void {
  if (params.direction !== 'forward') throw new RangeError(`${engine}: only forward tracing is implemented`);
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
    if (seed.kind === 'address' && seed.address !== undefined && params.excluded.has(seed.address))
      throw new RangeError(`${engine}: seed address ${seed.address} is excluded`);
  }
}
