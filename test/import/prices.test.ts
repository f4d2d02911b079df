import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay, parseUsd, pricesImporter } from '../../db/import/prices';
import { importFile } from '../../db/import/run';
import { Refused } from '../../db/import/values';
import { openDb, type Db } from '../../db/open';
import {
  assertImportsAnything,
  fileContents,
  importAgain,
  importFixture,
  refusedImport,
  rowCount,
  writeFile,
} from '../helpers/import-check';
import { cli } from '../helpers/cli';
import { tempWorkspace } from '../helpers/workspace';

const PRICES = importFixture('prices', 'prices.csv');

const prices = (db: Db) =>
  db
    .prepare(
      `SELECT a.chain, a.symbol, p.day, p.usd FROM prices p JOIN assets a ON a.id = p.asset_id
        ORDER BY p.day, a.chain, a.symbol`,
    )
    .raw()
    .all();

const refusal = (file: string) => refusedImport(file, { format: 'prices' });

describe('price CSV import', () => {
  it('stores each price exactly, once, and reports every refused row with its line', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, PRICES);
    // 23 rows: 11 prices, the same BTC price again (written 47465.730), and 11 refused.
    expect(report).toMatchObject({ format: 'prices', read: 23, inserted: 11, duplicates: 1, rejected: 11 });
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [12, 'conflicts with the price already stored (47465.73 USD)'],
      [13, 'unknown coin USDT: write a token with its chain (ETH:USDT, ETH:0x…)'],
      [14, 'no such day: 2022-02-30'],
      [15, 'date must be YYYY-MM-DD (a UTC day): 29/03/2022'],
      [16, 'negative price: -3000'],
      [17, 'usd in exponent notation: write the number out in full (3.4e3)'],
      [18, 'usd is not a decimal number: 3,400.00'],
      [19, 'unknown coin DOGE: write a token with its chain (ETH:USDT, ETH:0x…)'],
      [20, 'expected 3 fields as in the header, found 2'],
      [21, 'unknown chain SOL'],
      [
        22,
        'unknown token contract 0x0000000000000000000000000000000000000001 on ETH: its decimals are not in the workspace',
      ],
    ]);
    expect(report.errors.every((e) => e.file === PRICES)).toBe(true);
    expect(prices(db)).toEqual([
      ['ARB', 'ETH', '2022-03-29', '3401.99'],
      ['BSC', 'BNB', '2022-03-29', '430.5'],
      ['BTC', 'BTC', '2022-03-29', '47465.73'],
      ['ETH', 'ETH', '2022-03-29', '3401.99'],
      ['ETH', 'USDC', '2022-03-29', '0.9998'],
      ['ETH', 'USDT', '2022-03-29', '1.0001'],
      ['TRX', 'USDT', '2022-03-29', '1'],
      ['BTC', 'BTC', '2022-03-30', '47500.1'],
      ['ETH', 'USDT', '2022-03-30', '1.0002'],
      ['ETH', 'ETH', '2022-03-31', '0'],
      ['POLYGON', 'POL', '2024-09-05', '0.35'],
    ]);
    expect(db.prepare('SELECT DISTINCT source_id FROM prices').pluck().all()).toEqual([
      db.prepare('SELECT id FROM import_sources').pluck().get(),
    ]);
  });

  it('adds nothing when imported again, and refuses a different price for a stored day', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, PRICES);
    await importAgain(db, PRICES, { read: 23, inserted: 0, duplicates: 12, rejected: 11 });

    const file = writeFile('more.csv', 'Date,USD,Asset,Source\n2022-03-29,3401.990,eth,x\n2022-03-29,3402,ETH,y\n');
    const report = await importFile(db, file);
    expect(report).toMatchObject({ format: 'prices', read: 2, inserted: 0, duplicates: 1, rejected: 1 });
    expect(report.errors).toEqual([{ file, line: 3, reason: 'conflicts with the price already stored (3401.99 USD)' }]);
    expect(report.warnings).toEqual([{ file, line: 1, reason: 'columns ignored: Source' }]);
    expect(rowCount(db, 'prices')).toBe(11);
  });

  it('refuses a file without the price columns, or that is not CSV, keeping nothing', async () => {
    expect(await refusal(writeFile('p.csv', 'asset,day,price\nBTC,2024-01-01,1\n'))).toMatchObject({
      line: 1,
      reason: 'not a price CSV: the header lacks date, usd (it needs asset, date, usd)',
    });
    expect(await refusal(writeFile('p.csv', 'asset,date,usd,usd\n'))).toMatchObject({
      line: 1,
      reason: 'column usd appears twice in the header',
    });
    expect(await refusal(writeFile('p.csv', '\n\n'))).toMatchObject({
      line: 1,
      reason: 'empty file: a price CSV starts with a header',
    });
    expect(await refusal(writeFile('p.csv', 'asset,date,usd\nBTC,2024-01-01,1\nBTC,"2024-01-02\n'))).toMatchObject({
      line: 3,
      reason: 'not valid CSV: a quoted field is not closed',
    });
  });

  it('is detected by its header', () => {
    expect(pricesImporter.detect('.csv', '\ufeffAsset,Date,USD\r\nBTC,2024-01-01,1\r\n')).toBe(true);
    expect(pricesImporter.detect('.csv', 'date,"usd",asset,source\n')).toBe(true);
    expect(pricesImporter.detect('.csv', 'asset,date,price\n')).toBe(false);
    expect(pricesImporter.detect('.txt', 'asset,date,usd\n')).toBe(false);
  });

  it('reads days and USD strictly', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-1', '1969-12-31', '2024-01-01T00:00Z', '']) {
      expect(parseDay(bad)).toBeInstanceOf(Refused);
    }
    expect(parseUsd('0043250.120')).toBe('43250.12');
    expect(parseUsd('0.50')).toBe('0.5');
    expect(parseUsd('000')).toBe('0');
    expect(parseUsd('12.000')).toBe('12');
    expect(parseUsd('123456789012345678901234567890.000000000000000000000000000001')).toBe(
      '123456789012345678901234567890.000000000000000000000000000001',
    );
    for (const [bad, reason] of [
      ['', 'missing usd'],
      ['-0.5', 'negative price: -0.5'],
      ['1E+5', 'usd in exponent notation: write the number out in full (1E+5)'],
      ['1.', 'usd is not a decimal number: 1.'],
      ['.5', 'usd is not a decimal number: .5'],
      ['+1', 'usd is not a decimal number: +1'],
      ['$1', 'usd is not a decimal number: $1'],
      ['١', 'usd is not a decimal number: ١'],
    ]) {
      expect(parseUsd(bad as string)).toEqual(new Refused(reason as string));
    }
  });

  it('keeps the value of any decimal exactly, in one canonical spelling (property)', () => {
    const digits = (min: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: 30 });
    fc.assert(
      fc.property(digits(1), fc.option(digits(1)), (whole, fraction) => {
        const text = fraction === null ? whole : `${whole}.${fraction}`;
        const usd = parseUsd(text);
        if (usd instanceof Refused) throw new Error(usd.reason);
        expect(usd).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
        expect(parseUsd(usd)).toBe(usd);
        // Same value: both scaled to the same number of decimals compare equal as integers.
        const scale = (t: string) => {
          const [w, f = ''] = t.split('.');
          return BigInt(`${w}${f.padEnd(30, '0')}`);
        };
        expect(scale(usd)).toBe(scale(text));
      }),
    );
  });

  it('ends any file in a report or a refusal that leaves the workspace unchanged (property)', async () => {
    const { db } = openDb(':memory:');
    const asset = fc.constantFrom('BTC', 'ETH', 'eth', 'XBT', 'BNB', 'ETH:USDT', 'TRX:USDT', 'USDT', 'ARB', 'FOO:BAR');
    const day = fc
      .date({ min: new Date('1969-12-30T00:00:00Z'), max: new Date('2101-01-02T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const usd = fc.oneof(
      fc.nat().map(String),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}.${b}`),
      fc.constantFrom('-1', '1e3', '0.10', ''),
    );
    const csv = fc
      .tuple(
        fc.constantFrom('asset,date,usd', 'usd,asset,date', 'Asset,Date,USD,note'),
        fc.array(fc.tuple(asset, day, usd), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([header, rows, eol]) => {
        const names = header.toLowerCase().split(',');
        const body = rows.map(([a, d, u]) => {
          const cell: Record<string, string> = { asset: a, date: d, usd: u, note: 'n' };
          return names.map((n) => cell[n] ?? '').join(',');
        });
        return [header, ...body].join(eol);
      });
    const pieces = ['asset,date,usd\n', 'BTC', ',', '2024-01-01', '43250.12', '"', '\n', ':', '-', 'e'];
    await assertImportsAnything(db, fileContents(csv, pieces), 'prices.csv', { format: 'prices' }, 200);
  });
});

describe('ariadne import of prices', () => {
  it('imports a price CSV, detected by its header', async () => {
    const { code, stdout, stderr } = await cli(['--db', tempWorkspace(), 'import', PRICES]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`${PRICES} (prices): read 23, inserted 11, duplicates 1, rejected 11\n`);
    expect(stdout).toContain(`  ${PRICES}:12: conflicts with the price already stored (47465.73 USD)\n`);
  });
});
