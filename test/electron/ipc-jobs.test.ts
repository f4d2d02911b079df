import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, JobEvent, JobName } from '../../db/api/contract';
import type { JobListener } from '../../electron/engine-host';
import { validateJob } from '../../electron/ipc';
import {
  JOB_CANCEL_CHANNEL,
  JOB_EVENT_CHANNEL,
  JOB_START_CHANNEL,
  registerJobIpc,
  type JobOwner,
} from '../../electron/ipc-jobs';

const APP_URL = pathToFileURL('/opt/Ariadne/dist/renderer/index.html').href;
const TOP = { url: APP_URL, parent: null };
const EVIL = { url: 'https://evil.example/', parent: null };
const GOOD_INPUT = { files: ['/cases/lazarus.yaml'] };
const PROGRESS: JobEvent = { type: 'progress', progress: { file: 'a', bytesRead: 1, totalBytes: 2, records: 0 } };
const CANCELLED: JobEvent = {
  type: 'failed',
  error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' },
};

describe('validateJob', () => {
  it('passes a good job from the app window', () => {
    expect(validateJob(TOP, APP_URL, 'import.files', GOOD_INPUT)).toEqual({ ok: true, name: 'import.files' });
  });

  it('refuses untrusted senders, unknown jobs and bad input', () => {
    for (const frame of [null, EVIL, { url: APP_URL, parent: {} }]) {
      expect(validateJob(frame, APP_URL, 'import.files', GOOD_INPUT)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    for (const name of ['import.everything', '__proto__', 'case.list', 7, undefined]) {
      expect(validateJob(TOP, APP_URL, name, GOOD_INPUT)).toMatchObject({
        ok: false,
        error: { code: 'unknown_method' },
      });
    }
    for (const input of [{}, { files: [] }, { files: [''] }, { files: ['a'], admin: true }, { files: 'a.yaml' }]) {
      expect(validateJob(TOP, APP_URL, 'import.files', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/^import\.files: /) },
      });
    }
  });
});

class FakeOwner implements JobOwner {
  readonly sent: Array<[string, string, JobEvent]> = [];
  destroyed = false;
  private onDestroyed: Array<() => void> = [];
  constructor(readonly id: number) {}
  send(channel: string, jobId: string, event: JobEvent): void {
    this.sent.push([channel, jobId, event]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void): void {
    this.onDestroyed.push(listener);
  }
  destroy(): void {
    this.destroyed = true;
    for (const listener of this.onDestroyed.splice(0)) listener();
  }
}

function setup() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc = {
    handle: vi.fn((channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      handlers.set(channel, listener);
    }),
  };
  const listeners = new Map<string, JobListener>();
  let next = 0;
  const engine = {
    startJob: vi.fn((_name: JobName, _input: unknown, onEvent: JobListener): Envelope<{ jobId: string }> => {
      const jobId = `job-${++next}`;
      listeners.set(jobId, onEvent);
      return { ok: true, result: { jobId } };
    }),
    cancelJob: vi.fn((_jobId: string) => undefined),
  };
  registerJobIpc(ipc, engine, APP_URL);
  const invoke = (channel: string, owner: FakeOwner, frame: unknown, ...args: unknown[]) =>
    handlers.get(channel)?.({ sender: owner, senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  const start = (owner: FakeOwner, name: unknown = 'import.files', input: unknown = GOOD_INPUT, frame: unknown = TOP) =>
    invoke(JOB_START_CHANNEL, owner, frame, name, input) as Envelope<{ jobId: string }>;
  const cancel = (owner: FakeOwner, jobId: unknown, frame: unknown = TOP) =>
    invoke(JOB_CANCEL_CHANNEL, owner, frame, jobId);
  const emit = (jobId: string, event: JobEvent) => listeners.get(jobId)?.(event, jobId);
  return { ipc, engine, start, cancel, emit };
}

describe('registerJobIpc', () => {
  it('registers the start and cancel channels', () => {
    const { ipc } = setup();
    expect(ipc.handle.mock.calls.map(([channel]) => channel).sort()).toEqual([JOB_CANCEL_CHANNEL, JOB_START_CHANNEL]);
  });

  it('starts a good job, answers its id, and sends its events to the window that started it', () => {
    const { engine, start, emit } = setup();
    const window = new FakeOwner(1);
    const other = new FakeOwner(2);
    expect(start(window)).toEqual({ ok: true, result: { jobId: 'job-1' } });
    expect(engine.startJob).toHaveBeenCalledExactlyOnceWith('import.files', GOOD_INPUT, expect.any(Function));
    start(other);
    emit('job-1', PROGRESS);
    emit('job-1', CANCELLED);
    emit('job-2', PROGRESS);
    expect(window.sent).toEqual([
      [JOB_EVENT_CHANNEL, 'job-1', PROGRESS],
      [JOB_EVENT_CHANNEL, 'job-1', CANCELLED],
    ]);
    expect(other.sent).toEqual([[JOB_EVENT_CHANNEL, 'job-2', PROGRESS]]);
  });

  it('refuses untrusted senders, unknown job names and bad input before the engine sees them', () => {
    const { engine, start } = setup();
    const window = new FakeOwner(1);
    expect(start(window, 'import.files', GOOD_INPUT, EVIL)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(start(window, 'import.files', GOOD_INPUT, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(start(window, 'import.everything')).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'unknown job: import.everything' },
    });
    expect(start(window, 'import.files', { files: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(engine.startJob).not.toHaveBeenCalled();
  });

  it('passes the engine’s refusal through', () => {
    const { engine, start } = setup();
    const refusal: Envelope<never> = { ok: false, error: { code: 'internal', message: 'The engine is not running' } };
    engine.startJob.mockReturnValueOnce(refusal);
    expect(start(new FakeOwner(1))).toBe(refusal);
  });

  it('lets only the window that started a job cancel it, and only while it runs', () => {
    const { engine, start, cancel, emit } = setup();
    const window = new FakeOwner(1);
    start(window);
    cancel(new FakeOwner(2), 'job-1');
    cancel(window, 'job-1', EVIL);
    cancel(window, 'job-9');
    cancel(window, 42);
    expect(engine.cancelJob).not.toHaveBeenCalled();
    expect(cancel(window, 'job-1')).toBeUndefined();
    expect(engine.cancelJob).toHaveBeenCalledExactlyOnceWith('job-1');
    emit('job-1', CANCELLED);
    cancel(window, 'job-1');
    expect(engine.cancelJob).toHaveBeenCalledTimes(1);
  });

  it('cancels the running jobs of a window that is destroyed, and sends it nothing more', () => {
    const { engine, start, emit } = setup();
    const window = new FakeOwner(1);
    const other = new FakeOwner(2);
    start(window);
    start(window);
    start(other);
    emit('job-2', CANCELLED);
    window.destroy();
    expect(engine.cancelJob.mock.calls).toEqual([['job-1']]);
    emit('job-1', CANCELLED);
    expect(window.sent).toEqual([[JOB_EVENT_CHANNEL, 'job-2', CANCELLED]]);
    expect(other.sent).toEqual([]);
  });
});
