/**
 * The one owner of the Cytoscape instance. It subscribes to the store, diffs the scene by id inside
 * `cy.batch` (never rebuilding everything), runs a layout only when asked, and reports selection, drags and
 * right-clicks back. Nothing about it is exposed globally.
 */
import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeCollection,
  type NodeSingular,
} from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { dimmedIds, type GraphData } from '../lib/graphModel';
import { taintView } from '../lib/traceModel';
import { useApp, useAppStore } from '../store/context';
import type { AppState } from '../store';
import { shownTrace } from '../store/traceSlice';
import { buildScene, NODE_SIZE, type EdgeElement, type Highlights, type NodeElement, type Scene } from './elements';
import { exportPng, exportSvg } from './exportGraph';
import { readTheme } from './theme';
import { LayoutCancelled, runLayout } from './runLayout';
import { drawPreview, type Viewport } from './preview';
import { stylesheet } from './stylesheet';

/** Above these sizes the canvas trades detail for speed (textures while moving, 1× pixels, straight edges). */
export const LARGE_NODES = 500;
export const LARGE_EDGES = 1000;
/** Below this zoom, arrows and edge labels are dropped. */
const FAR_ZOOM = 0.45;
const LOD_DELAY_MS = 200;

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

/**
 * WebGL only where a GPU draws it: software WebGL (SwiftShader, llvmpipe — e.g. Chromium with the GPU off)
 * is far slower than Cytoscape's canvas renderer with its viewport texture, so those fall back to canvas.
 */
function hardwareWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
  } catch {
    return false;
  }
}

/**
 * Without a GPU, Chromium's accelerated 2D canvas is drawn by its software GPU (SwiftShader) in the GPU
 * process, which takes far longer per frame than its CPU raster does on the page's own thread: measured in the
 * graph bench, pan/zoom frames went from about 14 to 30 a second at 5,000 nodes. A context asked for with
 * `willReadFrequently` is drawn on the CPU. Cytoscape asks for its contexts itself, so the layers it makes in
 * its constructor are asked for here first (the prototype is patched only for that synchronous call, and put
 * back), and the offscreen canvases it makes later for its element textures through this renderer's own
 * `makeOffscreenCanvas` (so a texture is never read back from the GPU to be drawn on a CPU canvas).
 */
function createWithCpuCanvases(options: cytoscape.CytoscapeOptions): Core {
  const proto = HTMLCanvasElement.prototype;
  const original = proto.getContext;
  const cpu = { willReadFrequently: true };
  proto.getContext = function (this: HTMLCanvasElement, type: string, attributes?: object) {
    return original.call(this, type, type === '2d' ? { ...attributes, ...cpu } : attributes);
  } as typeof original;
  let cy: Core;
  try {
    cy = cytoscape(options);
  } finally {
    proto.getContext = original;
  }
  // Cytoscape's renderer is not in its types; makeOffscreenCanvas is a method of its canvas renderer.
  const renderer = (
    cy as unknown as { renderer(): { makeOffscreenCanvas?(w: number, h: number): unknown } }
  ).renderer();
  const make = renderer.makeOffscreenCanvas?.bind(renderer);
  if (make) {
    renderer.makeOffscreenCanvas = (width: number, height: number) => {
      const canvas = make(width, height) as HTMLCanvasElement | OffscreenCanvas;
      canvas.getContext('2d', cpu);
      return canvas;
    };
  }
  return cy;
}

function highlightsOf(state: AppState, graph: GraphData): Highlights {
  const { results, active } = state.pathQuery;
  const path = results?.[active];
  const trace = shownTrace(state);
  return {
    dimmed: dimmedIds(graph, state.graphFilter),
    path: path ? { nodes: new Set(path.nodes), hops: new Map(path.edges.map((id, i) => [id, i + 1] as const)) } : null,
    taint: trace ? taintView(trace.report, graph) : null,
  };
}

/**
 * The viewport that frames these node centres with a node's size of margin, clamped to the canvas's zoom
 * range. Cytoscape's own fit measures every label first, which takes seconds at 15,000 elements; centres are
 * as good for framing a graph. Pure, so the preview and Cytoscape frame a graph identically.
 */
function fitView(cy: Core, points: readonly { x: number; y: number }[], padding: number): Viewport | null {
  if (points.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  const margin = NODE_SIZE * 1.5;
  const w = x2 - x1 + 2 * margin;
  const h = y2 - y1 + 2 * margin;
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / w, (cy.height() - 2 * padding) / h)),
  );
  return { zoom, pan: { x: cy.width() / 2 - zoom * ((x1 + x2) / 2), y: cy.height() / 2 - zoom * ((y1 + y2) / 2) } };
}

const FIT_PADDING = 40;

/** Fits the view to node centres (see fitView). */
function fitCentres(cy: Core, nodes: NodeCollection, padding: number) {
  const view = fitView(
    cy,
    nodes.map((node) => node.position()),
    padding,
  );
  if (view) cy.viewport(view);
}

/**
 * The node centres the first fill frames: every placed node but open groups, whose box Cytoscape derives from
 * their members (so fitCentres on the filled canvas and this agree).
 */
