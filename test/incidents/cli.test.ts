import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';

const addr = (digit: string) => `0x${digit.repeat(40)}`;
const VICTIM = addr('1');
const THIEF = addr('2');
const MIXER = addr('3');
const EXCHANGE = addr('4');
const tx = (n: number) => `0x${'a'.repeat(63)}${n}`;

const FILES = {
  'transfers.csv': [
    'chain,tx_hash,index,time,from,to,asset,amount',
    `ETH,${tx(1)},0,2022-03-23T10:00:00Z,${VICTIM},${THIEF},ETH,1.5`,
    `ETH,${tx(2)},0,2022-03-23T10:05:00Z,${VICTIM},${THIEF},ETH,0.5`,
    `ETH,${tx(3)},0,2022-03-23T11:00:00Z,${THIEF},${MIXER},ETH,2`,
    `ETH,${tx(4)},0,2022-03-24T11:00:00Z,${MIXER},${EXCHANGE},ETH,1`,
  ].join('\n'),
  'prices.csv': 'asset,date,usd\nETH,2022-03-23,2345.67\n',
  'actors.yaml': [
    'title: Actors',
    'creator: test',
    'actors:',
    '- id: lazarusgroup',
    '  label: Lazarus Group',
    '  categories: [hacker]',
    '- id: zaif',
    '  label: Zaif',
    '  categories: [exchange]',
    '  jurisdictions: [JP]',
    '',
  ].join('\n'),
};

let db: string;

beforeEach(async () => {
  const dir = tempDir();
  db = path.join(dir, 'w.db');
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  const imported = await cli(['--db', db, 'import', ...Object.keys(FILES).map((f) => path.join(dir, f)), '--json']);
  expect(imported.code).toBe(0);
  expect((await cli(['--db', db, 'case', 'create', '--title', 'Zaif'])).code).toBe(0);
});

