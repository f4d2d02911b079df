import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { importFixture } from '../helpers/import-check';

// Bitcoin transactions imported through the real Esplora JSON importer, then traced from the workspace.
const V = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const A = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const B = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const C = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const D = 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh';
const E = '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak';
const txid = (n: number) => `${n}`.repeat(64).slice(0, 64);
const T0 = 1600000000; // 2020-09-13

type Coin = [address: string, value: number];
function esplora(id: string, time: number, inputs: [string, number, ...Coin][], outputs: Coin[]) {
  return JSON.stringify({
    txid: id,
    vin: inputs.map(([prev, vout, address, value]) => ({
      txid: prev,
      vout,
      is_coinbase: false,
      prevout: { scriptpubkey_address: address, value },
    })),
    vout: outputs.map(([address, value]) => ({ scriptpubkey_address: address, value })),
    status: { confirmed: true, block_height: 650000 + time - T0, block_time: time },
  });
}

/**
 * t1, the theft: V's coin (from outside the data) pays A 60000 and B 39000, fee 1000. t2 spends A's 60000 with
 * C's 40000 (from outside the data): D 50000 (a Bitbank deposit address) and E 49000, fee 1000.
 *   forward haircut: t2's pool is 60% tainted, so D gets 30000, E 29400 and the fee 600;
 *   backward from D: haircut 30000 from A (V's) and 20000 from C; FIFO all 50000 from A, which were V's.
 */
const TXS = [
  esplora(
    txid(1),
    T0,
    [[txid(9), 0, V, 100000]],
    [
      [A, 60000],
      [B, 39000],
    ],
  ),
  esplora(
    txid(2),
    T0 + 600,
    [
      [txid(1), 0, A, 60000],
      [txid(8), 3, C, 40000],
    ],
    [
      [D, 50000],
      [E, 49000],
    ],
  ),
].join('\n');

const TAGS = [
  'title: Deposit addresses',
  'creator: test',
  'currency: BTC',
  'confidence: service_data',
  'source: exchange reply',
  'tags:',
  `- address: '${D}'`,
  '  label: Bitbank deposit',
  '  category: exchange',
  '  actor: bitbank',
  '',
].join('\n');
const ACTORS =
  'title: Exchanges\ncreator: test\nactors:\n- id: bitbank\n  label: Bitbank\n  uri: https://bitbank.cc\n  lastmod: 2024-01-01\n  categories: [exchange]\n  jurisdictions: [JP]\n';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-utxo-'));
const db = path.join(dir, 'w.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const files = {
    'txs.jsonl': TXS,
    'actors.yaml': ACTORS,
    'tags.yaml': TAGS,
    'prices.csv': 'asset,date,usd\nBTC,2020-09-13,10000.50\n',
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const imported = await cli(['--db', db, 'import', ...Object.keys(files).map((f) => path.join(dir, f)), '--json']);
  expect(JSON.parse(imported.stdout)).toMatchObject({ rejected: 0 });
});

