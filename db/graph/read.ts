/** A case's graph as `graph.get` answers it: the investigator's state joined with what the workspace knows. */
import type { CaseGraph, GraphEdge, GraphNode } from '../api/contract';
import type { Db } from '../open';
import { priceBook } from '../usd';
import { addressInfo, UNKNOWN_ADDRESS } from './address-info';
import { flowKey, flowsBetween, loadAssets, type FlowKey } from './flows';
import {
  edgeId,
  edgeToRecord,
  graphStore,
  isGroupId,
  nodeToRecord,
  noteView,
  type EdgeRow,
  type NodeRow,
} from './store';
import { assetView, FlowTotals, totalsBy } from './totals';

export function nodeViews(db: Db, rows: readonly NodeRow[]): GraphNode[] {
  const info = addressInfo(
    db,
    rows.flatMap((r) => (r.address_id === null ? [] : [r.address_id])),
  );
  return rows.map((r) => {
    const group = isGroupId(r.id);
    const known = group || r.address_id === null ? UNKNOWN_ADDRESS : (info.get(r.address_id) ?? UNKNOWN_ADDRESS);
    const { parent, position, pinned, hidden, collapsed, color, flags, note } = nodeToRecord(r);
    return {
      id: r.id,
      type: group ? 'group' : 'address',
      address: group ? null : r.id,
      chain: group ? null : r.id.slice(0, r.id.indexOf(':')),
      label: group ? r.label : known.label,
      kind: group ? (r.kind ?? 'unknown') : known.kind,
      entity: known.entity,
      confidenceLevel: known.confidenceLevel,
      sanctioned: known.sanctioned,
      parent,
      position,
      pinned,
      hidden,
      collapsed,
      color,
      flags,
      note,
    };
  });
}

/** The workspace address id of each address node of a case. */
export function nodeAddressIds(db: Db, caseId: number): Map<string, number> {
  const rows = db
    .prepare('SELECT id, address_id FROM graph_nodes WHERE case_id = ? AND address_id IS NOT NULL')
    .all(caseId) as { id: string; address_id: number }[];
  return new Map(rows.map((r) => [r.id, r.address_id]));
}

/** What the investigator set on an edge. */
function annotations(r: EdgeRow) {
  const { hidden, color, flags, note } = edgeToRecord(r);
  return { hidden, color, flags, note };
}

/** Edges with their totals, computed live from the workspace's flows with a few queries for all of them. */
export function edgeViews(db: Db, caseId: number, rows: readonly EdgeRow[]): GraphEdge[] {
  const ids = nodeAddressIds(db, caseId);
  const assets = loadAssets(db);
  const keys: FlowKey[] = rows.map((r) => ({
    fromId: ids.get(r.source) ?? 0,
    toId: ids.get(r.target) ?? 0,
    assetId: r.asset_id,
  }));
  const flows = flowsBetween(db, keys, assets);
  const totals = totalsBy(flows, flowKey, assets, priceBook(db, new Set(rows.map((r) => r.asset_id))));
  return rows.map((r, i) => {
    const asset = assets.get(r.asset_id);
    if (asset === undefined) throw new Error(`graph edge of unknown asset ${r.asset_id}`);
    return {
      id: edgeId(r),
      source: r.source,
      target: r.target,
      asset: assetView(asset),
      ...(totals.get(flowKey(keys[i] as FlowKey)) ?? new FlowTotals()).view(),
      ...annotations(r),
    };
  });
}

/** In one read transaction, so nodes, edges and totals come from the same state of the workspace. */
export function readGraph(db: Db, caseId: number): CaseGraph {
  const store = graphStore(db, caseId);
  return db.transaction(() => ({
    caseId,
    nodes: nodeViews(db, store.allNodes()),
    edges: edgeViews(db, caseId, store.allEdges()),
    notes: store.allNotes().map(noteView),
  }))();
}
