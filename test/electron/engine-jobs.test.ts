import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { JobEvent } from '../../db/api/contract';
import { openDb } from '../../db/open';
import { graphsense } from '../helpers/shared-data';
import { tempWorkspace } from '../helpers/workspace';
import { bigTagPack, servedEngine } from './fakes';

/** What the workspace holds, read on a connection of its own. */
function counts(workspace: string) {
  const { db } = openDb(workspace);
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { tags: count('tags'), sources: count('import_sources'), cases: count('cases') };
  } finally {
    db.close();
  }
}

/** Polled often, so the test acts while the job is still inside its transaction. */
const inProgress = (engine: ReturnType<typeof servedEngine>, id: string) =>
  vi.waitUntil(() => engine.eventsOf(id).length > 0, { timeout: 10_000, interval: 5 });
const ended = (engine: ReturnType<typeof servedEngine>, id: string) =>
  vi.waitUntil(() => engine.ended(id), { timeout: 20_000 });

function expectWellFormed(events: JobEvent[]) {
  expect(events.length).toBeGreaterThan(0);
  expect(events.slice(0, -1).every((e) => e.type === 'progress')).toBe(true);
  expect(events.at(-1)?.type).not.toBe('progress');
}

async function stop(engine: ReturnType<typeof servedEngine>) {
  engine.send({ type: 'stop' });
  await vi.waitUntil(() => engine.exit.mock.calls.length > 0, { timeout: 10_000 });
}

