/**
 * `npm run bench:report [-- --scale N] [-- --runs N] [-- --fresh]`: exports the demo case's PDF report and
 * prints its pages, the seconds each export took (median of --runs, 3 by default) with the time of each stage
 * (model, workspace snapshot, printing, writing), and the peak memory of this process (RSS; Chromium's own
 * processes are not included). Target: a 30-page report in at most 3 seconds.
 *
 * The demo workspace (`ariadne demo --scale N`, 10 by default, about a million transfers) is built once and
 * cached under the temp folder; `--fresh` builds it again. Needs Debian's `chromium` (or ARIADNE_CHROMIUM).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../db/api/engine';
import { buildDemo } from '../../db/demo/build';
import { openDb } from '../../db/open';
import type { ReportProgress } from '../../db/report/export';
import { option } from './options';

const TARGET_SECONDS = 3;
const TARGET_PAGES = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const scale = option('scale', 10);
  const runs = option('runs', 3);
  const file = path.join(os.tmpdir(), `ariadne-bench-report-demo-${scale}.db`);
  if (process.argv.includes('--fresh') || !fs.existsSync(file)) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const started = performance.now();
    const { db } = openDb(file);
    await buildDemo(db, { scale });
    db.close();
    console.log(`demo workspace at scale ${scale} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const { db } = openDb(file);
  const engine = createEngine(db, { appVersion: 'bench' });
  const caseId = engine.call('case.list', {})[0]?.id;
  if (caseId === undefined) throw new Error(`${file} holds no case: run with --fresh`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-bench-report-'));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const totals: number[] = [];
  const stages: Record<string, number[]> = {};
  let pages = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const out = path.join(dir, `report-${run}.pdf`);
      const started = performance.now();
      let stage: { name: ReportProgress['stage']; at: number } | null = null;
      const close = (at: number) => {
        if (stage) (stages[stage.name] ??= []).push(at - stage.at);
      };
      const result = await engine.runJob(
        'report.export',
        { caseId, out },
        {
          onProgress: (p) => {
            const at = performance.now();
            close(at);
            stage = { name: p.stage, at };
          },
        },
      );
      const ended = performance.now();
      close(ended);
      totals.push(ended - started);
      pages = result.pages;
    }
  } finally {
    clearInterval(sampler);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const seconds = median(totals) / 1000;
  console.log(`report of the demo case at scale ${scale}: ${pages} pages`);
  console.log(
    `export: median ${seconds.toFixed(2)} s over ${runs} runs (${totals.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
  );
  for (const [name, times] of Object.entries(stages)) console.log(`  ${name}: ${(median(times) / 1000).toFixed(2)} s`);
  console.log(`peak memory (this process, RSS): ${(peak / 1024 / 1024).toFixed(0)} MiB`);
  // The target is stated for 30 pages; a longer report is held to the same pace per page.
  const allowed = TARGET_SECONDS * Math.max(1, pages / TARGET_PAGES);
  console.log(
    `target: ${TARGET_PAGES} pages in ≤ ${TARGET_SECONDS} s (here ${allowed.toFixed(1)} s for ${pages} pages): ${seconds <= allowed ? 'met' : 'MISSED'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
