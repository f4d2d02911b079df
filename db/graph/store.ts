/**
 * The stored state of a case's graph, row by row: what `graph.apply` reads before and after an edit, and the
 * full records (NodeRecord, EdgeRecord, NoteRecord) that put a row back exactly as it was.
 */
import type { CaseNote, EdgeRecord, NodeKind, NodeRecord, NoteRecord } from '../api/contract';
import type { Db } from '../open';

export interface NodeRow {
  id: string;
  address_id: number | null;
  label: string | null;
  kind: NodeKind | null;
  parent: string | null;
  x: number | null;
  y: number | null;
  pinned: number;
  hidden: number;
  collapsed: number;
  color: string | null;
  flags: string;
  note: string;
}

export interface EdgeRow {
  source: string;
  target: string;
  asset_id: number;
  hidden: number;
  color: string | null;
  flags: string;
  note: string;
}

export interface NoteRow {
  id: number;
  case_id: number;
  text: string;
  created_at: string;
  updated_at: string;
}

export const isGroupId = (id: string) => id.startsWith('group:');

/** `SOURCE>TARGET>ASSET_ID`: no address of a supported chain contains '>'. */
export const edgeId = (e: { source: string; target: string; asset_id: number }) =>
  `${e.source}>${e.target}>${e.asset_id}`;

export function parseEdgeId(id: string): { source: string; target: string; assetId: number } | null {
  const parts = id.split('>');
  if (parts.length !== 3 || !/^[1-9]\d{0,15}$/.test(parts[2] as string)) return null;
  return { source: parts[0] as string, target: parts[1] as string, assetId: Number(parts[2]) };
}

export function nodeToRecord(r: NodeRow): Required<NodeRecord> {
  return {
    id: r.id,
    label: r.label,
    kind: r.kind,
    parent: r.parent,
    position: r.x === null || r.y === null ? null : { x: r.x, y: r.y },
    pinned: r.pinned === 1,
    hidden: r.hidden === 1,
    collapsed: r.collapsed === 1,
    color: r.color,
    flags: JSON.parse(r.flags) as string[],
    note: r.note,
  };
}

export function edgeToRecord(r: EdgeRow): Required<EdgeRecord> {
  return {
    source: r.source,
    target: r.target,
    assetId: r.asset_id,
    hidden: r.hidden === 1,
    color: r.color,
    flags: JSON.parse(r.flags) as string[],
    note: r.note,
  };
}

export function noteToRecord(r: NoteRow): Required<NoteRecord> {
  return { id: r.id, text: r.text, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function noteView(r: NoteRow): CaseNote {
  return { id: r.id, text: r.text, createdAt: r.created_at, updatedAt: r.updated_at };
}

const NODE_COLUMNS = 'id, address_id, label, kind, parent, x, y, pinned, hidden, collapsed, color, flags, note';
const EDGE_COLUMNS = 'source, target, asset_id, hidden, color, flags, note';

/** Prepared statements over one case's graph rows. */
export function graphStore(db: Db, caseId: number) {
  const nodeById = db.prepare(`SELECT ${NODE_COLUMNS} FROM graph_nodes WHERE case_id = ? AND id = ?`);
  const edgeByKey = db.prepare(
    `SELECT ${EDGE_COLUMNS} FROM graph_edges WHERE case_id = ? AND source = ? AND target = ? AND asset_id = ?`,
  );
  const noteById = db.prepare('SELECT id, case_id, text, created_at, updated_at FROM case_notes WHERE id = ?');
  return {
    node: (id: string) => (nodeById.get(caseId, id) as NodeRow | undefined) ?? null,
    edge: (source: string, target: string, assetId: number) =>
      (edgeByKey.get(caseId, source, target, assetId) as EdgeRow | undefined) ?? null,
    /** A note of any case: a put must not take over another case's note. */
    note: (id: number) => (noteById.get(id) as NoteRow | undefined) ?? null,
    allNodes: () =>
      db.prepare(`SELECT ${NODE_COLUMNS} FROM graph_nodes WHERE case_id = ? ORDER BY id`).all(caseId) as NodeRow[],
    allEdges: () =>
      db
        .prepare(`SELECT ${EDGE_COLUMNS} FROM graph_edges WHERE case_id = ? ORDER BY source, target, asset_id`)
        .all(caseId) as EdgeRow[],
    allNotes: () =>
      db
        .prepare('SELECT id, case_id, text, created_at, updated_at FROM case_notes WHERE case_id = ? ORDER BY id')
        .all(caseId) as NoteRow[],
    edgesOf: (nodeId: string) =>
      db
        .prepare(`SELECT ${EDGE_COLUMNS} FROM graph_edges WHERE case_id = ? AND (source = ? OR target = ?)`)
        .all(caseId, nodeId, nodeId) as EdgeRow[],
    membersOf: (groupId: string) =>
      db
        .prepare('SELECT id FROM graph_nodes WHERE case_id = ? AND parent = ?')
        .pluck()
        .all(caseId, groupId) as string[],
  };
}
