import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, TEST_VERSION } from '../helpers/cli';

const addr = (digit: string) => `0x${digit.repeat(40)}`;
const VICTIM = addr('1');
const THIEF = addr('2');
const MIXER = addr('3');
const EXCHANGE = addr('4');
const CLEAN = addr('5');
const WALLET = addr('6');
const tx = (n: number) => `0x${'a'.repeat(63)}${n}`;

/**
 * The theft (100) reaches the thief, who merges it into a wallet that already holds 100 clean coins; that
 * wallet pays 50 to an exchange deposit address and 150 to a private wallet.
 *   haircut: the mixer's balance is half tainted, so the exchange gets 25 and the wallet 75;
 *   FIFO: the clean 100 arrived first, so the exchange gets 0 and the wallet 50 clean + 100 tainted;
 *   poison: everything leaving the mixer is tainted: 50 and 150.
 */
const TRANSFERS = [
  'chain,tx_hash,index,time,from,to,asset,amount',
  `ETH,${tx(1)},0,1000,${VICTIM},${THIEF},ETH,100`,
  `ETH,${tx(2)},0,1100,${CLEAN},${MIXER},ETH,100`,
  `ETH,${tx(3)},0,1200,${THIEF},${MIXER},ETH,100`,
  `ETH,${tx(4)},0,1300,${MIXER},${EXCHANGE},ETH,50`,
  `ETH,${tx(5)},0,1400,${MIXER},${WALLET},ETH,150`,
].join('\n');

const ACTORS = [
  'title: Exchanges',
  'creator: test',
  'actors:',
  '- id: bitbank',
  '  label: Bitbank',
  '  uri: https://bitbank.cc',
  '  lastmod: 2024-01-01',
  '  categories: [exchange]',
  '  jurisdictions: [JP]',
  '',
].join('\n');

const TAGS = [
  'title: Deposit addresses',
  'creator: test',
  'currency: ETH',
  'confidence: service_data',
  'source: exchange reply to a request',
  'tags:',
  `- address: '${EXCHANGE}'`,
  '  label: Bitbank deposit',
  '  category: exchange',
  '  actor: bitbank',
  '',
].join('\n');

let db: string;
// One workspace for the whole file (the per-test temp helpers clean up after each test).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-trace-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  db = path.join(dir, 'w.db');
  const files = { 'transfers.csv': TRANSFERS, 'actors.yaml': ACTORS, 'tags.yaml': TAGS };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const imported = await cli(['--db', db, 'import', ...Object.keys(files).map((f) => path.join(dir, f)), '--json']);
  expect(JSON.parse(imported.stdout)).toMatchObject({ inserted: 7, rejected: 0 });
});

