import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

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
});
