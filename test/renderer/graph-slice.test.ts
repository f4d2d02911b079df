/**
 * The graph slice against a small in-memory stand-in for the engine's graph calls: edits go through
 * graph.apply, the answers update the store, undo and redo stacks hold the engine's undo ops, and the pure
 * rules (changes, filters, scene, placement, amounts) behave.
 */
import { describe, expect, it } from 'vitest';
import type {
  CaseNote,
  Client,
  GraphChange,
  GraphEdge,
  GraphNode,
  GraphOp,
  Input,
  NodeRecord,
} from '../../db/api/contract';
import { buildScene } from '../../renderer/src/graph/elements';
import { formatUnits, formatUnitsShort, formatUsd, toBaseUnits } from '../../renderer/src/lib/format';
import {
  applyChange,
  dimmedIds,
  edgeWidth,
  fromCaseGraph,
  groupIdFor,
  placeBeside,
  searchGraph,
  shortAddress,
} from '../../renderer/src/lib/graphModel';
import { createAppStore } from '../../renderer/src/store';

const A = 'ETH:0x1111111111111111111111111111111111111111';
const B = 'ETH:0x2222222222222222222222222222222222222222';
const C = 'ETH:0x3333333333333333333333333333333333333333';
const ASSET = { id: 1, chain: 'ETH', symbol: 'ETH', decimals: 18 };

function node(record: NodeRecord): GraphNode {
  const group = record.id.startsWith('group:');
  return {
    id: record.id,
    type: group ? 'group' : 'address',
    address: group ? null : record.id,
    chain: group ? null : 'ETH',
    label: record.label ?? null,
    kind: record.kind ?? 'unknown',
    entity: null,
    confidenceLevel: null,
    sanctioned: false,
    parent: record.parent ?? null,
    position: record.position ?? null,
    pinned: record.pinned ?? false,
    hidden: record.hidden ?? false,
    collapsed: record.collapsed ?? false,
    color: record.color ?? null,
    flags: record.flags ?? [],
    note: record.note ?? '',
  };
}

function edge(
  source: string,
  target: string,
  total = '1000000000000000000',
  first = '2022-03-23T00:00:00.000Z',
): GraphEdge {
  return {
    id: `${source}>${target}>1`,
    source,
    target,
    asset: ASSET,
    total,
    usd: null,
    usdComplete: false,
    count: 1,
    first,
    last: first,
    hidden: false,
    color: null,
    flags: [],
    note: '',
  };
}

/** Just enough of graph.get and graph.apply: records in full, and the ops that put things back. */
function fakeGraphApi() {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const notes = new Map<number, CaseNote>();
  let nextNote = 1;
  const calls: Input<'graph.apply'>[] = [];

  function toRecord(n: GraphNode): NodeRecord {
    return { ...n, label: n.type === 'group' ? n.label : null, kind: n.type === 'group' ? n.kind : null };
  }

  function apply(ops: GraphOp[]): GraphChange {
    const change: GraphChange = {
      nodes: [],
      edges: [],
      notes: [],
      removed: { nodes: [], edges: [], notes: [] },
      undo: [],
    };
    const undo: GraphOp[] = [];
    for (const op of ops) {
      if (op.op === 'put') {
        const restore: NodeRecord[] = [];
        const drop: string[] = [];
        for (const record of op.nodes ?? []) {
          const before = nodes.get(record.id);
          if (before) restore.push(toRecord(before));
          else drop.push(record.id);
          const after = node(record);
          nodes.set(record.id, after);
          change.nodes.push(after);
        }
        const dropEdges: string[] = [];
        for (const record of op.edges ?? []) {
          const e = { ...edge(record.source, record.target), note: record.note ?? '', flags: record.flags ?? [] };
          if (!edges.has(e.id)) dropEdges.push(e.id);
          edges.set(e.id, e);
          change.edges.push(e);
        }
        const dropNotes: number[] = [];
        for (const record of op.notes ?? []) {
          const id = record.id ?? nextNote++;
          if (!notes.has(id)) dropNotes.push(id);
          const n = { id, text: record.text, createdAt: `2026-01-0${id}`, updatedAt: `2026-01-0${id}` };
          notes.set(id, n);
          change.notes.push(n);
        }
        undo.unshift({ op: 'delete', nodes: drop, edges: dropEdges, notes: dropNotes }, { op: 'put', nodes: restore });
      } else {
        const restore: NodeRecord[] = [];
        for (const id of op.nodes ?? []) {
          const before = nodes.get(id);
          if (before) restore.push(toRecord(before));
          nodes.delete(id);
          change.removed.nodes.push(id);
        }
        const restoreNotes = (op.notes ?? []).flatMap((id) => {
          const before = notes.get(id);
          notes.delete(id);
          change.removed.notes.push(id);
          return before ? [{ id, text: before.text }] : [];
        });
        undo.unshift({ op: 'put', nodes: restore, notes: restoreNotes });
      }
    }
    change.undo = undo;
    return change;
  }

  const api = {
    'graph.get': async ({ caseId }: Input<'graph.get'>) => ({
      caseId,
      nodes: [...nodes.values()],
      edges: [...edges.values()],
      notes: [...notes.values()],
    }),
    // A flows from A to B, for joining addresses added together.
    'graph.neighbours': async ({ address }: Input<'graph.neighbours'>) => ({
      total: 1,
      rows:
        address === A || address === B
          ? [
              {
                address: address === A ? B : A,
                label: null,
                kind: 'unknown',
                direction: address === A ? 'out' : 'in',
                asset: ASSET,
                total: '1',
                usd: null,
                count: 1,
                first: '2022-01-01',
                last: '2022-01-01',
                inGraph: false,
              },
            ]
          : [],
    }),
    'graph.apply': async (input: Input<'graph.apply'>) => {
      calls.push(input);
      return apply(input.ops);
    },
  } as unknown as Client;
  return { api, nodes, calls };
}

