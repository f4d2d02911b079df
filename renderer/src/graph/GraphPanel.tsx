import { useCallback, useEffect, useState } from 'react';
import { Icon } from '../components/Icon';
import { ListError } from '../components/ListError';
import { plural } from '../lib/format';
import { modKeyLabel } from '../lib/platform';
import { useApp, useAppStore } from '../store/context';
import { GraphContextMenu } from './GraphContextMenu';
import { GraphCanvas, LARGE_EDGES, LARGE_NODES, type ContextTarget } from './GraphCanvas';
import { GraphDetails } from './GraphDetails';
import { GraphFilters } from './GraphFilters';
import { GraphHelp } from './GraphHelp';
import { GraphLegend } from './GraphLegend';
import { GraphSearch } from './GraphSearch';
import { TraceLegend } from './TraceLegend';

/** The case's fund-flow graph: toolbar, canvas with its overlays, and the details panel. */
export function GraphPanel({ caseId }: { caseId: number }) {
  const load = useApp((s) => s.loadGraph);
  const loaded = useApp((s) => s.graph?.caseId === caseId);
  const loading = useApp((s) => s.graphLoading);
  const error = useApp((s) => s.graphError);
  const nodeCount = useApp((s) => (s.graph ? Object.keys(s.graph.nodes).length : 0));
  const large = useApp(
    (s) =>
      s.graph !== null &&
      (Object.keys(s.graph.nodes).length > LARGE_NODES || Object.keys(s.graph.edges).length > LARGE_EDGES),
  );
  const traceOpen = useApp((s) => s.graphTab === 'trace');
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  useEffect(() => {
    void load(caseId);
  }, [load, caseId]);

  if (!loaded) {
    if (error) return <ListError what="graph of this case" message={error} onRetry={() => void load(caseId)} />;
    return <p className="muted">{loading ? 'Loading the graph…' : ''}</p>;
  }
  return (
    <section className="graph-panel" aria-label="Graph">
      <GraphToolbar />
      <GraphFilters />
      <div className={traceOpen ? 'graph-body trace-open' : 'graph-body'}>
        <div className="graph-stage">
          {/* Keyed by size class: the canvas's speed options are set when Cytoscape starts. */}
          <GraphCanvas key={large ? 'large' : 'small'} large={large} onContext={setMenu} />
          <GraphSearch />
          <GraphLegend />
          <TraceLegend />
          {nodeCount === 0 && <EmptyGraph caseId={caseId} />}
          <LayoutProgress />
          {menu && <GraphContextMenu target={menu} onClose={closeMenu} />}
        </div>
        <GraphDetails />
      </div>
    </section>
  );
}

function GraphToolbar() {
  const canUndo = useApp((s) => s.graphUndo.length > 0);
  const canRedo = useApp((s) => s.graphRedo.length > 0);
  const busy = useApp((s) => s.graphBusy);
  const undo = useApp((s) => s.undoGraph);
  const redo = useApp((s) => s.redoGraph);
  const layout = useApp((s) => s.requestLayout);
  const layoutBusy = useApp((s) => s.layoutBusy);
  const view = useApp((s) => s.viewGraph);
  const exportGraph = useApp((s) => s.exportGraph);
  const openDialog = useApp((s) => s.openDialog);
  const empty = useApp((s) => s.graph === null || Object.keys(s.graph.nodes).length === 0);

  return (
    <div className="graph-toolbar" role="toolbar" aria-label="Graph tools">
      <button type="button" className="button button-primary" onClick={() => openDialog('graph-add')}>
        <Icon name="plus" />
        Add addresses…
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        className="button"
        onClick={() => void undo()}
        disabled={!canUndo || busy}
        title={`Undo (${modKeyLabel('Z')})`}
      >
        <Icon name="undo" />
        Undo
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void redo()}
        disabled={!canRedo || busy}
        title={`Redo (${modKeyLabel('Shift+Z')})`}
      >
        <Icon name="redo" />
        Redo
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        className="button"
        onClick={() => layout('flow')}
        disabled={empty || layoutBusy}
        title="Lay out left to right, following the money"
      >
        <Icon name="flow" />
        Flow
      </button>
      <button
        type="button"
        className="button"
        onClick={() => layout('force')}
        disabled={empty || layoutBusy}
        title="Force-directed layout: clusters stand out"
      >
        <Icon name="force" />
        Force
      </button>
      <span className="toolbar-sep" />
      <button type="button" className="button icon-only" onClick={() => view('fit')} aria-label="Fit" title="Fit (F)">
        <Icon name="fit" />
      </button>
      <button type="button" className="button icon-only" onClick={() => view('zoom-in')} aria-label="Zoom in">
        <Icon name="zoomIn" />
      </button>
      <button type="button" className="button icon-only" onClick={() => view('zoom-out')} aria-label="Zoom out">
        <Icon name="zoomOut" />
      </button>
      <span className="toolbar-sep" />
      <button type="button" className="button" onClick={() => exportGraph('png')} disabled={empty}>
        <Icon name="download" />
        PNG
      </button>
      <button type="button" className="button" onClick={() => exportGraph('svg')} disabled={empty}>
        <Icon name="download" />
        SVG
      </button>
      <GraphHelp />
    </div>
  );
}

function LayoutProgress() {
  const busy = useApp((s) => s.layoutBusy);
  const cancel = useApp((s) => s.cancelLayout);
  if (!busy) return null;
  return (
    <div className="graph-progress" role="status">
      <span className="spinner" aria-hidden="true" />
      Laying out…
      <button type="button" className="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}

function EmptyGraph({ caseId }: { caseId: number }) {
  const store = useAppStore();
  const openDialog = useApp((s) => s.openDialog);
  const [count, setCount] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const api = useApp((s) => s.graphApi);

  useEffect(() => {
    let live = true;
    api['case.addresses']({ id: caseId, limit: 1 }).then(
      (page) => live && setCount(page.total),
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [api, caseId]);

  async function addCaseAddresses() {
    setAdding(true);
    try {
      const page = await api['case.addresses']({ id: caseId, limit: 1000 });
      await store.getState().addAddressesToGraph(page.rows.map((r) => r.address));
    } finally {
      setAdding(false);
    }
  }

  return (
    <div className="graph-empty">
      <h3>The graph is empty</h3>
      <p className="muted">
        Add the addresses you start from, then expand them to follow the money in and out. Right-click a node for
        everything you can do with it.
      </p>
      <div className="graph-empty-actions">
        {count !== null && count > 0 && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void addCaseAddresses()}
            disabled={adding}
          >
            Add the case’s {plural(count, 'address', 'addresses')}
          </button>
        )}
        <button type="button" className="button" onClick={() => openDialog('graph-add')}>
          Search or paste addresses…
        </button>
      </div>
    </div>
  );
}
