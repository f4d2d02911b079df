/**
 * The case graph as the renderer holds it, and the pure rules that act on it: applying what `graph.apply`
 * answered, turning a node or edge back into the record that writes it, filters, and where new nodes go.
 */
import type {
  CaseGraph,
  CaseNote,
  EdgeRecord,
  GraphChange,
  GraphEdge,
  GraphNode,
  NodeRecord,
} from '../../../db/api/contract';

export interface GraphData {
  caseId: number;
  nodes: Readonly<Record<string, GraphNode>>;
  edges: Readonly<Record<string, GraphEdge>>;
  notes: readonly CaseNote[];
}

export function fromCaseGraph(graph: CaseGraph): GraphData {
  return {
    caseId: graph.caseId,
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.id, n])),
    edges: Object.fromEntries(graph.edges.map((e) => [e.id, e])),
    notes: graph.notes,
  };
}

/** The engine answers changed records in full, so a change replaces them and drops what it removed. */
export function applyChange(graph: GraphData, change: GraphChange): GraphData {
  const nodes: Record<string, GraphNode> = { ...graph.nodes };
  const edges: Record<string, GraphEdge> = { ...graph.edges };
  for (const id of change.removed.nodes) {
    delete nodes[id];
  }
  for (const id of change.removed.edges) delete edges[id];
  // A removed node takes its edges with it in the engine; the answer may not list them, so drop them here too.
  if (change.removed.nodes.length > 0) {
    const gone = new Set(change.removed.nodes);
    for (const [id, edge] of Object.entries(edges)) {
      if (gone.has(edge.source) || gone.has(edge.target)) delete edges[id];
    }
  }
  for (const node of change.nodes) nodes[node.id] = node;
  for (const edge of change.edges) edges[edge.id] = edge;
  const removedNotes = new Set(change.removed.notes);
  const changedNotes = new Map(change.notes.map((n) => [n.id, n]));
  const notes = graph.notes.filter((n) => !removedNotes.has(n.id) && !changedNotes.has(n.id));
  notes.push(...changedNotes.values());
  notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return { caseId: graph.caseId, nodes, edges, notes };
}

/** The record that writes this node as it is; `changes` are applied on top. */
export function nodeRecord(node: GraphNode, changes: Partial<NodeRecord> = {}): NodeRecord {
  return {
    id: node.id,
    label: node.type === 'group' ? node.label : null,
    kind: node.type === 'group' ? node.kind : null,
    parent: node.parent,
    position: node.position,
    pinned: node.pinned,
    hidden: node.hidden,
    collapsed: node.collapsed,
    color: node.color,
    flags: node.flags,
    note: node.note,
    ...changes,
  };
}

export function edgeRecord(edge: GraphEdge, changes: Partial<EdgeRecord> = {}): EdgeRecord {
  return {
    source: edge.source,
    target: edge.target,
    assetId: edge.asset.id,
    hidden: edge.hidden,
    color: edge.color,
    flags: edge.flags,
    note: edge.note,
    ...changes,
  };
}

/** `SOURCE>TARGET>ASSET_ID`, as the contract names edges. */
export function edgeId(source: string, target: string, assetId: number): string {
  return `${source}>${target}>${assetId}`;
}

/** `ETH:0x1234567890…` → `0x1234…7890`: first 6 and last 4 characters of the address itself. */
export function shortAddress(chainAddress: string): string {
  const colon = chainAddress.indexOf(':');
  const address = colon === -1 ? chainAddress : chainAddress.slice(colon + 1);
  return address.length <= 13 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** What a node is called on the canvas: its tag's or group's label, else its shortened address. */
export function nodeTitle(node: GraphNode): string {
  if (node.label) return node.label;
  if (node.address) return shortAddress(node.address);
  return node.id.replace(/^group:/, '');
}

export interface GraphFilter {
  /** Only this asset's edges stay bright; null for all. */
  assetId: number | null;
  /** ISO-8601 bounds; edges whose activity lies wholly outside are dimmed. */
  from: string | null;
  to: string | null;
}

export const NO_FILTER: GraphFilter = { assetId: null, from: null, to: null };

export function isFilterActive(filter: GraphFilter): boolean {
  return filter.assetId !== null || filter.from !== null || filter.to !== null;
}

/** An edge passes when its asset matches and its first..last activity overlaps the time window. */
export function edgePasses(edge: GraphEdge, filter: GraphFilter): boolean {
  if (filter.assetId !== null && edge.asset.id !== filter.assetId) return false;
  if (filter.from !== null && edge.last < filter.from) return false;
  if (filter.to !== null && edge.first > filter.to) return false;
  return true;
}

/** Ids of the edges and nodes a filter dims: failing edges, and nodes none of whose edges pass. */
export function dimmedIds(graph: GraphData, filter: GraphFilter): Set<string> {
  const dimmed = new Set<string>();
  if (!isFilterActive(filter)) return dimmed;
  const lit = new Set<string>();
  for (const edge of Object.values(graph.edges)) {
    if (edgePasses(edge, filter)) {
      lit.add(edge.source);
      lit.add(edge.target);
    } else dimmed.add(edge.id);
  }
  for (const node of Object.values(graph.nodes)) {
    if (node.type === 'address' && !lit.has(node.id)) dimmed.add(node.id);
  }
  return dimmed;
}

/** The time span of all edges, for the time-range slider; null without edges. */
export function timeSpan(graph: GraphData): { first: string; last: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const edge of Object.values(graph.edges)) {
    if (first === null || edge.first < first) first = edge.first;
    if (last === null || edge.last > last) last = edge.last;
  }
  return first !== null && last !== null ? { first, last } : null;
}

