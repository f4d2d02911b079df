import { describe, expect, it } from 'vitest';
import type { Client, Method } from '../../db/api/contract';
import { createEngine } from '../../db/api/engine';
import { openDb } from '../../db/open';
import { createClient, type Transport } from '../../renderer/src/api/typed-client';
import { createAppStore } from '../../renderer/src/store';
import { steppingClock } from '../helpers/workspace';

const UNREACHABLE = 'The Ariadne host is not reachable. Is it still running?';

/** The real engine on an in-memory workspace as the store's transport; `failing` methods answer as a dead host. */
function engineTransport(options: { failing?: Set<Method> } = {}): Transport {
  const { db } = openDb(':memory:');
  const engine = createEngine(db, { now: steppingClock() });
  return async (method, input) =>
    options.failing?.has(method)
      ? { ok: false, error: { code: 'internal', message: UNREACHABLE } }
      : engine.dispatch(method, input);
}

function engineClient(options: { failing?: Set<Method> } = {}): Client {
  return createClient(engineTransport(options));
}

describe('the app store', () => {
  it('lists cases newest first and keeps a created case selected', async () => {
    const store = createAppStore(engineClient());
    await store.getState().load();
    expect(store.getState()).toMatchObject({ items: [], loaded: true, loading: false, error: null });

    await store.getState().create({ title: 'First' });
    const result = await store.getState().create({ title: 'Second', reference: 'R-2' });
    expect(result.ok).toBe(true);
    const state = store.getState();
    expect(state.items.map((c) => c.title)).toEqual(['Second', 'First']);
    expect(state.selected?.title).toBe('Second');
    expect(state.toasts.map((t) => t.message)).toEqual(['Case “First” created', 'Case “Second” created']);
  });

  it('searches through the engine and keeps the open case when the search hides it', async () => {
    const store = createAppStore(engineClient());
    await store.getState().create({ title: 'Bridge exploit', investigator: 'Tanaka' });
    await store.getState().create({ title: 'Phishing', reference: 'CR-7' });
    await store.getState().setQuery('tanaka');
    expect(store.getState().items.map((c) => c.title)).toEqual(['Bridge exploit']);
    expect(store.getState().selected?.title).toBe('Phishing');
  });

  it('lets only the newest search answer land', async () => {
    const transport = engineTransport();
    const answers: Array<() => void> = [];
    const slow: Transport = (method, input) =>
      method === 'case.list'
        ? new Promise((resolve) => answers.push(() => void transport(method, input).then(resolve)))
        : transport(method, input);
    const engine = createClient(transport);
    await engine['case.create']({ title: 'Alpha' });
    await engine['case.create']({ title: 'Beta' });
    const store = createAppStore(createClient(slow));

    const first = store.getState().setQuery('alp');
    const second = store.getState().setQuery('bet');
    answers[1]?.();
    await second;
    answers[0]?.();
    await first;
    expect(store.getState().items.map((c) => c.title)).toEqual(['Beta']);
    expect(store.getState().loading).toBe(false);
  });

  it('renames, changes status and deletes, updating the open case', async () => {
    const store = createAppStore(engineClient());
    const created = await store.getState().create({ title: 'Old title' });
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;

    await store.getState().update(id, { title: 'New title', reference: 'CR-1' });
    expect(store.getState().selected).toMatchObject({ title: 'New title', reference: 'CR-1' });
    expect(store.getState().items[0]?.title).toBe('New title');

    await store.getState().setStatus(id, 'archived');
    expect(store.getState().selected?.status).toBe('archived');
    expect(store.getState().toasts.at(-1)?.message).toBe('Case archived');

    const removed = await store.getState().remove(id);
    expect(removed.ok).toBe(true);
    expect(store.getState().selected).toBeNull();
    expect(store.getState().items).toEqual([]);
    expect(store.getState().toasts.at(-1)?.message).toBe('Case “New title” deleted');
  });

  it('reports failures where the user will see them', async () => {
    const store = createAppStore(engineClient({ failing: new Set(['case.list', 'case.create', 'case.update']) }));
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loaded: false, loading: false });
    expect(store.getState().error).toMatch(/not reachable/);

    const created = await store.getState().create({ title: 'Lost' });
    expect(created).toEqual({ ok: false, message: expect.stringMatching(/not reachable/) });
    expect(store.getState().selected).toBeNull();

    await store.getState().setStatus(1, 'closed');
    expect(store.getState().toasts.at(-1)).toMatchObject({ kind: 'error', message: expect.stringMatching(/status/) });
  });

  it('keeps a bounded number of toasts and drops dismissed ones', () => {
    const store = createAppStore(engineClient());
    for (let i = 1; i <= 6; i++) store.getState().notify('error', `failure ${i}`);
    const toasts = store.getState().toasts;
    expect(toasts.map((t) => t.message)).toEqual(['failure 3', 'failure 4', 'failure 5', 'failure 6']);
    store.getState().dismissToast(toasts[0]!.id);
    expect(store.getState().toasts).toHaveLength(3);
  });
});