async function graphStore() {
  const fake = fakeGraphApi();
  const store = createAppStore(fake.api, {} as never);
  await store.getState().loadGraph(7);
  return { store, ...fake };
}

describe('the graph slice', () => {
  it('applies edits through graph.apply, and undoes and redoes them with the returned ops', async () => {
    const { store, nodes } = await graphStore();
    const s = () => store.getState();
    expect(await s().addAddressesToGraph([A, B])).toBe(2);
    expect(Object.keys(s().graph?.nodes ?? {}).sort()).toEqual([A, B]);
    expect(s().graph?.nodes[A]?.position).not.toBeNull();
    // Added together, they come with the flow between them.
    expect(Object.keys(s().graph?.edges ?? {})).toEqual([`${A}>${B}>1`]);
    expect(s().graphUndo).toHaveLength(1);

    await s().annotateNode(A, { note: 'first hop', flags: ['suspect'], color: '#f5c518' });
    expect(s().graph?.nodes[A]).toMatchObject({ note: 'first hop', flags: ['suspect'], color: '#f5c518' });
    expect(s().graphUndo).toHaveLength(2);

    await s().undoGraph();
    expect(s().graph?.nodes[A]).toMatchObject({ note: '', flags: [], color: null });
    expect(s().graphUndo).toHaveLength(1);
    expect(s().graphRedo).toHaveLength(1);

    await s().redoGraph();
    expect(s().graph?.nodes[A]?.note).toBe('first hop');
    expect(s().graphRedo).toHaveLength(0);

    await s().undoGraph();
    await s().undoGraph();
    expect(s().graph?.nodes).toEqual({});
    expect(nodes.size).toBe(0);
    await s().redoGraph();
    expect(Object.keys(s().graph?.nodes ?? {}).sort()).toEqual([A, B]);

    // A new edit after an undo forgets what could have been redone.
    await s().undoGraph();
    await s().addAddressesToGraph([C]);
    expect(s().graphRedo).toHaveLength(0);
  });

  it('undoes the edit just asked for, even before its answer came; a second Delete removes nothing again', async () => {
    const { store } = await graphStore();
    const s = () => store.getState();
    await s().addAddressesToGraph([A, B]);
    await s().annotateNode(A, { note: 'kept' });
    s().selectGraph({ nodes: [B], edges: [] });
    // Delete, Delete and undo pressed in a row, none waiting for the one before.
    const removed = s().removeFromGraph(s().graphSelection);
    const again = s().removeFromGraph(s().graphSelection);
    const undone = s().undoGraph();
    await Promise.all([removed, again, undone]);
    expect(Object.keys(s().graph?.nodes ?? {}).sort()).toEqual([A, B]);
    expect(s().graph?.nodes[A]?.note).toBe('kept');
    expect(s().toasts.filter((t) => t.kind === 'error')).toEqual([]);
  });

  it('groups, collapses, hides and shows again, and keeps case notes', async () => {
    const { store } = await graphStore();
    const s = () => store.getState();
    await s().addAddressesToGraph([A, B, C]);
    const group = await s().groupNodes([A, B], 'Lazarus hot wallets', 'actor');
    expect(group).toBe('group:Lazarus-hot-wallets');
    expect(s().graph?.nodes[A]?.parent).toBe(group);
    await s().setCollapsed(group ?? '', true);
    expect(s().graph?.nodes[group ?? '']).toMatchObject({
      collapsed: true,
      kind: 'actor',
      label: 'Lazarus hot wallets',
    });
    expect(s().graph?.nodes[group ?? '']?.position).not.toBeNull();

    await s().setHidden([C], true);
    expect(s().graph?.nodes[C]?.hidden).toBe(true);
    await s().showAllHidden();
    expect(s().graph?.nodes[C]?.hidden).toBe(false);

    await s().addCaseNote('Funds reached a mixer on day two.');
    const note = s().graph?.notes[0];
    expect(note?.text).toBe('Funds reached a mixer on day two.');
    await s().editCaseNote(note?.id ?? 0, 'Funds reached a mixer on day three.');
    expect(s().graph?.notes.map((n) => n.text)).toEqual(['Funds reached a mixer on day three.']);
    await s().deleteCaseNote(note?.id ?? 0);
    expect(s().graph?.notes).toEqual([]);
    await s().undoGraph();
    expect(s().graph?.notes.map((n) => n.text)).toEqual(['Funds reached a mixer on day three.']);
  });

  it('builds each edit from what the edits before it left, so quick clicks never undo each other', async () => {
    const { store } = await graphStore();
    const s = () => store.getState();
    await s().addAddressesToGraph([A]);
    await Promise.all([
      s().annotateNode(A, { color: '#f5c518' }),
      s().annotateNode(A, { flags: ['cash-out'] }),
      s().annotateNode(A, { note: 'deposit' }),
    ]);
    expect(s().graph?.nodes[A]).toMatchObject({ color: '#f5c518', flags: ['cash-out'], note: 'deposit' });
    expect(s().graphUndo).toHaveLength(4);
  });

  it('saves only positions that moved, in one put', async () => {
    const { store, calls } = await graphStore();
    const s = () => store.getState();
    await s().addAddressesToGraph([A, B]);
    const before = s().graph?.nodes[B]?.position;
    calls.length = 0;
    await s().savePositions({ [A]: { x: 500.04, y: -20 }, [B]: before ?? { x: 0, y: 0 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.ops).toEqual([
      { op: 'put', nodes: [expect.objectContaining({ id: A, position: { x: 500, y: -20 } })] },
    ]);
  });

  it('finds nodes and edges by address, label, note or flag, and selects them', async () => {
    const { store } = await graphStore();
    const s = () => store.getState();
    await s().addAddressesToGraph([A, B]);
    await s().annotateNode(B, { flags: ['cash-out'] });
    s().setGraphSearch('CASH-out');
    expect(s().runGraphSearch()).toBe(1);
    expect(s().graphSelection.nodes).toEqual([B]);
    expect(s().graphFocus?.ids).toEqual([B]);
    const graph = s().graph;
    if (!graph) throw new Error('no graph');
    expect(searchGraph(graph, '0x1111').nodes).toEqual([A]);
  });
});

describe('graph rules', () => {
  const base = fromCaseGraph({
    caseId: 1,
    nodes: [
      node({ id: A }),
      node({ id: B, parent: 'group:g' }),
      node({ id: C, parent: 'group:g' }),
      node({ id: 'group:g', collapsed: true }),
    ],
    edges: [edge(A, B, '5000000000000000000', '2022-01-01T00:00:00.000Z'), edge(B, C, '1', '2023-06-01T00:00:00.000Z')],
    notes: [],
  });

  it('draws the edges of a collapsed group to the group, and leaves out its members', () => {
    const scene = buildScene(base, { dimmed: new Set(), path: null });
    expect(scene.nodes.map((n) => n.id).sort()).toEqual([A, 'group:g']);
    expect(scene.edges.map((e) => [e.source, e.target])).toEqual([[A, 'group:g']]);
    expect(scene.edges[0]?.data.label).toBe('5 ETH');
  });

  it('dims what a filter leaves out instead of removing it', () => {
    const dimmed = dimmedIds(base, { assetId: null, from: '2023-01-01T00:00:00.000Z', to: null });
    expect(dimmed.has(edge(A, B).id)).toBe(true);
    expect(dimmed.has(edge(B, C).id)).toBe(false);
    expect(dimmed.has(A)).toBe(true);
    expect(dimmed.has(B)).toBe(false);
    expect(dimmedIds(base, { assetId: 1, from: null, to: null }).size).toBe(0);
    expect(dimmedIds(base, { assetId: 2, from: null, to: null }).has(C)).toBe(true);
  });

  it('applies a change: replaced records, removed ones and their edges, notes in order', () => {
    const next = applyChange(base, {
      nodes: [{ ...node({ id: A }), note: 'x' }],
      edges: [],
      notes: [{ id: 3, text: 'n', createdAt: '2026-01-01', updatedAt: '2026-01-01' }],
      removed: { nodes: [C], edges: [], notes: [] },
      undo: [],
    });
    expect(next.nodes[A]?.note).toBe('x');
    expect(next.nodes[C]).toBeUndefined();
    expect(Object.keys(next.edges)).toEqual([edge(A, B).id]);
    expect(next.notes.map((n) => n.id)).toEqual([3]);
    expect(base.nodes[A]?.note).toBe('');
  });

  it('places new nodes beside their anchor without covering others', () => {
    const right = placeBeside({ x: 0, y: 0 }, 'right', 3, [{ x: 220, y: 0 }]);
    expect(right.every((p) => p.x > 220)).toBe(true);
    expect(new Set(right.map((p) => p.y)).size).toBe(3);
    const left = placeBeside({ x: 0, y: 0 }, 'left', 1, []);
    expect(left[0]?.x).toBeLessThan(0);
  });

  it('scales edge width by value on a log scale, and names things briefly', () => {
    const small = edgeWidth(edge(A, B, '1000000000000000'));
    const large = edgeWidth(edge(A, B, '173600000000000000000000'));
    expect(small).toBeGreaterThanOrEqual(1);
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThanOrEqual(10);
    expect(edgeWidth({ ...edge(A, B), usd: '10000000.00' })).toBe(10);
    expect(shortAddress(A)).toBe('0x1111…1111');
    expect(groupIdFor('Lazarus <img>', (id) => id === 'group:Lazarus-img')).toBe('group:Lazarus-img-2');
  });

  it('formats base units exactly, long and short', () => {
    expect(formatUnits('173600000000000000000000', 18)).toBe('173,600');
    expect(formatUnits('25500000000000', 6)).toBe('25,500,000');
    expect(formatUnits('123456789012345678901234567890', 18, 4)).toBe('≈123,456,789,012.3456');
    expect(formatUnitsShort('173600000000000000000000', 18)).toBe('173K');
    expect(formatUnitsShort('1500000', 8)).toBe('0.015');
    expect(formatUnitsShort('0', 8)).toBe('0');
    expect(formatUsd('1234567.5')).toBe('$1,234,567.50');
    expect(toBaseUnits('1.5', 18)).toBe('1500000000000000000');
    expect(toBaseUnits('abc', 18)).toBeNull();
  });
});

describe('the scene the canvas draws', () => {
  it('marks sanctioned, annotated, highlighted, pinned and path elements, and keeps labels as plain text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const graph = fromCaseGraph({
      caseId: 1,
      nodes: [
        {
          ...node({ id: A, note: 'seen', color: '#f5c518', pinned: true }),
          sanctioned: true,
          kind: 'actor',
          label: markup,
        },
        node({ id: B, flags: ['suspect'] }),
        node({ id: C, hidden: true }),
      ],
      edges: [edge(A, B), edge(B, C)],
      notes: [],
    });
    const scene = buildScene(graph, {
      dimmed: new Set([B]),
      path: { nodes: new Set([A, B]), hops: new Map([[edge(A, B).id, 1]]) },
    });
    const a = scene.nodes.find((n) => n.id === A);
    expect(a?.classes.split(' ').sort()).toEqual([
      'address',
      'annotated',
      'highlighted',
      'on-path',
      'pinned',
      'sanctioned',
    ]);
    expect(a?.data).toMatchObject({ label: `${markup}\npinned`, shape: 'diamond', borderWidth: 7 });
    const b = scene.nodes.find((n) => n.id === B);
    expect(b?.classes).toContain('dimmed');
    expect(b?.data.label).toBe('0x2222…2222\n⚑ suspect');
    // A hidden node is not drawn, nor its edges.
    expect(scene.nodes.map((n) => n.id)).not.toContain(C);
    expect(scene.edges.map((e) => e.id)).toEqual([edge(A, B).id]);
    expect(scene.edges[0]?.data.hop).toBe('hop 1: 1 ETH');
  });
});
