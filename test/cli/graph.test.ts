import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { openDb } from '../../db/open';
import { cli } from '../helpers/cli';
import { EXPLOITER, TORNADO, writeFile } from '../helpers/import-check';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

const E = `ETH:${EXPLOITER}`;
const T = `ETH:${TORNADO}`;

async function workspaceWithGraph(): Promise<string> {
  const file = tempWorkspace();
  await cli(['--db', file, 'case', 'create', '--title', 'Ronin']);
  const transfers = writeFile(
    'transfers.csv',
    [
      'chain,tx_hash,index,time,from,to,asset,amount',
      `ETH,0x${'1'.repeat(64)},0,2022-03-29T10:00:00Z,${EXPLOITER},${TORNADO},ETH,1500000000000000000`,
      `ETH,0x${'2'.repeat(64)},0,2022-03-30T10:00:00Z,${EXPLOITER},${TORNADO},ETH,100`,
    ].join('\n'),
  );
  const prices = writeFile('prices.csv', 'asset,date,usd\nETH,2022-03-29,3401.99\n');
  expect((await cli(['--db', file, 'import', transfers, prices])).code).toBe(0);
  const { db } = openDb(file);
  const api = createEngine(db, { now: steppingClock() });
  const eth = db.prepare("SELECT id FROM assets WHERE chain = 'ETH' AND contract = ''").pluck().get() as number;
  api.call('graph.apply', {
    caseId: 1,
    ops: [
      {
        op: 'put',
        nodes: [
          { id: E, parent: 'group:thief', flags: ['suspect'] },
          { id: T, note: 'mixer \u001b[31mred' },
          { id: 'group:thief', label: 'Thief', kind: 'actor' },
        ],
        edges: [{ source: E, target: T, assetId: eth }],
        notes: [{ text: 'Seen on 2022-03-29' }],
      },
    ],
  });
  db.close();
  return file;
}

describe('ariadne graph show', () => {
  it('prints the case graph as JSON, exactly what graph.get answers', async () => {
    const file = await workspaceWithGraph();
    const shown = await cli(['--db', file, 'graph', 'show', '--case', '1', '--json']);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    const graph = JSON.parse(shown.stdout);
    expect(graph.caseId).toBe(1);
    expect(graph.nodes.map((n: { id: string }) => n.id)).toEqual([E, T, 'group:thief']);
    expect(graph.edges[0]).toMatchObject({
      total: '1500000000000000100',
      usd: '5102.99',
      usdComplete: false,
      count: 2,
    });
  });

  it('prints a readable summary, with untrusted text made harmless', async () => {
    const file = await workspaceWithGraph();
    const shown = await cli(['--db', file, 'graph', 'show', '--case', '1']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Case 1: 3 nodes (1 group), 1 edge, 1 note\n');
    expect(shown.stdout).toContain(`  ${E} (unknown); in group:thief; flags suspect\n`);
    expect(shown.stdout).toContain('note: mixer \\u001b[31mred');
    expect(shown.stdout).toContain('  group:thief "Thief" (group of actor)\n');
    expect(shown.stdout).toContain(
      `  ${E} -> ${T}: 1.5000000000000001 ETH, $5102.99 (priced in part), 2 transfers, 2022-03-29T10:00:00.000Z to 2022-03-30T10:00:00.000Z\n`,
    );
    expect(shown.stdout).toMatch(/ {2}#1 \S+: Seen on 2022-03-29\n$/);
  });

  it.each([
    [['graph', 'show'], 2, 'ariadne: graph show needs --case ID (see ariadne --help)\n'],
    [
      ['graph', 'show', '--case', 'x'],
      2,
      'ariadne: case ID must be a positive whole number, not "x" (see ariadne --help)\n',
    ],
    [['graph', 'show', '--case', '9'], 1, 'ariadne: case 9 does not exist\n'],
  ])('refuses %j', async (args, code, stderr) => {
    const file = await workspaceWithGraph();
    expect(await cli(['--db', file, ...args])).toEqual({ code, stdout: '', stderr });
  });
});
