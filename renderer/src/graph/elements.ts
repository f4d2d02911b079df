/**
 * What the canvas draws, derived from the store's graph: one element per visible node and edge with every
 * value its style reads in `data`, so the canvas only compares and copies. Pure, so it is unit-tested.
 */
import type { GraphEdge, GraphNode } from '../../../db/api/contract';
import { formatUnitsShort } from '../lib/format';
import { edgeWidth, nodeTitle, type GraphData, type Point } from '../lib/graphModel';
import { taintColour, type TaintView } from '../lib/traceModel';
import { confidenceBorder, confidenceOpacity, KIND_STYLE, SANCTIONED_COLOUR } from './palette';

export interface NodeElement {
  group: 'nodes';
  id: string;
  parent: string | null;
  position: Point | null;
  data: Record<string, string | number | boolean | null>;
  classes: string;
}

export interface EdgeElement {
  group: 'edges';
  id: string;
  source: string;
  target: string;
  data: Record<string, string | number | boolean | null>;
  classes: string;
}

export interface Scene {
  nodes: NodeElement[];
  edges: EdgeElement[];
}

export interface Highlights {
  dimmed: ReadonlySet<string>;
  /** Node and edge ids of the path shown, with the hop number of each edge. */
  path: { nodes: ReadonlySet<string>; hops: ReadonlyMap<string, number> } | null;
  /** While a trace result is shown: nodes coloured by taint share, edges by the taint its paths carried. */
  taint?: TaintView | null;
}

export const NODE_SIZE = 34;

export function flagText(flags: readonly string[]): string {
  return flags.length > 0 ? `⚑ ${flags.join(', ')}` : '';
}

function nodeLabel(node: GraphNode): string {
  const extra = [flagText(node.flags), node.pinned ? 'pinned' : ''].filter(Boolean).join(' · ');
  return extra ? `${nodeTitle(node)}\n${extra}` : nodeTitle(node);
}

export function edgeLabel(edge: GraphEdge): string {
  return `${formatUnitsShort(edge.total, edge.asset.decimals)} ${edge.asset.symbol.slice(0, 8)}`;
}

/** The node an edge end is drawn at: itself, the collapsed group holding it, or nothing when hidden. */
function visibleEnd(graph: GraphData, id: string): string | null {
  const node = graph.nodes[id];
  if (!node || node.hidden) return null;
  if (node.parent) {
    const group = graph.nodes[node.parent];
    if (group?.hidden) return null;
    if (group?.collapsed) return group.id;
  }
  return id;
}

export function buildScene(graph: GraphData, highlights: Highlights): Scene {
  const nodes: NodeElement[] = [];
  for (const node of Object.values(graph.nodes)) {
    if (node.hidden) continue;
    const group = node.parent ? graph.nodes[node.parent] : undefined;
    if (group && (group.collapsed || group.hidden)) continue;
    const kind = KIND_STYLE[node.kind];
    const isGroup = node.type === 'group';
    const annotated = node.note.trim() !== '' || node.flags.length > 0;
    const classes = [
      isGroup ? (node.collapsed ? 'group collapsed' : 'group') : 'address',
      node.sanctioned ? 'sanctioned' : '',
      annotated ? 'annotated' : '',
      node.color ? 'highlighted' : '',
      node.pinned ? 'pinned' : '',
      highlights.dimmed.has(node.id) ? 'dimmed' : '',
      highlights.path?.nodes.has(node.id) ? 'on-path' : '',
      taintClass(highlights.taint, node.id),
    ]
      .filter(Boolean)
      .join(' ');
    nodes.push({
      group: 'nodes',
      id: node.id,
      parent: group && !group.collapsed ? group.id : null,
      position: node.position,
      classes,
      data: {
        label: nodeLabel(node),
        fill: kind.fill,
        border: node.sanctioned ? SANCTIONED_COLOUR : kind.border,
        shape: isGroup && !node.collapsed ? 'round-rectangle' : kind.shape,
        borderWidth: node.sanctioned ? 7 : isGroup ? 2 : confidenceBorder(node.confidenceLevel),
        opacity: confidenceOpacity(isGroup ? 100 : node.confidenceLevel),
        highlight: node.color ?? '#000000',
        taint: taintColour(highlights.taint?.nodes.get(node.id) ?? 0),
      },
    });
  }
  const edges: EdgeElement[] = [];
  for (const edge of Object.values(graph.edges)) {
    if (edge.hidden) continue;
    const source = visibleEnd(graph, edge.source);
    const target = visibleEnd(graph, edge.target);
    if (source === null || target === null || (source === target && source !== edge.source)) continue;
    const hop = highlights.path?.hops.get(edge.id);
    const annotated = edge.note.trim() !== '' || edge.flags.length > 0;
    const classes = [
      annotated ? 'annotated' : '',
      edge.color ? 'highlighted' : '',
      highlights.dimmed.has(edge.id) ? 'dimmed' : '',
      hop !== undefined ? 'on-path' : '',
      taintClass(highlights.taint, edge.id),
    ]
      .filter(Boolean)
      .join(' ');
    const flags = flagText(edge.flags);
    edges.push({
      group: 'edges',
      id: edge.id,
      source,
      target,
      classes,
      data: {
        width: edgeWidth(edge),
        label: flags ? `${edgeLabel(edge)} ${flags}` : edgeLabel(edge),
        hop: hop !== undefined ? `hop ${hop}: ${edgeLabel(edge)}` : '',
        highlight: edge.color ?? '#000000',
        ...edgeTaint(edge, highlights.taint?.edges.get(edge.id)),
      },
    });
  }
  return { nodes, edges };
}

/** `tainted` for what a shown trace reached, `untraced` for the rest; nothing without a trace. */
function taintClass(taint: TaintView | null | undefined, id: string): string {
  if (!taint) return '';
  return taint.nodes.has(id) || taint.edges.has(id) ? 'tainted' : 'untraced';
}

/** An edge's taint drawn like its value: width on the same log scale, colour by the tainted share of its total. */
function edgeTaint(edge: GraphEdge, taint: bigint | undefined): { taintWidth: number; taintColour: string } {
  if (taint === undefined) return { taintWidth: 1, taintColour: '' };
  const total = BigInt(edge.total);
  const share = total > 0n ? Number((taint * 1000n) / total) / 1000 : 1;
  return {
    taintWidth: edgeWidth({ ...edge, usd: null, total: taint.toString() }),
    taintColour: taintColour(share),
  };
}