describe('jobs in the engine process', () => {
  it('imports a TagPack, telling its progress and then its result, and the import is in the workspace', async () => {
    const workspace = tempWorkspace();
    const engine = servedEngine(workspace);
    engine.send({
      type: 'job',
      id: 'j1',
      name: 'import.files',
      input: { files: [graphsense('packs', 'lazarus.yaml')] },
    });
    await ended(engine, 'j1');
    const events = engine.eventsOf('j1');
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { inserted: 21, failed: [] } });
    expect(events[0]).toMatchObject({ type: 'progress', progress: { file: graphsense('packs', 'lazarus.yaml') } });
    expect(counts(workspace)).toMatchObject({ tags: 21, sources: 1 });
    await stop(engine);
  });

  it('ends a job the engine refuses with a failed event', async () => {
    const engine = servedEngine(tempWorkspace());
    engine.send({ type: 'job', id: 'bad-name', name: 'import.everything', input: {} });
    engine.send({ type: 'job', id: 'bad-input', name: 'import.files', input: { files: [] } });
    await ended(engine, 'bad-input');
    expect(engine.eventsOf('bad-name')).toEqual([
      { type: 'failed', error: { code: 'unknown_method', message: 'unknown job: import.everything' } },
    ]);
    expect(engine.eventsOf('bad-input')).toMatchObject([{ type: 'failed', error: { code: 'invalid_input' } }]);
    await stop(engine);
  });

  it('cancels a job mid-way, leaving the workspace as it was', async () => {
    const workspace = tempWorkspace();
    const engine = servedEngine(workspace);
    engine.send({ type: 'job', id: 'big', name: 'import.files', input: { files: [bigTagPack()] } });
    await inProgress(engine, 'big');
    engine.send({ type: 'cancel', id: 'big' });
    await ended(engine, 'big');
    expectWellFormed(engine.eventsOf('big'));
    expect(engine.eventsOf('big').at(-1)).toMatchObject({ type: 'failed', error: { code: 'cancelled' } });
    expect(counts(workspace)).toEqual({ tags: 0, sources: 0, cases: 0 });
    // The write lock went with the rollback: the next import goes straight in.
    engine.send({
      type: 'job',
      id: 'next',
      name: 'import.files',
      input: { files: [graphsense('packs', 'lazarus2.yaml')] },
    });
    await ended(engine, 'next');
    expect(engine.eventsOf('next').at(-1)).toMatchObject({ type: 'done', result: { inserted: 6 } });
    // A cancel that crosses the job's end changes nothing.
    engine.send({ type: 'cancel', id: 'next' });
    expect(engine.eventsOf('next').filter((e) => e.type !== 'progress')).toHaveLength(1);
    await stop(engine);
  });

  it('answers calls while a job runs', async () => {
    const engine = servedEngine(tempWorkspace());
    engine.send({ type: 'job', id: 'big', name: 'import.files', input: { files: [bigTagPack()] } });
    await inProgress(engine, 'big');
    engine.send({ type: 'call', id: 1, method: 'address.list', input: {} });
    // Answered at once, and from the committed workspace: the job's uncommitted tags are not in it.
    expect(engine.replyTo(1)).toMatchObject({ type: 'reply', id: 1, envelope: { ok: true, result: { total: 0 } } });
    expect(engine.ended('big')).toBe(false);
    await stop(engine);
  });

  it('keeps a write made during a job that is then cancelled: it waits for the lock and survives the rollback', async () => {
    const workspace = tempWorkspace();
    const engine = servedEngine(workspace);
    engine.send({ type: 'job', id: 'big', name: 'import.files', input: { files: [bigTagPack()] } });
    await inProgress(engine, 'big');
    engine.send({ type: 'call', id: 1, method: 'case.create', input: { title: 'Made during the import' } });
    engine.send({ type: 'call', id: 2, method: 'case.list', input: {} });
    // The job holds the write lock: the write waits, and the read behind it too, so replies keep their order.
    expect(engine.replyTo(1)).toBeUndefined();
    expect(engine.replyTo(2)).toBeUndefined();
    engine.send({ type: 'cancel', id: 'big' });
    await vi.waitUntil(() => engine.replyTo(2), { timeout: 10_000 });
    expect(engine.eventsOf('big').at(-1)).toMatchObject({ type: 'failed', error: { code: 'cancelled' } });
    const order = engine.said.map((m) => (m.type === 'reply' ? m.id : m.type === 'job-event' ? m.event.type : m.type));
    expect(order.indexOf(1)).toBeGreaterThan(order.indexOf('failed'));
    expect(order.indexOf(2)).toBeGreaterThan(order.indexOf(1));
    // Had the call sat in SQLite's busy handler instead, the engine would have frozen for 5 s and answered
    // "database is locked"; had it run on the job's connection, it would have vanished with the rollback.
    expect(engine.replyTo(1)).toMatchObject({ envelope: { ok: true, result: { title: 'Made during the import' } } });
    expect(engine.replyTo(2)).toMatchObject({ envelope: { ok: true, result: [{ title: 'Made during the import' }] } });
    expect(counts(workspace)).toEqual({ tags: 0, sources: 0, cases: 1 });
    await stop(engine);
  });

  it('runs jobs one after the other, and cancels one that is still waiting without running it', async () => {
    const workspace = tempWorkspace();
    const engine = servedEngine(workspace);
    const pack = (name: string) => ({ files: [graphsense('packs', name)] });
    engine.send({ type: 'job', id: 'first', name: 'import.files', input: pack('lazarus.yaml') });
    engine.send({ type: 'job', id: 'second', name: 'import.files', input: pack('lazarus2.yaml') });
    engine.send({ type: 'job', id: 'third', name: 'import.files', input: pack('ronin_bridge.yaml') });
    engine.send({ type: 'cancel', id: 'third' });
    expect(engine.eventsOf('third')).toEqual([
      { type: 'failed', error: { code: 'cancelled', message: 'Cancelled before it started; nothing was changed.' } },
    ]);
    await ended(engine, 'second');
    const ids = engine.said.flatMap((m) => (m.type === 'job-event' ? [m.id] : []));
    expect(ids.lastIndexOf('first')).toBeLessThan(ids.indexOf('second'));
    expect(engine.eventsOf('first').at(-1)).toMatchObject({ type: 'done', result: { inserted: 21 } });
    expect(engine.eventsOf('second').at(-1)).toMatchObject({ type: 'done', result: { inserted: 6 } });
    expect(counts(workspace)).toMatchObject({ tags: 27, sources: 2 });
    await stop(engine);
  });

  it('on stop, cancels running and waiting jobs, then closes the workspace', async () => {
    const workspace = tempWorkspace();
    const engine = servedEngine(workspace);
    engine.send({ type: 'job', id: 'big', name: 'import.files', input: { files: [bigTagPack()] } });
    engine.send({
      type: 'job',
      id: 'waiting',
      name: 'import.files',
      input: { files: [graphsense('packs', 'lazarus.yaml')] },
    });
    await inProgress(engine, 'big');
    await stop(engine);
    expect(engine.exit).toHaveBeenCalledExactlyOnceWith(0);
    expect(engine.eventsOf('big').at(-1)).toMatchObject({ type: 'failed', error: { code: 'cancelled' } });
    expect(engine.eventsOf('waiting')).toMatchObject([{ type: 'failed', error: { code: 'cancelled' } }]);
    expect(fs.existsSync(`${workspace}-wal`)).toBe(false);
    expect(counts(workspace)).toEqual({ tags: 0, sources: 0, cases: 0 });
  });
});
