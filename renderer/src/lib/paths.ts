/**
 * The k first simple paths between two nodes of a case graph, for "how did the money get from A to B".
 *
 * Order: fewest hops first, then by the sequence of edge ids compared id by id (plain code-unit order, not the
 * locale's), so the same graph always answers the same list whatever order its edges arrive in.
 *
 * Method: one breadth-first search backwards from `to` gives each node's hop distance to it (a lower bound for
 * any simple path). Then, for each hop count L from the shortest upwards, a depth-first search from `from` takes
 * each node's edges in id order and enters a node only when it is off the current path and its distance fits in
 * the hops left. That visits paths of exactly L hops in the output order, so it stops as soon as k are found, and
 * the first path found is a shortest one.
 *
 * Work cap: deciding whether a simple path of an exact length exists is NP-hard (Hamiltonian path is the case
 * L = n - 1), so the distance bound cannot rule out every dead end in a dense, cyclic graph. Every edge the
 * depth-first searches look at counts against `workLimit` (default DEFAULT_PATH_WORK, about 40 ms on one laptop
 * core, measured on a complete 40-node graph); when it runs out the search stops and answers the paths found so
 * far. Because paths are found in output order, a cut-short answer is still the exact beginning of the full
 * answer, only shorter than k; `searchPaths` says whether that happened. On a random 5,000-node, 10,000-edge
 * graph, k = 10 and 12 hops take about 10 ms, most of it sorting the edges, and stay far below the cap.
 */

export interface PathEdge {
  id: string;
  source: string;
  target: string;
}

export interface PathOptions {
  /** At most this many edges per path. */
  maxHops: number;
  /** At most this many paths. */
  k: number;
  /** Node ids and edge ids no path may use; excluding `from` or `to` leaves no path. */
  exclude?: ReadonlySet<string>;
  /** Follow edges source→target only (the default); false walks them both ways. */
  directed?: boolean;
  /** Edges looked at before the search gives up; see the file comment. */
  workLimit?: number;
}

export interface FoundPath {
  /** `from` first, `to` last. */
  nodes: string[];
  edges: string[];
}

export interface PathSearch {
  paths: FoundPath[];
  /** False when the work cap cut the search short: `paths` is then a correct prefix with fewer than k paths. */
  complete: boolean;
}

export const DEFAULT_PATH_WORK = 1_000_000;

const UNREACHED = Number.MAX_SAFE_INTEGER;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  return value;
}

/** The paths only; see `searchPaths` for whether the work cap cut them short. */
export function findPaths(
  edges: readonly PathEdge[],
  from: string,
  to: string,
  options: PathOptions,
): { nodes: string[]; edges: string[] }[] {
  return searchPaths(edges, from, to, options).paths;
}

export function searchPaths(edges: readonly PathEdge[], from: string, to: string, options: PathOptions): PathSearch {
  const k = count('k', options.k);
  const maxHops = count('maxHops', options.maxHops);
  const workLimit = count('workLimit', options.workLimit ?? DEFAULT_PATH_WORK);
  const exclude = options.exclude ?? new Set<string>();
  const directed = options.directed ?? true;

  if (k === 0 || exclude.has(from) || exclude.has(to)) return { paths: [], complete: true };
  if (from === to) return { paths: [{ nodes: [from], edges: [] }], complete: true };

  // Nodes as small integers; edges that can never be on a simple path (excluded, self-loops) left out.
  const index = new Map<string, number>();
  const names: string[] = [];
  const node = (id: string) => {
    let at = index.get(id);
    if (at === undefined) {
      at = names.length;
      index.set(id, at);
      names.push(id);
    }
    return at;
  };
  const usable = edges
    .filter((e) => e.source !== e.target && !exclude.has(e.id) && !exclude.has(e.source) && !exclude.has(e.target))
    .sort((a, b) => byCodeUnits(a.id, b.id));
  const start = node(from);
  const goal = node(to);
  const forward: { edge: string; to: number }[][] = [];
  const backward: number[][] = [];
  for (const e of usable) {
    const s = node(e.source);
    const t = node(e.target);
    // Edges are added in id order, so every adjacency list is in id order too.
    (forward[s] ??= []).push({ edge: e.id, to: t });
    (backward[t] ??= []).push(s);
    if (!directed) {
      (forward[t] ??= []).push({ edge: e.id, to: s });
      (backward[s] ??= []).push(t);
    }
  }

  const distance = new Array<number>(names.length).fill(UNREACHED);
  distance[goal] = 0;
  for (let queue = [goal], head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const u of backward[v] ?? []) {
      if (distance[u] === UNREACHED) {
        distance[u] = (distance[v] as number) + 1;
        queue.push(u);
      }
    }
  }

  const paths: FoundPath[] = [];
  // A simple path has at most n - 1 edges, so longer lengths need no search.
  const longest = Math.min(maxHops, names.length - 1);
  let work = 0;
  const onPath = new Uint8Array(names.length);
  const pathNodes = new Int32Array(longest + 1);
  const pathEdges: string[] = [];
  const cursor = new Int32Array(longest + 1);

  for (let hops = distance[start] as number; hops <= longest && paths.length < k; hops++) {
    // Depth-first over paths of exactly `hops` edges, in output order.
    pathNodes[0] = start;
    cursor[0] = 0;
    onPath[start] = 1;
    let depth = 0;
    while (depth >= 0) {
      const v = pathNodes[depth] as number;
      if (depth === hops) {
        if (v === goal) {
          paths.push({
            nodes: Array.from(pathNodes.subarray(0, hops + 1), (n) => names[n] as string),
            edges: [...pathEdges],
          });
          if (paths.length === k) break;
        }
      } else {
        const left = hops - depth - 1;
        const next = forward[v] ?? [];
        let i = cursor[depth] as number;
        for (; i < next.length; i++) {
          if (++work > workLimit) {
            onPath.fill(0);
            return { paths, complete: false };
          }
          const w = (next[i] as { to: number }).to;
          // `to` can only be the last node; any other must be off the path and close enough to `to`.
          if (onPath[w] === 0 && (distance[w] as number) <= left && (w !== goal || left === 0)) break;
        }
        cursor[depth] = i + 1;
        if (i < next.length) {
          const step = next[i] as { edge: string; to: number };
          depth++;
          pathNodes[depth] = step.to;
          cursor[depth] = 0;
          onPath[step.to] = 1;
          pathEdges.push(step.edge);
          continue;
        }
      }
      onPath[v] = 0;
      pathEdges.pop();
      depth--;
    }
    onPath.fill(0);
    pathEdges.length = 0;
  }
  return { paths, complete: true };
}