async function traceJson(...args: string[]) {
  const result = await cli([
    '--db',
    db,
    'trace',
    '--tx',
    `ETH:${tx(1)}`,
    '--hops',
    '6',
    '--stop-at',
    'exchange',
    '--json',
    ...args,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const normal = (a: string) => a.toLowerCase();

describe('ariadne trace', () => {
  it('haircut: the exchange receives its share of the mixed balance, endpoint by entity and jurisdiction', async () => {
    const r = await traceJson('--method', 'haircut');
    expect(r).toMatchObject({ method: 'haircut', direction: 'forward', seeds: [`ETH:${tx(1)}`] });
    expect(r.endpoints).toEqual([
      {
        entity: 'Bitbank',
        jurisdiction: 'JP',
        kind: 'exchange',
        asset: 'ETH',
        tainted: '25',
        usd: null,
        addresses: [expect.any(String)],
        paths: [expect.any(Object)],
      },
    ]);
    // The one path: thief → mixer (100 tainted) → exchange (25): its bottleneck is 25.
    expect(r.endpoints[0].paths[0]).toMatchObject({
      taint: '25',
      hops: [
        { tx: tx(3), amount: '100' },
        { tx: tx(4), amount: '25' },
      ],
    });
    expect(normal(r.endpoints[0].paths[0].hops[0].from)).toBe(`eth:${THIEF}`);
    expect(r.totalsByJurisdiction).toEqual([
      { jurisdiction: 'JP', amounts: [{ asset: 'ETH', tainted: '25' }], usd: null },
    ]);
    expect(r.totalsByEntity).toEqual([
      { entity: 'Bitbank', jurisdiction: 'JP', amounts: [{ asset: 'ETH', tainted: '25' }], usd: null },
    ]);
    expect(normal(r.endpoints[0].addresses[0])).toBe(`eth:${EXCHANGE}`);
    const byAddress = Object.fromEntries(r.addresses.map((a: { address: string }) => [normal(a.address), a])) as Record<
      string,
      { tainted: string; share: string; hops: number }
    >;
    expect(byAddress[`eth:${THIEF}`]).toMatchObject({ tainted: '100', share: '1.000000', hops: 0 });
    expect(byAddress[`eth:${MIXER}`]).toMatchObject({ tainted: '100', share: '0.500000', hops: 1 });
    expect(byAddress[`eth:${WALLET}`]).toMatchObject({ tainted: '75', share: '0.500000', hops: 2 });
    expect(r.unaccounted).toEqual([
      { asset: 'ETH', remaining: '75', beyondHops: '0', belowMinimum: '0', excluded: '0', fees: '0', unaddressed: '0' },
    ]);
    expect(r.totals).toEqual([{ asset: 'ETH', seeded: '100', endpoints: '25', roundedOutflows: 0 }]);
    // Every hop taint made, for the graph's edges: the mixer's 100 tainted coins leave as 25 + 75.
    const edges = r.edges.map((e: { from: string; to: string; tainted: string; transfers: number }) => [
      normal(e.from),
      normal(e.to),
      e.tainted,
      e.transfers,
    ]);
    expect(edges).toEqual([
      [`eth:${THIEF}`, `eth:${MIXER}`, '100', 1],
      [`eth:${MIXER}`, `eth:${EXCHANGE}`, '25', 1],
      [`eth:${MIXER}`, `eth:${WALLET}`, '75', 1],
    ]);
  });

  it('FIFO: the clean coins that arrived first leave first', async () => {
    const r = await traceJson('--method', 'fifo');
    expect(r.endpoints).toEqual([]);
    const wallet = r.addresses.find((a: { address: string }) => normal(a.address) === `eth:${WALLET}`);
    // 50 clean + 100 tainted of its 150 inflow.
    expect(wallet).toMatchObject({ tainted: '100', share: '0.666666' });
  });

  it('poison: everything leaving a tainted address is tainted', async () => {
    const r = await traceJson('--method', 'poison');
    expect(r.endpoints[0]).toMatchObject({ entity: 'Bitbank', tainted: '50' });
  });

  it('stops at the hop limit and reports what went beyond it', async () => {
    const tainted = (r: { addresses: { address: string }[] }) => r.addresses.map((a) => normal(a.address)).sort();
    // One hop: the mixer is reached; what it sends is beyond the limit.
    const r1 = await traceJson('--method', 'haircut', '--hops', '1');
    expect(r1.endpoints).toEqual([]);
    expect(tainted(r1)).toEqual([`eth:${THIEF}`, `eth:${MIXER}`]);
    expect(r1.unaccounted[0]).toMatchObject({ remaining: '0', beyondHops: '100' });
    // No hops: the taint stops at the thief's first outflow.
    const r0 = await traceJson('--method', 'haircut', '--hops', '0');
    expect(tainted(r0)).toEqual([`eth:${THIEF}`]);
    expect(r0.unaccounted[0]).toMatchObject({ remaining: '0', beyondHops: '100' });
  });

  it('seeds by address and time, prints a readable summary, and refuses what it cannot trace', async () => {
    const human = await cli([
      '--db',
      db,
      'trace',
      '--seed',
      `ETH:${THIEF}@1970-01-01T00:16:00Z`,
      '--method',
      'haircut',
      '--hops',
      '6',
      '--stop-at',
      'exchange',
    ]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('haircut trace, forward, 6 hops');
    expect(human.stdout).toContain('ETH: seeded 100, at endpoints 25, still in wallets 75');
    expect(human.stdout).toContain('  Bitbank [JP]: 25 ETH');

    const unknown = await cli(['--db', db, 'trace', '--seed', `ETH:${addr('9')}`, '--method', 'fifo', '--hops', '2']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^ariadne: trace.run: seed ETH:0x9+ is not in the workspace\n$/i);
    const backward = await cli([
      '--db',
      db,
      'trace',
      '--tx',
      `ETH:${tx(1)}`,
      '--method',
      'fifo',
      '--hops',
      '2',
      '--direction',
      'backward',
    ]);
    expect(backward.stderr).toBe('');
    expect(backward.code).toBe(0);
    expect((await cli(['--db', db, 'trace', '--method', 'fifo', '--hops', '2'])).code).toBe(2);
  });

  it('backward: where the wallet’s coins came from, by method', async () => {
    const back = async (method: string, ...extra: string[]) => {
      const result = await cli([
        '--db',
        db,
        'trace',
        '--seed',
        `ETH:${WALLET}`,
        '--direction',
        'backward',
        '--method',
        method,
        '--hops',
        '6',
        '--json',
        ...extra,
      ]);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout);
    };
    const tainted = (r: { addresses: { address: string; tainted: string; hops: number }[] }) =>
      Object.fromEntries(r.addresses.map((a) => [normal(a.address), [a.tainted, a.hops]]));
    // Haircut: the mixer's 200 were half clean, half the thief's; after its 50 to the exchange (25 each) it paid
    // the wallet 150: 75 clean (unknown origin at CLEAN) and 75 the thief's, which were the victim's.
    const haircut = await back('haircut');
    expect(haircut).toMatchObject({ method: 'haircut', direction: 'backward', model: 'account' });
    expect(tainted(haircut)).toEqual({
      [`eth:${WALLET}`]: ['150', 0],
      [`eth:${MIXER}`]: ['150', 1],
      [`eth:${CLEAN}`]: ['75', 2],
      [`eth:${THIEF}`]: ['75', 2],
      [`eth:${VICTIM}`]: ['75', 3],
    });
    expect(haircut.unaccounted[0]).toMatchObject({ remaining: '150' });
    // FIFO: the exchange took the first 50 clean coins; the wallet got the other 50 clean and the thief's 100.
    const fifo = await back('fifo');
    expect(tainted(fifo)).toMatchObject({ [`eth:${CLEAN}`]: ['50', 2], [`eth:${VICTIM}`]: ['100', 3] });
    // Excluding the clean source leaves its part unaccounted.
    const excluded = await back('haircut', '--exclude', `ETH:${CLEAN}`);
    expect(excluded.unaccounted[0]).toMatchObject({ remaining: '75', excluded: '75' });
    expect(excluded.parameters.exclude).toEqual([`ETH:${CLEAN}`]);
    // Poison: every earlier inflow of every address on the way.
    expect(Object.keys(tainted(await back('poison'))).sort()).toEqual(
      [CLEAN, MIXER, THIEF, VICTIM, WALLET].map((a) => `eth:${a}`).sort(),
    );
  });

  it('stores a trace in a case, lists and shows it, and a re-run is identical byte for byte', async () => {
    const made = await cli(['--db', db, 'case', 'create', '--title', 'Theft', '--json']);
    const caseId = String(JSON.parse(made.stdout).id);
    const saved = await traceJson('--method', 'haircut', '--case', caseId, '--save');
    expect(saved.id).toEqual(expect.any(Number));
    const listed = JSON.parse((await cli(['--db', db, 'trace', 'list', '--case', caseId, '--json'])).stdout);
    expect(listed).toEqual([
      expect.objectContaining({ id: saved.id, caseId: Number(caseId), method: 'haircut', appVersion: TEST_VERSION }),
    ]);
    expect(listed[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // Each CLI run opens the workspace anew, so the stored trace survived a reopen.
    const shown = JSON.parse((await cli(['--db', db, 'trace', 'show', String(saved.id), '--json'])).stdout);
    expect(shown.report).toEqual(saved);
    expect(shown.parameters).toMatchObject({
      method: 'haircut',
      hops: 6,
      stopAt: ['exchange'],
      caseId: Number(caseId),
    });
    const rerun = await cli(['--db', db, 'trace', 'rerun', String(saved.id)]);
    expect(rerun).toMatchObject({ code: 0, stderr: '' });
    expect(rerun.stdout).toContain('identical to the stored one');
    expect((await cli(['--db', db, 'trace', 'show', '999'])).stderr).toBe('ariadne: trace 999 does not exist\n');
    expect(
      (await cli(['--db', db, 'trace', '--tx', `ETH:${tx(1)}`, '--method', 'fifo', '--hops', '1', '--case', caseId]))
        .code,
    ).toBe(2);
  });

  it('actor-tagged addresses as endpoints, and the asset filter', async () => {
    const actors = path.join(dir, 'lazarus.yaml');
    fs.writeFileSync(
      actors,
      'title: Actors\ncreator: test\nactors:\n- id: lazarus\n  label: Lazarus Group\n  uri: https://example.org/lazarus\n  lastmod: 2024-01-01\n  categories: [malware]\n',
    );
    const tags = path.join(dir, 'lazarus-tags.yaml');
    fs.writeFileSync(
      tags,
      `title: Actor wallets\ncreator: test\ncurrency: ETH\nconfidence: service_data\nsource: report\ntags:\n- address: '${WALLET}'\n  label: Lazarus wallet\n  actor: lazarus\n`,
    );
    expect((await cli(['--db', db, 'import', actors, tags])).code).toBe(0);
    const r = await traceJson('--method', 'haircut', '--actor-endpoints');
    expect(r.parameters.actorEndpoints).toBe(true);
    // Each endpoint says what it is, from its best tag, so a summary can tell cash-out from the actor's wallets.
    expect(
      r.endpoints.map((e: { entity: string; tainted: string; kind: string }) => [e.entity, e.tainted, e.kind]),
    ).toEqual([
      ['Lazarus Group', '75', 'actor'],
      ['Bitbank', '25', 'exchange'],
    ]);
    expect(r.totalsByJurisdiction).toEqual([
      { jurisdiction: null, amounts: [{ asset: 'ETH', tainted: '75' }], usd: null },
      { jurisdiction: 'JP', amounts: [{ asset: 'ETH', tainted: '25' }], usd: null },
    ]);
    expect(r.unaccounted[0]).toMatchObject({ remaining: '0' });
    expect((await traceJson('--method', 'haircut', '--asset', 'ETH')).parameters.assets).toEqual(['ETH']);
    const none = await cli([
      '--db',
      db,
      'trace',
      '--tx',
      `ETH:${tx(1)}`,
      '--method',
      'fifo',
      '--hops',
      '1',
      '--asset',
      'USDT',
    ]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/--asset USDT: the seeds hold none of these \(they hold ETH\)/);
  });

  it('a re-run that no longer matches says so and exits 1', async () => {
    const saved = await traceJson('--method', 'fifo', '--save');
    // Change the data under it: one more transfer from the thief's wallet to the exchange.
    const more = path.join(dir, 'more.csv');
    fs.writeFileSync(
      more,
      `chain,tx_hash,index,time,from,to,asset,amount\nETH,${tx(6)},0,1500,${WALLET},${EXCHANGE},ETH,100\n`,
    );
    expect((await cli(['--db', db, 'import', more])).code).toBe(0);
    const rerun = await cli(['--db', db, 'trace', 'rerun', String(saved.id), '--json']);
    expect(rerun.code).toBe(1);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ id: saved.id, identical: false });
  });
});
