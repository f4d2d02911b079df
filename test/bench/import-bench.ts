/**
 * `npm run bench:import [-- --rows N] [-- --addresses N] [-- --keep]`: generates a transfers CSV (deterministic),
 * imports it through the real importer into a fresh workspace, and times the sqlite3 shell's `.import` of the
 * same file into a plain table with the same indexes: the yardstick for loading this file.
 * Targets: at most 1.5 times the sqlite3 shell's time, and a peak resident set under 500 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { generate } from './generate';
import { option } from './options';

const TARGET_RATIO = 1.5;
const TARGET_PEAK_MB = 500;
const FULL_ROWS = 1_000_000;

function sqliteShell(): string | null {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? null : probe.stdout.trim();
}

/** The same file into a plain table with the transfers table's indexes, by the sqlite3 shell's CSV import. */
function timeSqliteShell(csv: string, dir: string): number {
  // Dot-commands must start their line, hence no indentation.
  const script = [
    'CREATE TABLE transfers (chain TEXT NOT NULL, tx_hash TEXT NOT NULL, idx INTEGER NOT NULL, time INTEGER NOT NULL,',
    '  block INTEGER, from_address TEXT NOT NULL, to_address TEXT NOT NULL, asset TEXT NOT NULL, amount TEXT NOT NULL,',
    '  UNIQUE (chain, tx_hash, idx));',
    'CREATE INDEX transfers_by_from ON transfers (from_address, time);',
    'CREATE INDEX transfers_by_to ON transfers (to_address, time);',
    `.import --csv --skip 1 '${csv.replace(/'/g, "''")}' transfers`,
    '',
  ].join('\n');
  const started = performance.now();
  const run = spawnSync('sqlite3', [path.join(dir, 'sqlite3-shell.db')], { input: script, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
  return seconds;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`;

interface ImportRun {
  seconds: number;
  inserted: number;
  rejected: number;
  firstErrors: string[];
  peakBytes: number;
}

/**
 * The import runs in a child process of its own, so its peak memory is the importer's and not the generator's.
 * The child prints one JSON line.
 */
async function importChild(csv: string, workspace: string): Promise<void> {
  const { db } = openDb(workspace);
  const started = performance.now();
  const report = await importFile(db, csv, { format: 'transfers-csv' });
  const seconds = (performance.now() - started) / 1000;
  db.close();
  const run: ImportRun = {
    seconds,
    inserted: report.inserted,
    rejected: report.rejected,
    firstErrors: report.errors.slice(0, 5).map((e) => `${e.line}: ${e.reason}`),
    peakBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(run));
}

function timeImport(csv: string, dir: string): ImportRun {
  const script = process.argv[1] as string;
  const child = spawnSync(process.execPath, [script, '--child', csv, path.join(dir, 'workspace.db')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the import failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as ImportRun;
}

async function main(): Promise<void> {
  const child = process.argv.indexOf('--child');
  if (child >= 0) return importChild(process.argv[child + 1] as string, process.argv[child + 2] as string);
  const rows = option('rows', FULL_ROWS);
  const addressCount = Math.min(option('addresses', 200_000), rows * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-bench-'));
  try {
    const csv = path.join(dir, 'transfers.csv');
    const generating = performance.now();
    await generate(csv, rows, addressCount);
    const size = fs.statSync(csv).size;
    console.log(
      `${rows.toLocaleString('en-US')} transfers over ${addressCount.toLocaleString('en-US')} addresses: ` +
        `${mb(size)} of CSV, generated in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
    );

    const ours = timeImport(csv, dir);
    if (ours.inserted !== rows || ours.rejected !== 0) {
      throw new Error(
        `expected ${rows} inserted, got ${ours.inserted} (${ours.rejected} rejected: ${ours.firstErrors.join('; ')})`,
      );
    }
    console.log(
      `ariadne transfers-csv: ${ours.seconds.toFixed(2)} s wall, ${rate(rows, ours.seconds)}, peak memory ${mb(ours.peakBytes)}`,
    );

    const shell = sqliteShell();
    let ratio: number | null = null;
    if (shell === null) {
      console.log('sqlite3 shell: not installed (apt-get install sqlite3); comparison skipped');
    } else {
      const theirs = timeSqliteShell(csv, dir);
      ratio = ours.seconds / theirs;
      console.log(`sqlite3 shell .import (${shell.split(' ')[0]}): ${theirs.toFixed(2)} s wall, ${rate(rows, theirs)}`);
      console.log(`ratio ariadne / sqlite3: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`);
    }
    const fast = ratio === null || ratio <= TARGET_RATIO;
    const small = ours.peakBytes < TARGET_PEAK_MB * 1024 * 1024;
    // Fixed costs (hashing the file, opening the workspace, each new address's checksum) weigh on small runs:
    // the targets are for the full run.
    if (rows < FULL_ROWS) {
      console.log(
        `targets (≤ ${TARGET_RATIO}x, < ${TARGET_PEAK_MB} MB) apply to the ${FULL_ROWS.toLocaleString('en-US')}-row run`,
      );
      return;
    }
    console.log(
      `targets: time ${fast ? 'met' : 'MISSED'}, peak memory ${mb(ours.peakBytes)} < ${TARGET_PEAK_MB} MB ${small ? 'met' : 'MISSED'}`,
    );
    if (!fast || !small) process.exitCode = 1;
  } finally {
    if (process.argv.includes('--keep')) console.log(`files kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
