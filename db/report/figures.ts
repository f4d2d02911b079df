/**
 * The report's figures as SVG scenes for the one SVG writer (common/svg.ts): the case graph as the investigator
 * laid it out, and each trace path as a row of hops. Labels in a figure always show addresses short (the tables
 * beside it give them in full unless the report is redacted); the hover title carries `addressText`. Sizes are chosen for print: the page is about 680 CSS px
 * wide, so node sizes and fonts grow with the drawing's extent to stay legible (at least ~7 pt) once scaled down.
 */
import { formatUnits } from '../../common/format';
import { confidenceBorder, KIND_STYLE, SANCTIONED_COLOUR } from '../../common/palette';
import type { SvgScene } from '../../common/svg';
import type { CaseGraph, NodeKind } from '../api/contract';
import type { TraceReportPath } from '../trace/report';

/** The printable width of an A4 page between the report's margins, in CSS px. */
export const PAGE_WIDTH_PX = 680;

export type AddressText = (address: string) => string;

/**
 * A redacted address: the chain prefix kept, the address itself shortened to its first 6 and last 4 characters
 * (`ETH:0x5290…9ee7`). Group ids (`group:NAME`) are the investigator's names, not addresses, and stay.
 */
export function redactAddress(address: string): string {
  if (address.startsWith('group:')) return address;
  const colon = address.indexOf(':');
  const chain = colon > 0 && colon < 12 ? address.slice(0, colon + 1) : '';
  const bare = address.slice(chain.length);
  return `${chain}${bare.length <= 13 ? bare : `${bare.slice(0, 6)}…${bare.slice(-4)}`}`;
}

/** Places nodes the investigator never laid out on a grid below the others, so every node is drawn. */
function positions(graph: CaseGraph): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  for (const n of graph.nodes) if (n.position) placed.set(n.id, n.position);
  const unplaced = graph.nodes.filter((n) => !n.position);
  if (unplaced.length > 0) {
    const ys = [...placed.values()].map((p) => p.y);
    const top = ys.length > 0 ? Math.max(...ys) + 160 : 0;
    const columns = Math.max(1, Math.ceil(Math.sqrt(unplaced.length)));
    unplaced.forEach((n, i) => placed.set(n.id, { x: (i % columns) * 180, y: top + Math.floor(i / columns) * 140 }));
  }
  return placed;
}

/** Shortens an edge to end at the target's border, so the arrowhead shows. */
function trim(from: { x: number; y: number }, to: { x: number; y: number }, by: number) {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length <= 2 * by) return [from, to];
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  return [
    { x: from.x + ux * by, y: from.y + uy * by },
    { x: to.x - ux * by, y: to.y - uy * by },
  ];
}

export function graphScene(graph: CaseGraph, addressText: AddressText): SvgScene {
  const at = positions(graph);
  const points = [...at.values()];
  const minX = Math.min(0, ...points.map((p) => p.x));
  const minY = Math.min(0, ...points.map((p) => p.y));
  const maxX = Math.max(0, ...points.map((p) => p.x));
  const maxY = Math.max(0, ...points.map((p) => p.y));
  const extent = Math.max(maxX - minX, (maxY - minY) * 1.4, 400);
  // One drawing unit prints as PAGE_WIDTH_PX / width px: scale sizes so they print at a readable size.
  const unit = (extent + 240) / PAGE_WIDTH_PX;
  const node = Math.max(26, 16 * unit);
  const font = Math.max(11, 8 * unit);
  const pad = node + font * 6;
  const shift = (p: { x: number; y: number }) => ({ x: p.x - minX + pad, y: p.y - minY + pad });

  return {
    width: maxX - minX + 2 * pad,
    height: maxY - minY + 2 * pad,
    background: '#ffffff',
    nodes: graph.nodes.map((n) => {
      const style = KIND_STYLE[n.kind as NodeKind] ?? KIND_STYLE.unknown;
      const p = shift(at.get(n.id) as { x: number; y: number });
      const label =
        n.type === 'group'
          ? (n.label ?? n.id.slice('group:'.length))
          : `${n.label ? `${n.label} · ` : ''}${redactAddress(n.address ?? n.id)}`;
      return {
        id: n.type === 'group' ? n.id : addressText(n.id),
        x: p.x,
        y: p.y,
        width: n.type === 'group' ? node * 2.4 : node,
        height: node,
        shape: n.type === 'group' ? 'round-rectangle' : style.shape,
        fill: n.type === 'group' ? '#ffffff' : style.fill,
        border: n.sanctioned ? SANCTIONED_COLOUR : style.border,
        borderWidth: (n.sanctioned ? 4 : confidenceBorder(n.confidenceLevel)) * Math.max(1, unit / 2),
        label: `${label}${n.flags.length > 0 ? ` ⚑ ${n.flags.join(', ')}` : ''}`,
        labelColor: '#1a1a1a',
        fontSize: font,
      };
    }),
    edges: graph.edges.map((e) => {
      const [a, b] = trim(
        shift(at.get(e.source) ?? { x: 0, y: 0 }),
        shift(at.get(e.target) ?? { x: 0, y: 0 }),
        node / 2 + 2,
      );
      return {
        id: `${addressText(e.source)} → ${addressText(e.target)}`,
        points: [a as { x: number; y: number }, b as { x: number; y: number }],
        color: e.color ?? '#6b7280',
        width: Math.max(1.2, 1.2 * (unit / 2)),
        arrow: true,
        label: `${formatUnits(e.total, e.asset.decimals, 2)} ${e.asset.symbol}`,
      };
    }),
    title: 'Fund-flow graph',
  };
}

/** One path as a row of addresses, left to right in time order, each hop labelled with its taint. */
export function pathScene(
  path: TraceReportPath,
  decimals: number,
  asset: string,
  addressText: AddressText,
  labels: ReadonlyMap<string, string>,
): SvgScene {
  const stops = [path.hops[0]?.from ?? '', ...path.hops.map((h) => h.to)];
  const gap = 150;
  const node = 22;
  const width = Math.max(1, stops.length - 1) * gap + 160;
  return {
    width,
    height: 96,
    background: '#ffffff',
    nodes: stops.map((address, i) => ({
      id: addressText(address),
      x: 80 + i * gap,
      y: 34,
      width: node,
      height: node,
      shape: 'ellipse',
      fill: i === 0 ? KIND_STYLE.victim.fill : i === stops.length - 1 ? KIND_STYLE.exchange.fill : '#c8ced8',
      border: '#4b5563',
      borderWidth: 1.2,
      label: labels.get(address) ? `${labels.get(address)} · ${redactAddress(address)}` : redactAddress(address),
      labelColor: '#1a1a1a',
      fontSize: 9,
    })),
    edges: path.hops.map((hop, i) => ({
      id: `${hop.tx}`,
      points: [
        { x: 80 + i * gap + node / 2 + 2, y: 34 },
        { x: 80 + (i + 1) * gap - node / 2 - 2, y: 34 },
      ],
      color: '#b45309',
      width: 1.5,
      arrow: true,
      label: `${formatUnits(hop.amount, decimals, 4)} ${asset}`,
    })),
  };
}
