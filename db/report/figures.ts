/**
 * The report's figures as SVG scenes for the one SVG writer (common/svg.ts): the case graph as the investigator
 * laid it out, and each trace's paths as one flow. A node is labelled with its tag's label, or its address
 * shortened when untagged (the tables beside a figure give every address in full unless the report is redacted);
 * the SVG title carries `addressText`. Sizes are chosen for print: the page is about 680 CSS px
 * wide, so node sizes and fonts grow with the drawing's extent to stay legible (at least ~7 pt) once scaled down.
 */
import { confidenceBorder, KIND_STYLE, SANCTIONED_COLOUR } from '../../common/palette';
import type { SvgScene } from '../../common/svg';
import type { CaseGraph, NodeKind } from '../api/contract';

/** The printable width of an A4 page between the report's margins, in CSS px. */
export const PAGE_WIDTH_PX = 680;

export type AddressText = (address: string) => string;

/**
 * An address as a figure labels it: without its chain, first 6 and last 4 characters.
 */
export function figureAddress(address: string): string {
  const bare = address.slice(address.indexOf(':') + 1);
  return bare.length <= 13 ? bare : `${bare.slice(0, 6)}…${bare.slice(-4)}`;
}

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
function positions(nodes: readonly FigureNode[]): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  for (const n of nodes) if (n.position) placed.set(n.id, n.position);
  const unplaced = nodes.filter((n) => !n.position);
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

/** A node of a report figure: an address (or an investigator's group) with what it looks like. */
export interface FigureNode {
  id: string;
  type: 'address' | 'group';
  address: string | null;
  label: string | null;
  kind: NodeKind;
  sanctioned: boolean;
  confidenceLevel: number | null;
  flags: string[];
  position: { x: number; y: number } | null;
}

export interface FigureEdge {
  source: string;
  target: string;
  /** Printed at the edge's middle: its exact total, shortened to 2 decimals for the figure. */
  label: string;
  color: string | null;
}

/**
 * The case graph's nodes numbered in reading order (left to right, then top to bottom; nodes never laid out
 * last). The figure labels nodes by these numbers and a key beside it names them: a case graph's labels and
 * edge totals, printed at the graph's own positions, overlap as soon as a chain of hops is laid out on one row.
 */
export function graphNumbers(graph: CaseGraph): Map<string, number> {
  const placed = graph.nodes.filter((n) => n.position !== null);
  placed.sort((a, b) => a.position!.x - b.position!.x || a.position!.y - b.position!.y || (a.id < b.id ? -1 : 1));
  const unplaced = graph.nodes.filter((n) => n.position === null);
  return new Map([...placed, ...unplaced].map((n, i) => [n.id, i + 1]));
}

export function graphScene(graph: CaseGraph, addressText: AddressText): SvgScene {
  const numbers = graphNumbers(graph);
  return flowScene(
    graph.nodes.map((n) => ({ ...n, label: String(numbers.get(n.id)), flags: [] })),
    graph.edges.map((e) => ({ source: e.source, target: e.target, label: '', color: e.color })),
    addressText,
    'Fund-flow graph',
  );
}

/** Any set of nodes with positions (missing ones placed on a grid) and edges, scaled for print. */
export function flowScene(
  nodes: readonly FigureNode[],
  edges: readonly FigureEdge[],
  addressText: AddressText,
  title: string,
): SvgScene {
  const at = positions(nodes);
  const points = [...at.values()];
  const minX = Math.min(0, ...points.map((p) => p.x));
  const minY = Math.min(0, ...points.map((p) => p.y));
  const maxX = Math.max(0, ...points.map((p) => p.x));
  const maxY = Math.max(0, ...points.map((p) => p.y));
  const extent = Math.max(maxX - minX, (maxY - minY) * 1.4, 400);
  // One drawing unit prints as PAGE_WIDTH_PX / width px: scale sizes so they print at a readable size.
  const unit = (extent + 240) / PAGE_WIDTH_PX;
  const node = Math.max(20, 14 * unit);
  const font = Math.max(11, 10 * unit);
  const padX = node + font * 8;
  const padY = node + font * 2;
  const shift = (p: { x: number; y: number }) => ({ x: p.x - minX + padX, y: p.y - minY + padY });

  return {
    width: maxX - minX + 2 * padX,
    height: maxY - minY + 2 * padY,
    background: '#ffffff',
    nodes: nodes.map((n) => {
      const style = KIND_STYLE[n.kind] ?? KIND_STYLE.unknown;
      const p = shift(at.get(n.id) as { x: number; y: number });
      const label =
        n.type === 'group' ? (n.label ?? n.id.slice('group:'.length)) : (n.label ?? figureAddress(n.address ?? n.id));
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
    edges: edges.map((e) => {
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
        label: e.label,
        fontSize: font * 0.85,
      };
    }),
    title,
  };
}
