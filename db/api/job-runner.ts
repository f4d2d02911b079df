/**
 * How an engine host runs jobs: one at a time, in the order they came, each with an AbortController of
 * its own. One at a time because a job writes in a transaction held across awaits: a second job's
 * BEGIN IMMEDIATE would wait, synchronously and on this very thread, for a lock only the first job can
 * release — freezing the engine for the whole busy timeout, then failing with "database is locked".
 */
import type { JobEvent } from './contract';
import type { Engine } from './engine';

export interface JobRunnerEvents {
  /** Every event of every job, in order; each job ends with exactly one done or failed. */
  emit(id: string, event: JobEvent): void;
  /** true when a job begins after none ran; false once the last one has settled. */
  running(running: boolean): void;
}

export interface JobRunner {
  start(id: string, name: unknown, input: unknown): void;
  /** An id that is unknown or already finished is ignored: the cancel crossed the job's end. */
  cancel(id: string): void;
  /** Cancels every job; resolves once none runs (the last has rolled back and closed its connection). */
  cancelAll(): Promise<void>;
}

interface Job {
  id: string;
  name: unknown;
  input: unknown;
  controller: AbortController;
}

const CANCELLED_BEFORE_START: JobEvent = {
  type: 'failed',
  error: { code: 'cancelled', message: 'Cancelled before it started; nothing was changed.' },
};

export function createJobRunner(engine: Pick<Engine, 'streamJob'>, events: JobRunnerEvents): JobRunner {
  const waiting: Job[] = [];
  let current: Job | null = null;
  const idle: Array<() => void> = [];

  function runNext(): void {
    current = waiting.shift() ?? null;
    if (current === null) {
      events.running(false);
      for (const resolve of idle.splice(0)) resolve();
      return;
    }
    const job = current;
    engine
      .streamJob(job.name, job.input, job.controller.signal, (event) => events.emit(job.id, event))
      // streamJob never rejects by itself; only a broken port could make emit throw.
      .catch((error: unknown) => console.error(`Ariadne engine: job ${job.id} could not report its end`, error))
      .then(runNext);
  }

  return {
    start(id, name, input) {
      if (current?.id === id || waiting.some((job) => job.id === id)) {
        console.error(`Ariadne engine: ignored a second job with id ${id}`);
        return;
      }
      waiting.push({ id, name, input, controller: new AbortController() });
      if (current === null) {
        events.running(true);
        runNext();
      }
    },
    cancel(id) {
      if (current?.id === id) {
        current.controller.abort();
        return;
      }
      const index = waiting.findIndex((job) => job.id === id);
      if (index === -1) return;
      waiting.splice(index, 1);
      events.emit(id, CANCELLED_BEFORE_START);
    },
    cancelAll() {
      for (const job of waiting.splice(0)) events.emit(job.id, CANCELLED_BEFORE_START);
      if (current === null) return Promise.resolve();
      current.controller.abort();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
