import type { StateCreator } from 'zustand/vanilla';
import type {
  Client,
  EdgeRecord,
  GraphChange,
  GraphNode,
  GraphOp,
  NeighbourRow,
  NodeKind,
  NodeRecord,
} from '../../../db/api/contract';
import {
  applyChange,
  edgeId,
  edgeRecord,
  freeSpot,
  fromCaseGraph,
  groupIdFor,
  NO_FILTER,
  nodeRecord,
  placeBeside,
  placedPoints,
  searchGraph,
  type GraphData,
  type GraphFilter,
  type Point,
} from '../lib/graphModel';
import type { AppState } from './index';
import { messageOf } from './result';

/** More counterparties than this and the investigator chooses which to add, in the expansion dialog. */
export const EXPAND_THRESHOLD = 20;
/** Up to this many addresses added at once are joined to the graph by their flows; more would be a query each. */
const JOIN_LIMIT = 50;
/** Undo steps kept; older ones are forgotten, the workspace keeps what they did. */
const MAX_UNDO = 200;

export type Direction = 'out' | 'in' | 'both';
export type LayoutName = 'flow' | 'force';
export type CaseTab = 'overview' | 'graph' | 'incidents';
export type GraphTab = 'selection' | 'notes' | 'paths' | 'trace' | 'hidden';
export type ViewAction = 'fit' | 'zoom-in' | 'zoom-out';

export interface GraphSelection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface ExpandOptions {
  top: number;
  /** Whole base units of `assetId`; '' for none. */
  minAmount: string;
  assetId: number | null;
  from: string;
  to: string;
}

export interface ExpandState {
  nodeId: string;
  direction: Direction;
  options: ExpandOptions;
  total: number | null;
  rows: readonly NeighbourRow[];
  loading: boolean;
  error: string | null;
}

export interface PathResult {
  nodes: string[];
  edges: string[];
}

export interface PathQuery {
  from: string | null;
  to: string | null;
  maxHops: number;
  k: number;
  directed: boolean;
  exclude: readonly string[];
  results: readonly PathResult[] | null;
  active: number;
}

export interface LayoutRun {
  name: LayoutName;
  seq: number;
}