async function ok(...args: string[]) {
  const result = await cli(['--db', db, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

async function createIncident(...extra: string[]) {
  const out = await ok(
    'incident',
    'create',
    '--case',
    '1',
    '--victim',
    'ZAIF',
    '--time',
    '2022-03-23T19:00:00+09:00',
    '--asset',
    'ETH',
    '--amount',
    '2',
    ...extra,
    '--json',
  );
  return JSON.parse(out) as { id: number; usd: string; txs: string[] };
}

describe('ariadne incident', () => {
  it('creates, lists and shows an incident, naming the victim by key and valuing it exactly', async () => {
    const created = await createIncident(
      '--amount',
      '1.5',
      '--tx',
      `ETH:${tx(1)}`,
      '--address',
      `ETH:${VICTIM}`,
      '--source',
      'Zaif notice',
      '--title',
      'Hot wallet',
    );
    expect(created).toMatchObject({ id: 1, usd: '3518.505', txs: [`ETH:${tx(1)}`] });
    expect(await ok('incident', 'list', '--case', '1')).toBe(
      [
        'ID  TIME                  VICTIM  JUR  AMOUNT   USD      ACTORS',
        '1   2022-03-23T10:00:00Z  Zaif    JP   1.5 ETH  3518.51  —',
        '',
      ].join('\n'),
    );
    const shown = await ok('incident', 'show', '1');
    expect(shown).toContain('Victim:       Zaif (zaif)');
    expect(shown).toContain('Amount:       1.5 ETH (1500000000000000000 base units)');
    expect(shown).toContain('USD:          3518.51 (from the price table, exactly 3518.505)');
    expect(shown).toContain(`Theft txs:\n  ETH:${tx(1)}`);
    expect(JSON.parse(await ok('incident', 'show', '1', '--json'))).toEqual(created);
  });

  it('attributes to an actor named by label, and links and unlinks a trace', async () => {
    await createIncident('--tx', `ETH:${tx(1)}`);
    const attributed = await ok(
      'incident',
      'attribute',
      '1',
      '--actor',
      'lazarus group',
      '--confidence',
      'authority_data',
      '--source',
      'FBI',
    );
    expect(attributed).toContain('Attributed to:\n  Lazarus Group (authority_data, level');
    await ok('trace', '--incident', '1', '--method', 'fifo', '--hops', '3', '--case', '1', '--save');
    expect(await ok('incident', 'link-trace', '1', '--trace', '1')).toBe('Incident 1 is linked to trace 1\n');
    expect(await ok('incident', 'link-trace', '1', '--none')).toBe('Incident 1 is linked to no trace\n');
  });

  it('refuses bad input with one line naming the flag or field', async () => {
    const run = (...args: string[]) => cli(['--db', db, ...args]);
    expect(await run('incident', 'list')).toMatchObject({ code: 2, stderr: expect.stringContaining('--case ID') });
    expect(await run('incident', 'show')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('incident show needs an incident ID'),
    });
    const create = ['incident', 'create', '--case', '1', '--time', '2022-03-23T00:00:00Z', '--asset', 'ETH'];
    expect(await run(...create, '--victim', 'nobody', '--amount', '1')).toMatchObject({
      code: 1,
      stderr: 'ariadne: --victim nobody: no entity has that key or label\n',
    });
    expect(await run(...create, '--victim', 'lazarusgroup', '--amount', '1')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('incident.create: victimId: Lazarus Group is an actor'),
    });
    expect(await run(...create, '--victim', 'zaif', '--amount', '1', '--usd', '5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('incident.create: usd: the price table values it at 0.00000000000000234567 USD'),
    });
    expect(await run('incident', 'link-trace', '1')).toMatchObject({ code: 2 });
    expect(await run('incident', 'show', '7')).toMatchObject({
      code: 1,
      stderr: 'ariadne: incident 7 does not exist\n',
    });
  });
});

describe('ariadne import --format incidents-csv', () => {
  it('imports into the case given, says which victims it created, and refuses a file without --case', async () => {
    const file = path.join(__dirname, '..', 'fixtures', 'incidents', 'incidents.csv');
    const out = await ok('import', file, '--case', '1');
    expect(out).toContain(`${file} (incidents-csv): read 3, inserted 3, duplicates 0, rejected 0`);
    expect(out).toContain(`${file}:3: victim Liquid was not in the workspace: created as a victim entity in JP`);
    expect(out).toContain(`${file}:4: victim Atomic Wallet Users was not in the workspace`);
    expect(await ok('incident', 'list', '--case', '1')).toContain('Atomic Wallet Users  EE   12.3456789 BTC');
    const again = await ok('import', file, '--case', '1');
    expect(again).toContain('read 3, inserted 0, duplicates 3, rejected 0');
    expect(await cli(['--db', db, 'import', file, '--format', 'incidents-csv'])).toMatchObject({
      code: 1,
      stderr: `ariadne: ${file}: incidents go into a case: give --case ID\n`,
    });
  });
});

describe('ariadne trace --incident', () => {
  it('gives the same report as --tx with the incident’s theft txs', async () => {
    await createIncident('--tx', `ETH:${tx(2)}`, '--tx', `ETH:${tx(1)}`);
    const common = ['--method', 'haircut', '--hops', '4', '--json'];
    const byIncident = JSON.parse(await ok('trace', '--incident', '1', ...common)) as { seeds: string[] };
    const byTx = JSON.parse(await ok('trace', '--tx', `ETH:${tx(1)}`, '--tx', `ETH:${tx(2)}`, ...common));
    expect(byIncident).toEqual(byTx);
    expect(byIncident.seeds).toEqual([`ETH:${tx(1)}`, `ETH:${tx(2)}`]);
    // Naming a tx twice, by --tx and through the incident, seeds it once.
    expect(JSON.parse(await ok('trace', '--incident', '1', '--tx', `ETH:${tx(1)}`, ...common))).toEqual(byTx);
  });

  it('refuses an incident without txs, one whose txs are not in the workspace, and an unknown one', async () => {
    await createIncident();
    await createIncident('--tx', `ETH:${tx(1)}`, '--tx', `ETH:${'b'.repeat(64)}`);
    const trace = (id: string) => cli(['--db', db, 'trace', '--incident', id, '--method', 'fifo', '--hops', '2']);
    expect(await trace('1')).toMatchObject({
      code: 2,
      stderr:
        'ariadne: trace.run: incident 1 has no theft transactions to trace from: add them to it, or seed from addresses\n',
    });
    expect(await trace('2')).toMatchObject({
      code: 2,
      stderr: `ariadne: trace.run: incident 2: its theft transaction ETH:0x${'b'.repeat(64)} is not in the workspace's chain data: import it first\n`,
    });
    expect(await trace('9')).toMatchObject({ code: 1, stderr: 'ariadne: trace.run: incident 9 does not exist\n' });
  });
});
