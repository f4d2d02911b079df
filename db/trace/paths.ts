import { compareText } from './params';
import type { Address, TraceDirection } from './types';

/** One tainted hop: `tainted` is what the method put on it (forward) or asked of it (backward). */
export interface Hop {
  readonly from: Address;
  readonly to: Address;
  /** The transaction, as the report names it. */
  readonly tx: string;
  readonly tainted: bigint;
}

/**
 * A path is a time-ordered sequence of tainted hops from a seed to an endpoint (forward) or from a source to a
 * seed (backward); an address may recur (a cycle). Its taint is its BOTTLENECK: the smallest taint on any of its
 * hops. No more than that can have travelled along exactly that sequence, so it is an upper bound the report
 * can state exactly; the taint of every hop is listed beside it.
 */
export interface Path {
  readonly taint: bigint;
  readonly hops: readonly Hop[];
}

/** Larger taint first, then fewer hops, then by transactions and addresses as text, so the order is total. */
function comparePaths(a: Path, b: Path): number {
  if (a.taint !== b.taint) return a.taint > b.taint ? -1 : 1;
  if (a.hops.length !== b.hops.length) return a.hops.length - b.hops.length;
  return compareText(key(a), key(b));
}
const key = (p: Path) => p.hops.map((h) => `${h.tx} ${h.from} ${h.to}`).join('|');

/**
 * The `k` paths of largest taint to every address, from hops in replay order (time, then chain order).
 * `starts(hop, index)` says whether a path may begin with that hop: forward, a hop out of a seed address or a
 * seed transaction; backward, a hop into a seed address (paths then run from the source to the seed).
 *
 * Forward, the best paths reaching an address are kept as hops are replayed; a hop extends the best paths that
 * reached its sender before it. Since a path's taint is a minimum, extending the k best paths into an address by
 * one hop gives the k best through that hop. Backward is the same walk in reverse replay order.
 */
export function topPaths(
  hops: readonly Hop[],
  direction: TraceDirection,
  starts: (hop: Hop, index: number) => boolean,
  k = 3,
): Map<Address, Path[]> {
  const best = new Map<Address, Path[]>();
  const order = hops.map((_, i) => i);
  if (direction === 'backward') order.reverse();
  for (const i of order) {
    const hop = hops[i] as Hop;
    const [near, far] = direction === 'forward' ? [hop.from, hop.to] : [hop.to, hop.from];
    const candidates: Path[] = (best.get(near) ?? []).map((p) => ({
      taint: p.taint < hop.tainted ? p.taint : hop.tainted,
      hops: direction === 'forward' ? [...p.hops, hop] : [hop, ...p.hops],
    }));
    if (starts(hop, i)) candidates.push({ taint: hop.tainted, hops: [hop] });
    if (candidates.length === 0) continue;
    best.set(far, [...(best.get(far) ?? []), ...candidates].sort(comparePaths).slice(0, k));
  }
  return best;
}

/** The `k` best of several addresses' paths (an entity's endpoints). */
export function bestOf(lists: readonly (readonly Path[])[], k = 3): Path[] {
  return lists.flat().sort(comparePaths).slice(0, k);
}
