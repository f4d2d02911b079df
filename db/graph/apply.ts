/**
 * `graph.apply`: edits of a case's graph, all in one transaction, checked so that a refusal names the
 * offending id and leaves the workspace as it was. The ops that undo an edit are computed from the rows
 * themselves: every row an edit touches is read before its first change and again at the end, so undo puts
 * back each changed or removed row in full and deletes each created one, whatever path the edit took
 * (a node deleted with its edges, members let go by their group, the same id written twice).
 */
import type { GraphChange, GraphOp, ParsedInput } from '../api/contract';
import { ApiError } from '../api/errors';
import { addressStatements } from '../addresses';
import { appendAudit } from '../audit';
import { parseChainAddress } from '../chains';
import type { Db } from '../open';
import { loadAssets } from './flows';
import { edgeViews, nodeViews } from './read';
import {
  edgeId,
  edgeToRecord,
  graphStore,
  isGroupId,
  nodeToRecord,
  noteToRecord,
  noteView,
  parseEdgeId,
  type EdgeRow,
  type NodeRow,
  type NoteRow,
} from './store';

type ParsedOp = ParsedInput<'graph.apply'>['ops'][number];
type PutOp = Extract<ParsedOp, { op: 'put' }>;
type DeleteOp = Extract<ParsedOp, { op: 'delete' }>;

const refuse = (message: string): never => {
  throw new ApiError('invalid_input', `graph.apply: ${message}`);
};

/** A position's -0 is stored as 0: SQLite keeps no negative zero, and undo must give back what it stored. */
const coordinate = (v: number) => v + 0;

/** The rows an edit touched, as they were before it touched them (null: the row did not exist). */
class Touched<K, R> {
  readonly before = new Map<K, R | null>();
  constructor(private readonly read: (key: K) => R | null) {}
  /** Remembers the row's state before its first change; answers its state now. */
  touch(key: K): R | null {
    const now = this.read(key);
    if (!this.before.has(key)) this.before.set(key, now);
    return now;
  }
  /** created: absent before, present now; changed: present both times but different; removed: gone. */
  diff(): { created: R[]; changed: { before: R; after: R }[]; removed: R[] } {
    const out = { created: [] as R[], changed: [] as { before: R; after: R }[], removed: [] as R[] };
    for (const [key, before] of this.before) {
      const after = this.read(key);
      if (before === null && after !== null) out.created.push(after);
      else if (before !== null && after === null) out.removed.push(before);
      else if (before !== null && after !== null && JSON.stringify(before) !== JSON.stringify(after))
        out.changed.push({ before, after });
    }
    return out;
  }
}

function statements(db: Db) {
  return {
    putNode: db.prepare(`
      INSERT INTO graph_nodes (case_id, id, address_id, label, kind, parent, x, y, pinned, hidden, collapsed, color, flags, note)
      VALUES (@caseId, @id, @addressId, @label, @kind, @parent, @x, @y, @pinned, @hidden, @collapsed, @color, @flags, @note)
      ON CONFLICT (case_id, id) DO UPDATE SET address_id = excluded.address_id, label = excluded.label,
        kind = excluded.kind, parent = excluded.parent, x = excluded.x, y = excluded.y, pinned = excluded.pinned,
        hidden = excluded.hidden, collapsed = excluded.collapsed, color = excluded.color, flags = excluded.flags,
        note = excluded.note`),
    deleteNode: db.prepare('DELETE FROM graph_nodes WHERE case_id = ? AND id = ?'),
    unparent: db.prepare('UPDATE graph_nodes SET parent = NULL WHERE case_id = ? AND id = ?'),
    putEdge: db.prepare(`
      INSERT INTO graph_edges (case_id, source, target, asset_id, hidden, color, flags, note)
      VALUES (@caseId, @source, @target, @assetId, @hidden, @color, @flags, @note)
      ON CONFLICT (case_id, source, target, asset_id) DO UPDATE SET hidden = excluded.hidden,
        color = excluded.color, flags = excluded.flags, note = excluded.note`),
    deleteEdge: db.prepare('DELETE FROM graph_edges WHERE case_id = ? AND source = ? AND target = ? AND asset_id = ?'),
    putNote: db.prepare(`
      INSERT INTO case_notes (id, case_id, text, created_at, updated_at) VALUES (@id, @caseId, @text, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET text = excluded.text, created_at = excluded.created_at, updated_at = excluded.updated_at`),
    deleteNote: db.prepare('DELETE FROM case_notes WHERE id = ?'),
  };
}

class GraphEdit {
  private readonly store;
  private readonly sql;
  private readonly addresses;
  private readonly assets;
  readonly nodes: Touched<string, NodeRow>;
  readonly edges: Touched<string, EdgeRow>;
  readonly notes: Touched<number, NoteRow>;

