import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPaths, searchPaths, type PathEdge } from '../../renderer/src/lib/paths';

const edge = (id: string, source: string, target: string): PathEdge => ({ id, source, target });

/** Every simple path by plain recursion, then sorted the documented way: the reference the search must match. */
function bruteForce(
  edges: readonly PathEdge[],
  from: string,
  to: string,
  options: { maxHops: number; k: number; exclude?: ReadonlySet<string>; directed?: boolean },
): { nodes: string[]; edges: string[] }[] {
  const exclude = options.exclude ?? new Set<string>();
  const steps = edges.flatMap((e) => {
    const forward = { id: e.id, from: e.source, to: e.target };
    return options.directed === false ? [forward, { id: e.id, from: e.target, to: e.source }] : [forward];
  });
  const out = new Map<string, typeof steps>();
  for (const step of steps) out.set(step.from, [...(out.get(step.from) ?? []), step]);
  const found: { nodes: string[]; edges: string[] }[] = [];
  const walk = (nodes: string[], used: string[]) => {
    const here = nodes[nodes.length - 1] as string;
    if (here === to) {
      found.push({ nodes: [...nodes], edges: [...used] });
      return;
    }
    if (used.length === options.maxHops) return;
    for (const step of out.get(here) ?? []) {
      if (nodes.includes(step.to) || exclude.has(step.id) || exclude.has(step.to)) continue;
      walk([...nodes, step.to], [...used, step.id]);
    }
  };
  if (!exclude.has(from) && !exclude.has(to)) walk([from], []);
  const compare = (a: string[], b: string[]) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
    }
    return 0;
  };
  return found.sort((a, b) => compare(a.edges, b.edges)).slice(0, options.k);
}

