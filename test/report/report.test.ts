/**
 * The case report as an investigator gets it: `ariadne report` on a small case, read back with poppler's
 * pdftotext (the jurisdiction table, the method statement, the manifest's hashes, hostile text printed
 * literally) and turned into PNGs with pdftoppm (kept in test-results/report/ to be looked at).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../common/format';
import { createEngine } from '../../db/api/engine';
import { auditForCase } from '../../db/audit';
import type { LossSummary } from '../../db/api/contract';
import type { ReportManifest } from '../../db/report/export';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';
import { HOSTILE, HOSTILE_NOTE, MULE, percent, reportWorld } from './fixture';

const ARTIFACTS = path.join(process.cwd(), 'test-results', 'report');
const PRINTING = 90_000;

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Runs of spaces as one: pdftotext -layout pads table columns. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

describe('ariadne report', () => {
  it(
    'writes a PDF whose jurisdiction table, method and manifest match the summary and the manifest file',
    async () => {
      const w = reportWorld();
      const dir = tempDir();
      const out = path.join(dir, 'zaif report.pdf');
      const r = await cli(['--db', w.f.file, 'report', '--case', String(w.main), '--out', out, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result.file).toBe(out);
      expect(result.manifestFile).toBe(path.join(dir, 'zaif report.manifest.json'));
      // Only the two files: no temporary file or snapshot is left beside them.
      expect(fs.readdirSync(dir).sort()).toEqual(['zaif report.manifest.json', 'zaif report.pdf']);

      const pdf = fs.readFileSync(out);
      const manifest = JSON.parse(fs.readFileSync(result.manifestFile, 'utf8')) as ReportManifest;
      expect(manifest.pdf.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      expect(manifest.pdf).toMatchObject({ file: 'zaif report.pdf', bytes: pdf.length, pages: result.pages });
      expect(manifest).toMatchObject({
        format: 'ariadne-report-manifest/1',
        app: { name: 'Ariadne', version: '9.9.9' },
        case: { id: w.main, title: 'Main', reference: 'NPA-2018-0917' },
        parameters: { minConfidence: 50, method: null, redact: false },
        sources: [{ file: 'lazarus.yaml', sha256: 'ab'.repeat(32), importedAt: '2026-01-01T00:00:00.000Z' }],
      });
      expect(manifest.workspace.sha256).toMatch(/^[0-9a-f]{64}$/);

      const text = pdfText(out);
      const flat = squeeze(text);
      // The running header carries the case reference on every page, and every page is numbered.
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages).toHaveLength(result.pages);
      for (const [i, page] of pages.entries()) {
        expect(page).toContain('NPA-2018-0917');
        expect(squeeze(page)).toContain(`Page ${i + 1} of ${result.pages}`);
      }
      // The contents give the page each section starts on.
      const contents = squeeze(pages[1] as string);
      const sections = [...flat.matchAll(/^ ?(\d{1,2})\. ([A-Z][^\n]+?) ?$/gm)].map((m) => [m[1], m[2]?.trim()]);
      expect(sections.length).toBeGreaterThan(8);
      for (const [number, title] of sections) {
        const page = pages.findIndex(
          (p) => squeeze(p).includes(`\n${number}. ${title}`) || p.startsWith(`${number}. `),
        );
        expect(page, `${number}. ${title}`).toBeGreaterThan(1);
        expect(contents).toContain(`${number} ${title} ${page + 1}`);
      }
      // The manifest page prints the same hashes as the manifest file.
      expect(flat).toContain(manifest.workspace.sha256);
      expect(flat).toContain(manifest.content.sha256);
      expect(flat).toContain('ab'.repeat(32));
      // The method statement of the stored traces (haircut, in the summary world).
      expect(flat).toContain('Haircut: each outflow carries taint in proportion to the tainted share of the balance');

      // The figures equal those of `ariadne summary --json`, row by row.
      const summary = JSON.parse(
        (await cli(['--db', w.f.file, 'summary', '--actor', 'lazarusgroup', '--case', String(w.main), '--json']))
          .stdout,
      ) as LossSummary;
      expect(summary.jurisdictions.length).toBeGreaterThan(2);
      for (const j of summary.jurisdictions) {
        const name = j.code === null ? 'Unknown jurisdiction' : `${j.name} (${j.code})`;
        expect(flat).toContain(`${name} ${j.incidents} ${formatUsd(j.usd)} ${percent(j.share)}`);
      }
      expect(flat).toContain(`Total ${summary.incidents} ${formatUsd(summary.total_usd)} 100.00%`);
      for (const y of summary.years) expect(flat).toContain(`${y.year} ${y.incidents} ${formatUsd(y.usd)}`);

      // Imported text is printed as text.
      expect(flat).toContain(HOSTILE);
      expect(flat).toContain(HOSTILE_NOTE);
      expect(flat).toContain(`ETH:${MULE}`);
      // The graph figure numbers its nodes left to right; the key beside it names each one.
      expect(flat).toMatch(/Nodes\s+No\.\s+Label\s+Kind\s+Address\s+Flags/);
      const escaped = HOSTILE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(flat).toMatch(new RegExp(`\\b2\\s+${escaped}\\s+Unknown\\s+ETH:${MULE}`));

      // The export is in the case's audit log with the hashes of the manifest.
      expect(auditForCase(w.f.db, w.main).at(-1)).toMatchObject({
        action: 'report.exported',
        detail: {
          file: out,
          pdfSha256: manifest.pdf.sha256,
          contentSha256: manifest.content.sha256,
          workspaceSha256: manifest.workspace.sha256,
        },
      });

      // Pages as images, to be looked at.
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      for (const old of fs.readdirSync(ARTIFACTS)) if (old.startsWith('fixture-')) fs.rmSync(path.join(ARTIFACTS, old));
      execFileSync('pdftoppm', ['-png', '-r', '70', out, path.join(ARTIFACTS, 'fixture')]);
      expect(fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith('fixture-'))).toHaveLength(result.pages);
    },
    PRINTING,
  );

  it(
    'shortens every address when redacted, and says so on the cover',
    async () => {
      const w = reportWorld();
      const out = path.join(tempDir(), 'redacted.pdf');
      const r = await cli(['--db', w.f.file, 'report', '--case', String(w.main), '--out', out, '--redact']);
      expect(r.code).toBe(0);
      const flat = squeeze(pdfText(out));
      expect(flat).toContain('Redacted edition');
      expect(flat).toContain(`ETH:${MULE.slice(0, 6)}…${MULE.slice(-4)}`);
      expect(flat).not.toContain(MULE);
      expect(flat).not.toContain(MULE.slice(6, -4));
    },
    PRINTING,
  );
});

describe('report.export refusals', () => {
  it('refuses a folder that does not exist, naming it, and writes nothing', async () => {
    const w = reportWorld();
    const dir = tempDir();
    const out = path.join(dir, 'missing', 'r.pdf');
    const r = await cli(['--db', w.f.file, 'report', '--case', String(w.main), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ariadne: report.export: out: the folder ${path.join(dir, 'missing')} does not exist\n`);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(auditForCase(w.f.db, w.main).some((e) => e.action === 'report.exported')).toBe(false);
  });

  it('refuses an output that is a folder, and an unknown case', async () => {
    const w = reportWorld();
    const dir = tempDir();
    const r = await cli(['--db', w.f.file, 'report', '--case', String(w.main), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ariadne: report.export: out: ${dir} is a folder\n`);
    const missing = await cli(['--db', w.f.file, 'report', '--case', '99', '--out', path.join(dir, 'r.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('ariadne: case 99 does not exist\n');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves nothing behind, and nothing in the audit log, when printing fails', async () => {
    const w = reportWorld();
    const dir = tempDir();
    const engine = createEngine(w.f.db, {
      printPdf: async () => {
        throw new Error('the printer ran out of paper');
      },
    });
    await expect(engine.runJob('report.export', { caseId: w.main, out: path.join(dir, 'r.pdf') })).rejects.toThrow(
      'the printer ran out of paper',
    );
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(auditForCase(w.f.db, w.main).some((e) => e.action === 'report.exported')).toBe(false);
  });

  it('checks its options at the boundary, naming the field', async () => {
    const w = reportWorld();
    const out = path.join(tempDir(), 'r.pdf');
    const api = w.f.engine;
    await expect(api.runJob('report.export', { caseId: w.main, out, minConfidence: 101 })).rejects.toThrow(
      'minConfidence',
    );
    await expect(api.runJob('report.export', { caseId: w.main, out, sections: ['cover'] })).rejects.toThrow('sections');
    const r = await cli(['--db', w.f.file, 'report', '--case', String(w.main), '--out', out, '--min-confidence', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--min-confidence must be a whole number from 0 to 100');
  });
});
