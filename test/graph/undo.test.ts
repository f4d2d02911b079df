import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { CaseGraph, EdgeRecord, GraphOp, NodeRecord, NoteRecord } from '../../db/api/contract';
import type { Engine } from '../../db/api/engine';
import type { Db } from '../../db/open';
import { B, E, R, roninWorkspace, T } from './fixture';

const ADDRESSES = [E, T, B, R];
const GROUPS = ['group:a', 'group:b'];

/** Draws choices from a tape of numbers, so fast-check can shrink an edit sequence. */
class Tape {
  private at = 0;
  constructor(private readonly values: number[]) {}
  next(n: number): number {
    const v = this.values[this.at % this.values.length] ?? 0;
    this.at += 1;
    return v % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.next(items.length)] as T;
  }
  some<T>(items: readonly T[]): T[] {
    return items.filter(() => this.next(2) === 1);
  }
}

/** What exists while a batch is built, so every op of it is valid. */
interface Model {
  nodes: Set<string>;
  edges: Map<string, [string, string]>;
  notes: Set<number>;
}

function modelOf(graph: CaseGraph): Model {
  return {
    nodes: new Set(graph.nodes.map((n) => n.id)),
    edges: new Map(graph.edges.map((e) => [e.id, [e.source, e.target]])),
    notes: new Set(graph.notes.map((n) => n.id)),
  };
}

function randomNode(tape: Tape, id: string, groups: string[]): NodeRecord {
  const group = id.startsWith('group:');
  return {
    id,
    label: group ? tape.pick(['Cash-out', 'Mixers <b>']) : null,
    kind: group ? tape.pick(['exchange', 'mixer', null] as const) : null,
    parent: group ? null : tape.pick([null, ...groups]),
    position: tape.pick([null, { x: tape.next(1000) / 7, y: -tape.next(100) }]),
    pinned: tape.next(2) === 1,
    hidden: tape.next(2) === 1,
    collapsed: tape.next(2) === 1,
    color: tape.pick([null, '#ff8800']),
    flags: tape.some(['suspect', 'cash-out', 'own flag']),
    note: tape.pick(['', 'seen in a report']),
  };
}

function putOp(tape: Tape, m: Model, eth: number): GraphOp {
  const nodes = tape.some([...ADDRESSES, ...GROUPS]);
  for (const id of nodes) m.nodes.add(id);
  const groups = GROUPS.filter((g) => m.nodes.has(g));
  const present = ADDRESSES.filter((a) => m.nodes.has(a));
  const edges: EdgeRecord[] = [];
  for (const source of present) {
    for (const target of present) {
      if (source === target || tape.next(3) !== 0) continue;
      edges.push({ source, target, assetId: eth, hidden: tape.next(2) === 1, flags: tape.some(['suspect']) });
      m.edges.set(`${source}>${target}>${eth}`, [source, target]);
    }
  }
  const notes: NoteRecord[] = tape.some([...m.notes]).map((id) => ({ id, text: tape.pick(['edited', 'again']) }));
  if (tape.next(2) === 1) notes.push({ text: 'a new note' });
  return { op: 'put', nodes: nodes.map((id) => randomNode(tape, id, groups)), edges, notes };
}

function deleteOp(tape: Tape, m: Model): GraphOp {
  const edges = tape.some([...m.edges.keys()]);
  for (const id of edges) m.edges.delete(id);
  const nodes = tape.some([...m.nodes]);
  for (const id of nodes) {
    m.nodes.delete(id);
    for (const [edge, ends] of m.edges) if (ends.includes(id)) m.edges.delete(edge);
  }
  const notes = tape.some([...m.notes]);
  for (const id of notes) m.notes.delete(id);
  return { op: 'delete', nodes, edges, notes };
}

function randomBatch(tape: Tape, graph: CaseGraph, eth: number): GraphOp[] {
  const m = modelOf(graph);
  return Array.from({ length: 1 + tape.next(3) }, () => (tape.next(3) === 0 ? deleteOp(tape, m) : putOp(tape, m, eth)));
}

/** The case's graph rows exactly as stored. */
function rows(db: Db, caseId: number): string {
  const dump = (table: string) =>
    db.prepare(`SELECT * FROM ${table} WHERE case_id = ? ORDER BY 2, 3, 4`).raw().all(caseId);
  return JSON.stringify(['graph_nodes', 'graph_edges', 'case_notes'].map(dump));
}

let w: { db: Db; api: Engine; eth: number };
beforeAll(async () => {
  w = await roninWorkspace();
});

it('undoes any sequence of edits exactly, in reverse, and redoes it with the undo of each undo', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat(), { minLength: 50, maxLength: 400 }),
      fc.integer({ min: 1, max: 5 }),
      (values, batches) => {
        const { db, api, eth } = w;
        const tape = new Tape(values);
        const caseId = api.call('case.create', { title: 'Property' }).id;
        const apply = (ops: GraphOp[]) => api.call('graph.apply', { caseId, ops });
        apply(randomBatch(tape, api.call('graph.get', { caseId }), eth));
        const initial = api.call('graph.get', { caseId });
        const initialRows = rows(db, caseId);

        const undos: GraphOp[][] = [];
        for (let i = 0; i < batches; i++)
          undos.push(apply(randomBatch(tape, api.call('graph.get', { caseId }), eth)).undo);
        const final = api.call('graph.get', { caseId });
        const finalRows = rows(db, caseId);

        const redos: GraphOp[][] = [];
        for (const undo of undos.reverse()) if (undo.length > 0) redos.push(apply(undo).undo);
        expect(api.call('graph.get', { caseId })).toEqual(initial);
        expect(rows(db, caseId)).toBe(initialRows);

        for (const redo of redos.reverse()) if (redo.length > 0) apply(redo);
        expect(api.call('graph.get', { caseId })).toEqual(final);
        expect(rows(db, caseId)).toBe(finalRows);
      },
    ),
    { numRuns: 60 },
  );
});
