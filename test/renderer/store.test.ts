import { describe, expect, it } from 'vitest';
import type { Case, Client, Input } from '../../db/api/contract';
import { createAppStore } from '../../renderer/src/store';

/**
 * An engine in memory, shaped like the real one where the store depends on it: newest update first, a query
 * matching title, reference or investigator, and a refusal for an id that does not exist.
 */
function fakeEngine(options: { failing?: Set<keyof Client> } = {}) {
  const cases: Case[] = [];
  let nextId = 1;
  let tick = Date.parse('2026-01-02T03:04:05.000Z');
  const stamp = () => new Date((tick += 1000)).toISOString();

  function find(id: number): Case {
    const found = cases.find((c) => c.id === id);
    if (!found) throw new Error(`no case with id ${id}`);
    return found;
  }

  function guard(method: keyof Client) {
    if (options.failing?.has(method)) throw new Error('The Ariadne host is not reachable. Is it still running?');
  }

  const client: Client = {
    async 'case.list'(input: Input<'case.list'>) {
      guard('case.list');
      const q = input.query?.toLowerCase();
      return cases
        .filter((c) => !q || [c.title, c.reference, c.investigator].some((v) => v?.toLowerCase().includes(q)))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async 'case.get'({ id }) {
      guard('case.get');
      return { ...find(id) };
    },
    async 'case.create'(input) {
      guard('case.create');
      const now = stamp();
      const created: Case = {
        id: nextId++,
        title: input.title,
        reference: input.reference || null,
        investigator: input.investigator || null,
        description: input.description ?? '',
        status: 'open',
        createdAt: now,
        updatedAt: now,
      };
      cases.push(created);
      return { ...created };
    },
    async 'case.update'({ id, ...changes }) {
      guard('case.update');
      const target = find(id);
      Object.assign(target, changes, { updatedAt: stamp() });
      return { ...target };
    },
    async 'case.delete'({ id }) {
      guard('case.delete');
      find(id);
      cases.splice(
        cases.findIndex((c) => c.id === id),
        1,
      );
      return { id };
    },
  };
  return client;
}

describe('the app store', () => {
  it('lists cases newest first and keeps a created case selected', async () => {
    const store = createAppStore(fakeEngine());
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
    const store = createAppStore(fakeEngine());
    await store.getState().create({ title: 'Bridge exploit', investigator: 'Tanaka' });
    await store.getState().create({ title: 'Phishing', reference: 'CR-7' });
    await store.getState().setQuery('tanaka');
    expect(store.getState().items.map((c) => c.title)).toEqual(['Bridge exploit']);
    expect(store.getState().selected?.title).toBe('Phishing');
  });

  it('lets only the newest search answer land', async () => {
    const engine = fakeEngine();
    const answers: Array<() => void> = [];
    const slow: Client = {
      ...engine,
      'case.list': (input) =>
        new Promise((resolve) => answers.push(() => void engine['case.list'](input).then(resolve))),
    };
    await engine['case.create']({ title: 'Alpha' });
    await engine['case.create']({ title: 'Beta' });
    const store = createAppStore(slow);

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
    const store = createAppStore(fakeEngine());
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
    const store = createAppStore(fakeEngine({ failing: new Set(['case.list', 'case.create', 'case.update']) }));
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
    const store = createAppStore(fakeEngine());
    for (let i = 1; i <= 6; i++) store.getState().notify('error', `failure ${i}`);
    const toasts = store.getState().toasts;
    expect(toasts.map((t) => t.message)).toEqual(['failure 3', 'failure 4', 'failure 5', 'failure 6']);
    store.getState().dismissToast(toasts[0]!.id);
    expect(store.getState().toasts).toHaveLength(3);
  });
});
