/**
 * Main's side of the engine process: starts it, matches replies to calls, and turns a dead engine into
 * error envelopes instead of promises that never settle. Electron's utilityProcess.fork is passed in, so
 * this module loads (and is tested) without Electron.
 */
import type { ForkOptions } from 'electron';
import type { Envelope, Method } from '../db/api/contract';
import type { MigrationReport } from '../db/open';
import { EngineMessage, engineArgs, type EngineArgs, type EngineRequest } from './engine-protocol';

/** The parts of a UtilityProcess the host uses; a UtilityProcess is one. */
export interface EngineChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: EngineRequest): void;
  kill(): boolean;
}

export type ForkEngine = (modulePath: string, args: string[], options: ForkOptions) => EngineChild;

export interface StartEngineOptions extends EngineArgs {
  /** dist/electron/engine.cjs */
  modulePath: string;
  /** utilityProcess.fork */
  fork: ForkEngine;
  /** How long stop() waits for the engine to close the database before killing it. */
  stopTimeoutMs?: number;
}

export interface EngineHost {
  /** Resolves with the engine's envelope; never rejects. */
  call(method: Method, input: unknown): Promise<Envelope<unknown>>;
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
  let nextId = 1;
  let exited: { code: number } | null = null;
  const exitWaiters: Array<() => void> = [];

  return new Promise<EngineHost>((resolve, reject) => {
    let started = false;

    const host: Omit<EngineHost, 'migration'> = {
      call(method, input) {
        if (exited) {
          return Promise.resolve(
            failure(`The Ariadne engine is not running (it exited with code ${exited.code}). Restart Ariadne.`),
          );
        }
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
      for (const done of exitWaiters.splice(0)) done();
    });
  });
}
