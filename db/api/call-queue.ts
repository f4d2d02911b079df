/**
 * How an engine host (the Electron engine process, the headless host) answers calls: in the order they came, and without ever freezing while a job
 * writes. A job holds its write transaction across awaits on a connection of its own; a call that writes
 * meanwhile would wait in SQLite's busy handler — synchronously, on the very thread the job needs in order to
 * finish — and fail with "database is locked" after the whole busy timeout. So while jobs run, the main
 * connection does not wait for locks: a call that meets one is parked and tried again until the lock is free
 * (between a batch's files, or when the job commits or rolls back), and later calls queue behind it so that
 * replies keep their order. Reads never meet the lock (WAL), so they are answered at once unless a write is
 * parked ahead of them.
 *
 * Trying again is safe because a call that meets the lock has written nothing: every writing handler runs
 * in one transaction, which fails whole.
 */
import type { Envelope, Method } from './contract';
import { assertMethod } from './engine';
import { toErrorShape } from './errors';
import type { Db } from '../open';

export interface CallRequest {
  id: number;
  method: unknown;
  input: unknown;
}

export interface CallQueue {
  call(request: CallRequest): void;
  /** The job runner says when jobs start and when the last one has settled. */
  jobsRunning(running: boolean): void;
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT when a read must become a write, …). */
function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export function createCallQueue(
  engine: { call(method: Method, input: unknown): unknown },
  db: Db,
  answer: (id: number, envelope: Envelope<unknown>) => void,
  retryMs = 20,
): CallQueue {
  // Whatever openDb chose; it applies again once no job is running (another process may hold the lock).
  const lockWaitMs = db.pragma('busy_timeout', { simple: true }) as number;
  const queue: CallRequest[] = [];
  let jobs = false;
  let retry: NodeJS.Timeout | null = null;

  function attempt({ method, input }: CallRequest): Envelope<unknown> | 'locked' {
    try {
      return { ok: true, result: engine.call(assertMethod(method), input) };
    } catch (error) {
      if (jobs && isLocked(error)) return 'locked';
      return { ok: false, error: toErrorShape(error) };
    }
  }

  function drain(): void {
    if (retry) clearTimeout(retry);
    retry = null;
    for (let next = queue[0]; next !== undefined; next = queue[0]) {
      const outcome = attempt(next);
      if (outcome === 'locked') {
        retry = setTimeout(drain, retryMs);
        return;
      }
      queue.shift();
      answer(next.id, outcome);
    }
  }

  return {
    call(request) {
      queue.push(request);
      if (queue.length === 1) drain();
    },
    jobsRunning(running) {
      jobs = running;
      db.pragma(`busy_timeout = ${running ? 0 : lockWaitMs}`);
      drain();
    },
  };
}
