import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Client, JobClient, Method } from '../../db/api/contract';
import { createEngine, type Engine } from '../../db/api/engine';
import { toErrorShape } from '../../db/api/errors';
import { openDb } from '../../db/open';
import { createClient, createJobClient, type JobTransport, type Transport } from '../../renderer/src/api/typed-client';
import { createAppStore, type AppState, type AppStore } from '../../renderer/src/store';
import type { ImportSource } from '../../renderer/src/store/importSlice';
import { rowAt } from '../../renderer/src/store/pagedList';
import { graphsense } from '../helpers/shared-data';
import { steppingClock } from '../helpers/workspace';

const UNREACHABLE = 'The Ariadne host is not reachable. Is it still running?';

function memoryEngine(): Engine {
  const { db } = openDb(':memory:');
  return createEngine(db, { now: steppingClock() });
}

/** The real engine on an in-memory workspace as the store's transport; `failing` methods answer as a dead host. */
function engineTransport(options: { failing?: Set<Method>; engine?: Engine } = {}): Transport {
  const engine = options.engine ?? memoryEngine();
  return async (method, input) =>
    options.failing?.has(method)
      ? { ok: false, error: { code: 'internal', message: UNREACHABLE } }
      : engine.dispatch(method, input);
}

function engineClient(options: { failing?: Set<Method>; engine?: Engine } = {}): Client {
  return createClient(engineTransport(options));
}