describe('findPaths by hand', () => {
  const diamond = [edge('ab', 'A', 'B'), edge('ac', 'A', 'C'), edge('bd', 'B', 'D'), edge('cd', 'C', 'D')];

  it('finds both sides of a diamond, in edge-id order', () => {
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 10 })).toEqual([
      { nodes: ['A', 'B', 'D'], edges: ['ab', 'bd'] },
      { nodes: ['A', 'C', 'D'], edges: ['ac', 'cd'] },
    ]);
  });

  it('answers the same whatever order the edges come in', () => {
    const reversed = [...diamond].reverse();
    expect(findPaths(reversed, 'A', 'D', { maxHops: 5, k: 10 })).toEqual(
      findPaths(diamond, 'A', 'D', { maxHops: 5, k: 10 }),
    );
  });

  it('stops at k', () => {
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 1 })).toEqual([
      { nodes: ['A', 'B', 'D'], edges: ['ab', 'bd'] },
    ]);
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 0 })).toEqual([]);
  });

  it('follows edges only forwards unless told otherwise', () => {
    expect(findPaths(diamond, 'D', 'A', { maxHops: 5, k: 10 })).toEqual([]);
    expect(findPaths(diamond, 'D', 'A', { maxHops: 5, k: 10, directed: false })).toEqual([
      { nodes: ['D', 'B', 'A'], edges: ['bd', 'ab'] },
      { nodes: ['D', 'C', 'A'], edges: ['cd', 'ac'] },
    ]);
  });

  it('never goes round a cycle', () => {
    const cycle = [edge('1', 'A', 'B'), edge('2', 'B', 'C'), edge('3', 'C', 'A'), edge('4', 'C', 'D')];
    expect(findPaths(cycle, 'A', 'D', { maxHops: 12, k: 10 })).toEqual([
      { nodes: ['A', 'B', 'C', 'D'], edges: ['1', '2', '4'] },
    ]);
    expect(findPaths(cycle, 'B', 'A', { maxHops: 12, k: 10 })).toEqual([{ nodes: ['B', 'C', 'A'], edges: ['2', '3'] }]);
  });

  it('counts parallel edges (one per asset) as different paths', () => {
    const parallel = [edge('A>B>2', 'A', 'B'), edge('A>B>1', 'A', 'B'), edge('B>C>1', 'B', 'C')];
    expect(findPaths(parallel, 'A', 'C', { maxHops: 3, k: 10 })).toEqual([
      { nodes: ['A', 'B', 'C'], edges: ['A>B>1', 'B>C>1'] },
      { nodes: ['A', 'B', 'C'], edges: ['A>B>2', 'B>C>1'] },
    ]);
  });

  it('avoids excluded nodes and edges, and has nothing when an end is excluded', () => {
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 10, exclude: new Set(['B']) })).toEqual([
      { nodes: ['A', 'C', 'D'], edges: ['ac', 'cd'] },
    ]);
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 10, exclude: new Set(['ac']) })).toEqual([
      { nodes: ['A', 'B', 'D'], edges: ['ab', 'bd'] },
    ]);
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 10, exclude: new Set(['A']) })).toEqual([]);
    expect(findPaths(diamond, 'A', 'D', { maxHops: 5, k: 10, exclude: new Set(['D']) })).toEqual([]);
  });

  it('has nothing for unreachable or unknown nodes', () => {
    const apart = [edge('ab', 'A', 'B'), edge('cd', 'C', 'D')];
    expect(findPaths(apart, 'A', 'D', { maxHops: 12, k: 10 })).toEqual([]);
    expect(findPaths(apart, 'A', 'Z', { maxHops: 12, k: 10 })).toEqual([]);
    expect(findPaths([], 'A', 'B', { maxHops: 12, k: 10 })).toEqual([]);
  });

  it('keeps to maxHops', () => {
    const chain = [
      edge('1', 'A', 'B'),
      edge('2', 'B', 'C'),
      edge('3', 'C', 'D'),
      edge('4', 'A', 'X'),
      edge('5', 'X', 'D'),
    ];
    expect(findPaths(chain, 'A', 'D', { maxHops: 2, k: 10 })).toEqual([{ nodes: ['A', 'X', 'D'], edges: ['4', '5'] }]);
    expect(findPaths(chain, 'A', 'D', { maxHops: 3, k: 10 }).map((p) => p.edges)).toEqual([
      ['4', '5'],
      ['1', '2', '3'],
    ]);
    expect(findPaths(chain, 'A', 'D', { maxHops: 1, k: 10 })).toEqual([]);
  });

  it('answers a node to itself with the empty path', () => {
    expect(findPaths(diamond, 'A', 'A', { maxHops: 0, k: 3 })).toEqual([{ nodes: ['A'], edges: [] }]);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => findPaths(diamond, 'A', 'D', { maxHops: -1, k: 1 })).toThrow(RangeError);
    expect(() => findPaths(diamond, 'A', 'D', { maxHops: 2, k: 1.5 })).toThrow(RangeError);
  });

  it('stops at the work cap with the exact beginning of the answer', () => {
    // A complete directed graph on 9 nodes has 13,700 simple paths from one node to another.
    const nodes = Array.from({ length: 9 }, (_, i) => `n${i}`);
    const complete = nodes.flatMap((s) => nodes.filter((t) => t !== s).map((t) => edge(`${s}-${t}`, s, t)));
    const full = searchPaths(complete, 'n0', 'n8', { maxHops: 8, k: 100_000 });
    expect(full.complete).toBe(true);
    expect(full.paths).toHaveLength(13_700);
    const cut = searchPaths(complete, 'n0', 'n8', { maxHops: 8, k: 100_000, workLimit: 500 });
    expect(cut.complete).toBe(false);
    expect(cut.paths.length).toBeLessThan(full.paths.length);
    expect(cut.paths).toEqual(full.paths.slice(0, cut.paths.length));
  });

  it('stays well under the work cap on a 5,000-node, 10,000-edge graph', () => {
    // Deterministic pseudo-random graph (no timing asserted); the target is a node 9 hops from the source.
    let seed = 12345;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const big = Array.from({ length: 10_000 }, (_, i) => edge(`e${i}`, `n${next() % 5000}`, `n${next() % 5000}`));
    const far = nodeAtDistance(big, 'n1', 9);
    const search = searchPaths(big, 'n1', far, { maxHops: 12, k: 10 });
    expect(search.complete).toBe(true);
    expect(search.paths[0]?.edges).toHaveLength(9);
    expect(search.paths).toEqual(bruteForce(big, 'n1', far, { maxHops: 12, k: 10 }));
  });
});

