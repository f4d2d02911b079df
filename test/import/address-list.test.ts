import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { auditForCase } from '../../db/audit';
import { createCase } from '../../db/cases';
import { addressListImporter } from '../../db/import/address-list';
import { ImportCancelledError } from '../../db/import/report';
import { detectFormat, importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import { generatedAddress } from '../chains/generators';
import { cli } from '../helpers/cli';
import {
  dumpWorkspace,
  fileContents,
  importAgain,
  importAnything,
  importFixture,
  refusedImport,
  rowCount,
  writeFile,
} from '../helpers/import-check';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

const TXT = importFixture('address-list', 'case-addresses.txt');
const CSV = importFixture('address-list', 'case-addresses.csv');
const XMR = '423hc6hfLue3NmGmWLdSKAA6LSYS1Hx5vGoucKMeUp4GPXUn6AmcqAgWF3wNDGDBtkcxaufGT47zYjWTQRPJEMuJ5J5jov3';
const NOW = new Date('2026-03-04T05:06:07.000Z');

function workspaceWithCases(n = 1): Db {
  const { db } = openDb(':memory:');
  for (let i = 1; i <= n; i++) createCase(db, { title: `Case ${i}` }, NOW.toISOString());
  return db;
}

const caseAddresses = (db: Db, caseId: number) =>
  db
    .prepare(
      `SELECT a.chain || ':' || a.address FROM case_addresses c JOIN addresses a ON a.id = c.address_id
        WHERE c.case_id = ? ORDER BY a.chain, a.address`,
    )
    .pluck()
    .all(caseId);

const refusal = (db: Db, file: string, caseId?: number) => refusedImport(file, { format: 'address-list', caseId }, db);

describe('address list import', () => {
  it('puts each valid CHAIN:ADDRESS line into the case and reports the others with line and reason', async () => {
    const db = workspaceWithCases();
    const report = await importFile(db, TXT, { caseId: 1, now: () => NOW });
    // 12 address lines: 7 new, the lower-case repeat of the first a duplicate, 4 refused.
    expect(report).toMatchObject({ format: 'address-list', read: 12, inserted: 7, duplicates: 1, rejected: 4 });
    expect(report.errors).toEqual([
      {
        file: TXT,
        line: 9,
        reason:
          'missing chain: write CHAIN:ADDRESS (the address fits BTC, BCH, BSV): 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak',
      },
      { file: TXT, line: 10, reason: 'bad EIP-55 checksum: ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f97' },
      { file: TXT, line: 11, reason: 'belongs to BTC, BCH, BSV, not LTC: LTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak' },
      {
        file: TXT,
        line: 12,
        reason: expect.stringMatching(
          /^unknown chain 'DOGE' \(known: BTC, .*\): DOGE:DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L$/,
        ),
      },
    ]);
    expect(report.warnings).toEqual([
      { file: TXT, line: 8, reason: 'no chain given: the address fits only TRX' },
      { file: TXT, line: 14, reason: 'no chain given: the address fits only BCH' },
    ]);
    expect(caseAddresses(db, 1)).toEqual([
      'BCH:bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq',
      'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak',
      'BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
      'ETH:0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B',
      'TRX:TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG',
      `XMR:${XMR}`,
    ]);
    const sourceId = db.prepare('SELECT id FROM import_sources').pluck().get();
    expect(db.prepare('SELECT DISTINCT added_at, source_id FROM case_addresses').all()).toEqual([
      { added_at: NOW.toISOString(), source_id: sourceId },
    ]);
    expect(auditForCase(db, 1).at(-1)).toMatchObject({
      action: 'case.addresses_imported',
      detail: { file: 'case-addresses.txt', added: 7, duplicates: 1, rejected: 4 },
    });
  });

  it('reads a CSV by its address and network columns, skipping comment rows', async () => {
    const db = workspaceWithCases();
    const report = await importFile(db, CSV, { caseId: 1 });
    expect(report).toMatchObject({ format: 'address-list', read: 11, inserted: 6, duplicates: 1, rejected: 4 });
    expect(report.errors).toEqual([
      { file: CSV, line: 8, reason: 'missing address' },
      { file: CSV, line: 9, reason: 'expected 3 fields as in the header, found 2' },
      { file: CSV, line: 10, reason: 'belongs to LTC, not BTC: LNwgtMxcKUQ51dw7bQL1yPQjBVZh6QEqsd' },
      { file: CSV, line: 14, reason: 'no address rules for chain SOL: abc' },
    ]);
    expect(report.warnings).toEqual([
      { file: CSV, line: 5, reason: 'USDT is a token, not a chain; the address format says TRX' },
      { file: CSV, line: 6, reason: 'no chain given: the address fits only TRX' },
    ]);
    expect(caseAddresses(db, 1)).toEqual([
      'BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
      'ETH:0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B',
      'TRX:TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG',
      'TRX:TX5GV4DyfxNB3rPkzZJhmqZ1efVmL4rEqG',
      `XMR:${XMR}`,
    ]);
  });

  it('adds nothing when imported again; another case gets its own copy of the same addresses', async () => {
    const db = workspaceWithCases(2);
    await importFile(db, TXT, { caseId: 1 });
    await importAgain(db, TXT, { inserted: 0, duplicates: 8, rejected: 4 }, { caseId: 1 });
    // The CSV shares all its valid addresses with the list but one.
    expect(await importFile(db, CSV, { caseId: 1 })).toMatchObject({ inserted: 1, duplicates: 6, rejected: 4 });
    const addresses = rowCount(db, 'addresses');
    expect(await importFile(db, TXT, { caseId: 2 })).toMatchObject({ inserted: 7, duplicates: 1 });
    expect(rowCount(db, 'addresses')).toBe(addresses);
    expect(caseAddresses(db, 2)).toHaveLength(7);
  });

  it('leaves the case as it was when cancelled part way', async () => {
    const db = workspaceWithCases();
    const before = dumpWorkspace(db);
    const controller = new AbortController();
    const lines = Array.from({ length: 3000 }, (_, i) => `ETH:0x${i.toString(16).padStart(40, '0')}`);
    const file = writeFile('big.txt', lines.join('\n'));
    // Every progress call reaches the listener, as if each line took a second.
    let t = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000));
    let seen = 0;
    const error = await importFile(db, file, {
      caseId: 1,
      signal: controller.signal,
      onProgress: (p) => {
        seen = p.records;
        if (p.records >= 100) controller.abort();
      },
    })
      .catch((e: unknown) => e)
      .finally(() => clock.mockRestore());
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect(seen).toBe(100);
    expect(dumpWorkspace(db)).toBe(before);
  });

  it('needs a case that exists', async () => {
    const db = workspaceWithCases();
    expect(await refusal(db, TXT)).toMatchObject({
      line: 0,
      reason: 'address lists go into a case: give --case ID',
      message: `${TXT}:0: address lists go into a case: give --case ID`,
    });
    expect(await refusal(db, TXT, 99)).toMatchObject({ line: 0, reason: 'no case 99' });
  });

  it('refuses a CSV that is not CSV at the line where it breaks, keeping nothing', async () => {
    const db = workspaceWithCases();
    const file = writeFile('list.csv', 'address,chain\n134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak,BTC\n"a"b,BTC\n');
    expect(await refusal(db, file, 1)).toMatchObject({
      line: 3,
      reason: 'not valid CSV: text after the closing quote of a field',
    });
  });

  it('is detected for lists of addresses and address CSVs, not for other text or transfers', async () => {
    expect(await detectFormat(TXT)).toBe('address-list');
    expect(await detectFormat(CSV)).toBe('address-list');
    const detect = addressListImporter.detect;
    expect(detect('.txt', '# notes\n\nTMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG\n')).toBe(true);
    expect(detect('.txt', 'ETH:not-yet-checked\n')).toBe(true);
    expect(detect('.csv', '\ufeff"Address","Chain"\r\n')).toBe(true);
    expect(detect('.txt', 'hello\n')).toBe(false);
    expect(detect('.txt', '')).toBe(false);
    expect(detect('.csv', 'tx_hash,from,to,address\n')).toBe(false);
    expect(detect('.csv', 'asset,date,usd\n')).toBe(false);
    expect(detect('.yaml', 'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak\n')).toBe(false);
  });

  it('ends any file in a report or a refusal that leaves the workspace unchanged (property)', async () => {
    const db = workspaceWithCases();
    const text = fc.string({ unit: fc.constantFrom('a', '1', ':', ',', '"', '#', ' ', '\n'), maxLength: 8 });
    const line = fc.oneof(
      { weight: 4, arbitrary: generatedAddress.map((g) => `${g.chain}:${g.address}`) },
      generatedAddress.map((g) => g.address),
      fc.constantFrom(
        '# comment',
        '',
        'XBT:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak',
        'USDT:TX5GV4DyfxNB3rPkzZJhmqZ1efVmL4rEqG',
      ),
      text,
    );
    const list = fc
      .tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, eol]) => lines.join(eol));
    const csv = fc
      .tuple(
        fc.constantFrom('address', 'label,address,chain', 'Address,Network', 'address,currency'),
        fc.array(fc.tuple(generatedAddress, fc.constantFrom('', 'USDT', 'XBT', 'own'), text), { maxLength: 6 }),
      )
      .map(([header, rows]) => {
        const width = header.split(',').length;
        const body = rows.map(([g, chain, label]) => {
          const fields = { address: g.address, chain: chain === 'own' ? g.chain : chain, label };
          const cells =
            width === 1
              ? [fields.address]
              : width === 2
                ? [fields.address, fields.chain]
                : [fields.label, fields.address, fields.chain];
          return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
        });
        return [header, ...body].join('\n');
      });
    const pieces = ['BTC:', 'ETH:', 'address', ',', '"', '#', '\n', '\r\n', '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak'];
    await fc.assert(
      fc.asyncProperty(
        fileContents(fc.oneof(list, csv), pieces),
        fc.constantFrom('.txt', '.csv'),
        async (content, ext) => {
          await importAnything(db, writeFile(`list${ext}`, content), { format: 'address-list', caseId: 1 });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ariadne import --case', () => {
  it('puts a list into a case, and refuses it without --case', async () => {
    const clock = steppingClock();
    const db = tempWorkspace();
    const created = await cli(['--db', db, 'case', 'create', '--title', 'Ronin bridge', '--json'], clock);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const imported = await cli(['--db', db, 'import', TXT, '--case', '1', '--json'], clock);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(imported.stdout)).toMatchObject({
      read: 12,
      inserted: 7,
      duplicates: 1,
      rejected: 4,
      failed: [],
    });

    const refused = await cli(['--db', db, 'import', TXT, '--json'], clock);
    expect(refused.code).toBe(1);
    // Line 0 is the file as a whole: the CLI prints no line for it.
    expect(refused.stderr).toBe(`ariadne: ${TXT}: address lists go into a case: give --case ID\n`);
    expect(JSON.parse(refused.stdout)).toMatchObject({ inserted: 0, failed: [{ file: TXT, line: 0 }] });
  });
});