export interface GraphSlice {
  /** For the graph's panels that read workspace data of their own (details, search, transfers). */
  graphApi: Client;
  caseTab: CaseTab;
  graph: GraphData | null;
  graphLoading: boolean;
  graphError: string | null;
  /** Each entry is the undo ops of one edit, newest last. */
  graphUndo: readonly GraphOp[][];
  graphRedo: readonly GraphOp[][];
  graphBusy: boolean;
  graphSelection: GraphSelection;
  graphFilter: GraphFilter;
  graphSearch: string;
  /** The canvas selects and centres these when `seq` changes. */
  graphFocus: { ids: readonly string[]; seq: number } | null;
  /** The canvas runs this layout when `seq` changes. */
  layoutRun: LayoutRun | null;
  /** True while a layout computes. */
  layoutBusy: boolean;
  /** Bumped to stop the running layout. */
  layoutCancel: number;
  graphTab: GraphTab;
  /** The "?" popover of shortcuts. */
  graphHelp: boolean;
  /** The canvas fits or zooms when `seq` changes. */
  viewRun: { action: ViewAction; seq: number } | null;
  /** The canvas writes this export when `seq` changes. */
  exportRun: { kind: 'png' | 'svg'; seq: number } | null;
  expand: ExpandState | null;
  pathQuery: PathQuery;
  setCaseTab(tab: CaseTab): void;
  loadGraph(caseId: number): Promise<void>;
  /**
   * Applies an edit; its undo ops go on the undo stack unless `record` is false. A function builds the ops
   * when the edit's turn comes, from the graph as the edits before it left it.
   */
  applyGraph(ops: GraphOps, options?: { record?: boolean }): Promise<GraphChange | null>;
  undoGraph(): Promise<void>;
  redoGraph(): Promise<void>;
  selectGraph(selection: GraphSelection): void;
  focusGraph(ids: readonly string[]): void;
  addAddressesToGraph(addresses: readonly string[]): Promise<number>;
  expandNode(nodeId: string, direction: Direction): Promise<void>;
  refineExpand(options: ExpandOptions): Promise<void>;
  addNeighbours(rows: readonly NeighbourRow[]): Promise<void>;
  closeExpand(): void;
  setHidden(ids: readonly string[], hidden: boolean): Promise<void>;
  showAllHidden(): Promise<void>;
  removeFromGraph(selection: GraphSelection): Promise<void>;
  annotateNode(id: string, changes: Pick<Partial<NodeRecord>, 'note' | 'color' | 'flags'>): Promise<void>;
  annotateEdge(id: string, changes: Pick<Partial<EdgeRecord>, 'note' | 'color' | 'flags'>): Promise<void>;
  groupNodes(ids: readonly string[], name: string, kind: NodeKind): Promise<string | null>;
  setCollapsed(groupId: string, collapsed: boolean): Promise<void>;
  ungroup(groupId: string): Promise<void>;
  setPinned(ids: readonly string[], pinned: boolean): Promise<void>;
  savePositions(positions: Readonly<Record<string, Point>>): Promise<void>;
  addCaseNote(text: string): Promise<void>;
  editCaseNote(id: number, text: string): Promise<void>;
  deleteCaseNote(id: number): Promise<void>;
  setGraphFilter(filter: GraphFilter): void;
  setGraphSearch(query: string): void;
  /** Selects and centres the matches of the search box; returns how many. */
  runGraphSearch(): number;
  requestLayout(name: LayoutName): void;
  setLayoutBusy(busy: boolean): void;
  cancelLayout(): void;
  exportGraph(kind: 'png' | 'svg'): void;
  setGraphTab(tab: GraphTab): void;
  setGraphHelp(open: boolean): void;
  viewGraph(action: ViewAction): void;
  setPathQuery(changes: Partial<Omit<PathQuery, 'results' | 'active'>>): void;
  setPathResults(results: readonly PathResult[] | null): void;
  showPath(index: number): void;
}

export type GraphOps = GraphOp[] | ((graph: GraphData) => GraphOp[]);

const EMPTY_SELECTION: GraphSelection = { nodes: [], edges: [] };

const DEFAULT_PATH: PathQuery = {
  from: null,
  to: null,
  maxHops: 6,
  k: 3,
  directed: true,
  exclude: [],
  results: null,
  active: 0,
};

