/**
 * `ariadne export summary|incidents|graph|transfers`: a case's data as CSV or JSON for other tools, amounts
 * exact, and untrusted text that looks like a spreadsheet formula defused.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../db/export/case-data';
import { readCsv } from '../../db/import/csv';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';
import { MULE, reportWorld } from './fixture';

describe('csv cells', () => {
  it('quotes what needs quoting and defuses formulas, leaving numbers alone', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });
});

describe('csv rows read back', () => {
  it('any text written reads back the same through the CSV importer, a formula guard apart', async () => {
    const dir = tempDir();
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', 'é', '€'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          const file = path.join(dir, 'rows.csv');
          fs.writeFileSync(file, rows.map((r) => csvLine(r)).join(''));
          const read: string[][] = [];
          for await (const record of readCsv(file)) read.push(record.fields);
          expect(read).toEqual(rows.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ariadne export (case data)', () => {
  it('writes incidents, graph and transfers as CSV with exact amounts and defused text', async () => {
    const w = reportWorld();
    w.f.db.prepare('UPDATE incidents SET title = \'=HYPERLINK("http://evil")\' WHERE id = ?').run(w.i1);
    const dir = tempDir();
    const run = (what: string, ...more: string[]) =>
      cli([
        '--db',
        w.f.file,
        'export',
        what,
        '--case',
        String(w.main),
        '--out',
        path.join(dir, `${what}.csv`),
        ...more,
      ]);

    const incidents = await run('incidents');
    expect(incidents.code).toBe(0);
    const lines = fs.readFileSync(path.join(dir, 'incidents.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,title,victim,jurisdiction,time,chain,asset,decimals,amount,usd,usd_basis,source,txs,addresses,actors,trace_id',
    );
    expect(lines).toHaveLength(1 + w.f.engine.call('incident.list', { caseId: w.main }).length);
    expect(lines.find((l) => l.startsWith(`${w.i1},`))).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // The exact dollar figure the incident holds, not rounded.
    expect(fs.readFileSync(path.join(dir, 'incidents.csv'), 'utf8')).toContain('123456789.123456789012345678');

    expect((await run('graph')).code).toBe(0);
    const graph = fs.readFileSync(path.join(dir, 'graph.csv'), 'utf8');
    expect(graph).toContain(`ETH:${MULE},ETH:ETH,18,1500000000000000000,`);
    expect(graph).toContain('peel chain');

    expect((await run('transfers')).code).toBe(0);
    const transfers = fs.readFileSync(path.join(dir, 'transfers.csv'), 'utf8').trimEnd().split('\r\n');
    expect(transfers).toHaveLength(2);
    expect(transfers[1]).toContain(`0x${'c3'.repeat(32)},0,2018-09-15T08:26:40.000Z,6300000,`);
    expect(transfers[1]).toContain(`ETH:${MULE},ETH,18,1500000000000000000,`);
    expect(fs.readdirSync(dir).sort()).toEqual(['graph.csv', 'incidents.csv', 'transfers.csv']);
  });

  it('writes the summary as JSON with the figures of summary.get, and as CSV rows per table', async () => {
    const w = reportWorld();
    const dir = tempDir();
    const json = path.join(dir, 'summary.json');
    const r = await cli([
      '--db',
      w.f.file,
      'export',
      'summary',
      '--case',
      String(w.main),
      '--out',
      json,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const written = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(written.caseId).toBe(w.main);
    expect(written.summary[0]).toEqual(
      w.f.engine.call('summary.get', { actor: 'lazarusgroup', caseId: w.main, minConfidence: 50 }),
    );
    const csv = path.join(dir, 'summary.csv');
    expect((await cli(['--db', w.f.file, 'export', 'summary', '--case', String(w.main), '--out', csv])).code).toBe(0);
    const rows = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(rows[0]).toBe('actor,actor_key,min_confidence,table,key,name,incidents,usd,share,incomplete');
    const first = written.summary[0].jurisdictions[0];
    expect(rows).toContain(
      `Lazarus Group,lazarusgroup,50,jurisdiction,${first.code},${first.name},${first.incidents},${first.usd},${first.share},`,
    );
  });

  it('refuses an unknown case and a bad format, writing nothing', async () => {
    const w = reportWorld();
    const dir = tempDir();
    const out = path.join(dir, 'x.csv');
    const missing = await cli(['--db', w.f.file, 'export', 'graph', '--case', '99', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('ariadne: case 99 does not exist\n');
    const bad = await cli([
      '--db',
      w.f.file,
      'export',
      'graph',
      '--case',
      String(w.main),
      '--out',
      out,
      '--format',
      'xls',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('format');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
