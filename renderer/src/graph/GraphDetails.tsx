import { useCallback, useEffect, useState } from 'react';
import type { AddressDetails, AddressFlows, GraphEdge, GraphNode } from '../../../db/api/contract';
import { CopyButton } from '../components/CopyButton';
import { TagCard } from '../components/TagCard';
import { formatCount, formatUnits, formatUsd, plural } from '../lib/format';
import { nodeTitle } from '../lib/graphModel';
import { formatAbsolute } from '../lib/time';
import { useApp, useAppStore } from '../store/context';
import type { GraphTab } from '../store/graphSlice';
import { messageOf } from '../store/result';
import { AnnotationEditor } from './AnnotationEditor';
import { CaseNotes } from './CaseNotes';
import { KIND_STYLE } from './palette';
import { PathFinder } from './PathFinder';
import { TracePanel } from './TracePanel';
import { TransfersTable } from './TransfersTable';

const TABS: { id: GraphTab; label: string }[] = [
  { id: 'selection', label: 'Details' },
  { id: 'notes', label: 'Case notes' },
  { id: 'paths', label: 'Paths' },
  { id: 'trace', label: 'Trace' },
  { id: 'hidden', label: 'Hidden' },
];

/** The side panel: what is selected, the case's notes, the path finder and the hidden nodes. */
export function GraphDetails() {
  const tab = useApp((s) => s.graphTab);
  const setTab = useApp((s) => s.setGraphTab);
  const hiddenCount = useApp((s) => Object.values(s.graph?.nodes ?? {}).filter((n) => n.hidden).length);
  return (
    <aside className="graph-details" aria-label="Graph details">
      <div className="graph-tabs" role="tablist" aria-label="Graph panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`graph-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="graph-tab-panel"
            className={tab === t.id ? 'graph-tab active' : 'graph-tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'hidden' && hiddenCount > 0 && <span className="section-count">{hiddenCount}</span>}
          </button>
        ))}
      </div>
      <div id="graph-tab-panel" role="tabpanel" aria-labelledby={`graph-tab-${tab}`} className="graph-tab-panel">
        {tab === 'selection' && <SelectionDetails />}
        {tab === 'notes' && <CaseNotes />}
        {tab === 'paths' && <PathFinder />}
        {tab === 'trace' && <TracePanel />}
        {tab === 'hidden' && <HiddenList />}
      </div>
    </aside>
  );
}

function SelectionDetails() {
  const selection = useApp((s) => s.graphSelection);
  const node = useApp((s) =>
    s.graphSelection.nodes.length === 1 && s.graphSelection.edges.length === 0
      ? s.graph?.nodes[s.graphSelection.nodes[0] ?? '']
      : undefined,
  );
  const edge = useApp((s) =>
    s.graphSelection.edges.length === 1 && s.graphSelection.nodes.length === 0
      ? s.graph?.edges[s.graphSelection.edges[0] ?? '']
      : undefined,
  );
  if (node) return node.type === 'group' ? <GroupDetails node={node} /> : <NodeDetails key={node.id} node={node} />;
  if (edge) return <EdgeDetails key={edge.id} edge={edge} />;
  const count = selection.nodes.length + selection.edges.length;
  if (count > 1) return <MultiDetails />;
  return (
    <p className="muted graph-hint">
      Select a node or an edge to see what the workspace knows of it and to annotate it. Shift+click or Shift+drag
      selects several.
    </p>
  );
}

function MultiDetails() {
  const store = useAppStore();
  const selection = useApp((s) => s.graphSelection);
  const openDialog = useApp((s) => s.openDialog);
  return (
    <div className="details-body">
      <h3 className="details-title">
        {plural(selection.nodes.length, 'node', 'nodes')}, {plural(selection.edges.length, 'edge', 'edges')} selected
      </h3>
      <div className="graph-actions">
        <button
          type="button"
          className="button"
          onClick={() => openDialog('graph-group')}
          disabled={selection.nodes.length === 0}
        >
          Group…
        </button>
        <button type="button" className="button" onClick={() => void store.getState().setHidden(selection.nodes, true)}>
          Hide
        </button>
        <button type="button" className="button" onClick={() => void store.getState().setPinned(selection.nodes, true)}>
          Pin
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() => void store.getState().removeFromGraph(selection)}
        >
          Remove
        </button>
      </div>
    </div>
  );
}

function Facts({ children }: { children: React.ReactNode }) {
  return <dl className="details-facts">{children}</dl>;
}

