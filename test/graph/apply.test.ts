import { describe, expect, it } from 'vitest';
import type { Engine } from '../../db/api/engine';
import { ApiError } from '../../db/api/errors';
import { auditForCase } from '../../db/audit';
import type { GraphOp } from '../../db/api/contract';
import type { Db } from '../../db/open';
import { dumpWorkspace } from '../helpers/import-check';
import { B, E, R, roninWorkspace, T } from './fixture';
import { assetId, BTC, EXPLOITER, graphWorkspace } from './helpers';

function refused(db: Db, api: Engine, caseId: number, ops: GraphOp[], message: string | RegExp) {
  const before = dumpWorkspace(db);
  let error: unknown;
  try {
    api.call('graph.apply', { caseId, ops });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe('invalid_input');
  expect((error as ApiError).message).toMatch(message);
  expect(dumpWorkspace(db)).toBe(before);
}

describe('graph.apply', () => {
  it('puts and deletes nodes, groups, edges and notes, answering with what changed and how to undo it', async () => {
    const { api, caseId, eth } = await roninWorkspace();
    const made = api.call('graph.apply', {
      caseId,
      ops: [
        {
          op: 'put',
          nodes: [
            { id: E, parent: 'group:lazarus', position: { x: -0, y: 2.5 }, flags: ['suspect', 'custom flag'] },
            { id: 'group:lazarus', label: 'Lazarus wallets', kind: 'actor', collapsed: true },
            { id: T, color: '#ff8800', note: 'Tornado <script>' },
          ],
          edges: [{ source: E, target: T, assetId: eth }],
          notes: [{ text: 'Funds left the bridge on 2022-03-23.' }],
        },
      ],
    });
    expect(made.nodes.map((n) => n.id).sort()).toEqual([E, T, 'group:lazarus'].sort());
    expect(made.nodes.find((n) => n.id === E)).toMatchObject({ parent: 'group:lazarus', position: { x: 0, y: 2.5 } });
    expect(made.edges.map((e) => e.count)).toEqual([3]);
    expect(made.notes).toEqual([
      {
        id: 1,
        text: 'Funds left the bridge on 2022-03-23.',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    expect(made.undo).toEqual([
      { op: 'delete', nodes: expect.arrayContaining([E, T, 'group:lazarus']), edges: [`${E}>${T}>${eth}`], notes: [1] },
    ]);

    // Deleting the group lets its member go; deleting T takes its edge.
    const after = api.call('graph.apply', { caseId, ops: [{ op: 'delete', nodes: ['group:lazarus', T] }] });
    expect(after.removed).toEqual({ nodes: ['group:lazarus', T], edges: [`${E}>${T}>${eth}`], notes: [] });
    expect(after.nodes.map((n) => [n.id, n.parent])).toEqual([[E, null]]);
    const graph = api.call('graph.get', { caseId });
    expect(graph.nodes.map((n) => n.id)).toEqual([E]);
    expect(graph.edges).toEqual([]);

    // Undo puts back the group, T, the edge and the parent, exactly.
    api.call('graph.apply', { caseId, ops: after.undo });
    const restored = api.call('graph.get', { caseId });
    expect(restored.nodes.map((n) => [n.id, n.parent, n.collapsed, n.note])).toEqual([
      [E, 'group:lazarus', false, ''],
      [T, null, false, 'Tornado <script>'],
      ['group:lazarus', null, true, ''],
    ]);
    expect(restored.edges.map((e) => e.id)).toEqual([`${E}>${T}>${eth}`]);
  });

  it('adds an address it has never seen to the workspace', () => {
    const { db, api, caseId } = graphWorkspace();
    const node = `BTC:${BTC.e}`;
    api.call('graph.apply', { caseId, ops: [{ op: 'put', nodes: [{ id: node }] }] });
    expect(db.prepare('SELECT count(*) FROM addresses WHERE chain = ? AND address = ?').pluck().get('BTC', BTC.e)).toBe(
      1,
    );
    expect(api.call('graph.get', { caseId }).nodes[0]).toMatchObject({ id: node, label: null, kind: 'unknown' });
  });

  it('refuses an edit that breaks a rule, naming the offending id, and writes nothing of it', async () => {
    const { db, api, caseId, eth } = await roninWorkspace();
    const trxUsdt = assetId(db, 'TRX', 'USDT');
    api.call('graph.apply', { caseId, ops: [{ op: 'put', nodes: [{ id: E }, { id: 'group:g', label: 'G' }] }] });
    const lower = `ETH:${EXPLOITER.toLowerCase()}`;
    const ok: GraphOp = { op: 'put', nodes: [{ id: T }, { id: B }] };
    const cases: [GraphOp[], string | RegExp][] = [
      [[ok, { op: 'put', nodes: [{ id: lower }] }], `node ${lower} is not in its normal form: write ${E}`],
      [[ok, { op: 'put', nodes: [{ id: 'ETH:0x1234' }] }], /node ETH:0x1234: /],
      [[ok, { op: 'put', nodes: [{ id: 'group:x' }] }], 'node group:x: a group needs a label'],
      [
        [ok, { op: 'put', nodes: [{ id: 'group:x', label: 'X', parent: 'group:g' }] }],
        'node group:x: a group cannot be inside another group',
      ],
      [
        [ok, { op: 'put', nodes: [{ id: R, parent: 'group:nope' }] }],
        `node ${R}: parent group:nope is not a group of this graph`,
      ],
      [[ok, { op: 'put', nodes: [{ id: R, parent: E }] }], `node ${R}: parent ${E} is not a group`],
      [
        [ok, { op: 'put', edges: [{ source: E, target: R, assetId: eth }] }],
        `edge ${E}>${R}>${eth}: node ${R} is not in the graph`,
      ],
      [
        [ok, { op: 'put', edges: [{ source: E, target: 'group:g', assetId: eth }] }],
        'a group cannot be an end of an edge',
      ],
      [
        [ok, { op: 'put', edges: [{ source: E, target: T, assetId: trxUsdt }] }],
        `asset ${trxUsdt} (USDT) is on TRX, and ${E} is on ETH`,
      ],
      [[ok, { op: 'put', edges: [{ source: E, target: T, assetId: 99999 }] }], 'no asset has id 99999'],
      [[ok, { op: 'put', edges: [{ source: E, target: E, assetId: eth }] }], 'an edge joins two different addresses'],
      [[ok, { op: 'delete', nodes: [R] }], `node ${R} is not in the graph`],
      [[ok, { op: 'delete', edges: [`${E}>${T}>${eth}`] }], `edge ${E}>${T}>${eth} is not in the graph`],
      [[ok, { op: 'delete', edges: ['nonsense'] }], 'edge id nonsense: write SOURCE>TARGET>ASSET_ID'],
      [[ok, { op: 'delete', notes: [42] }], 'note 42 is not a note of this case'],
      // The edge is fine when put, but its end is deleted later in the same edit… and the edge goes with it.
      [
        [
          ok,
          { op: 'put', edges: [{ source: E, target: T, assetId: eth }] },
          { op: 'delete', edges: [`${E}>${T}>${eth}`] },
          { op: 'delete', nodes: [T] },
          { op: 'delete', edges: [`${E}>${T}>${eth}`] },
        ],
        `edge ${E}>${T}>${eth} is not in the graph`,
      ],
    ];
    for (const [ops, message] of cases) refused(db, api, caseId, ops, message);

    const other = api.call('case.create', { title: 'Other' }).id;
    const note = api.call('graph.apply', { caseId: other, ops: [{ op: 'put', notes: [{ text: 'theirs' }] }] }).notes[0];
    refused(
      db,
      api,
      caseId,
      [{ op: 'put', notes: [{ id: note?.id, text: 'mine' }] }],
      `note ${note?.id} belongs to another case`,
    );
    refused(db, api, caseId, [{ op: 'delete', notes: [note?.id ?? 0] }], `is not a note of this case`);
    expect(() => api.call('graph.apply', { caseId: 999, ops: [ok] })).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'case 999 does not exist' }),
    );
    expect(() => api.call('graph.get', { caseId: 999 })).toThrow('case 999 does not exist');
  });

  it('keeps note ids and times through delete and undo, and stamps an edit', () => {
    const { api, caseId } = graphWorkspace();
    const { notes } = api.call('graph.apply', { caseId, ops: [{ op: 'put', notes: [{ text: 'first' }] }] });
    const note = notes[0];
    expect(note?.createdAt).toBe(note?.updatedAt);
    const edited = api.call('graph.apply', { caseId, ops: [{ op: 'put', notes: [{ id: note?.id, text: 'edited' }] }] });
    expect(edited.notes[0]).toMatchObject({ id: note?.id, text: 'edited', createdAt: note?.createdAt });
    expect(edited.notes[0]?.updatedAt).not.toBe(note?.updatedAt);
    const unchanged = api.call('graph.apply', {
      caseId,
      ops: [{ op: 'put', notes: [{ id: note?.id, text: 'edited' }] }],
    });
    expect(unchanged).toMatchObject({ notes: [], undo: [] });
    const gone = api.call('graph.apply', { caseId, ops: [{ op: 'delete', notes: [note?.id ?? 0] }] });
    expect(gone.removed.notes).toEqual([note?.id]);
    const back = api.call('graph.apply', { caseId, ops: gone.undo });
    expect(back.notes).toEqual(edited.notes);
    expect(api.call('graph.get', { caseId }).notes).toEqual(edited.notes);
  });

  it('logs each edit once in the audit log, but not a move', async () => {
    const { db, api, caseId } = await roninWorkspace();
    const logged = () => auditForCase(db, caseId).filter((a) => a.action === 'graph.edited');
    api.call('graph.apply', {
      caseId,
      ops: [
        { op: 'put', nodes: [{ id: E }, { id: T }] },
        { op: 'put', notes: [{ text: 'n' }] },
      ],
    });
    expect(logged()).toHaveLength(1);
    expect(logged()[0]?.detail).toMatchObject({ changed: { nodes: { count: 2 }, notes: { count: 1, ids: [1] } } });
    api.call('graph.apply', { caseId, ops: [{ op: 'put', nodes: [{ id: E, position: { x: 1, y: 2 } }] }] });
    api.call('graph.apply', { caseId, ops: [{ op: 'put', nodes: [{ id: E, position: { x: 3, y: 4 } }] }] });
    expect(logged()).toHaveLength(1);
    api.call('graph.apply', { caseId, ops: [{ op: 'delete', nodes: [T] }] });
    expect(logged()).toHaveLength(2);
    expect(logged()[1]?.detail).toMatchObject({ removed: { nodes: { count: 1, ids: [T] } } });
  });

  it('goes with its case: deleting a case removes its graph', async () => {
    const { db, api, caseId, eth } = await roninWorkspace();
    const other = api.call('case.create', { title: 'Other' }).id;
    const edit: GraphOp[] = [
      {
        op: 'put',
        nodes: [{ id: E, parent: 'group:g' }, { id: T }, { id: 'group:g', label: 'G' }],
        edges: [{ source: E, target: T, assetId: eth }],
        notes: [{ text: 'n' }],
      },
    ];
    api.call('graph.apply', { caseId, ops: edit });
    api.call('graph.apply', { caseId: other, ops: edit });
    api.call('case.delete', { id: caseId });
    const count = (table: string) => db.prepare(`SELECT case_id, count(*) FROM ${table} GROUP BY case_id`).raw().all();
    expect(count('graph_nodes')).toEqual([[other, 3]]);
    expect(count('graph_edges')).toEqual([[other, 1]]);
    expect(count('case_notes')).toEqual([[other, 1]]);
  });
});
