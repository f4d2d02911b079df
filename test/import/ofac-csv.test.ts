import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ofacCsvImporter } from '../../db/import/ofac-csv';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { generatedAddress } from '../chains/generators';
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

const SDN_CSV = importFixture('ofac', 'sdn.csv');
const SDN_XML = importFixture('ofac', 'sdn.xml');

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', ';', '-', '.', '\n', 'é'), maxLength: 10 });

/** A remark item, mostly a digital currency address: of its chain, or under another ticker, or not an address. */
const remark = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        alt: fc.boolean(),
        generated: generatedAddress,
        ticker: fc.oneof(
          { weight: 3, arbitrary: fc.constant(null) },
          fc.constantFrom('XBT', 'ETH', 'USDT', 'USDC', 'TRX', 'SOL', 'xbt', ''),
        ),
        address: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, text),
      })
      .map(({ alt, generated, ticker, address }) => {
        const own = generated.chain === 'BTC' ? 'XBT' : generated.chain;
        return `${alt ? 'alt. ' : ''}Digital Currency Address - ${ticker ?? own} ${address ?? generated.address}`;
      }),
  },
  text,
);

/** An sdn.csv of a few records, mostly of twelve fields, quoted as OFAC quotes them. */
const sdnCsv = fc
  .array(
    fc.record({
      ent: fc.oneof(fc.nat().map(String), text),
      name: fc.oneof(fc.constantFrom('LAZARUS GROUP', '-0- '), text),
      type: fc.constantFrom('-0- ', 'individual', 'vessel', 'x'),
      programs: fc.constantFrom('CYBER2', 'DPRK3] [CYBER2', '-0- '),
      remarks: fc.array(remark, { maxLength: 4 }).map((items) => items.join('; ')),
      width: fc.oneof({ weight: 5, arbitrary: fc.constant(12) }, fc.integer({ min: 1, max: 13 })),
    }),
    { maxLength: 6 },
  )
  .chain((records) =>
    fc.tuple(fc.constant(records), fc.constantFrom('\r\n', '\n'), fc.boolean()).map(([rs, eol, ctrlZ]) => {
      const lines = rs.map(({ ent, name, type, programs, remarks, width }) => {
        const fields = [ent, name, type, programs, ...Array<string>(7).fill('-0- '), remarks];
        while (fields.length < width) fields.push('-0- ');
        return fields
          .slice(0, width)
          .map((f, i) => (i === 0 && /^\d+$/.test(f) ? f : `"${f.replace(/"/g, '""')}"`))
          .join(',');
      });
      return [...lines, ...(ctrlZ ? ['\u001a'] : [])].join(eol) + eol;
    }),
  );

/** An sdn.csv record: twelve fields, "-0- " where OFAC has nothing. */
function record(ent: string, name: string, type: string, programs: string, remarks: string): string {
  const empty = Array(7).fill('"-0- "');
  return [ent, `"${name}"`, `"${type}"`, `"${programs}"`, ...empty, `"${remarks}"`].join(',');
}