/** Decimal digits of a non-negative base-unit integer string, as a log10 magnitude (no floats on amounts). */
function log10OfDecimal(digits: string): number {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return 0;
  // The leading digits give the mantissa; the length gives the exponent. Number only sees a rounded magnitude.
  const head = Number(`${trimmed.slice(0, 1)}.${trimmed.slice(1, 6) || '0'}`);
  return Math.log10(head) + trimmed.length - 1;
}

/** Edge width in pixels: 1–10 on a log scale of USD where priced, else of the amount in whole coins. */
export function edgeWidth(edge: GraphEdge): number {
  let magnitude: number;
  if (edge.usd !== null) {
    magnitude = log10OfDecimal(edge.usd.split('.')[0] ?? '0');
  } else {
    magnitude = log10OfDecimal(edge.total) - edge.asset.decimals;
  }
  // $1 (or one coin) → 1.5 px, $10M → 10 px.
  return Math.round(Math.min(10, Math.max(1, 1.5 + (magnitude * 8.5) / 7)) * 10) / 10;
}

export interface Point {
  x: number;
  y: number;
}

const COLUMN_GAP = 220;
const ROW_GAP = 70;

/**
 * Free spots for `count` new nodes beside an anchor: to its right for outflows, left for inflows, in a
 * column centred on it; a spot too close to an existing node moves the column further out.
 */
export function placeBeside(
  anchor: Point,
  side: 'right' | 'left' | 'below',
  count: number,
  occupied: readonly Point[],
): Point[] {
  const taken = (p: Point) => occupied.some((o) => Math.abs(o.x - p.x) < 120 && Math.abs(o.y - p.y) < ROW_GAP * 0.8);
  for (let step = 1; step < 50; step++) {
    const spots: Point[] = [];
    for (let i = 0; i < count; i++) {
      const offset = (i - (count - 1) / 2) * ROW_GAP;
      if (side === 'below') spots.push({ x: anchor.x + offset * 2.2, y: anchor.y + step * ROW_GAP * 1.5 });
      else spots.push({ x: anchor.x + (side === 'right' ? 1 : -1) * step * COLUMN_GAP, y: anchor.y + offset });
    }
    if (!spots.some(taken)) return spots;
  }
  return Array.from({ length: count }, (_, i) => ({ x: anchor.x + COLUMN_GAP, y: anchor.y + i * ROW_GAP }));
}

/** Where the visible nodes are, for placing new ones clear of them. */
export function placedPoints(graph: GraphData): Point[] {
  return Object.values(graph.nodes)
    .filter((n) => !n.hidden && n.position)
    .map((n) => n.position as Point);
}

/** Where a node added without an anchor goes: below everything on the canvas. */
export function freeSpot(occupied: readonly Point[], index: number): Point {
  if (occupied.length === 0) return { x: index * COLUMN_GAP, y: 0 };
  const maxY = Math.max(...occupied.map((p) => p.y));
  const minX = Math.min(...occupied.map((p) => p.x));
  return { x: minX + index * COLUMN_GAP, y: maxY + ROW_GAP * 2 };
}

/** A valid group id from a name the investigator typed (the contract allows `group:[\w.-]{1,80}`). */
export function groupIdFor(name: string, taken: (id: string) => boolean): string {
  const slug =
    name
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\w.-]/g, '')
      .slice(0, 70) || 'group';
  let id = `group:${slug}`;
  for (let n = 2; taken(id); n++) id = `group:${slug}-${n}`;
  return id;
}

/** Nodes and edges whose note, flags, label or address contain the query, case-insensitive. */
export function searchGraph(graph: GraphData, query: string): { nodes: string[]; edges: string[] } {
  const q = query.trim().toLowerCase();
  if (q === '') return { nodes: [], edges: [] };
  const hit = (...texts: (string | null)[]) => texts.some((t) => t !== null && t.toLowerCase().includes(q));
  const nodes = Object.values(graph.nodes)
    .filter((n) => hit(n.address, n.label, n.note, n.entity?.label ?? null, ...n.flags))
    .map((n) => n.id);
  const edges = Object.values(graph.edges)
    .filter((e) => hit(e.note, ...e.flags))
    .map((e) => e.id);
  return { nodes, edges };
}
