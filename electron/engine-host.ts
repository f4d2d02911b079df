/**
 * Main's side of the engine process: starts it, matches replies to calls and events to jobs, and turns a
 * dead engine into error envelopes and failed jobs instead of promises and jobs that never end. Electron's
 * utilityProcess.fork is passed in, so this module loads (and is tested) without Electron.
 */
import { randomUUID } from 'node:crypto';
import type { ForkOptions } from 'electron';
import type { Envelope, JobEvent, JobName, Method } from '../db/api/contract';
import type { MigrationReport } from '../db/open';
import type { PrintOptions } from '../db/report/print';
import { EngineMessage, engineArgs, type EngineArgs, type EngineRequest } from './engine-protocol';

/** The parts of a UtilityProcess the host uses; a UtilityProcess is one. */
export interface EngineChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: EngineRequest): void;
  kill(): boolean;
}

export type JobListener = (event: JobEvent, jobId: string) => void;

export type ForkEngine = (modulePath: string, args: string[], options: ForkOptions) => EngineChild;

export interface StartEngineOptions extends EngineArgs {
  /** dist/electron/engine.cjs */
  modulePath: string;
  /** utilityProcess.fork */
  fork: ForkEngine;
  /** How long stop() waits for the engine to close the database before killing it. */
  stopTimeoutMs?: number;
  /** Prints a report's HTML to PDF when the engine asks (electron/print.ts); without it, such requests fail. */
  print?: (html: string, options: PrintOptions) => Promise<Uint8Array<ArrayBuffer>>;
}

export interface EngineHost {
  /** Resolves with the engine's envelope; never rejects. */
  call(method: Method, input: unknown): Promise<Envelope<unknown>>;
  /**
   * Starts a job; its events reach onEvent, always after this returns, ending with exactly one done or
   * failed (failed with code 'internal' if the engine dies first). Refused only when the engine is gone.
   */
  startJob(name: JobName, input: unknown, onEvent: JobListener): Envelope<{ jobId: string }>;
  /** Asks the engine to cancel; the job still ends with its own event. Unknown or finished ids are ignored. */
  cancelJob(jobId: string): void;
  /** Asks the engine to close the workspace and exit; kills it if it does not within the timeout. */
  stop(): Promise<void>;
  /** What opening the workspace did to its schema. */
  readonly migration: MigrationReport;
}

/** The workspace could not be opened, or the engine died while opening it. The message is for the user. */
export class EngineStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStartError';
  }
}

function failure(message: string): Envelope<never> {
  return { ok: false, error: { code: 'internal', message } };
}

export function startEngine(options: StartEngineOptions): Promise<EngineHost> {
  const { modulePath, fork, stopTimeoutMs = 5000 } = options;
  const child = fork(modulePath, engineArgs(options), { serviceName: 'Ariadne engine', stdio: 'inherit' });

  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const jobs = new Map<string, JobListener>();
  let nextId = 1;
  let exited: { code: number } | null = null;
  const exitWaiters: Array<() => void> = [];

  return new Promise<EngineHost>((resolve, reject) => {
    let started = false;

    const notRunning = (code: number) =>
      failure(`The Ariadne engine is not running (it exited with code ${code}). Restart Ariadne.`);

    const host: Omit<EngineHost, 'migration'> = {
      call(method, input) {
        if (exited) return Promise.resolve(notRunning(exited.code));
        const id = nextId++;
        return new Promise((settle) => {
          pending.set(id, settle);
          try {
            child.postMessage({ type: 'call', id, method, input });
          } catch (error) {
            pending.delete(id);
            settle(failure(`Could not send ${method} to the engine: ${(error as Error).message}`));
          }
        });
      },
      startJob(name, input, onEvent) {
        if (exited) return notRunning(exited.code);
        const jobId = randomUUID();
        jobs.set(jobId, onEvent);
        try {
          child.postMessage({ type: 'job', id: jobId, name, input });
        } catch (error) {
          jobs.delete(jobId);
          return failure(`Could not send ${name} to the engine: ${(error as Error).message}`);
        }
        return { ok: true, result: { jobId } };
      },
      cancelJob(jobId) {
        if (exited || !jobs.has(jobId)) return;
        try {
          child.postMessage({ type: 'cancel', id: jobId });
        } catch (error) {
          // The engine cannot be reached; if it is dying, its exit fails the job.
          console.error(`Ariadne: could not cancel job ${jobId}: ${(error as Error).message}`);
        }
      },
      stop() {
        if (exited) return Promise.resolve();
        return new Promise<void>((done) => {
          exitWaiters.push(done);
          const timer = setTimeout(() => child.kill(), stopTimeoutMs);
          exitWaiters.push(() => clearTimeout(timer));
          try {
            child.postMessage({ type: 'stop' });
          } catch {
            child.kill();
          }
        });
      },
    };

    child.on('message', (raw) => {
      const parsed = EngineMessage.safeParse(raw);
      if (!parsed.success) {
        console.error('Ariadne: ignored a malformed message from the engine');
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'ready':
          started = true;
          resolve({ ...host, migration: message.migration });
          break;
        case 'startup-error':
          // The engine registered no handlers after a failed open; it has nothing left to do.
          child.kill();
          reject(new EngineStartError(message.message));
          break;
        case 'reply': {
          const settle = pending.get(message.id);
          pending.delete(message.id);
          settle?.(message.envelope);
          break;
        }
        case 'job-event': {
          const listener = jobs.get(message.id);
          if (message.event.type !== 'progress') jobs.delete(message.id);
          listener?.(message.event, message.id);
          break;
        }
        case 'print': {
          const { id, html, options: printOptions } = message;
          const answer = (outcome: { ok: true; pdf: Uint8Array<ArrayBuffer> } | { ok: false; error: string }) => {
            if (!exited) child.postMessage({ type: 'printed', id, outcome });
          };
          if (!options.print) answer({ ok: false, error: 'this host cannot print' });
          else
            options.print(html, printOptions).then(
              (pdf) => answer({ ok: true, pdf }),
              (error: unknown) => answer({ ok: false, error: (error as Error).message?.slice(0, 2000) ?? 'unknown' }),
            );
          break;
        }
      }
    });

    child.on('exit', (code) => {
      exited = { code };
      if (!started)
        reject(new EngineStartError(`The Ariadne engine stopped while opening the workspace (exit code ${code}).`));
      const lost = failure(
        `The Ariadne engine stopped (exit code ${code}) before answering; the action may not have been saved. Restart Ariadne.`,
      );
      for (const settle of pending.values()) settle(lost);
      pending.clear();
      const died: JobEvent = {
        type: 'failed',
        error: {
          code: 'internal',
          message: `The Ariadne engine stopped (exit code ${code}) before the job finished; what it had not committed was not saved. Restart Ariadne.`,
        },
      };
      const orphans = [...jobs];
      jobs.clear();
      for (const [jobId, listener] of orphans) listener(died, jobId);
      for (const done of exitWaiters.splice(0)) done();
    });
  });
}