/** Jobs run by the same engine in-process, with its progress, cancellation and errors as a host would send them. */
function engineJobs(engine: Engine): JobClient {
  const transport: JobTransport = async (name, input, { onProgress, signal }) => {
    try {
      return { ok: true, result: await engine.runJob(name, input, { onProgress, signal }) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
  return createJobClient(transport);
}

/** A store over one in-memory engine, for calls and jobs alike. */
function engineStore(options: { failing?: Set<Method> } = {}) {
  const engine = memoryEngine();
  return createAppStore(engineClient({ ...options, engine }), engineJobs(engine));
}

describe('the app store', () => {
  it('lists cases newest first and keeps a created case selected', async () => {
    const store = engineStore();
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
    const store = engineStore();
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
    const store = createAppStore(createClient(slow), engineJobs(memoryEngine()));

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
    const store = engineStore();
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
    const store = engineStore({ failing: new Set(['case.list', 'case.create', 'case.update']) });
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
    const store = engineStore();
    for (let i = 1; i <= 6; i++) store.getState().notify('error', `failure ${i}`);
    const toasts = store.getState().toasts;
    expect(toasts.map((t) => t.message)).toEqual(['failure 3', 'failure 4', 'failure 5', 'failure 6']);
    store.getState().dismissToast(toasts[0]!.id);
    expect(store.getState().toasts).toHaveLength(3);
  });
});

/** A file on disk as the store takes it; in the app an upload or Electron supplies the path. */
function fileSource(file: string, name = path.basename(file)): ImportSource {
  return { name, size: fs.statSync(file).size, path: async () => file };
}

/** Resolves once `pick` finds `expected` in the store; page fetches run in the background. */
async function settled<T>(store: AppStore, pick: (state: AppState) => T, expected: T): Promise<void> {
  await vi.waitFor(() => expect(pick(store.getState())).toEqual(expected));
}

describe('the import, address and entity slices', () => {
  it('imports chosen files as a job, keeps the report, and refreshes the lists', async () => {
    const store = engineStore();
    store.getState().showAddressRows(0, 50);
    store.getState().showEntityRows(0, 50);
    await settled(store, (s) => [s.addressList.total, s.entityList.total], [0, 0]);

    store.getState().openImport([fileSource(graphsense('actors', 'graphsense.actorpack.yaml'))]);
    store.getState().addImportFiles([fileSource(graphsense('packs', 'ofac.yaml'), 'OFAC list.yaml')]);
    expect(store.getState().dialog).toBe('import');
    expect(store.getState().importFiles.map((f) => f.name)).toEqual(['graphsense.actorpack.yaml', 'OFAC list.yaml']);
    const progress: number[] = [];
    const unsubscribe = store.subscribe((s) => {
      if (s.importRun.progress) progress.push(s.importRun.progress.records);
    });
    await store.getState().startImport({ format: null, caseId: null });
    unsubscribe();

    const run = store.getState().importRun;
    expect(run.phase).toBe('done');
    expect(progress.length).toBeGreaterThan(0);
    expect(run.report).toMatchObject({ read: 4385, inserted: 4381, rejected: 4 });
    const ofac = run.report?.files[1];
    expect(ofac && run.names[ofac.file]).toBe('OFAC list.yaml');
    expect(run.report?.errors.find((e) => e.line === 1069)?.reason).toMatch(/^belongs to TRX, not BTC/);
    await settled(store, (s) => [s.addressList.total, s.entityList.total], [568, 3813]);
    expect(store.getState().importFormats?.map((f) => f.format)).toContain('tagpack');

    store.getState().closeImport();
    expect(store.getState()).toMatchObject({ dialog: null, importFiles: [], importRun: { phase: 'choosing' } });
  });

  it('cancels an import and says it was cancelled, leaving the workspace as it was', async () => {
    const store = engineStore();
    store.getState().openImport([fileSource(graphsense('actors', 'graphsense.actorpack.yaml'))]);
    const started = store.getState().startImport({ format: null, caseId: null });
    store.getState().cancelImport();
    expect(store.getState().importRun.phase).toBe('cancelling');
    await started;
    expect(store.getState().importRun.phase).toBe('cancelled');
    store.getState().showEntityRows(0, 10);
    await settled(store, (s) => s.entityList.total, 0);
  });

  it('reports a failed import as text and a file refused as a whole in the report', async () => {
    const store = engineStore();
    store.getState().openImport([fileSource(graphsense('packs', 'lazarus.yaml'))]);
    await store.getState().startImport({ format: 'no-such-format', caseId: null });
    expect(store.getState().importRun).toMatchObject({ phase: 'done', report: { inserted: 0 } });
    expect(store.getState().importRun.report?.failed[0]?.reason).toMatch(/unknown format 'no-such-format'/);

    store.getState().resetImport();
    store.getState().addImportFiles([fileSource(graphsense('packs', 'lazarus.yaml'))]);
    await store.getState().startImport({ format: null, caseId: 999 });
    expect(store.getState().importRun).toMatchObject({ phase: 'failed', error: 'case 999 does not exist' });
  });

  it('pages addresses on demand, filters them, and opens one', async () => {
    const store = engineStore();
    store.getState().openImport([fileSource(graphsense('packs', 'hacks.yaml'))]);
    await store.getState().startImport({ format: null, caseId: null });
    await settled(store, (s) => s.addressList.total, 606);
    const pages = () => Object.keys(store.getState().addressList.pages).map(Number);
    expect(pages()).toEqual([0]);
    store.getState().showAddressRows(590, 605);
    await settled(store, (s) => rowAt(s.addressList, 605) !== undefined, true);
    expect(pages().sort()).toEqual([0, 2, 3]);

    store.getState().selectAddress(5);
    store.getState().setAddressQuery('zaif');
    expect(store.getState().addressSelected).toBeNull();
    await settled(store, (s) => s.addressList.total, 115);
    expect(pages()).toEqual([0]);
    store.getState().setAddressChain('ETH');
    await settled(store, (s) => s.addressList.total, 0);
    store.getState().setAddressChain('BTC');
    await settled(store, (s) => s.addressList.total, 115);
    const first = rowAt(store.getState().addressList, 0);
    if (!first) throw new Error('no row for zaif');
    expect(first.label).toBe('Zaif');

    await store.getState().openAddress(first.address);
    const panel = store.getState().addressPanel;
    expect(panel?.details?.address).toBe(first.address);
    expect(panel?.details?.tags[0]?.origin?.file).toBe('hacks.yaml');
    await store.getState().openAddress('BTC:not-an-address');
    expect(store.getState().addressPanel?.error).toMatch(/not-an-address/);
    store.getState().closeAddress();
    expect(store.getState().addressPanel).toBeNull();
  });

  it('filters entities by kind and by a complete jurisdiction code only', async () => {
    const store = engineStore();
    store.getState().openImport([fileSource(graphsense('actors', 'graphsense.actorpack.yaml'))]);
    await store.getState().startImport({ format: null, caseId: null });
    await settled(store, (s) => s.entityList.total, 3813);

    store.getState().setEntityKind('actor');
    await settled(store, (s) => s.entityList.total, 5);
    expect(rowAt(store.getState().entityList, 0)?.kind).toBe('actor');
    store.getState().setEntityKind('');
    store.getState().setEntityJurisdiction('J');
    await settled(store, (s) => s.entityList.total, 3813);
    store.getState().setEntityJurisdiction('JP');
    await settled(store, (s) => s.entityList.total, 14);
    const labels = Array.from({ length: 14 }, (_, i) => rowAt(store.getState().entityList, i)?.label);
    expect(labels).toEqual(expect.arrayContaining(['Coincheck', 'Zaif', 'Liquid']));
  });
});