async function trace(...args: string[]) {
  const result = await cli(['--db', db, 'trace', '--hops', '6', '--json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}
const byAddress = (r: { addresses: { address: string; tainted: string; hops: number }[] }) =>
  Object.fromEntries(r.addresses.map((a) => [a.address, [a.tainted, a.hops]]));

describe('tracing BTC transactions imported from Esplora JSON', () => {
  it('forward haircut from the theft transaction: the deposit address gets its share, valued in USD', async () => {
    const r = await trace('--tx', `BTC:${txid(1)}`, '--method', 'haircut', '--stop-at', 'exchange');
    expect(r.model).toBe('utxo');
    expect(byAddress(r)).toEqual({
      [`BTC:${A}`]: ['60000', 0],
      [`BTC:${B}`]: ['39000', 0],
      [`BTC:${D}`]: ['30000', 1],
      [`BTC:${E}`]: ['29400', 1],
    });
    // 30000 sat at 10000.50 USD per BTC is 3.00015 USD, truncated to the cent.
    expect(r.endpoints).toEqual([
      {
        entity: 'Bitbank',
        jurisdiction: 'JP',
        kind: 'exchange',
        asset: 'BTC',
        tainted: '30000',
        usd: '3.00',
        addresses: [`BTC:${D}`],
        paths: [{ taint: '30000', hops: [{ from: `BTC:${A}`, to: `BTC:${D}`, tx: txid(2), amount: '30000' }] }],
      },
    ]);
    expect(r.totalsByJurisdiction).toEqual([
      { jurisdiction: 'JP', amounts: [{ asset: 'BTC', tainted: '30000' }], usd: '3.00' },
    ]);
    expect(r.unaccounted).toEqual([
      {
        asset: 'BTC',
        remaining: '68400',
        beyondHops: '0',
        belowMinimum: '0',
        excluded: '0',
        fees: '600',
        unaddressed: '0',
      },
    ]);
  });

  it('forward from an address seed with a time', async () => {
    const r = await trace('--seed', `BTC:${A}@2020-09-13T00:00:00Z`, '--method', 'fifo');
    // FIFO pours A's 60000 first: D's 50000 and 10000 of E's.
    expect(byAddress(r)).toMatchObject({ [`BTC:${D}`]: ['50000', 1], [`BTC:${E}`]: ['10000', 1] });
  });

  it('backward from the deposit address: haircut splits by value, FIFO follows the coins', async () => {
    const haircut = await trace('--seed', `BTC:${D}`, '--direction', 'backward', '--method', 'haircut');
    expect(byAddress(haircut)).toEqual({
      [`BTC:${D}`]: ['50000', 0],
      [`BTC:${A}`]: ['30000', 1],
      [`BTC:${C}`]: ['20000', 1],
      [`BTC:${V}`]: ['30000', 2],
    });
    expect(haircut.unaccounted[0]).toMatchObject({ remaining: '50000' });
    const fifo = await trace('--seed', `BTC:${D}`, '--direction', 'backward', '--method', 'fifo');
    expect(byAddress(fifo)).toEqual({
      [`BTC:${D}`]: ['50000', 0],
      [`BTC:${A}`]: ['50000', 1],
      [`BTC:${V}`]: ['50000', 2],
    });
    // Poison: every input of t2, and behind A's coin every input of t1.
    const poison = await trace('--tx', `BTC:${txid(2)}`, '--direction', 'backward', '--method', 'poison');
    expect(Object.keys(byAddress(poison)).sort()).toEqual([A, C, D, E, V].map((a) => `BTC:${a}`).sort());
  });

  it('refuses mixing chain models and unknown transactions', async () => {
    const mixed = await cli([
      '--db',
      db,
      'trace',
      '--seed',
      `BTC:${A}`,
      '--tx',
      `ETH:0x${'1'.repeat(64)}`,
      '--method',
      'fifo',
      '--hops',
      '1',
    ]);
    expect(mixed.stderr).toBe('ariadne: trace.run: trace account chains and UTXO chains separately\n');
    const unknown = await cli(['--db', db, 'trace', '--tx', `BTC:${txid(7)}`, '--method', 'fifo', '--hops', '1']);
    expect(unknown.stderr).toMatch(/that transaction is not in the workspace/);
  });
});

describe('tracing the Esplora fixture the importer tests read', () => {
  // txs.jsonl: 73b28d… pays 134r… 60000 and bc1qxy… 9000; later 60c5e1… spends a coin of 134r… that is not in
  // the data (03a4…:1) and pays 15YK… 45000.
  const fixtureDb = path.join(dir, 'fixture.db');
  it('forward: the theft outputs stay unspent; backward: the later coin is of unknown origin at 134r…', async () => {
    expect((await cli(['--db', fixtureDb, 'import', importFixture('esplora', 'txs.jsonl')])).code).toBe(0);
    const run = async (...args: string[]) => {
      const result = await cli(['--db', fixtureDb, 'trace', '--hops', '3', '--method', 'haircut', '--json', ...args]);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout);
    };
    const forward = await run('--tx', 'BTC:73b28d354052228fc537b91bb02114b69f32b741ffde010b55950501ca6bbeb4');
    expect(byAddress(forward)).toEqual({
      'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak': ['60000', 0],
      'BTC:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh': ['9000', 0],
    });
    expect(forward.unaccounted[0]).toMatchObject({ remaining: '69000' });
    const backward = await run('--seed', 'BTC:15YK647qtoZQDzNrvY6HJL6QwXduLHfT28', '--direction', 'backward');
    expect(byAddress(backward)).toEqual({
      'BTC:15YK647qtoZQDzNrvY6HJL6QwXduLHfT28': ['45000', 0],
      'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak': ['45000', 1],
    });
    expect(backward.unaccounted[0]).toMatchObject({ remaining: '45000' });
  });
});