/** The first node breadth-first search from `from` reaches at exactly `hops` hops. */
function nodeAtDistance(edges: readonly PathEdge[], from: string, hops: number): string {
  const distance = new Map([[from, 0]]);
  for (const queue = [from]; queue.length > 0;) {
    const v = queue.shift()!;
    for (const e of edges) {
      if (e.source !== v || distance.has(e.target)) continue;
      distance.set(e.target, distance.get(v)! + 1);
      if (distance.get(e.target) === hops) return e.target;
      queue.push(e.target);
    }
  }
  throw new Error(`nothing ${hops} hops from ${from}`);
}

const NODES = ['a', 'b', 'c', 'd', 'e', 'f'];

const smallGraph = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      source: fc.constantFrom(...NODES),
      target: fc.constantFrom(...NODES),
    }),
    { selector: (e) => e.id, maxLength: 14 },
  )
  .chain((edges) =>
    fc.record({
      edges: fc.constant(edges),
      from: fc.constantFrom(...NODES),
      to: fc.constantFrom(...NODES),
      maxHops: fc.integer({ min: 0, max: 6 }),
      directed: fc.boolean(),
      exclude: fc.subarray([...NODES, ...edges.map((e) => e.id)], { maxLength: 3 }).map((ids) => new Set(ids)),
    }),
  );

describe('findPaths against brute force', () => {
  it('finds exactly every simple path, in order, when k is large', () => {
    fc.assert(
      fc.property(smallGraph, ({ edges, from, to, ...rest }) => {
        const options = { ...rest, k: 100_000 };
        expect(findPaths(edges, from, to, options)).toEqual(bruteForce(edges, from, to, options));
      }),
      { numRuns: 400 },
    );
  });

  it('answers the first k of the full answer for any k', () => {
    fc.assert(
      fc.property(smallGraph, fc.integer({ min: 0, max: 6 }), ({ edges, from, to, ...rest }, k) => {
        const all = findPaths(edges, from, to, { ...rest, k: 100_000 });
        expect(findPaths(edges, from, to, { ...rest, k })).toEqual(all.slice(0, k));
      }),
      { numRuns: 200 },
    );
  });

  it('answers only valid simple paths that avoid the excluded ids, a shortest one first', () => {
    fc.assert(
      fc.property(smallGraph, fc.integer({ min: 1, max: 10 }), ({ edges, from, to, ...rest }, k) => {
        const found = findPaths(edges, from, to, { ...rest, k });
        const byId = new Map(edges.map((e) => [e.id, e]));
        for (const path of found) {
          expect(path.nodes[0]).toBe(from);
          expect(path.nodes.at(-1)).toBe(to);
          expect(path.edges.length).toBe(path.nodes.length - 1);
          expect(path.edges.length).toBeLessThanOrEqual(rest.maxHops);
          expect(new Set(path.nodes).size).toBe(path.nodes.length);
          for (const id of [...path.nodes, ...path.edges]) expect(rest.exclude.has(id)).toBe(false);
          path.edges.forEach((id, i) => {
            const e = byId.get(id)!;
            const [u, v] = [path.nodes[i], path.nodes[i + 1]];
            const joins = (e.source === u && e.target === v) || (!rest.directed && e.source === v && e.target === u);
            expect(joins).toBe(true);
          });
        }
        const shortest = bruteForce(edges, from, to, { ...rest, k: 100_000 })[0];
        expect(found[0]?.edges.length).toBe(shortest?.edges.length);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same for any order of the input edges', () => {
    fc.assert(
      fc.property(
        smallGraph,
        fc.integer({ min: 1, max: 10 }),
        fc.infiniteStream(fc.nat()),
        ({ edges, from, to, ...rest }, k, randoms) => {
          const shuffled = [...edges];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = randoms.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect(findPaths(shuffled, from, to, { ...rest, k })).toEqual(findPaths(edges, from, to, { ...rest, k }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
