/**
 * The one owner of the Cytoscape instance. It subscribes to the store, diffs the scene by id inside
 * `cy.batch` (never rebuilding everything), runs a layout only when asked, and reports selection, drags and
 * right-clicks back. Nothing about it is exposed globally.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { dimmedIds, type GraphData } from '../lib/graphModel';
import { useApp, useAppStore } from '../store/context';
import type { AppState } from '../store';
import { buildScene, NODE_SIZE, type EdgeElement, type Highlights, type NodeElement, type Scene } from './elements';
import { exportPng, exportSvg } from './exportGraph';
import { readTheme } from './theme';
import { LayoutCancelled, runLayout } from './runLayout';
import { stylesheet } from './stylesheet';

/** Above these sizes the canvas trades detail for speed (textures while moving, 1× pixels, straight edges). */
export const LARGE_NODES = 1000;
export const LARGE_EDGES = 2000;
/** Below this zoom, arrows and edge labels are dropped. */
const FAR_ZOOM = 0.45;

export interface ContextTarget {
  kind: 'node' | 'edge' | 'canvas';
  id: string | null;
  /** Position in the canvas container, for placing the menu. */
  x: number;
  y: number;
}

interface GraphCanvasProps {
  large: boolean;
  onContext(target: ContextTarget): void;
}

/**
 * Cytoscape adds a <style> element to the page the first time it draws, unless one with this id exists. The
 * CSP forbids inline styles (and the rule it holds, position: relative, is in graph.css already), so an empty
 * marker with that id stands in for it and nothing is refused.
 */
const CYTOSCAPE_STYLE_ID = '__________cytoscape_stylesheet';

