/**
 * The figure of one stored trace: the paths its report gives (the three that carried the most taint to each
 * endpoint), merged into one left-to-right flow. An address sits in the column of its first hop on any path, so
 * the seed is on the left and the endpoints on the right; each edge is one pair of addresses, labelled with the
 * exact sum of the distinct transactions' taint on it. The same hops, in full, are the figure's table.
 *
 * Long paths (peel chains run to a dozen hops) wrap into bands of COLUMNS columns, read like lines of text: a
 * figure one page wide stays legible instead of shrinking to fit every column in one row.
 */
import { formatUnits } from '../../common/format';
import { addressInfoByName } from '../graph/address-info';
import type { Db } from '../open';
import type { TraceReport } from '../trace/report';
import type { FigureEdge, FigureNode } from './figures';

export interface FlowHop {
  from: string;
  to: string;
  tx: string;
  asset: string;
  /** Base units: the taint on this hop, as the report gives it. */
  amount: string;
}

export interface TraceFlow {
  nodes: FigureNode[];
  edges: FigureEdge[];
  /** Every distinct hop drawn, in path order. */
  hops: FlowHop[];
}

const COLUMN = 240;
const ROW = 84;
const COLUMNS = 5;
const BAND_GAP = 80;

export function traceFlow(db: Db, report: TraceReport, decimals: Readonly<Record<string, number>>): TraceFlow {
  const depth = new Map<string, number>();
  const order: string[] = [];
  const hops = new Map<string, FlowHop>();
  const place = (address: string, d: number) => {
    if (!depth.has(address)) order.push(address);
    depth.set(address, Math.min(d, depth.get(address) ?? d));
  };
  for (const endpoint of report.endpoints) {
    for (const path of endpoint.paths) {
      path.hops.forEach((hop, i) => {
        place(hop.from, i);
        place(hop.to, i + 1);
        const key = `${hop.from} ${hop.to} ${hop.tx} ${endpoint.asset}`;
        if (!hops.has(key)) hops.set(key, { ...hop, asset: endpoint.asset });
      });
    }
  }
  const info = addressInfoByName(db, order);
  const rows = new Map<number, number>();
  const nodes: FigureNode[] = order.map((address) => {
    const column = depth.get(address) as number;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    const known = info(address);
    return {
      id: address,
      type: 'address',
      address,
      label: known.entity?.label ?? known.label,
      kind: known.kind,
      sanctioned: known.sanctioned,
      confidenceLevel: known.confidenceLevel,
      flags: [],
      position: { x: column, y: row },
    };
  });
  // Columns of different heights are centred on each other, so each band reads as one flow.
  const tallest = Math.max(1, ...rows.values());
  const band = tallest * ROW + BAND_GAP;
  for (const n of nodes) {
    const p = n.position as { x: number; y: number };
    const column = p.x;
    const count = rows.get(column) ?? 1;
    n.position = {
      x: (column % COLUMNS) * COLUMN,
      y: Math.floor(column / COLUMNS) * band + p.y * ROW + ((tallest - count) * ROW) / 2,
    };
  }
  const sums = new Map<string, { source: string; target: string; asset: string; total: bigint }>();
  for (const hop of hops.values()) {
    const key = `${hop.from} ${hop.to} ${hop.asset}`;
    const sum = sums.get(key) ?? { source: hop.from, target: hop.to, asset: hop.asset, total: 0n };
    sum.total += BigInt(hop.amount);
    sums.set(key, sum);
  }
  const edges: FigureEdge[] = [...sums.values()].map((s) => ({
    source: s.source,
    target: s.target,
    label: `${formatUnits(s.total.toString(), decimals[s.asset] ?? 0, 2)} ${s.asset}`,
    color: '#b45309',
  }));
  return { nodes, edges, hops: [...hops.values()] };
}
