/**
 * Issue 7's acceptance on the demo workspace ("DPRK thefts 2017–2022", built small): the case's report, read
 * back with pdftotext, has the jurisdiction table of `ariadne summary --json`, the method statement and the
 * manifest's hashes; its pages are kept as PNGs in test-results/report/demo-*.png to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../common/format';
import type { LossSummary } from '../../db/api/contract';
import { buildDemo } from '../../db/demo/build';
import { openDb } from '../../db/open';
import type { ReportManifest } from '../../db/report/export';
import { cli } from '../helpers/cli';
import { percent } from './fixture';
import { tempDir, tempWorkspace } from '../helpers/workspace';

const ARTIFACTS = path.join(process.cwd(), 'test-results', 'report');
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

describe('the demo case report', () => {
  it('prints the demo summary per jurisdiction and per year, the haircut method and the manifest', async () => {
    const file = tempWorkspace();
    const { db } = openDb(file);
    await buildDemo(db, { scale: 0.05 });
    db.close();
    const out = path.join(tempDir(), 'demo.pdf');
    const r = await cli(['--db', file, 'report', '--case', '1', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { pages, manifestFile } = JSON.parse(r.stdout) as { pages: number; manifestFile: string };
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as ReportManifest;
    const flat = squeeze(execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }));

    const summary = JSON.parse(
      (await cli(['--db', file, 'summary', '--actor', 'lazarusgroup', '--case', '1', '--json'])).stdout,
    ) as LossSummary;
    expect(summary.incidents).toBeGreaterThan(20);
    for (const j of summary.jurisdictions) {
      expect(flat).toContain(`${j.name} (${j.code}) ${j.incidents} ${formatUsd(j.usd)} ${percent(j.share)}`);
    }
    expect(flat).toContain(`Total ${summary.incidents} ${formatUsd(summary.total_usd)} 100.00%`);
    for (const y of summary.years) expect(flat).toContain(`${y.year} ${y.incidents} ${formatUsd(y.usd)}`);
    expect(flat).toContain('Haircut: each outflow carries taint in proportion to the tainted share of the balance');
    expect(flat).toContain(manifest.workspace.sha256);
    expect(flat).toContain(manifest.content.sha256);
    for (const source of manifest.sources) expect(flat).toContain(source.sha256);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of fs.readdirSync(ARTIFACTS)) if (old.startsWith('demo-')) fs.rmSync(path.join(ARTIFACTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', out, path.join(ARTIFACTS, 'demo')]);
    expect(fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith('demo-'))).toHaveLength(pages);
  }, 120_000);
});