function claimCytoscapeStyle() {
  if (document.getElementById(CYTOSCAPE_STYLE_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLE_ID;
  document.head.append(marker);
}

function webglAvailable(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

function highlightsOf(state: AppState, graph: GraphData): Highlights {
  const { results, active } = state.pathQuery;
  const path = results?.[active];
  return {
    dimmed: dimmedIds(graph, state.graphFilter),
    path: path ? { nodes: new Set(path.nodes), hops: new Map(path.edges.map((id, i) => [id, i + 1] as const)) } : null,
  };
}

function signature(element: NodeElement | EdgeElement): string {
  return `${element.classes}|${JSON.stringify(element.data)}`;
}

/** Applies the scene to Cytoscape: adds, moves, updates and removes by id, all in one batch. */
function applyScene(cy: Core, scene: Scene, seen: Map<string, string>, placed: Map<string, string>): number {
  let added = 0;
  cy.batch(() => {
    const wanted = new Set<string>();
    const toAdd: ElementDefinition[] = [];
    // Parents first, so a member added in the same pass finds its group.
    const nodes = [...scene.nodes].sort(
      (a, b) => Number(b.classes.startsWith('group')) - Number(a.classes.startsWith('group')),
    );
    for (const def of nodes) {
      wanted.add(def.id);
      const sig = signature(def);
      const existing = cy.getElementById(def.id);
      const where = def.position ? `${def.position.x},${def.position.y}` : '';
      if (existing.empty()) {
        toAdd.push({
          group: 'nodes',
          data: { ...def.data, id: def.id, ...(def.parent ? { parent: def.parent } : {}) },
          classes: def.classes,
          position: def.position ?? { x: 0, y: 0 },
        });
        seen.set(def.id, sig);
        placed.set(def.id, where);
        continue;
      }
      const node = existing as NodeSingular;
      if ((node.data('parent') ?? null) !== def.parent) node.move({ parent: def.parent });
      if (seen.get(def.id) !== sig) {
        node.data(def.data);
        node.classes(def.classes);
        seen.set(def.id, sig);
      }
      // Only positions the store changed (undo, another layout) are applied; a node being dragged keeps its own.
      if (def.position && placed.get(def.id) !== where && !node.isParent() && !node.grabbed()) {
        node.position(def.position);
      }
      placed.set(def.id, where);
    }
    if (toAdd.length > 0) cy.add(toAdd);
    added += toAdd.length;
    const edgeAdds: ElementDefinition[] = [];
    for (const def of scene.edges) {
      wanted.add(def.id);
      const sig = `${def.source}>${def.target}|${signature(def)}`;
      const existing = cy.getElementById(def.id);
      if (existing.nonempty() && (existing.data('source') !== def.source || existing.data('target') !== def.target)) {
        existing.remove();
      } else if (existing.nonempty()) {
        if (seen.get(def.id) !== sig) {
          existing.data(def.data);
          existing.classes(def.classes);
          seen.set(def.id, sig);
        }
        continue;
      }
      edgeAdds.push({
        group: 'edges',
        data: { ...def.data, id: def.id, source: def.source, target: def.target },
        classes: def.classes,
      });
      seen.set(def.id, sig);
    }
    if (edgeAdds.length > 0) cy.add(edgeAdds);
    added += edgeAdds.length;
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    gone.forEach((ele) => {
      seen.delete(ele.id());
      placed.delete(ele.id());
    });
    // Members of a removed group that stay must not go with it.
    gone
      .nodes()
      .children()
      .filter((c) => wanted.has(c.id()))
      .move({ parent: null });
    cy.remove(gone);
  });
  return added;
}

export function GraphCanvas({ large, onContext }: GraphCanvasProps) {
  const store = useAppStore();
  const containerRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const onContextRef = useRef(onContext);
  const layoutBusy = useApp((s) => s.layoutBusy);

  useEffect(() => {
    onContextRef.current = onContext;
  }, [onContext]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    claimCytoscapeStyle();
    const theme = readTheme();
    const useWebgl = large && webglAvailable();
    const options: cytoscape.CytoscapeOptions & { renderer?: { name: string; webgl?: boolean } } = {
      container,
      style: stylesheet(theme, { large }),
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 1,
      boxSelectionEnabled: true,
      selectionType: 'single',
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
      // Cytoscape ≥3.31 reads renderer options; its types do not list them yet.
      renderer: { name: 'canvas', ...(useWebgl ? { webgl: true } : {}) },
    };
    const cy = cytoscape(options);
    container.dataset.renderer = useWebgl ? 'webgl' : 'canvas';

    const seen = new Map<string, string>();
    const placed = new Map<string, string>();
    let lastGraph: GraphData | null = null;
    let lastFilter: unknown = null;
    let lastPath: unknown = null;
    let layoutController: AbortController | null = null;
    let firstDone = false;

    function markReady() {
      if (firstDone) return;
      firstDone = true;
      setReady(true);
    }

    function render(state: AppState) {
      const graph = state.graph;
      if (!graph) return;
      if (graph === lastGraph && state.graphFilter === lastFilter && state.pathQuery === lastPath) return;
      lastGraph = graph;
      lastFilter = state.graphFilter;
      lastPath = state.pathQuery;
      const scene = buildScene(graph, highlightsOf(state, graph));
      const hadNone = cy.elements().empty();
      applyScene(cy, scene, seen, placed);
      syncSelection(state);
      const unplaced = scene.nodes.some(
        (n) => n.position === null && n.parent === null && !n.classes.startsWith('group'),
      );
      if (unplaced) state.requestLayout('flow');
      else {
        if (hadNone && scene.nodes.length > 0) cy.fit(undefined, 40);
        markReady();
      }
    }

    function syncSelection(state: AppState) {
      const wanted = new Set([...state.graphSelection.nodes, ...state.graphSelection.edges]);
      const selected = cy.$(':selected');
      if (selected.length === wanted.size && selected.toArray().every((e) => wanted.has(e.id()))) return;
      cy.batch(() => {
        selected.filter((e) => !wanted.has(e.id())).unselect();
        for (const id of wanted) cy.getElementById(id).select();
      });
    }

    let selectionPending = false;
    function reportSelection() {
      if (selectionPending) return;
      selectionPending = true;
      queueMicrotask(() => {
        selectionPending = false;
        const selected = cy.$(':selected');
        store
          .getState()
          .selectGraph({ nodes: selected.nodes().map((n) => n.id()), edges: selected.edges().map((e) => e.id()) });
      });
    }
    cy.on('select unselect', reportSelection);

    cy.on('dragfree', 'node', (event: EventObject) => {
      const moved: Record<string, { x: number; y: number }> = {};
      const target = event.target as NodeSingular;
      const nodes = target.isParent() ? target.descendants() : cy.$('node:selected').union(target);
      nodes.forEach((n) => {
        if (!n.isParent()) moved[n.id()] = { ...n.position() };
      });
      for (const [id, p] of Object.entries(moved))
        placed.set(id, `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`);
      void store.getState().savePositions(moved);
    });

    cy.on('cxttap', (event: EventObject) => {
      const rendered = event.renderedPosition ?? { x: 0, y: 0 };
      const target = event.target as Core | NodeSingular;
      if (target === cy) {
        onContextRef.current({ kind: 'canvas', id: null, x: rendered.x, y: rendered.y });
        return;
      }
      const ele = event.target as NodeSingular;
      if (!ele.selected()) {
        cy.$(':selected').unselect();
        ele.select();
      }
      onContextRef.current({ kind: ele.isNode() ? 'node' : 'edge', id: ele.id(), x: rendered.x, y: rendered.y });
    });

    cy.on('dbltap', 'node.address', (event: EventObject) => {
      void store.getState().expandNode((event.target as NodeSingular).id(), 'out');
    });

    let far = false;
    cy.on('zoom', () => {
      const next = cy.zoom() < FAR_ZOOM;
      if (next === far) return;
      far = next;
      cy.batch(() => (far ? cy.edges().addClass('far') : cy.edges().removeClass('far')));
    });

    async function layout(name: 'flow' | 'force') {
      layoutController?.abort();
      const controller = new AbortController();
      layoutController = controller;
      const state = store.getState();
      const graph = state.graph;
      if (!graph) return;
      const nodes = cy
        .nodes()
        .filter((n) => !n.isParent())
        .map((n) => ({
          id: n.id(),
          width: NODE_SIZE,
          height: NODE_SIZE,
          position: graph.nodes[n.id()]?.position ?? null,
          pinned: graph.nodes[n.id()]?.pinned ?? false,
        }));
      const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }));
      state.setLayoutBusy(true);
      try {
        const positions = await runLayout({ name, nodes, edges }, controller.signal);
        if (controller.signal.aborted) return;
        cy.batch(() => {
          for (const [id, p] of Object.entries(positions)) {
            const node = cy.getElementById(id);
            if (node.nonempty()) node.position(p);
          }
        });
        cy.fit(undefined, 40);
        for (const [id, p] of Object.entries(positions))
          placed.set(id, `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`);
        await store.getState().savePositions(positions);
      } catch (error) {
        if (!(error instanceof LayoutCancelled)) {
          store
            .getState()
            .notify('error', `The layout failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      } finally {
        if (layoutController === controller) {
          layoutController = null;
          store.getState().setLayoutBusy(false);
        }
        markReady();
      }
    }

    function focus(ids: readonly string[]) {
      const elements = cy.collection();
      for (const id of ids) elements.merge(cy.getElementById(id));
      if (elements.empty()) return;
      // The matches with their neighbours, so the centred node is seen in its context.
      cy.fit(elements.union(elements.connectedNodes()).closedNeighborhood(), 60);
      if (cy.zoom() > 1.2) cy.zoom({ level: 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }

    let lastLayoutSeq = store.getState().layoutRun?.seq ?? 0;
    let lastFocusSeq = store.getState().graphFocus?.seq ?? 0;
    let lastCancel = store.getState().layoutCancel;
    let lastExport = store.getState().exportRun?.seq ?? 0;
    let lastView = store.getState().viewRun?.seq ?? 0;
    let lastSelection = store.getState().graphSelection;
    let lastTheme = theme;

    function onState(state: AppState) {
      render(state);
      if (state.graphSelection !== lastSelection) {
        lastSelection = state.graphSelection;
        syncSelection(state);
      }
      if (state.layoutRun && state.layoutRun.seq !== lastLayoutSeq) {
        lastLayoutSeq = state.layoutRun.seq;
        void layout(state.layoutRun.name);
      }
      if (state.layoutCancel !== lastCancel) {
        lastCancel = state.layoutCancel;
        layoutController?.abort();
      }
      if (state.graphFocus && state.graphFocus.seq !== lastFocusSeq) {
        lastFocusSeq = state.graphFocus.seq;
        focus(state.graphFocus.ids);
      }
      if (state.viewRun && state.viewRun.seq !== lastView) {
        lastView = state.viewRun.seq;
        const centre = { x: cy.width() / 2, y: cy.height() / 2 };
        if (state.viewRun.action === 'fit') cy.fit(undefined, 40);
        else
          cy.zoom({ level: cy.zoom() * (state.viewRun.action === 'zoom-in' ? 1.25 : 0.8), renderedPosition: centre });
      }
      if (state.exportRun && state.exportRun.seq !== lastExport) {
        lastExport = state.exportRun.seq;
        const title = state.selected?.title ?? 'graph';
        if (state.exportRun.kind === 'png') void exportPng(cy, lastTheme, title);
        else exportSvg(cy, lastTheme, title);
      }
    }

    const unsubscribe = store.subscribe(onState);
    onState(store.getState());

    // The OS theme can change while the app is open; the canvas follows it like the rest of the page.
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => {
      lastTheme = readTheme();
      cy.style(stylesheet(lastTheme, { large }));
    };
    media.addEventListener('change', onTheme);

    return () => {
      unsubscribe();
      media.removeEventListener('change', onTheme);
      layoutController?.abort();
      cy.destroy();
    };
  }, [store, large]);

  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      data-testid="graph-canvas"
      data-graph-ready={ready ? 'true' : 'false'}
      data-layout-busy={layoutBusy ? 'true' : 'false'}
      aria-label="Fund-flow graph"
      role="img"
    />
  );
}
