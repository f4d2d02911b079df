/**
 * The trace panel's pure rules: the trace.run input a form stands for, exact shares of the seeded amount, the
 * taint colour scale, where a traced subgraph's nodes go, and how a report path maps onto the graph's edges.
 * No store, no DOM, so they are unit-tested.
 */
import type { GraphEdge, JobInput, ParsedJobInput, TraceReport } from '../../../db/api/contract';
import { formatUnits } from './format';

export type TracePath = TraceReport['endpoints'][number]['paths'][number];
import type { GraphData, Point } from './graphModel';

export type TraceMethod = 'poison' | 'haircut' | 'fifo';
export const TRACE_METHODS: readonly TraceMethod[] = ['haircut', 'poison', 'fifo'];
/** Entity kinds and categories an investigator usually stops at: taint that reaches them has left the actor. */
export const STOP_KINDS = ['exchange', 'service', 'mixer', 'bridge', 'victim'] as const;

export interface TraceSeed {
  /** CHAIN:ADDRESS as the graph names it. */
  address: string;
  /** ISO-8601 time from which coins reaching it are tainted; '' for all of them. */
  time: string;
}

export interface TraceForm {
  seeds: readonly TraceSeed[];
  /** CHAIN:TXHASH, one per line. */
  txs: string;
  direction: 'forward' | 'backward';
  method: TraceMethod;
  hops: number;
  /** Base units; '' for none. */
  minAmount: string;
  stopAt: readonly string[];
  actorEndpoints: boolean;
  exclude: readonly string[];
  /** The assets traced (ETH, USDT or ETH:USDT…), separated by commas or spaces; '' for all the seeds hold. */
  assets: string;
  /** ISO-8601 times bounding the transfers followed; '' for open. */
  from: string;
  to: string;
}

export const DEFAULT_TRACE_FORM: TraceForm = {
  seeds: [],
  txs: '',
  direction: 'forward',
  method: 'haircut',
  hops: 6,
  minAmount: '',
  stopAt: ['exchange'],
  actorEndpoints: false,
  exclude: [],
  assets: '',
  from: '',
  to: '',
};

/** The asset names a form's `assets` text lists. */
export function assetList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

export function txLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The trace.run input of a form, saved to the case; fields left empty are left out, so defaults are the engine's. */
export function traceInput(form: TraceForm, caseId: number, method = form.method): JobInput<'trace.run'> {
  const seeds = form.seeds.map((s) => (s.time.trim() ? `${s.address}@${s.time.trim()}` : s.address));
  const txs = txLines(form.txs);
  const assets = assetList(form.assets);
  return {
    ...(seeds.length > 0 ? { seeds } : {}),
    ...(txs.length > 0 ? { txs } : {}),
    direction: form.direction,
    method,
    hops: form.hops,
    ...(form.minAmount.trim() ? { minAmount: form.minAmount.trim() } : {}),
    ...(form.stopAt.length > 0 ? { stopAt: [...form.stopAt] } : {}),
    ...(form.actorEndpoints ? { actorEndpoints: true } : {}),
    ...(form.exclude.length > 0 ? { exclude: [...form.exclude] } : {}),
    ...(assets.length > 0 ? { assets } : {}),
    ...(form.from.trim() ? { from: form.from.trim() } : {}),
    ...(form.to.trim() ? { to: form.to.trim() } : {}),
    caseId,
    save: true,
  };
}

/** The form that reproduces a stored trace's parameters (seeds written ADDRESS@TIME are split again). */
export function formOf(parameters: ParsedJobInput<'trace.run'>): TraceForm {
  const seeds = (parameters.seeds ?? []).map((seed) => {
    const at = seed.lastIndexOf('@');
    return at > 0 ? { address: seed.slice(0, at), time: seed.slice(at + 1) } : { address: seed, time: '' };
  });
  return {
    seeds,
    txs: (parameters.txs ?? []).join('\n'),
    direction: parameters.direction,
    method: parameters.method,
    hops: parameters.hops,
    minAmount: parameters.minAmount && parameters.minAmount !== '0' ? parameters.minAmount : '',
    stopAt: parameters.stopAt ?? [],
    actorEndpoints: parameters.actorEndpoints ?? false,
    exclude: parameters.exclude ?? [],
    assets: (parameters.assets ?? []).join(', '),
    from: parameters.from ?? '',
    to: parameters.to ?? '',
  };
}

