/**
 * In the desktop app the engine process builds the report and main prints it (electron/print.ts): the engine
 * asks with a 'print' message per pass and waits for 'printed'. Here this test plays main, printing with
 * Chromium through Playwright as electron/print.ts does with printToPDF, and the export completes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { startEngine } from '../../electron/engine-host';
import type { EngineMessage } from '../../electron/engine-protocol';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';
import { tempDir } from '../helpers/workspace';
import { reportWorld } from '../report/fixture';
import { FakeChild, servedEngine } from './fakes';

describe('report printing across the engine process', () => {
  it('asks main to print each pass and writes the PDF main printed', async () => {
    const w = reportWorld();
    const engine = servedEngine(w.f.file);
    const out = path.join(tempDir(), 'r.pdf');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      const answered = new Set<number>();
      engine.send({ type: 'job', id: 'r1', name: 'report.export', input: { caseId: w.main, out } });
      await vi.waitUntil(
        async () => {
          for (const m of engine.said) {
            if (m.type !== 'print' || answered.has(m.id)) continue;
            answered.add(m.id);
            await page.setContent(m.html);
            const pdf = new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
            engine.send({ type: 'printed', id: m.id, outcome: { ok: true, pdf } });
          }
          return engine.ended('r1');
        },
        { timeout: 60_000, interval: 50 },
      );
    } finally {
      await browser.close();
    }
    const prints = engine.said.filter((m): m is Extract<EngineMessage, { type: 'print' }> => m.type === 'print');
    // The draft, then the final document with the contents' page numbers.
    expect(prints.length).toBeGreaterThanOrEqual(2);
    expect(prints[0]?.options).toEqual({
      header: 'NPA-2018-0917 · Main',
      title: expect.stringMatching(/^Case report · /),
      footer: expect.any(String),
    });
    expect(engine.eventsOf('r1').at(-1)).toMatchObject({ type: 'done', result: { file: out } });
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Integrity manifest');
    engine.send({ type: 'stop' });
    await vi.waitUntil(() => engine.exit.mock.calls.length > 0, { timeout: 10_000 });
  }, 90_000);

  it("fails the export with main's reason when printing fails, leaving nothing behind", async () => {
    const w = reportWorld();
    const engine = servedEngine(w.f.file);
    const dir = tempDir();
    engine.send({
      type: 'job',
      id: 'r2',
      name: 'report.export',
      input: { caseId: w.main, out: path.join(dir, 'r.pdf') },
    });
    await vi.waitUntil(() => engine.said.some((m) => m.type === 'print'), { timeout: 20_000 });
    const ask = engine.said.find((m) => m.type === 'print') as Extract<EngineMessage, { type: 'print' }>;
    engine.send({ type: 'printed', id: ask.id, outcome: { ok: false, error: 'no printer' } });
    await vi.waitUntil(() => engine.ended('r2'), { timeout: 20_000 });
    expect(engine.eventsOf('r2').at(-1)).toMatchObject({
      type: 'failed',
      error: { message: expect.stringContaining('no printer') },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    engine.send({ type: 'stop' });
    await vi.waitUntil(() => engine.exit.mock.calls.length > 0, { timeout: 10_000 });
  });

  it('main answers a print request with its printer, or says it cannot print', async () => {
    for (const print of [async () => new Uint8Array([37, 80, 68, 70]), undefined]) {
      const child = new FakeChild();
      const started = startEngine({ workspace: '/w.db', modulePath: '/e.cjs', fork: () => child, print });
      child.say({ type: 'ready', migration: { from: 7, to: 7, backup: null } });
      await started;
      child.say({ type: 'print', id: 3, html: '<p>x</p>', options: { header: 'h', title: 't', footer: 'f' } });
      await vi.waitUntil(() => child.sent.some((m) => m.type === 'printed'));
      expect(child.sent.find((m) => m.type === 'printed')).toEqual(
        print
          ? { type: 'printed', id: 3, outcome: { ok: true, pdf: new Uint8Array([37, 80, 68, 70]) } }
          : { type: 'printed', id: 3, outcome: { ok: false, error: 'this host cannot print' } },
      );
    }
  });
});