function NodeActions({ node }: { node: GraphNode }) {
  const store = useAppStore();
  const s = store.getState();
  return (
    <div className="graph-actions">
      {node.type === 'address' && (
        <>
          <button type="button" className="button" onClick={() => void s.expandNode(node.id, 'out')}>
            Expand out
          </button>
          <button type="button" className="button" onClick={() => void s.expandNode(node.id, 'in')}>
            Expand in
          </button>
        </>
      )}
      <button type="button" className="button" onClick={() => void s.setPinned([node.id], !node.pinned)}>
        {node.pinned ? 'Unpin' : 'Pin'}
      </button>
      <button type="button" className="button" onClick={() => void s.setHidden([node.id], true)}>
        Hide
      </button>
      <button
        type="button"
        className="button button-danger-quiet"
        onClick={() => void s.removeFromGraph({ nodes: [node.id], edges: [] })}
      >
        Remove
      </button>
    </div>
  );
}

function NodeDetails({ node }: { node: GraphNode }) {
  const api = useApp((s) => s.graphApi);
  const address = node.address ?? node.id;
  const [details, setDetails] = useState<AddressDetails | null>(null);
  const [flows, setFlows] = useState<AddressFlows | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api['address.show']({ address }), api['address.flows']({ address })]).then(
      ([d, f]) => {
        if (!live) return;
        setDetails(d);
        setFlows(f);
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [api, address]);

  const fetchTransfers = useCallback(
    (offset: number, limit: number) => api['address.transfers']({ address, direction: 'both', offset, limit }),
    [api, address],
  );

  return (
    <div className="details-body">
      <header className="graph-node-head">
        <h3 className="details-title">{nodeTitle(node)}</h3>
        <span className={`kind-badge kind-${node.kind}`}>{KIND_STYLE[node.kind].label}</span>
        {node.sanctioned && <span className="badge sanctioned-badge">Sanctioned</span>}
      </header>
      <div className="details-address">
        <span className="mono break-anywhere">{address}</span>
        <CopyButton value={address} what="address" />
      </div>
      <Facts>
        <dt>Entity</dt>
        <dd>
          {node.entity ? (
            <>
              {node.entity.label} <span className="muted">({node.entity.kind})</span>
              {node.entity.jurisdictions.length > 0 && ` · ${node.entity.jurisdictions.join(', ')}`}
            </>
          ) : (
            <span className="muted">None named by its tags</span>
          )}
        </dd>
        <dt>Confidence</dt>
        <dd>
          {node.confidenceLevel === null ? <span className="muted">Untagged</span> : `${node.confidenceLevel} of 100`}
        </dd>
        {flows && (
          <>
            <dt>Active</dt>
            <dd>
              {flows.first ? `${formatAbsolute(flows.first)} – ${formatAbsolute(flows.last ?? flows.first)}` : '—'}
            </dd>
          </>
        )}
      </Facts>
      <NodeActions node={node} />
      {error && <p className="alert alert-error">Could not load the address: {error}</p>}

      <section className="details-section" aria-label="Totals">
        <h4 className="section-title">Totals in and out</h4>
        {!flows && !error && <p className="muted">Loading…</p>}
        {flows && flows.assets.length === 0 && <p className="muted">No transfers in the workspace.</p>}
        {flows && flows.assets.length > 0 && (
          <table className="flows-table">
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">In</th>
                <th scope="col">Out</th>
              </tr>
            </thead>
            <tbody>
              {flows.assets.map((a) => (
                <tr key={a.asset.id}>
                  <th scope="row">{a.asset.symbol}</th>
                  <td title={a.usdIn ? formatUsd(a.usdIn) : undefined}>
                    {formatUnits(a.in, a.asset.decimals, 4)} <span className="muted">({formatCount(a.inCount)})</span>
                  </td>
                  <td title={a.usdOut ? formatUsd(a.usdOut) : undefined}>
                    {formatUnits(a.out, a.asset.decimals, 4)} <span className="muted">({formatCount(a.outCount)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Annotations what="node" item={node} />

      <section className="details-section" aria-label="Tags">
        <h4 className="section-title">Tags {details && `(${details.tags.length})`}</h4>
        {details && details.tags.length === 0 && <p className="muted">No tags.</p>}
        {details && (
          <ul className="tag-list">
            {details.tags.map((tag, i) => (
              <TagCard key={i} tag={tag} />
            ))}
          </ul>
        )}
      </section>

      <section className="details-section" aria-label="Transfers">
        <h4 className="section-title">Transfers</h4>
        <TransfersTable label="Transfers of this address" resetKey={address} fetch={fetchTransfers} />
      </section>
    </div>
  );
}

function GroupDetails({ node }: { node: GraphNode }) {
  const store = useAppStore();
  const members = useApp((s) => Object.values(s.graph?.nodes ?? {}).filter((n) => n.parent === node.id).length);
  return (
    <div className="details-body">
      <header className="graph-node-head">
        <h3 className="details-title">{nodeTitle(node)}</h3>
        <span className={`kind-badge kind-${node.kind}`}>{KIND_STYLE[node.kind].label}</span>
      </header>
      <p className="muted">
        Group of {plural(members, 'address', 'addresses')}, {node.collapsed ? 'collapsed' : 'expanded'}.
      </p>
      <div className="graph-actions">
        <button
          type="button"
          className="button"
          onClick={() => void store.getState().setCollapsed(node.id, !node.collapsed)}
        >
          {node.collapsed ? 'Expand group' : 'Collapse group'}
        </button>
        <button type="button" className="button" onClick={() => void store.getState().ungroup(node.id)}>
          Ungroup
        </button>
      </div>
      <Annotations what="group" item={node} />
    </div>
  );
}

function EdgeDetails({ edge }: { edge: GraphEdge }) {
  const api = useApp((s) => s.graphApi);
  const source = useApp((s) => s.graph?.nodes[edge.source]);
  const target = useApp((s) => s.graph?.nodes[edge.target]);
  const fetchTransfers = useCallback(
    (offset: number, limit: number) =>
      api['graph.edgeTransfers']({ source: edge.source, target: edge.target, assetId: edge.asset.id, offset, limit }),
    [api, edge.source, edge.target, edge.asset.id],
  );
  return (
    <div className="details-body">
      <h3 className="details-title">
        {source ? nodeTitle(source) : edge.source} → {target ? nodeTitle(target) : edge.target}
      </h3>
      <Facts>
        <dt>Amount</dt>
        <dd>
          {formatUnits(edge.total, edge.asset.decimals)} {edge.asset.symbol}
        </dd>
        <dt>USD</dt>
        <dd>
          {edge.usd ? formatUsd(edge.usd) : <span className="muted">No price</span>}
          {edge.usd && !edge.usdComplete && <span className="muted"> (some transfers unpriced)</span>}
        </dd>
        <dt>Transfers</dt>
        <dd>{formatCount(edge.count)}</dd>
        <dt>First</dt>
        <dd>{formatAbsolute(edge.first)}</dd>
        <dt>Last</dt>
        <dd>{formatAbsolute(edge.last)}</dd>
      </Facts>
      <Annotations what="edge" item={edge} />
      <section className="details-section" aria-label="Transfers">
        <h4 className="section-title">Transfers</h4>
        <TransfersTable label="Transfers of this edge" resetKey={edge.id} fetch={fetchTransfers} />
      </section>
    </div>
  );
}

/** The note, highlight and flags of a node, group or edge, saved through the graph's one edit path. */
function Annotations({ what, item }: { what: 'node' | 'group' | 'edge'; item: GraphNode | GraphEdge }) {
  const annotateNode = useApp((s) => s.annotateNode);
  const annotateEdge = useApp((s) => s.annotateEdge);
  const annotate = what === 'edge' ? annotateEdge : annotateNode;
  return (
    <section className="details-section" aria-label="Annotations">
      <h4 className="section-title">Annotations</h4>
      <AnnotationEditor
        what={what}
        value={{ note: item.note, color: item.color, flags: item.flags }}
        onChange={(changes) => void annotate(item.id, changes)}
      />
    </section>
  );
}

function HiddenList() {
  const hidden = useApp((s) => s.graph?.nodes);
  const setHidden = useApp((s) => s.setHidden);
  const showAll = useApp((s) => s.showAllHidden);
  const list = Object.values(hidden ?? {}).filter((n) => n.hidden);
  if (list.length === 0) return <p className="muted graph-hint">No hidden nodes.</p>;
  return (
    <div className="details-body">
      <button type="button" className="button" onClick={() => void showAll()}>
        Show all ({list.length})
      </button>
      <ul className="hidden-list">
        {list.map((n) => (
          <li key={n.id}>
            <span className="break-anywhere" title={n.address ?? n.id}>
              {nodeTitle(n)}
            </span>
            <button type="button" className="button" onClick={() => void setHidden([n.id], false)}>
              Show
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