describe('OFAC SDN CSV import', () => {
  it('tags every digital currency address of the fixture, and reports each refused one with its line', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, SDN_CSV);
    // Lazarus 4 ETH; RI 6 (4 new, 1 repeated, 1 bad checksum); Northwind 8 (2 refused); the short record 1;
    // DOE 5 (1 without an address); the entry without a name 1.
    expect(report).toMatchObject({ format: 'ofac-csv', read: 25, inserted: 18, duplicates: 1, rejected: 6 });
    expect(report.errors).toEqual([
      { file: SDN_CSV, line: 3, reason: 'bad checksum: 1PfwHNxUnkpfkK9MKjMqzR3Xq3KCtq9u18' },
      { file: SDN_CSV, line: 4, reason: 'belongs to TRX, not BTC: TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq' },
      { file: SDN_CSV, line: 4, reason: 'unknown digital currency SOL: 7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU' },
      { file: SDN_CSV, line: 5, reason: 'expected 12 fields (an SDN record), found 5' },
      { file: SDN_CSV, line: 6, reason: 'no address after Digital Currency Address - ETH' },
      { file: SDN_CSV, line: 8, reason: 'the SDN entry has no name' },
    ]);
    expect(report.warnings).toEqual([
      { file: SDN_CSV, line: 3, reason: 'USDT is a token, not a chain; the address format says ETH' },
      { file: SDN_CSV, line: 3, reason: 'USDT is a token, not a chain; the address format says TRX' },
      { file: SDN_CSV, line: 6, reason: 'USDC is a token, not a chain; the address format says ETH' },
    ]);
    expect(rowCount(db, 'tags')).toBe(18);
    expect(db.prepare('SELECT chain, count(*) AS n FROM tags GROUP BY chain ORDER BY chain').raw().all()).toEqual([
      ['BCH', 1],
      ['BSV', 1],
      ['BTC', 2],
      ['DASH', 1],
      ['ETH', 6],
      ['LTC', 1],
      ['TRX', 2],
      ['XMR', 1],
      ['XRP', 1],
      ['XVG', 1],
      ['ZEC', 1],
    ]);
  });

  it('stores the entry name, the programs and uid, sanction abuse and authority confidence', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, SDN_CSV);
    const tag = (address: string) =>
      db
        .prepare(
          `SELECT t.chain, t.label, t.source, t.confidence, t.abuse, t.asset, t.context
             FROM tags t JOIN addresses a ON a.id = t.address_id WHERE a.address = ?`,
        )
        .get(address);
    expect(tag('0x098B716B8Aaf21512996dC57EB0615e2383E2f96')).toEqual({
      chain: 'ETH',
      label: 'LAZARUS GROUP',
      source: 'OFAC SDN',
      confidence: 'authority_data',
      abuse: 'sanction',
      asset: null,
      context: '{"ofac_uid":"23254","sdn_type":"Entity","programs":["DPRK3","CYBER2"]}',
    });
    // A token ticker: the address format picks the chain, the token is the tag's asset, the address its normal form.
    expect(tag('0xfEC8A60023265364D066a1212fDE3930F6Ae8da7')).toMatchObject({
      chain: 'ETH',
      label: 'RI, Chol Jin',
      asset: 'USDT',
      context: '{"ofac_uid":"28262","sdn_type":"Individual","programs":["CYBER2","DPRK3"]}',
    });
    expect(tag('TX5GV4DyfxNB3rPkzZJhmqZ1efVmL4rEqG')).toMatchObject({ chain: 'TRX', asset: 'USDT' });
    expect(tag('0x38735f03b30FbC022DdD06ABED01F0Ca823C6a94')).toMatchObject({ chain: 'ETH', asset: 'USDC' });
    // XBT is bitcoin; the full stop closing the remarks is not part of the last address.
    expect(tag('134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak')).toMatchObject({ chain: 'BTC', asset: null });
    expect(tag('TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG')).toMatchObject({ chain: 'TRX', label: 'NORTHWIND OTC DESK LTD' });
    expect(tag('bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq')).toMatchObject({ chain: 'BCH' });
    expect(db.prepare('SELECT format, title, creator, lastmod, read, inserted FROM import_sources').get()).toEqual({
      format: 'ofac-csv',
      title: 'OFAC Specially Designated Nationals list',
      creator: 'US Treasury, Office of Foreign Assets Control',
      lastmod: null,
      read: 25,
      inserted: 18,
    });
  });

  it('adds nothing when imported again, nor when the same list comes as XML', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, SDN_CSV);
    await importAgain(db, SDN_CSV, { read: 25, inserted: 0, duplicates: 19, rejected: 6 });
    // The XML names the same entries alike: only the Lazarus XBT address, absent from the CSV, is new.
    const xml = await importFile(db, SDN_XML);
    expect(xml).toMatchObject({ format: 'ofac-xml', read: 11, inserted: 1, duplicates: 7, rejected: 3 });
  });

  it('refuses a file that is not CSV at the line where it breaks, and keeps nothing of it', async () => {
    const good = record(
      '1',
      'A',
      '-0- ',
      'CYBER2',
      'Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h',
    );
    const file = writeFile('sdn.csv', `${good}\r\n2,"B"x,"-0- "\r\n`);
    const error = await refusedImport(file, { format: 'ofac-csv' });
    expect(error).toMatchObject({ line: 2, reason: 'not valid CSV: text after the closing quote of a field' });
  });

  it('reads entries without a uid or a ticker, token addresses of no chain, several programs, lower-case tickers', async () => {
    const file = writeFile(
      'sdn.csv',
      [
        record('x1', 'NO UID', '-0- ', 'CYBER2', 'Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h'),
        record('7', 'NO TICKER', '-0- ', 'CYBER2', 'Digital Currency Address - ; Digital Currency Address -'),
        record(
          '8',
          'SEVERAL',
          'vessel',
          '[SDGT] [IRGC]',
          'alt. Digital Currency Address - xbt 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h.',
        ),
        record('9', 'TOKEN', '-0- ', 'CYBER2', 'Digital Currency Address - USDT 0xnothex'),
      ].join('\n'),
    );
    const { db } = openDb(':memory:');
    const report = await importFile(db, file, { format: 'ofac-csv' });
    expect(report).toMatchObject({ read: 5, inserted: 1, rejected: 4 });
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [1, 'the SDN entry has no numeric uid'],
      [2, 'no currency after Digital Currency Address -'],
      [2, 'no currency after Digital Currency Address -'],
      [4, 'a USDT address valid on no chain the workspace knows: 0xnothex'],
    ]);
    expect(db.prepare('SELECT label, context FROM tags').get()).toEqual({
      label: 'SEVERAL',
      context: '{"ofac_uid":"8","sdn_type":"Vessel","programs":["SDGT","IRGC"]}',
    });
  });

  it('is detected from its first record, not from any CSV', () => {
    const head = `${record('36', 'AEROCARIBBEAN AIRLINES', '-0- ', 'CUBA', '-0- ')}\r\n`;
    expect(ofacCsvImporter.detect('.csv', head)).toBe(true);
    expect(ofacCsvImporter.detect('.csv', `\ufeff${record('1', 'X', 'individual', 'CYBER2', '')}`)).toBe(true);
    expect(ofacCsvImporter.detect('.txt', head)).toBe(false);
    expect(ofacCsvImporter.detect('.csv', 'asset,date,usd\nBTC,2024-01-01,1\n')).toBe(false);
    expect(ofacCsvImporter.detect('.csv', record('36', 'A', 'company', 'CUBA', ''))).toBe(false);
  });

  it('ends any file in a report or a refusal that leaves the workspace unchanged (property)', async () => {
    const { db } = openDb(':memory:');
    const pieces = [
      '"',
      ',',
      '\r\n',
      '\n',
      '"-0- "',
      'individual',
      'Digital Currency Address - ',
      'XBT ',
      'USDT ',
      '; ',
      '.',
      '\u001a',
      '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h',
      '0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
      'TX5GV4DyfxNB3rPkzZJhmqZ1efVmL4rEqG',
    ];
    await assertImportsAnything(db, fileContents(sdnCsv, pieces), 'sdn.csv', { format: 'ofac-csv' }, 200);
  });
});

describe('ariadne import of OFAC files', () => {
  it('imports sdn.csv and sdn.xml, detected by their contents, as one JSON report', async () => {
    const { code, stdout, stderr } = await cli(['--db', tempWorkspace(), 'import', SDN_CSV, SDN_XML, '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ read: 36, inserted: 19, duplicates: 8, rejected: 9, failed: [] });
    expect(report.files.map((f: { format: string }) => f.format)).toEqual(['ofac-csv', 'ofac-xml']);
    expect(report.errors[0]).toEqual({
      file: SDN_CSV,
      line: 3,
      reason: 'bad checksum: 1PfwHNxUnkpfkK9MKjMqzR3Xq3KCtq9u18',
    });
  });
});
