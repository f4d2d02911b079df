/**
 * The report export in a real browser, through the headless host: a case's "Export report…" dialog takes a
 * path and options, shows the progress, and ends with the path and hash of the PDF written on the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace';
import { reportWorld } from '../report/fixture';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

const STORY_MS = 120_000;

const suite = e2eSuite();

describe('report export in the browser, through the headless host', () => {
  it(
    'exports the open case to a PDF with its manifest, and refuses a path that is not absolute',
    async () => {
      const w = reportWorld();
      const host = await startHost(w.f.file);
      const { page, watch } = await openPage(suite.browser, host.url);
      await page.getByRole('listbox', { name: 'Cases' }).getByRole('option', { name: /Main/ }).click();
      await page.getByRole('button', { name: 'Export report…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export report' });
      await dialog.getByLabel(/Save as/).fill('report.pdf');
      await dialog.getByRole('button', { name: 'Export PDF' }).click();
      await dialog.getByRole('alert').getByText('Give the full path of the PDF to write').waitFor();

      const out = path.join(tempDir(), 'Main report.pdf');
      await dialog.getByLabel(/Save as/).fill(out);
      await dialog.getByLabel('Redact addresses', { exact: false }).check();
      await screenshot(page, 'report-01-options');
      await dialog.getByRole('button', { name: 'Export PDF' }).click();
      await dialog.getByTestId('report-done').waitFor({ timeout: 90_000 });
      await screenshot(page, 'report-02-done');
      await dialog.getByText(out, { exact: true }).waitFor();
      expect(fs.existsSync(out)).toBe(true);
      expect(fs.existsSync(out.replace(/\.pdf$/, '.manifest.json'))).toBe(true);
      const manifest = JSON.parse(fs.readFileSync(out.replace(/\.pdf$/, '.manifest.json'), 'utf8'));
      expect(manifest.parameters.redact).toBe(true);
      await dialog.getByText(manifest.pdf.sha256).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expectNothingBroke(watch);
    },
    STORY_MS,
  );
});
