/** Stand-ins for Electron's side of the engine process: a UtilityProcess, a parent port, and big inputs. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import type { JobEvent } from '../../db/api/contract';
import { startEngine, type EngineChild, type ForkEngine } from '../../electron/engine-host';
import { serveEngine, type EnginePort } from '../../electron/engine-process';
import { engineArgs, type EngineMessage, type EngineRequest } from '../../electron/engine-protocol';
import { tempDir } from '../helpers/workspace';

/** What Electron puts before the script's own arguments. */
export const ELECTRON_ARGV = ['/opt/Ariadne/ariadne', '/opt/Ariadne/resources/app.asar/dist/electron/engine.cjs'];

export class FakeChild extends EventEmitter implements EngineChild {
  readonly sent: EngineRequest[] = [];
  killed = false;
  postMessage(message: EngineRequest): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  say(message: EngineMessage | 'junk'): void {
    this.emit('message', message);
  }
}

/** startEngine with a FakeChild; `ready` makes the child say it has opened the workspace. */
export function fakeEngine() {
  const child = new FakeChild();
  const fork = vi.fn<ForkEngine>(() => child);
  const started = startEngine({
    workspace: '/w.db',
    nativeBinding: '/e.node',
    modulePath: '/dist/electron/engine.cjs',
    fork,
    stopTimeoutMs: 50,
  });
  const ready = async () => {
    child.say({ type: 'ready', migration: { from: 0, to: 2, backup: null } });
    return started;
  };
  return { child, fork, started, ready };
}

/** A fork that runs serveEngine in this process, with messages cloned and delivered asynchronously as by Electron. */
export function inProcessFork(exit = vi.fn()): ForkEngine {
  return (_modulePath, args) => {
    const child = new FakeChild();
    const engineListeners: Array<(event: { data: unknown }) => void> = [];
    const port: EnginePort = {
      on: (_event, listener) => engineListeners.push(listener),
      postMessage: (message) => setImmediate(() => child.emit('message', structuredClone(message))),
    };
    child.postMessage = (message) => {
      setImmediate(() => engineListeners.forEach((listener) => listener({ data: structuredClone(message) })));
    };
    setImmediate(() =>
      serveEngine(port, [...ELECTRON_ARGV, ...args], (code) => {
        exit(code);
        child.emit('exit', code);
      }),
    );
    return child;
  };
}

/** serveEngine on a workspace, driven directly through a fake parent port that records what it says. */
export function servedEngine(workspace: string) {
  const said: EngineMessage[] = [];
  let listener: ((event: { data: unknown }) => void) | undefined;
  const port: EnginePort = {
    on: (_event, l) => (listener = l),
    postMessage: (message) => said.push(structuredClone(message)),
  };
  const exit = vi.fn();
  serveEngine(port, [...ELECTRON_ARGV, ...engineArgs({ workspace })], exit);
  const send = (request: EngineRequest) => listener?.({ data: structuredClone(request) });
  const eventsOf = (id: string): JobEvent[] =>
    said.flatMap((m) => (m.type === 'job-event' && m.id === id ? [m.event] : []));
  const ended = (id: string) => eventsOf(id).some((e) => e.type !== 'progress');
  const replyTo = (id: number) => said.find((m) => m.type === 'reply' && m.id === id);
  return { said, send, exit, eventsOf, ended, replyTo };
}

/**
 * An ETH TagPack with `tags` tags: big enough that its import is still in its transaction when a test acts
 * on its first progress event.
 */
export function bigTagPack(tags = 60_000): string {
  const file = path.join(tempDir(), 'big.yaml');
  const lines = ['title: Big', 'creator: test', 'source: https://example.org', 'currency: ETH', 'label: L', 'tags:'];
  for (let i = 0; i < tags; i++) lines.push(`- address: '0x${i.toString(16).padStart(40, '0')}'`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
