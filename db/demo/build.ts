/**
 * Builds the demo workspace "DPRK thefts 2017–2022" into an empty workspace: writes the demo's files into a
 * temporary folder, imports them with the real importers, creates the case, records its incidents (without any
 * attribution), then runs and stores one forward trace per incident, seeded by the incident (its theft tx), and links
 * it to the incident. Lazarus Group's losses per jurisdiction then come out of the summary by tracing alone.
 *
 * A cancel (or a failure) leaves the workspace as empty as it began: what the build had committed so far is
 * deleted again in one transaction (its audit log keeps the demo case's creation and deletion).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jobs } from '../api/contract';
import { ApiError } from '../api/errors';
import { createCase, deleteCase } from '../cases';
import { importFiles } from '../import/batch';
import { ImportCancelledError } from '../import/report';
import { listIncidents } from '../incidents/read';
import { setIncidentTrace } from '../incidents/write';
import type { Db } from '../open';
import { runTrace } from '../trace/run';
import { saveTrace } from '../trace/store';
import { DEMO_CASE, DEMO_ENTITIES, LAZARUS } from './facts';
import { drawDemoGraph } from './graph';
import { DemoCancelled, writeDemoFiles, type DemoFileSummary } from './files';
import { DEMO_STEPS, type DemoProgress, type DemoResult } from './types';

export { DEMO_STEPS, type DemoProgress, type DemoResult };

export interface DemoOptions {
  /** Multiplies the background chain data: 1 ≈ 100k transfers, 10 ≈ 1M; the incidents stay the same. */
  scale?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DemoProgress) => void;
  now?: () => Date;
  appVersion?: string;
}

/** Trace parameters for every incident: haircut, far enough to reach the exchanges, which end it. */
export const DEMO_TRACE = { direction: 'forward', method: 'haircut', hops: 12, stopAt: ['exchange'] } as const;

const MAX_SCALE = 100;

/** Why a workspace cannot take the demo, or null when it can. */
export function demoRefusal(db: Db): string | null {
  const has = (table: string) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  if (has('cases')) return 'the workspace already has cases; build the demo into a new, empty workspace';
  for (const table of ['transfers', 'utxo_txs', 'tags', 'entities', 'prices', 'addresses']) {
    if (has(table))
      return `the workspace already holds chain data (${table}); build the demo into a new, empty workspace`;
  }
  return null;
}

/** Deletes everything a demo build added to a workspace that was empty when it began. */
function undo(db: Db, caseId: number | null, now: string): void {
  db.transaction(() => {
    if (caseId !== null) deleteCase(db, caseId, now);
    for (const table of ['tags', 'entities', 'prices', 'utxo_txs', 'transfers', 'addresses', 'import_sources']) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
  })();
}

const turn = () => new Promise((resume) => setImmediate(resume));

