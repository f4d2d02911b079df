import { describe, expect, it, vi } from 'vitest';
import type { JobEvent } from '../../db/api/contract';
import { startEngine, type JobListener } from '../../electron/engine-host';
import { graphsense } from '../helpers/shared-data';
import { tempWorkspace } from '../helpers/workspace';
import { bigTagPack, fakeEngine, inProcessFork, type FakeChild } from './fakes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PROGRESS: JobEvent = { type: 'progress', progress: { file: 'a.yaml', bytesRead: 1, totalBytes: 2, records: 1 } };

const lastJobId = (child: FakeChild) => {
  const last = child.sent.at(-1);
  if (last?.type !== 'job') throw new Error('no job sent');
  return last.id;
};

describe('startJob and cancelJob with a fake child', () => {
  it('sends the job under a fresh UUID and routes its events to its listener until it ends', async () => {
    const { child, ready } = fakeEngine();
    const host = await ready();
    const first = vi.fn<JobListener>();
    const second = vi.fn<JobListener>();
    const started = host.startJob('import.files', { files: ['a.yaml'] }, first);
    const firstId = lastJobId(child);
    expect(started).toEqual({ ok: true, result: { jobId: firstId } });
    expect(firstId).toMatch(UUID);
    expect(child.sent.at(-1)).toEqual({ type: 'job', id: firstId, name: 'import.files', input: { files: ['a.yaml'] } });
    host.startJob('import.files', { files: ['b.yaml'] }, second);
    const secondId = lastJobId(child);
    expect(secondId).not.toBe(firstId);
    expect(first).not.toHaveBeenCalled();

    const done: JobEvent = { type: 'done', result: { ...emptyReport() } };
    child.say({ type: 'job-event', id: firstId, event: PROGRESS });
    child.say({ type: 'job-event', id: secondId, event: PROGRESS });
    child.say({ type: 'job-event', id: firstId, event: done });
    child.say({ type: 'job-event', id: firstId, event: PROGRESS });
    expect(first.mock.calls).toEqual([
      [PROGRESS, firstId],
      [done, firstId],
    ]);
    expect(second.mock.calls).toEqual([[PROGRESS, secondId]]);

    // Cancelling a job that has ended is not sent; a running one is.
    host.cancelJob(firstId);
    host.cancelJob('no-such-job');
    expect(child.sent.filter((m) => m.type === 'cancel')).toEqual([]);
    host.cancelJob(secondId);
    expect(child.sent.at(-1)).toEqual({ type: 'cancel', id: secondId });
  });

  it('fails every running job when the engine dies, and refuses new ones', async () => {
    const { child, ready } = fakeEngine();
    const host = await ready();
    const listeners = [vi.fn<JobListener>(), vi.fn<JobListener>()];
    const ids = listeners.map((listener) => {
      host.startJob('import.files', { files: ['a.yaml'] }, listener);
      return lastJobId(child);
    });
    child.say({ type: 'job-event', id: ids[0]!, event: PROGRESS });
    child.emit('exit', 139);
    for (const [i, listener] of listeners.entries()) {
      const last = listener.mock.calls.at(-1);
      expect(last?.[1]).toBe(ids[i]);
      expect(last?.[0]).toMatchObject({ type: 'failed', error: { code: 'internal' } });
      expect(last?.[0].type === 'failed' && last[0].error.message).toMatch(
        /stopped \(exit code 139\).*Restart Ariadne/,
      );
      expect(listener.mock.calls.filter(([event]) => event.type !== 'progress')).toHaveLength(1);
    }
    const later = vi.fn<JobListener>();
    const refused = host.startJob('import.files', { files: ['a.yaml'] }, later);
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!refused.ok && refused.error.message).toMatch(/not running .*139/);
    const sent = child.sent.length;
    host.cancelJob(ids[0]!);
    expect(child.sent).toHaveLength(sent);
    expect(later).not.toHaveBeenCalled();
  });

  it('refuses a job it cannot send', async () => {
    const { child, ready } = fakeEngine();
    const host = await ready();
    child.postMessage = () => {
      throw new Error('port closed');
    };
    const listener = vi.fn<JobListener>();
    expect(host.startJob('import.files', {}, listener)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/port closed/) },
    });
    child.emit('exit', 1);
    expect(listener).not.toHaveBeenCalled();
  });
});

function emptyReport() {
  return { read: 0, inserted: 0, duplicates: 0, rejected: 0, errors: [], warnings: [], files: [], failed: [] };
}

describe('jobs from main to the engine process and back', () => {
  it('imports a TagPack through the host, and cancels another', async () => {
    const host = await startEngine({ workspace: tempWorkspace(), modulePath: 'engine.cjs', fork: inProcessFork() });
    const events: JobEvent[] = [];
    const started = host.startJob('import.files', { files: [graphsense('packs', 'lazarus.yaml')] }, (event) =>
      events.push(event),
    );
    expect(started.ok).toBe(true);
    await vi.waitUntil(() => events.some((e) => e.type !== 'progress'), { timeout: 10_000 });
    expect(events.slice(0, -1).every((e) => e.type === 'progress')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { inserted: 21 } });

    const big: JobEvent[] = [];
    const bigJob = host.startJob('import.files', { files: [bigTagPack()] }, (event) => big.push(event));
    await vi.waitUntil(() => big.length > 0, { timeout: 10_000, interval: 5 });
    if (bigJob.ok) host.cancelJob(bigJob.result.jobId);
    await vi.waitUntil(() => big.some((e) => e.type !== 'progress'), { timeout: 10_000 });
    expect(big.at(-1)).toMatchObject({ type: 'failed', error: { code: 'cancelled' } });
    expect(await host.call('address.list', { query: '0x0000000000000000000000000000000000000001' })).toMatchObject({
      ok: true,
      result: { total: 0 },
    });
    await host.stop();
  });
});