export function createGraphSlice(api: Client): StateCreator<AppState, [], [], GraphSlice> {
  return (set, get) => {
    // Edits run one after another, so the undo stack holds them in the order the workspace applied them.
    let queue: Promise<unknown> = Promise.resolve();
    let latestLoad = 0;
    let latestExpand = 0;

    let loadingGraph: { caseId: number; done: Promise<void> } | null = null;

    function graphOrNull(): GraphData | null {
      return get().graph;
    }

    async function fetchGraph(caseId: number): Promise<void> {
      const ticket = ++latestLoad;
      if (get().graph?.caseId !== caseId) {
        set({
          graph: null,
          graphUndo: [],
          graphRedo: [],
          graphSelection: EMPTY_SELECTION,
          graphFilter: NO_FILTER,
          graphSearch: '',
          expand: null,
          pathQuery: DEFAULT_PATH,
        });
      }
      set({ graphLoading: true, graphError: null });
      try {
        const answer = await api['graph.get']({ caseId });
        if (ticket !== latestLoad) return;
        set({ graph: fromCaseGraph(answer), graphLoading: false });
      } catch (error) {
        if (ticket !== latestLoad) return;
        set({ graphLoading: false, graphError: messageOf(error) });
      }
    }

    function run(ops: GraphOps, onDone: (change: GraphChange) => void): Promise<GraphChange | null> {
      const graph = graphOrNull();
      if (!graph) return Promise.resolve(null);
      const caseId = graph.caseId;
      const next = queue.then(async () => {
        const now = get().graph;
        if (now?.caseId !== caseId) return null;
        const resolved = typeof ops === 'function' ? ops(now) : ops;
        if (resolved.length === 0) return null;
        set({ graphBusy: true });
        try {
          // One edit is one request and one transaction, however large: all of it lands or none of it.
          const change = await api['graph.apply']({ caseId, ops: resolved });
          const current = get().graph;
          if (current?.caseId !== caseId) return null;
          set({ graph: applyChange(current, change) });
          onDone(change);
          return change;
        } catch (error) {
          get().notify('error', `The graph was not changed: ${messageOf(error)}`);
          return null;
        } finally {
          set({ graphBusy: false });
        }
      });
      queue = next;
      return next;
    }

    function positions(): Point[] {
      const graph = graphOrNull();
      return graph ? placedPoints(graph) : [];
    }

    /** Node records built from the graph as it is when the edit runs, so quick edits never undo each other. */
    function putNodes(build: (graph: GraphData) => NodeRecord[]): Promise<GraphChange | null> {
      return get().applyGraph((graph) => {
        const nodes = build(graph);
        return nodes.length > 0 ? [{ op: 'put', nodes }] : [];
      });
    }

    function neighboursQuery(state: ExpandState) {
      const graph = graphOrNull();
      const node = graph?.nodes[state.nodeId];
      if (!graph || !node?.address) return null;
      const { options } = state;
      return {
        caseId: graph.caseId,
        address: node.address,
        direction: state.direction,
        top: options.top,
        ...(options.assetId !== null ? { assetId: options.assetId } : {}),
        ...(options.assetId !== null && /^\d+$/.test(options.minAmount) ? { minAmount: options.minAmount } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
      };
    }

    /** Builds the put that adds counterparties beside their anchor, with the edges that join them. */
    function neighbourOps(rows: readonly NeighbourRow[], anchorId: string): GraphOp[] {
      const graph = graphOrNull();
      const anchor = graph?.nodes[anchorId];
      if (!graph || !anchor) return [];
      const origin = anchor.position ?? { x: 0, y: 0 };
      const occupied = positions();
      const nodes: NodeRecord[] = [];
      const edges: EdgeRecord[] = [];
      const placed = new Set<string>();
      for (const side of ['out', 'in'] as const) {
        const sideRows = rows.filter((r) => r.direction === side);
        const fresh = [...new Set(sideRows.map((r) => r.address))].filter((a) => !graph.nodes[a] && !placed.has(a));
        const spots = placeBeside(origin, side === 'out' ? 'right' : 'left', fresh.length, occupied);
        fresh.forEach((id, i) => {
          const position = spots[i] ?? origin;
          occupied.push(position);
          placed.add(id);
          nodes.push({ id, position });
        });
        for (const row of sideRows) {
          const hiddenNode = graph.nodes[row.address];
          if (hiddenNode?.hidden) nodes.push(nodeRecord(hiddenNode, { hidden: false }));
          const [source, target] = side === 'out' ? [anchorId, row.address] : [row.address, anchorId];
          const id = edgeId(source, target, row.asset.id);
          if (!graph.edges[id] && !edges.some((e) => edgeId(e.source, e.target, e.assetId) === id)) {
            edges.push({ source, target, assetId: row.asset.id });
          }
        }
      }
      return nodes.length + edges.length > 0 ? [{ op: 'put', nodes, edges }] : [];
    }

    let expandAnchor: string | null = null;

    return {
      graphApi: api,
      caseTab: 'overview',
      graph: null,
      graphLoading: false,
      graphError: null,
      graphUndo: [],
      graphRedo: [],
      graphBusy: false,
      graphSelection: EMPTY_SELECTION,
      graphFilter: NO_FILTER,
      graphSearch: '',
      graphFocus: null,
      layoutRun: null,
      layoutBusy: false,
      layoutCancel: 0,
      exportRun: null,
      graphTab: 'selection',
      graphHelp: false,
      viewRun: null,
      expand: null,
      pathQuery: DEFAULT_PATH,

      setCaseTab(caseTab) {
        set({ caseTab });
        // The graph is asked for as the tab is chosen, while the graph's code is still loading.
        const caseId = get().selected?.id;
        if (caseTab === 'graph' && caseId !== undefined) void get().loadGraph(caseId);
      },

      loadGraph(caseId) {
        // The tab and the panel both ask when the graph is opened: one request answers both.
        if (loadingGraph?.caseId === caseId) return loadingGraph.done;
        const done = fetchGraph(caseId).finally(() => {
          if (loadingGraph?.done === done) loadingGraph = null;
        });
        loadingGraph = { caseId, done };
        return done;
      },
      applyGraph(ops, { record = true } = {}) {
        return run(ops, (change) => {
          if (!record) return;
          set((s) => ({ graphUndo: [...s.graphUndo, change.undo].slice(-MAX_UNDO), graphRedo: [] }));
        });
      },

      async undoGraph() {
        // After the edits already asked for: undo pressed right after an edit undoes that edit, not the one before.
        await queue;
        const ops = get().graphUndo.at(-1);
        if (!ops) return;
        set((s) => ({ graphUndo: s.graphUndo.slice(0, -1) }));
        const change = await run(ops, (c) => set((s) => ({ graphRedo: [...s.graphRedo, c.undo] })));
        if (!change) set((s) => ({ graphUndo: [...s.graphUndo, ops] }));
      },

      async redoGraph() {
        await queue;
        const ops = get().graphRedo.at(-1);
        if (!ops) return;
        set((s) => ({ graphRedo: s.graphRedo.slice(0, -1) }));
        const change = await run(ops, (c) => set((s) => ({ graphUndo: [...s.graphUndo, c.undo] })));
        if (!change) set((s) => ({ graphRedo: [...s.graphRedo, ops] }));
      },

      selectGraph(selection) {
        const current = get().graphSelection;
        if (sameList(current.nodes, selection.nodes) && sameList(current.edges, selection.edges)) return;
        set({ graphSelection: { nodes: [...selection.nodes], edges: [...selection.edges] } });
      },

      focusGraph(ids) {
        set((s) => ({ graphFocus: { ids: [...ids], seq: (s.graphFocus?.seq ?? 0) + 1 } }));
      },

      async addAddressesToGraph(addresses) {
        const graph = graphOrNull();
        if (!graph) return 0;
        const fresh = [...new Set(addresses)].filter((a) => !graph.nodes[a]);
        const shown = addresses.filter((a) => graph.nodes[a]?.hidden);
        const occupied = positions();
        const nodes: NodeRecord[] = fresh.map((id, i) => ({ id, position: freeSpot(occupied, i) }));
        for (const id of shown) {
          const node = graph.nodes[id];
          if (node) nodes.push(nodeRecord(node, { hidden: false }));
        }
        const edges = fresh.length <= JOIN_LIMIT ? await joiningEdges(api, graph, fresh) : [];
        await get().applyGraph(() => (nodes.length + edges.length > 0 ? [{ op: 'put', nodes, edges }] : []));
        get().focusGraph(addresses);
        return fresh.length;
      },

      async expandNode(nodeId, direction) {
        const graph = graphOrNull();
        const node = graph?.nodes[nodeId];
        if (!graph || !node?.address) return;
        const ticket = ++latestExpand;
        const state: ExpandState = {
          nodeId,
          direction,
          options: { top: EXPAND_THRESHOLD, minAmount: '', assetId: null, from: '', to: '' },
          total: null,
          rows: [],
          loading: true,
          error: null,
        };
        const query = neighboursQuery(state);
        if (!query) return;
        set({ expand: null });
        try {
          const answer = await api['graph.neighbours']({ ...query, top: EXPAND_THRESHOLD });
          if (ticket !== latestExpand) return;
          if (answer.total <= EXPAND_THRESHOLD) {
            if (answer.rows.length === 0) get().notify('success', 'No counterparties in that direction.');
            expandAnchor = nodeId;
            await get().addNeighbours(answer.rows);
            return;
          }
          set({
            expand: { ...state, total: answer.total, rows: answer.rows.slice(0, EXPAND_THRESHOLD), loading: false },
            dialog: 'graph-expand',
          });
        } catch (error) {
          get().notify('error', `Could not expand: ${messageOf(error)}`);
        }
      },

      async refineExpand(options) {
        const current = get().expand;
        if (!current) return;
        const ticket = ++latestExpand;
        const next: ExpandState = { ...current, options, loading: true, error: null };
        set({ expand: next });
        const query = neighboursQuery(next);
        if (!query) return;
        try {
          const answer = await api['graph.neighbours'](query);
          if (ticket !== latestExpand) return;
          set({ expand: { ...next, total: answer.total, rows: answer.rows, loading: false } });
        } catch (error) {
          if (ticket !== latestExpand) return;
          set({ expand: { ...next, loading: false, error: messageOf(error) } });
        }
      },

      async addNeighbours(rows) {
        const anchorId = get().expand?.nodeId ?? expandAnchor;
        if (!anchorId) return;
        await get().applyGraph(() => neighbourOps(rows, anchorId));
        get().focusGraph([anchorId, ...rows.map((r) => r.address)]);
      },

      closeExpand() {
        set({ expand: null, dialog: null });
      },

      async setHidden(ids, hidden) {
        await putNodes((graph) =>
          ids.flatMap((id) => {
            const node = graph.nodes[id];
            return node && node.hidden !== hidden ? [nodeRecord(node, { hidden })] : [];
          }),
        );
        if (hidden) get().selectGraph(EMPTY_SELECTION);
      },

      async showAllHidden() {
        const graph = graphOrNull();
        if (!graph) return;
        const ids = Object.values(graph.nodes)
          .filter((n) => n.hidden)
          .map((n) => n.id);
        await get().setHidden(ids, false);
      },

      async removeFromGraph(selection) {
        if (selection.nodes.length === 0 && selection.edges.length === 0) return;
        // Cleared first, so a second Delete while the first is on its way does not remove the same things again.
        get().selectGraph(EMPTY_SELECTION);
        await get().applyGraph([{ op: 'delete', nodes: [...selection.nodes], edges: [...selection.edges] }]);
      },

      async annotateNode(id, changes) {
        await putNodes((graph) => {
          const node = graph.nodes[id];
          return node ? [nodeRecord(node, changes)] : [];
        });
      },

      async annotateEdge(id, changes) {
        await get().applyGraph((graph) => {
          const edge = graph.edges[id];
          return edge ? [{ op: 'put', edges: [edgeRecord(edge, changes)] }] : [];
        });
      },

      async groupNodes(ids, name, kind) {
        const graph = graphOrNull();
        if (!graph) return null;
        const members = ids
          .map((id) => graph.nodes[id])
          .filter((n): n is GraphNode => n !== undefined && n.type === 'address');
        if (members.length === 0) return null;
        const groupId = groupIdFor(name, (id) => id in graph.nodes);
        const change = await putNodes((now) => [
          { id: groupId, label: name.trim(), kind },
          ...members.flatMap((m) => {
            const member = now.nodes[m.id];
            return member ? [nodeRecord(member, { parent: groupId })] : [];
          }),
        ]);
        return change ? groupId : null;
      },

      async setCollapsed(groupId, collapsed) {
        await putNodes((graph) => {
          const group = graph.nodes[groupId];
          if (!group || group.type !== 'group') return [];
          let position = group.position;
          if (collapsed && !position) {
            // A collapsed group is drawn where its members were.
            const members = Object.values(graph.nodes).filter((n) => n.parent === groupId && n.position);
            if (members.length > 0) {
              position = {
                x: members.reduce((sum, m) => sum + (m.position?.x ?? 0), 0) / members.length,
                y: members.reduce((sum, m) => sum + (m.position?.y ?? 0), 0) / members.length,
              };
            }
          }
          return [nodeRecord(group, { collapsed, position })];
        });
      },

      async ungroup(groupId) {
        await get().applyGraph([{ op: 'delete', nodes: [groupId] }]);
        get().selectGraph(EMPTY_SELECTION);
      },

      async setPinned(ids, pinned) {
        await putNodes((graph) =>
          ids.flatMap((id) => {
            const node = graph.nodes[id];
            return node && node.pinned !== pinned ? [nodeRecord(node, { pinned })] : [];
          }),
        );
      },

      async savePositions(moved) {
        await putNodes((graph) =>
          Object.entries(moved).flatMap(([id, p]) => {
            const node = graph.nodes[id];
            if (!node) return [];
            const position = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
            if (node.position && node.position.x === position.x && node.position.y === position.y) return [];
            return [nodeRecord(node, { position })];
          }),
        );
      },

      async addCaseNote(text) {
        if (text.trim()) await get().applyGraph([{ op: 'put', notes: [{ text }] }]);
      },

      async editCaseNote(id, text) {
        if (text.trim()) await get().applyGraph([{ op: 'put', notes: [{ id, text }] }]);
      },

      async deleteCaseNote(id) {
        await get().applyGraph([{ op: 'delete', notes: [id] }]);
      },

      setGraphFilter: (graphFilter) => set({ graphFilter }),
      setGraphSearch: (graphSearch) => set({ graphSearch }),

      runGraphSearch() {
        const graph = graphOrNull();
        if (!graph) return 0;
        const found = searchGraph(graph, get().graphSearch);
        const nodes = found.nodes.filter((id) => !graph.nodes[id]?.hidden);
        get().selectGraph({ nodes, edges: found.edges });
        if (nodes.length + found.edges.length > 0) get().focusGraph([...nodes, ...found.edges]);
        return nodes.length + found.edges.length;
      },

      requestLayout(name) {
        set((s) => ({ layoutRun: { name, seq: (s.layoutRun?.seq ?? 0) + 1 } }));
      },
      setLayoutBusy: (layoutBusy) => set({ layoutBusy }),
      setGraphTab: (graphTab) => set({ graphTab }),
      setGraphHelp: (graphHelp) => set({ graphHelp }),
      viewGraph(action) {
        set((s) => ({ viewRun: { action, seq: (s.viewRun?.seq ?? 0) + 1 } }));
      },
      cancelLayout: () => set((s) => ({ layoutCancel: s.layoutCancel + 1 })),
      exportGraph(kind) {
        set((s) => ({ exportRun: { kind, seq: (s.exportRun?.seq ?? 0) + 1 } }));
      },

      setPathQuery(changes) {
        set((s) => ({ pathQuery: { ...s.pathQuery, ...changes, results: null, active: 0 } }));
      },
      setPathResults(results) {
        set((s) => ({ pathQuery: { ...s.pathQuery, results, active: 0 } }));
        const first = results?.[0];
        if (first) get().focusGraph([...first.nodes, ...first.edges]);
      },
      showPath(index) {
        const path = get().pathQuery.results?.[index];
        if (!path) return;
        set((s) => ({ pathQuery: { ...s.pathQuery, active: index } }));
        get().focusGraph([...path.nodes, ...path.edges]);
      },
    };
  };
}

/**
 * The flows between addresses being added and what the graph (or the same paste) already holds, so two
 * related addresses added by search show the money between them at once. `members` narrows the other ends
 * (a traced subgraph joins only its own addresses).
 */
export async function joiningEdges(
  api: Client,
  graph: GraphData,
  fresh: readonly string[],
  members: ReadonlySet<string> = new Set([...Object.keys(graph.nodes), ...fresh]),
): Promise<EdgeRecord[]> {
  const answers = await Promise.all(
    fresh.map((address) =>
      api['graph.neighbours']({ caseId: graph.caseId, address, direction: 'both', top: 500 }).catch(() => null),
    ),
  );
  const edges = new Map<string, EdgeRecord>();
  answers.forEach((answer, i) => {
    const address = fresh[i];
    if (!answer || !address) return;
    for (const row of answer.rows) {
      if (!members.has(row.address) || row.address === address) continue;
      const [source, target] = row.direction === 'out' ? [address, row.address] : [row.address, address];
      const id = edgeId(source, target, row.asset.id);
      if (!graph.edges[id]) edges.set(id, { source, target, assetId: row.asset.id });
    }
  });
  return [...edges.values()];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