export async function buildDemo(db: Db, options: DemoOptions = {}): Promise<DemoResult> {
  const scale = options.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= MAX_SCALE))
    throw new ApiError('invalid_input', `demo: scale must be a number above 0 and at most ${MAX_SCALE}`);
  const refusal = demoRefusal(db);
  if (refusal !== null) throw new ApiError('invalid_input', `demo: ${refusal}`);
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const started = performance.now();
  const signal = options.signal;
  const progress = (step: DemoProgress['step'], done: number | null = null, total: number | null = null) =>
    options.onProgress?.({ step, index: DEMO_STEPS.indexOf(step) + 1, steps: DEMO_STEPS.length, done, total });
  const checkCancel = () => {
    if (signal?.aborted) throw new DemoCancelled();
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-demo-'));
  let caseId: number | null = null;
  try {
    progress(DEMO_STEPS[0]);
    const files = await writeDemoFiles(dir, scale, {
      signal,
      onProgress: (done, total) => progress(DEMO_STEPS[0], done, total),
    });
    await importAll(db, files, { signal, now: clock, progress });
    describeEntities(db);

    checkCancel();
    progress('Creating the case and its incidents');
    const created = createCase(db, { ...DEMO_CASE }, now());
    caseId = created.id;
    const incidentIds = await importIncidents(db, files, caseId, { signal, now: clock });

    const traced = await traceIncidents(db, caseId, incidentIds, { checkCancel, progress, now, options });
    const largest = listIncidents(db, caseId).find((i) => i.jurisdiction === 'VN');
    if (largest) drawDemoGraph(db, caseId, largest, now());
    const lazarusId = db.prepare('SELECT id FROM entities WHERE key = ?').pluck().get(LAZARUS.key) as number;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      caseId,
      lazarusId,
      scale,
      counts: {
        entities: count('SELECT count(*) FROM entities'),
        tags: count('SELECT count(*) FROM tags'),
        prices: count('SELECT count(*) FROM prices'),
        ethTransfers: count("SELECT count(*) FROM transfers WHERE chain = 'ETH'"),
        btcTransactions: count("SELECT count(*) FROM utxo_txs WHERE chain = 'BTC'"),
        incidents: incidentIds.length,
        traces: traced,
      },
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (error) {
    undo(db, caseId, now());
    if (error instanceof DemoCancelled || error instanceof ImportCancelledError)
      throw new ApiError('cancelled', 'The demo build was cancelled; the workspace is empty again.');
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function importAll(
  db: Db,
  files: DemoFileSummary,
  context: {
    signal: AbortSignal | undefined;
    now: () => Date;
    progress: (step: DemoProgress['step'], done?: number | null, total?: number | null) => void;
  },
): Promise<void> {
  // The import steps of DEMO_STEPS, in the order the files are written.
  const steps = DEMO_STEPS.filter((step) => step.startsWith('Importing '));
  for (const [n, step] of steps.entries()) {
    const file = files.files[n];
    if (file === undefined) throw new Error('demo: files out of step with the build');
    context.progress(step);
    const report = await importFiles(db, [file.path], {
      format: file.format,
      signal: context.signal,
      now: context.now,
      onProgress: (p) => context.progress(step, p.bytesRead, p.totalBytes),
    });
    // The files are the project's own: a refused record is a bug in the generator, never a user's problem.
    const failed = report.failed[0] ?? report.errors[0];
    if (failed !== undefined)
      throw new Error(`demo: ${file.name}:${failed.line}: ${failed.reason} (a bug in the demo generator)`);
  }
}

/**
 * ActorPacks have no description field; the demo's entities say what they model (and that their names are
 * fictional) in their description, which the entity panel shows.
 */
function describeEntities(db: Db): void {
  const describe = db.prepare('UPDATE entities SET description = ? WHERE key = ?');
  db.transaction(() => {
    describe.run(LAZARUS.description, LAZARUS.key);
    for (const e of DEMO_ENTITIES) describe.run(e.description, e.key);
  })();
}

/** Imports the incidents CSV into the case: no actor columns, so nothing is attributed by hand. */
async function importIncidents(
  db: Db,
  files: DemoFileSummary,
  caseId: number,
  context: { signal: AbortSignal | undefined; now: () => Date },
): Promise<number[]> {
  const file = files.files.find((f) => f.format === 'incidents-csv');
  if (file === undefined) throw new Error('demo: no incidents file');
  const report = await importFiles(db, [file.path], {
    format: file.format,
    caseId,
    signal: context.signal,
    now: context.now,
  });
  const failed = report.failed[0] ?? report.errors[0];
  if (failed !== undefined)
    throw new Error(`demo: ${file.name}:${failed.line}: ${failed.reason} (a bug in the demo generator)`);
  return listIncidents(db, caseId).map((i) => i.id);
}

async function traceIncidents(
  db: Db,
  caseId: number,
  incidentIds: number[],
  context: {
    checkCancel: () => void;
    progress: (step: DemoProgress['step'], done?: number | null, total?: number | null) => void;
    now: () => string;
    options: DemoOptions;
  },
): Promise<number> {
  const step = 'Tracing the incidents';
  let done = 0;
  for (const id of incidentIds) {
    context.checkCancel();
    context.progress(step, done, incidentIds.length);
    const input = jobs['trace.run'].input.parse({ ...DEMO_TRACE, incidents: [id], caseId, save: true });
    const report = runTrace(db, input);
    db.transaction(() => {
      const at = context.now();
      const traceId = saveTrace(db, input, report, {
        createdAt: at,
        appVersion: context.options.appVersion ?? 'unknown',
      });
      setIncidentTrace(db, { id, traceId }, at);
    })();
    done += 1;
    await turn();
  }
  context.progress(step, done, incidentIds.length);
  return done;
}
