import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../db/api/contract';
import { openDb } from '../../db/open';
import { createCallQueue } from '../../db/api/call-queue';

/** An engine whose writes meet a lock while `locked` is set, as they would while a job's transaction is open. */
function lockableEngine() {
  const state = { locked: false, writes: [] as unknown[] };
  const engine = {
    call: vi.fn((method: string, input: unknown) => {
      if (method === 'case.list') return state.writes;
      if (state.locked) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      state.writes.push(input);
      return { id: state.writes.length };
    }),
  };
  return { state, engine };
}

function setup() {
  const { state, engine } = lockableEngine();
  const { db } = openDb(':memory:');
  const answers: Array<[number, Envelope<unknown>]> = [];
  const queue = createCallQueue(engine, db, (id, envelope) => answers.push([id, envelope]), 5);
  return { state, db, answers, queue };
}

describe('the engine’s call queue', () => {
  it('while jobs run, parks a call that meets the lock, keeps later calls behind it, and answers them in order', async () => {
    const { state, db, answers, queue } = setup();
    queue.jobsRunning(true);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(0);
    queue.call({ id: 1, method: 'case.list', input: {} });
    expect(answers).toEqual([[1, { ok: true, result: [] }]]);

    state.locked = true;
    queue.call({ id: 2, method: 'case.create', input: { title: 'a' } });
    queue.call({ id: 3, method: 'case.list', input: {} });
    queue.call({ id: 4, method: 'case.nope', input: {} });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answers).toHaveLength(1);

    // The lock comes free between two files of a batch: the parked calls go through on the next try.
    state.locked = false;
    await vi.waitUntil(() => answers.length === 4);
    expect(answers.slice(1)).toEqual([
      [2, { ok: true, result: { id: 1 } }],
      [3, { ok: true, result: [{ title: 'a' }] }],
      [4, { ok: false, error: { code: 'unknown_method', message: 'unknown method: case.nope' } }],
    ]);
    queue.jobsRunning(false);
  });

  it('answers parked calls as soon as the last job settles', () => {
    const { state, answers, queue } = setup();
    queue.jobsRunning(true);
    state.locked = true;
    queue.call({ id: 1, method: 'case.create', input: { title: 'a' } });
    expect(answers).toEqual([]);
    state.locked = false;
    queue.jobsRunning(false);
    expect(answers).toEqual([[1, { ok: true, result: { id: 1 } }]]);
  });

  it('with no job running, waits for locks as openDb set, and answers one that outlasts the wait as an error', () => {
    const { state, db, answers, queue } = setup();
    queue.jobsRunning(true);
    queue.jobsRunning(false);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    state.locked = true;
    queue.call({ id: 1, method: 'case.create', input: { title: 'a' } });
    expect(answers).toEqual([[1, { ok: false, error: { code: 'internal', message: 'database is locked' } }]]);
  });
});