  constructor(
    private readonly db: Db,
    private readonly caseId: number,
    private readonly now: string,
  ) {
    this.store = graphStore(db, caseId);
    this.sql = statements(db);
    this.addresses = addressStatements(db);
    this.assets = loadAssets(db);
    this.nodes = new Touched((id) => this.store.node(id));
    this.edges = new Touched((id) => {
      const key = parseEdgeId(id);
      return key === null ? null : this.store.edge(key.source, key.target, key.assetId);
    });
    this.notes = new Touched((id) => {
      const note = this.store.note(id);
      return note !== null && note.case_id === caseId ? note : null;
    });
  }

  put(op: PutOp): void {
    for (const node of op.nodes) this.putNode(node);
    for (const edge of op.edges) this.putEdge(edge);
    for (const note of op.notes) this.putNote(note);
  }

  /** Notes, then edges, then nodes: one op may name a node and, again, the edges it takes with it. */
  delete(op: DeleteOp): void {
    for (const id of op.notes) this.deleteNote(id);
    for (const id of op.edges) this.deleteEdge(id);
    for (const id of op.nodes) this.deleteNode(id);
  }

  /** The address id of an address node; the address is added to the workspace when it is new. */
  private addressIdOf(id: string): number {
    const check = parseChainAddress(id);
    if (!check.valid) return refuse(`node ${id}: ${check.reason}`);
    const normal = `${check.chain}:${check.normalized}`;
    if (normal !== id) refuse(`node ${id} is not in its normal form: write ${normal}`);
    return this.addresses.idOf(check.chain, check.normalized);
  }

  private putNode(node: PutOp['nodes'][number]): void {
    const group = isGroupId(node.id);
    if (group && (node.label === null || node.label === '')) refuse(`node ${node.id}: a group needs a label`);
    if (group && node.parent !== null) refuse(`node ${node.id}: a group cannot be inside another group`);
    if (node.parent !== null && !isGroupId(node.parent))
      refuse(`node ${node.id}: parent ${node.parent} is not a group`);
    const addressId = group ? null : this.addressIdOf(node.id);
    this.nodes.touch(node.id);
    this.sql.putNode.run({
      caseId: this.caseId,
      id: node.id,
      addressId,
      // An address's label and kind come from its tags; only a group has its own.
      label: group ? node.label : null,
      kind: group ? node.kind : null,
      parent: node.parent,
      x: node.position === null ? null : coordinate(node.position.x),
      y: node.position === null ? null : coordinate(node.position.y),
      pinned: Number(node.pinned),
      hidden: Number(node.hidden),
      collapsed: Number(node.collapsed),
      color: node.color,
      flags: JSON.stringify(node.flags),
      note: node.note,
    });
  }

  private putEdge(edge: PutOp['edges'][number]): void {
    const id = edgeId({ source: edge.source, target: edge.target, asset_id: edge.assetId });
    if (isGroupId(edge.source) || isGroupId(edge.target)) refuse(`edge ${id}: a group cannot be an end of an edge`);
    if (edge.source === edge.target) refuse(`edge ${id}: an edge joins two different addresses`);
    const asset = this.assets.get(edge.assetId);
    if (asset === undefined) return refuse(`edge ${id}: no asset has id ${edge.assetId}`);
    for (const end of [edge.source, edge.target]) {
      const chain = end.slice(0, end.indexOf(':'));
      if (chain !== asset.chain)
        refuse(`edge ${id}: asset ${edge.assetId} (${asset.symbol}) is on ${asset.chain}, and ${end} is on ${chain}`);
    }
    this.edges.touch(id);
    this.sql.putEdge.run({
      caseId: this.caseId,
      source: edge.source,
      target: edge.target,
      assetId: edge.assetId,
      hidden: Number(edge.hidden),
      color: edge.color,
      flags: JSON.stringify(edge.flags),
      note: edge.note,
    });
  }

  private putNote(note: PutOp['notes'][number]): void {
    const existing = note.id === undefined ? null : this.store.note(note.id);
    if (existing !== null && existing.case_id !== this.caseId) refuse(`note ${note.id} belongs to another case`);
    let createdAt: string;
    let updatedAt: string;
    if (existing === null) {
      createdAt = note.createdAt ?? this.now;
      updatedAt = note.updatedAt ?? createdAt;
    } else {
      createdAt = note.createdAt ?? existing.created_at;
      updatedAt = note.updatedAt ?? (existing.text === note.text ? existing.updated_at : this.now);
    }
    if (note.id !== undefined) this.notes.touch(note.id);
    const info = this.sql.putNote.run({
      id: note.id ?? null,
      caseId: this.caseId,
      text: note.text,
      createdAt,
      updatedAt,
    });
    if (note.id === undefined) this.notes.before.set(Number(info.lastInsertRowid), null);
  }

  private deleteNote(id: number): void {
    if (this.notes.touch(id) === null) refuse(`note ${id} is not a note of this case`);
    this.sql.deleteNote.run(id);
  }