function scenePoints(scene: Scene): { x: number; y: number }[] {
  const openGroup = (n: NodeElement) => /^group(?! collapsed)/.test(n.classes);
  return scene.nodes.flatMap((n) => (n.position && !openGroup(n) ? [n.position] : []));
}

function signature(element: NodeElement | EdgeElement): string {
  return `${element.classes}|${JSON.stringify(element.data)}`;
}

/**
 * Applies the scene to Cytoscape in one batch, by id: new nodes first (groups before their members), then
 * moves into and out of groups and changed data, then edges, then removals, and last the positions the store
 * changed (undo, a layout), once every node is where its group says.
 */
function applyScene(
  cy: Core,
  scene: Scene,
  seen: Map<string, string>,
  placed: Map<string, string>,
  far: boolean,
): void {
  const extra = far ? ' far' : '';
  const isGroup = (def: NodeElement) => def.classes.startsWith('group');
  const nodes = [...scene.nodes].sort((a, b) => Number(isGroup(b)) - Number(isGroup(a)));
  const newNodes = (): ElementDefinition[] => {
    const toAdd: ElementDefinition[] = [];
    for (const def of nodes) {
      if (cy.getElementById(def.id).nonempty()) continue;
      toAdd.push({
        group: 'nodes',
        data: { ...def.data, id: def.id, ...(def.parent ? { parent: def.parent } : {}) },
        classes: def.classes + extra,
        position: def.position ?? { x: 0, y: 0 },
      });
      seen.set(def.id, signature(def));
      placed.set(def.id, def.position ? `${def.position.x},${def.position.y}` : '');
    }
    return toAdd;
  };
  const added = new Set<string>();
  if (cy.elements().empty()) {
    // The first fill styles its nodes before any edge is there: each style property Cytoscape applies to a node
    // also dirties the node's connected edges, which at 5,000 nodes and 10,000 edges took most of a second.
    const toAdd = newNodes();
    for (const def of toAdd) added.add(String(def.data.id));
    if (toAdd.length > 0) cy.add(toAdd).forEach((node) => void node.style('width'));
  }
  cy.batch(() => {
    const wanted = new Set<string>();
    const toAdd = newNodes();
    for (const def of nodes) wanted.add(def.id);
    for (const def of toAdd) added.add(String(def.data.id));
    if (toAdd.length > 0) cy.add(toAdd);
    for (const def of nodes) {
      if (added.has(def.id)) continue;
      const node = cy.getElementById(def.id) as NodeSingular;
      if ((node.data('parent') ?? null) !== def.parent) node.move({ parent: def.parent });
      const sig = signature(def);
      if (seen.get(def.id) !== sig) {
        node.data(def.data);
        node.classes(def.classes + extra);
        seen.set(def.id, sig);
      }
    }

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
          existing.classes(def.classes + extra);
          seen.set(def.id, sig);
        }
        continue;
      }
      edgeAdds.push({
        group: 'edges',
        data: { ...def.data, id: def.id, source: def.source, target: def.target },
        classes: def.classes + extra,
      });
      seen.set(def.id, sig);
    }
    if (edgeAdds.length > 0) cy.add(edgeAdds);

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

    // Only positions the store changed are applied; a node being dragged keeps its own, a group's box follows
    // its members.
    for (const def of nodes) {
      if (added.has(def.id) || !def.position) continue;
      const where = `${def.position.x},${def.position.y}`;
      const node = cy.getElementById(def.id) as NodeSingular;
      if (placed.get(def.id) !== where && !node.isParent() && !node.grabbed()) node.position(def.position);
      placed.set(def.id, where);
    }
  });
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
    const useWebgl = large && hardwareWebgl();
    const options: cytoscape.CytoscapeOptions & { renderer?: { name: string; webgl?: boolean } } = {
      container,
      style: stylesheet(theme, { large }),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
      // Cytoscape ≥3.31 reads renderer options; its types do not list them yet.
      renderer: { name: 'canvas', ...(useWebgl ? { webgl: true } : {}) },
    };
    // Large graphs on a machine without a GPU draw on CPU canvases (small ones keep Chromium's default).
    const cpuCanvases = large && !useWebgl;
    const cy = cpuCanvases ? createWithCpuCanvases(options) : cytoscape(options);
    container.dataset.renderer = useWebgl ? 'webgl' : cpuCanvases ? 'canvas (cpu)' : 'canvas';

    const seen = new Map<string, string>();
    const placed = new Map<string, string>();
    let lastGraph: GraphData | null = null;
    let lastFilter: unknown = null;
    let lastPath: unknown = null;
    let lastTrace: unknown = null;
    let layoutController: AbortController | null = null;
    let firstDone = false;
    let far = false;

    // A preview standing in for the first fill (see preview.ts), and the build that replaces it.
    let preview: HTMLCanvasElement | null = null;
    let previewed = false;
    let waiting = false;
    let previewScene: Scene | null = null;
    let drawnFrame = 0;
    let building: ReturnType<typeof setTimeout> | undefined;

    /**
     * Ready (data-graph-ready) once Cytoscape has drawn and answers the pointer: the frame after its next
     * render event, as the benchmark's bare page marks its own. A preview goes as Cytoscape draws.
     */
    function markReady() {
      if (firstDone) return;
      firstDone = true;
      cy.one('render', () => {
        removePreview();
        markDrawn();
        requestAnimationFrame(() => setReady(true));
      });
      cy.forceRender();
    }

    /** The whole graph is on screen (data-graph-drawn): the preview's or Cytoscape's first frame. */
    function markDrawn() {
      if (container) container.dataset.graphDrawn = 'true';
    }

    function removePreview() {
      preview?.remove();
      preview = null;
    }

    /**
     * The first fill of a large, placed graph framed far out is painted as a preview first, and built in
     * Cytoscape once the browser has shown it. Store changes meanwhile are not lost: the build reads the store.
     */
    function showPreview(scene: Scene, view: Viewport) {
      const canvas = document.createElement('canvas');
      canvas.dataset.testid = 'graph-preview';
      canvas.setAttribute('aria-hidden', 'true');
      // Above Cytoscape's layers until it draws; the pointer goes through to them.
      Object.assign(canvas.style, {
        position: 'absolute',
        inset: '0',
        width: '100%',
        height: '100%',
        zIndex: '10',
        pointerEvents: 'none',
      });
      drawPreview(
        canvas,
        scene,
        view,
        readTheme(),
        {
          width: cy.width(),
          height: cy.height(),
          pixelRatio: 1,
          nodeSize: NODE_SIZE,
        },
        cpuCanvases,
      );
      container?.append(canvas);
      preview = canvas;
      previewed = true;
      waiting = true;
      previewScene = scene;
      // Marked in the frame after the one that shows it; then a task, as Cytoscape's build holds the page.
      drawnFrame = requestAnimationFrame(() => {
        markDrawn();
        building = setTimeout(() => {
          building = undefined;
          waiting = false;
          const state = store.getState();
          // The scene is reused unless the store changed while the preview was shown.
          if (!unchanged(state)) previewScene = null;
          lastGraph = null;
          render(state);
        }, 0);
      });
    }

    function unchanged(state: AppState): boolean {
      return (
        state.graph === lastGraph &&
        state.graphFilter === lastFilter &&
        state.pathQuery === lastPath &&
        state.traceShown === lastTrace
      );
    }

    function render(state: AppState) {
      const graph = state.graph;
      if (!graph || waiting || unchanged(state)) return;
      lastGraph = graph;
      lastTrace = state.traceShown;
      lastFilter = state.graphFilter;
      lastPath = state.pathQuery;
      const scene = previewScene ?? buildScene(graph, highlightsOf(state, graph));
      previewScene = null;
      const hadNone = cy.elements().empty();
      const unplaced = scene.nodes.some(
        (n) => n.position === null && n.parent === null && !n.classes.startsWith('group'),
      );
      if (hadNone) {
        // The first fill is styled at the level of detail of the view it will be fitted to, so 15,000
        // elements are not styled twice before the first frame.
        const view = fitView(cy, scenePoints(scene), FIT_PADDING);
        far = (view?.zoom ?? 1) < FAR_ZOOM;
        if (large && far && !unplaced && view && !previewed) {
          showPreview(scene, view);
          return;
        }
      }
      applyScene(cy, scene, seen, placed, far);
      syncSelection(state);
      if (unplaced) {
        removePreview();
        state.requestLayout('flow');
      } else {
        if (hadNone && scene.nodes.length > 0) {
          fitCentres(cy, cy.nodes(), FIT_PADDING);
          // The first frame is drawn at the level of detail of the fitted view, not restyled after it.
          applyLod();
        }
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

    // The level of detail changes once the wheel rests: restyling 15,000 elements on every threshold crossing
    // mid-zoom would stall the frames the zoom is made of.
    let lodTimer: ReturnType<typeof setTimeout> | undefined;
    const applyLod = () => {
      const next = cy.zoom() < FAR_ZOOM;
      if (next === far) return;
      far = next;
      cy.batch(() => (far ? cy.elements().addClass('far') : cy.elements().removeClass('far')));
    };
    cy.on('zoom', () => {
      clearTimeout(lodTimer);
      lodTimer = setTimeout(applyLod, large ? LOD_DELAY_MS : 0);
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
        fitCentres(cy, cy.nodes(), FIT_PADDING);
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
      // The side panel may have just changed width (the Trace tab is wider); Cytoscape notices after a debounce.
      cy.resize();
      // One match is shown with its neighbours, for context; several (a path, search hits) exactly as they are.
      const framed = elements.union(elements.connectedNodes());
      cy.fit(elements.length === 1 ? framed.closedNeighborhood() : framed, 60);
      if (cy.zoom() > 1.2) cy.zoom({ level: 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      // The matches themselves in the middle: a single match sits exactly at the centre of the canvas.
      cy.center(elements);
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
        if (state.viewRun.action === 'fit') fitCentres(cy, cy.nodes(), FIT_PADDING);
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
      clearTimeout(lodTimer);
      cancelAnimationFrame(drawnFrame);
      clearTimeout(building);
      removePreview();
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
