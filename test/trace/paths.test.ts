import { describe, expect, it } from 'vitest';
import { bestOf, topPaths, type Hop } from '../../db/trace/paths';

const hop = (tx: string, from: string, to: string, tainted: bigint): Hop => ({ tx, from, to, tainted });
const show = (paths: { taint: bigint; hops: readonly Hop[] }[] | undefined) =>
  (paths ?? []).map((p) => `${p.taint} ${p.hops.map((h) => h.tx).join(',')}`);

// S is the seed. In replay order: S→A 100, S→B 60, A→X 30, B→X 50, A→B 70, B→X 40 (after A→B), X→S 10.
const HOPS = [
  hop('t1', 'S', 'A', 100n),
  hop('t2', 'S', 'B', 60n),
  hop('t3', 'A', 'X', 30n),
  hop('t4', 'B', 'X', 50n),
  hop('t5', 'A', 'B', 70n),
  hop('t6', 'B', 'X', 40n),
  hop('t7', 'X', 'S', 10n),
];

describe('paths: the bottleneck of time-ordered hops', () => {
  it('forward: the best paths from the seed to X, widest first; a hop only extends paths that arrived before it', () => {
    const best = topPaths(HOPS, 'forward', (h) => h.from === 'S');
    // Two paths carry 40: the one with fewer hops comes first.
    expect(show(best.get('X'))).toEqual(['50 t2,t4', '40 t2,t6', '40 t1,t5,t6']);
    // t4 came before t5, so S→A→B→X through t4 is no path.
    expect(show(best.get('B'))).toEqual(['70 t1,t5', '60 t2']);
  });

  it('backward: the best paths from each source to the seed, in time order', () => {
    // The seed is X: paths end with a hop into X.
    const best = topPaths(HOPS, 'backward', (h) => h.to === 'X');
    expect(show(best.get('S'))).toEqual(['50 t2,t4', '40 t2,t6', '40 t1,t5,t6']);
    expect(show(best.get('A'))).toEqual(['40 t5,t6', '30 t3']);
  });

  it('the best of several addresses, and no more than k', () => {
    const best = topPaths(HOPS, 'forward', (h) => h.from === 'S', 2);
    expect(show(best.get('X'))).toHaveLength(2);
    expect(show(bestOf([best.get('X') ?? [], best.get('B') ?? []], 3))).toEqual(['70 t1,t5', '60 t2', '50 t2,t4']);
  });
});