  private deleteEdge(id: string): void {
    const key = parseEdgeId(id);
    if (key === null) return refuse(`edge id ${id}: write SOURCE>TARGET>ASSET_ID`);
    if (this.edges.touch(id) === null) refuse(`edge ${id} is not in the graph`);
    this.sql.deleteEdge.run(this.caseId, key.source, key.target, key.assetId);
  }

  private deleteNode(id: string): void {
    if (this.nodes.touch(id) === null) refuse(`node ${id} is not in the graph`);
    for (const edge of this.store.edgesOf(id)) this.deleteEdge(edgeId(edge));
    for (const member of this.store.membersOf(id)) {
      this.nodes.touch(member);
      this.sql.unparent.run(this.caseId, member);
    }
    this.sql.deleteNode.run(this.caseId, id);
  }

  /** The rules that hold between rows, checked on the final state so the order of ops does not matter. */
  checkFinal(): void {
    for (const id of this.nodes.before.keys()) {
      const parent = this.store.node(id)?.parent ?? null;
      if (parent !== null && this.store.node(parent) === null)
        refuse(`node ${id}: parent ${parent} is not a group of this graph`);
    }
    for (const id of this.edges.before.keys()) {
      const edge = this.edges.touch(id);
      if (edge === null) continue;
      for (const end of [edge.source, edge.target]) {
        if (this.store.node(end) === null) refuse(`edge ${id}: node ${end} is not in the graph`);
      }
    }
  }

  result(): { change: GraphChange; positionsOnly: boolean } {
    const nodes = this.nodes.diff();
    const edges = this.edges.diff();
    const notes = this.notes.diff();
    const undoDelete = {
      op: 'delete' as const,
      nodes: nodes.created.map((n) => n.id),
      edges: edges.created.map(edgeId),
      notes: notes.created.map((n) => n.id),
    };
    const undoPut = {
      op: 'put' as const,
      nodes: [...nodes.changed.map((c) => c.before), ...nodes.removed].map(nodeToRecord),
      edges: [...edges.changed.map((c) => c.before), ...edges.removed].map(edgeToRecord),
      notes: [...notes.changed.map((c) => c.before), ...notes.removed].map(noteToRecord),
    };
    const undo: GraphOp[] = [];
    if (undoDelete.nodes.length + undoDelete.edges.length + undoDelete.notes.length > 0) undo.push(undoDelete);
    if (undoPut.nodes.length + undoPut.edges.length + undoPut.notes.length > 0) undo.push(undoPut);
    const moved = (c: { before: NodeRow; after: NodeRow }) =>
      JSON.stringify({ ...c.before, x: 0, y: 0 }) === JSON.stringify({ ...c.after, x: 0, y: 0 });
    const positionsOnly =
      undoDelete.nodes.length + undoDelete.edges.length + undoDelete.notes.length === 0 &&
      nodes.removed.length + edges.changed.length + edges.removed.length === 0 &&
      notes.changed.length + notes.removed.length === 0 &&
      nodes.changed.every(moved);
    const change: GraphChange = {
      nodes: nodeViews(this.db, [...nodes.created, ...nodes.changed.map((c) => c.after)]),
      edges: edgeViews(this.db, this.caseId, [...edges.created, ...edges.changed.map((c) => c.after)]),
      notes: [...notes.created, ...notes.changed.map((c) => c.after)].map(noteView),
      removed: {
        nodes: nodes.removed.map((n) => n.id),
        edges: edges.removed.map(edgeId),
        notes: notes.removed.map((n) => n.id),
      },
      undo,
    };
    return { change, positionsOnly };
  }
}

/** At most this many ids of each list go into the audit log; the counts are always complete. */
const AUDITED_IDS = 100;

function auditDetail(change: GraphChange) {
  const list = <T>(items: T[]) => ({ count: items.length, ids: items.slice(0, AUDITED_IDS) });
  return {
    changed: {
      nodes: list(change.nodes.map((n) => n.id)),
      edges: list(change.edges.map((e) => e.id)),
      notes: list(change.notes.map((n) => n.id)),
    },
    removed: {
      nodes: list(change.removed.nodes),
      edges: list(change.removed.edges),
      notes: list(change.removed.notes),
    },
  };
}

/** Applies the ops to the graph of an existing case (the caller checks that it exists). */
export function applyGraph(db: Db, input: ParsedInput<'graph.apply'>, now: string): GraphChange {
  return db
    .transaction(() => {
      const edit = new GraphEdit(db, input.caseId, now);
      for (const op of input.ops) {
        if (op.op === 'put') edit.put(op);
        else edit.delete(op);
      }
      edit.checkFinal();
      const { change, positionsOnly } = edit.result();
      // Moving nodes around is layout, not a finding: only edits that change what the graph says are logged.
      if (change.undo.length > 0 && !positionsOnly)
        appendAudit(db, now, input.caseId, 'graph.edited', auditDetail(change));
      return change;
    })
    .immediate();
}