/** `tainted` as a percentage of `seeded`, exact to two decimals (truncated); '—' when nothing was seeded. */
export function sharePercent(tainted: string, seeded: string | undefined): string {
  if (!seeded || !/^\d+$/.test(seeded) || !/^\d+$/.test(tainted) || BigInt(seeded) === 0n) return '—';
  const basisPoints = (BigInt(tainted) * 10_000n) / BigInt(seeded);
  return `${basisPoints / 100n}.${(basisPoints % 100n).toString().padStart(2, '0')}%`;
}

/** A share written as a decimal fraction ("0.820143") as a percentage, digit for digit ("82.0143%"). */
export function decimalPercent(share: string): string {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(share);
  if (!match) return share;
  const padded = (match[2] ?? '').padEnd(2, '0');
  const whole = BigInt(`${match[1] ?? '0'}${padded.slice(0, 2)}`);
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** An amount of a traced asset, exact with its decimals; base units, said so, when the decimals are unknown. */
export function formatTraced(amount: string, asset: string, decimals: number | undefined): string {
  return decimals === undefined
    ? `${amount} base units ${asset}`
    : `${formatUnits(amount, decimals, decimals)} ${asset}`;
}

/** The report's name of a graph edge's asset: the symbol for a native coin, CHAIN:SYMBOL for a token. */
export function assetMatches(name: string, asset: GraphEdge['asset']): boolean {
  return name === asset.symbol || name === `${asset.chain}:${asset.symbol}`;
}

/**
 * The sequential scale taint shares are drawn in: five steps from pale yellow (a trace of taint) to dark red
 * (all of it). Each step names its lower bound, for the legend.
 */
export const TAINT_SCALE = [
  { from: 0, colour: '#fde8a6' },
  { from: 0.2, colour: '#f9b866' },
  { from: 0.4, colour: '#ef7d3c' },
  { from: 0.6, colour: '#d5432c' },
  { from: 0.8, colour: '#9b1c1c' },
] as const;

export function taintColour(share: number): string {
  let colour: string = TAINT_SCALE[0].colour;
  for (const step of TAINT_SCALE) if (share >= step.from) colour = step.colour;
  return colour;
}

/** What the canvas draws while a trace is shown: each reached node's share, each edge's taint. */
export interface TaintView {
  nodes: ReadonlyMap<string, number>;
  /** Edge id → the taint the trace moved along it, in base units (the report's `edges`). */
  edges: ReadonlyMap<string, bigint>;
}

export function taintView(report: TraceReport, graph: GraphData): TaintView {
  const nodes = new Map<string, number>();
  for (const row of report.addresses) {
    // A share is a decimal text; a node shows the largest of its assets'. No share (backward): reached at all.
    const share = row.share === null ? 1 : Number(row.share);
    nodes.set(row.address, Math.max(nodes.get(row.address) ?? 0, share));
  }
  const byEnds = new Map<string, GraphEdge[]>();
  for (const edge of Object.values(graph.edges)) {
    const key = `${edge.source}>${edge.target}`;
    byEnds.set(key, [...(byEnds.get(key) ?? []), edge]);
  }
  const edges = new Map<string, bigint>();
  for (const hop of report.edges) {
    const edge = byEnds.get(`${hop.from}>${hop.to}`)?.find((e) => assetMatches(hop.asset, e.asset));
    if (edge) edges.set(edge.id, (edges.get(edge.id) ?? 0n) + BigInt(hop.tainted));
  }
  return { nodes, edges };
}

/** A report path on the graph, as the path finder shows one; null when a hop's edge is not on the graph. */
export function pathOnGraph(
  graph: GraphData,
  path: TracePath,
  asset: string,
): { nodes: string[]; edges: string[] } | null {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (const hop of path.hops) {
    const edge = Object.values(graph.edges).find(
      (e) => e.source === hop.from && e.target === hop.to && assetMatches(asset, e.asset),
    );
    if (!edge) return null;
    if (nodes.length === 0) nodes.push(hop.from);
    nodes.push(hop.to);
    edges.push(edge.id);
  }
  return { nodes, edges };
}

const COLUMN = 240;
const ROW = 80;

/**
 * Positions for traced addresses not yet on the graph: one column per hop distance, left to right, to the
 * right of everything already drawn, each column centred on the graph's middle height.
 */
export function tracedPositions(
  addresses: readonly { address: string; hops: number }[],
  occupied: readonly Point[],
): Map<string, Point> {
  const left = occupied.length > 0 ? Math.max(...occupied.map((p) => p.x)) + COLUMN * 1.5 : 0;
  const middle =
    occupied.length > 0 ? (Math.max(...occupied.map((p) => p.y)) + Math.min(...occupied.map((p) => p.y))) / 2 : 0;
  const columns = new Map<number, string[]>();
  for (const { address, hops } of addresses) {
    const column = columns.get(hops) ?? [];
    if (!column.includes(address)) column.push(address);
    columns.set(hops, column);
  }
  const positions = new Map<string, Point>();
  for (const [hops, column] of columns) {
    column.forEach((address, i) => {
      if (!positions.has(address))
        positions.set(address, { x: left + hops * COLUMN, y: middle + (i - (column.length - 1) / 2) * ROW });
    });
  }
  return positions;
}

/** The fewest hops each reached address was reached in, over its assets. */
export function hopsByAddress(report: TraceReport): { address: string; hops: number }[] {
  const best = new Map<string, number>();
  for (const row of report.addresses) best.set(row.address, Math.min(best.get(row.address) ?? Infinity, row.hops));
  return [...best].map(([address, hops]) => ({ address, hops }));
}

/** One figure of a report for side-by-side comparison: what it is about, its asset and amount (base units). */
export interface Figure {
  key: string;
  asset: string;
  amount: string;
}

export interface ComparedFigure {
  key: string;
  asset: string;
  a: string | null;
  b: string | null;
  /** b − a in base units, signed; '0' when both agree. */
  delta: string;
}

/** Two reports' figures side by side, matched by key and asset, in the first report's order, then the second's. */
export function compareFigures(a: readonly Figure[], b: readonly Figure[]): ComparedFigure[] {
  const rows = new Map<string, ComparedFigure>();
  const id = (f: Figure) => `${f.key}\u0000${f.asset}`;
  for (const f of a) rows.set(id(f), { key: f.key, asset: f.asset, a: f.amount, b: null, delta: '0' });
  for (const f of b) {
    const row = rows.get(id(f));
    if (row) row.b = f.amount;
    else rows.set(id(f), { key: f.key, asset: f.asset, a: null, b: f.amount, delta: '0' });
  }
  for (const row of rows.values()) row.delta = (BigInt(row.b ?? '0') - BigInt(row.a ?? '0')).toString();
  return [...rows.values()];
}

export function endpointFigures(report: TraceReport): Figure[] {
  return report.endpoints.map((e) => ({ key: e.entity, asset: e.asset, amount: e.tainted }));
}

export function jurisdictionFigures(report: TraceReport): Figure[] {
  return report.totalsByJurisdiction.flatMap((t) =>
    t.amounts.map((a) => ({ key: t.jurisdiction ?? 'unknown', asset: a.asset, amount: a.tainted })),
  );
}

export const UNACCOUNTED_KINDS = [
  ['remaining', 'Still in wallets / unknown origin'],
  ['beyondHops', 'Beyond the hop limit'],
  ['belowMinimum', 'Below the minimum'],
  ['excluded', 'Sent to excluded addresses'],
  ['fees', 'Fees'],
  ['unaddressed', 'Unaddressed outputs / minted'],
] as const;

export function unaccountedFigures(report: TraceReport): Figure[] {
  return report.unaccounted.flatMap((u) =>
    UNACCOUNTED_KINDS.map(([kind, label]) => ({ key: label, asset: u.asset, amount: u[kind] })),
  );
}

/** A signed base-unit difference with its asset's decimals: "+250 ETH", "−250 ETH", "0". */
export function formatDelta(delta: string, asset: string, decimals: number | undefined): string {
  if (delta === '0') return '0';
  const negative = delta.startsWith('-');
  return `${negative ? '−' : '+'}${formatTraced(negative ? delta.slice(1) : delta, asset, decimals)}`;
}
