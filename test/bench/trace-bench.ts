/**
 * `npm run bench:trace [-- --rows N] [-- --seeds N] [-- --fresh]`: a 6-hop forward trace stopping at exchanges
 * (`--hops 6 --stop-at exchange`) from each of 100 seeds with each method (poison, haircut, FIFO) through the
 * real entry point (runTrace), on a generated workspace of 1,000,000 transfers shaped like real fund flows
 * (flows.ts: time-ordered spends, peel chains, fan-outs, consolidations, exchange deposits and withdrawals; ETH
 * and USDT) whose exchange addresses are tagged through the real TagPack importer. In the same run, the poison
 * reachability of each seed is answered by a recursive SQL CTE over the transfers table (exchange addresses
 * reached but not walked through, as the trace does), its set of addresses compared with the poison trace's
 * tainted addresses, and the times compared. Targets: p50 at most 150 ms per trace, at least 10x
 * faster than the CTE, engine memory under 500 MB.
 *
 * The workspace is built once per row count under os.tmpdir() and reused (--fresh rebuilds it). The traces
 * run in a child process of their own, so the peak resident set printed is the tracing's, not the build's.
 * Seeds are the recipients of transfers picked by a seeded PRNG (see pickSeeds); they carry no start time, so
 * every coin that reaches them is tainted (the widest trace such a seed can ask for).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import { stopAddresses } from '../../db/trace/load';
import { runTrace } from '../../db/trace/run';
import { flowsVersion, generateFlows } from './flows';
import { random } from './generate';
import { option } from './options';

const TARGET_P50_MS = 150;
const TARGET_RATIO = 10;
const TARGET_PEAK_MB = 500;
const FULL_ROWS = 1_000_000;
const HOPS = 6;
/** As investigators trace (and as the example): exchanges are cash-out points, not walked through. */
const STOP_AT = ['exchange'];
/** Per CTE query: beyond this the query is abandoned and counted as a timeout (at this time). */
const CTE_CAP_MS = 20_000;
const METHODS = ['poison', 'haircut', 'fifo'] as const;
type Method = (typeof METHODS)[number];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The cached workspace for this row count; built (generated CSV, real importer) when absent or --fresh. */
async function workspace(rows: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `ariadne-trace-bench-flows${flowsVersion}-${rows}`);
  const file = path.join(dir, 'workspace.db');
  const done = path.join(dir, 'complete');
  if (fs.existsSync(done) && !process.argv.includes('--fresh')) {
    console.log(`workspace: reusing ${file}`);
    return file;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, 'transfers.csv');
  const tags = path.join(dir, 'exchanges.yaml');
  const started = performance.now();
  const { addresses } = await generateFlows(csv, tags, rows);
  console.log(
    `workspace: generated ${rows.toLocaleString('en-US')} transfers over ${addresses.toLocaleString('en-US')} addresses`,
  );
  const { db } = openDb(file);
  const report = await importFile(db, csv, { format: 'transfers-csv' });
  const tagged = await importFile(db, tags, { format: 'tagpack' });
  db.close();
  if (tagged.rejected !== 0) throw new Error(`${tagged.rejected} exchange tags rejected`);
  fs.rmSync(csv);
  if (report.inserted !== rows || report.rejected !== 0) {
    throw new Error(`expected ${rows} transfers imported, got ${report.inserted} (${report.rejected} rejected)`);
  }
  fs.writeFileSync(done, '');
  console.log(`workspace: built ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

/**
 * Seeds as thefts land: the recipients of transfers picked at random (so busier addresses are picked more
 * often, as deposit and cash-out wallets are), among addresses that also send.
 */
function pickSeeds(db: Db, howMany: number): string[] {
  const total = db.prepare('SELECT max(id) FROM transfers').pluck().get() as number;
  const recipient = db.prepare(
    `SELECT a.chain || ':' || a.address FROM transfers t JOIN addresses a ON a.id = t.to_id
      WHERE t.id = ? AND EXISTS (SELECT 1 FROM transfers o WHERE o.from_id = t.to_id)
        AND t.to_id NOT IN (SELECT id FROM temp.bench_stops)`,
  );
  const next = random(60606);
  const picked = new Set<string>();
  for (let tries = 0; picked.size < howMany && tries < howMany * 100; tries++) {
    const seed = recipient.pluck().get(1 + (next() % total)) as string | undefined;
    if (seed !== undefined) picked.add(seed);
  }
  return [...picked];
}

/**
 * Poison reachability in SQL: per asset, taint is at the seed from its first inflow of that asset (the seed has
 * no start time), and a transfer of that asset leaving a reached address at or after the time taint could be
 * there reaches its recipient, up to HOPS transfers from the seed; an exchange address is reached but taint goes no
 * further from it. This is the BFS of db/trace/load.ts, per asset as poison marks coins per asset. Rows stream
 * out of the recursion, so a query over the cap is abandoned.
 */
const CTE = `
  WITH RECURSIVE
    start (asset_id, since) AS (SELECT asset_id, min(time) FROM transfers WHERE to_id = @seed GROUP BY asset_id),
    reach (id, asset_id, since, hop) AS (
      SELECT @seed, asset_id, since, 0 FROM start
      UNION
      SELECT t.to_id, t.asset_id, t.time, r.hop + 1
        FROM reach r JOIN transfers t ON t.from_id = r.id AND t.time >= r.since AND t.asset_id = r.asset_id
       WHERE r.hop < ${HOPS} AND r.id NOT IN (SELECT id FROM temp.bench_stops)
    )
  SELECT id FROM reach`;

interface CteRun {
  ms: number;
  reached: number;
  timedOut: boolean;
}

function cteReach(db: Db, seed: string): CteRun & { addresses: Set<string> | null } {
  const colon = seed.indexOf(':');
  const seedId = db
    .prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?')
    .pluck()
    .get(seed.slice(0, colon), seed.slice(colon + 1)) as number;
  const started = performance.now();
  const reached = new Set<number>();
  let timedOut = false;
  let rows = 0;
  for (const id of db.prepare(CTE).pluck().iterate({ seed: seedId }) as IterableIterator<number>) {
    reached.add(id);
    if (++rows % 1024 === 0 && performance.now() - started > CTE_CAP_MS) {
      timedOut = true;
      break; // ends the statement
    }
  }
  const elapsed = performance.now() - started;
  // Outside the timing: the addresses in the trace's normal form, to compare sets rather than counts.
  const name = db.prepare("SELECT chain || ':' || address FROM addresses WHERE id = ?").pluck();
  const addresses = timedOut ? null : new Set([...reached].map((id) => name.get(id) as string));
  return { ms: elapsed, reached: reached.size, timedOut, addresses };
}

interface MethodFigures {
  ms: number[];
  loaded: number[];
  tainted: number[];
}

interface ChildResult {
  seeds: number;
  methods: Record<Method, MethodFigures>;
  peakBytes: number;
  /** The largest JS heap plus external (BigInt and buffer) memory seen after a trace. */
  peakHeapBytes: number;
  cte: CteRun[];
  mismatches: string[];
}

/** In a process of its own: every trace, then the peak resident set, then the CTE. Prints one JSON line. */
function child(file: string, howMany: number): void {
  const { db } = openDb(file);
  // The connection is the engine's own, as openDb sets it up: no bench-only cache or memory mapping, so the
  // figures are those of the product.
  // The exchange addresses, found as the trace finds them, for the seed picker and the CTE.
  db.exec('CREATE TEMP TABLE bench_stops (id INTEGER PRIMARY KEY)');
  const stop = db.prepare('INSERT INTO temp.bench_stops (id) VALUES (?)');
  for (const id of stopAddresses(db, STOP_AT)) stop.run(id);
  const seeds = pickSeeds(db, howMany);
  const methods = Object.fromEntries(
    METHODS.map((m) => [m, { ms: [], loaded: [], tainted: [] } as MethodFigures]),
  ) as Record<Method, MethodFigures>;
  const poisonReached: Set<string>[] = [];
  let peakHeapBytes = 0;
  for (const method of METHODS) {
    for (const seed of seeds) {
      const started = performance.now();
      const report = runTrace(db, { seeds: [seed], direction: 'forward', method, hops: HOPS, stopAt: STOP_AT });
      const elapsed = performance.now() - started;
      const tainted = new Set(report.addresses.map((a) => a.address));
      methods[method].ms.push(elapsed);
      methods[method].loaded.push(report.loaded.transfers);
      methods[method].tainted.push(tainted.size);
      if (method === 'poison') poisonReached.push(tainted);
      const memory = process.memoryUsage();
      peakHeapBytes = Math.max(peakHeapBytes, memory.heapUsed + memory.external);
    }
  }
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  const runs = seeds.map((seed) => cteReach(db, seed));
  const mismatches = seeds.flatMap((seed, i) => {
    const c = runs[i] as (typeof runs)[number];
    const poison = poisonReached[i] as Set<string>;
    if (c.addresses === null) return [];
    const onlyCte = [...c.addresses].filter((a) => !poison.has(a)).length;
    const onlyPoison = [...poison].filter((a) => !(c.addresses as Set<string>).has(a)).length;
    return onlyCte + onlyPoison === 0
      ? []
      : [`${seed}: ${onlyCte} addresses only in the CTE's set, ${onlyPoison} only in the poison trace's`];
  });
  const cte = runs.map(({ ms: time, reached, timedOut }) => ({ ms: time, reached, timedOut }));
  db.close();
  const result: ChildResult = { seeds: seeds.length, methods, peakBytes, peakHeapBytes, cte, mismatches };
  console.log(JSON.stringify(result));
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) return child(process.argv[childAt + 1] as string, Number(process.argv[childAt + 2]));
  const rows = option('rows', FULL_ROWS);
  const howMany = option('seeds', 100);
  console.log(
    `${rows.toLocaleString('en-US')} transfers; ${howMany} seeds, forward, ${HOPS} hops, stopping at exchanges`,
  );
  const file = await workspace(rows);

  const run = spawnSync(process.execPath, [process.argv[1] as string, '--child', file, String(howMany)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the traces failed (exit ${run.status})`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() as string) as ChildResult;

  for (const method of METHODS) {
    const f = result.methods[method];
    const t = ascending(f.ms);
    console.log(
      `${method.padEnd(7)}: p50 ${ms(percentile(t, 50))}, p95 ${ms(percentile(t, 95))}, max ${ms(t[t.length - 1] as number)}; ` +
        `mean ${count(sum(f.loaded) / f.loaded.length)} transfers replayed, ` +
        `${count(sum(f.tainted) / f.tainted.length)} addresses tainted`,
    );
  }
  console.log(
    `peak memory of the tracing process: ${mb(result.peakBytes)} resident (workspace build excluded), ` +
      `${mb(result.peakHeapBytes)} JS heap and external`,
  );

  const cteTimes = ascending(result.cte.map((c) => c.ms));
  const timeouts = result.cte.filter((c) => c.timedOut).length;
  const poison = ascending(result.methods.poison.ms);
  const p50Ratio = percentile(cteTimes, 50) / percentile(poison, 50);
  const totalRatio = sum(cteTimes) / sum(poison);
  console.log(
    `recursive CTE, poison reachability: p50 ${ms(percentile(cteTimes, 50))}, p95 ${ms(percentile(cteTimes, 95))}, ` +
      `max ${ms(cteTimes[cteTimes.length - 1] as number)}, total ${ms(sum(cteTimes))}; ` +
      `mean ${count(sum(result.cte.map((c) => c.reached)) / result.cte.length)} addresses reached` +
      (timeouts > 0 ? `; ${timeouts} of ${result.seeds} stopped at the ${CTE_CAP_MS / 1000} s cap` : ''),
  );
  console.log(
    `ratio CTE / poison trace: ${p50Ratio.toPrecision(2)}x at p50, ${totalRatio.toPrecision(2)}x in total (target ≥ ${TARGET_RATIO}x)`,
  );
  const compared = result.seeds - timeouts;
  console.log(
    result.mismatches.length === 0
      ? `reached addresses: the CTE's set and the poison trace's are the same for all ${compared} seeds compared`
      : `reached addresses: ${result.mismatches.length} of ${compared} seeds DIFFER, e.g. ${result.mismatches.slice(0, 3).join('; ')}`,
  );

  if (rows < FULL_ROWS) {
    console.log(
      `targets (p50 ≤ ${TARGET_P50_MS} ms, ≥ ${TARGET_RATIO}x the CTE, < ${TARGET_PEAK_MB} MB) apply to the ` +
        `${FULL_ROWS.toLocaleString('en-US')}-row run`,
    );
    if (result.mismatches.length > 0) process.exitCode = 1;
    return;
  }
  const slowest = Math.max(...METHODS.map((m) => percentile(ascending(result.methods[m].ms), 50)));
  const fast = slowest <= TARGET_P50_MS;
  const faster = p50Ratio >= TARGET_RATIO;
  const small = result.peakBytes < TARGET_PEAK_MB * 1024 * 1024;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `targets: p50 ${ms(slowest)} (slowest method) ≤ ${TARGET_P50_MS} ms ${verdict(fast)}, ` +
      `${p50Ratio.toPrecision(2)}x ≥ ${TARGET_RATIO}x ${verdict(faster)}, ${mb(result.peakBytes)} < ${TARGET_PEAK_MB} MB ${verdict(small)}`,
  );
  if (!fast || !faster || !small || result.mismatches.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
