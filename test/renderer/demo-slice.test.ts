/**
 * The demo slice against the real engine on an in-memory workspace: the offer's build reports its steps, opens
 * the demo case when done, and a cancel says the workspace is empty again. The transport records what the store
 * asked for and hands the engine a small scale, so the test stays fast (the figures do not depend on it).
 */
import { describe, expect, it, vi } from 'vitest';
import type { DemoProgress, JobName } from '../../db/api/contract';
import { createEngine } from '../../db/api/engine';
import { toErrorShape } from '../../db/api/errors';
import { openDb } from '../../db/open';
import { createClient, createJobClient, type JobTransport } from '../../renderer/src/api/typed-client';
import { createAppStore } from '../../renderer/src/store';
import { steppingClock } from '../helpers/workspace';

function demoStore(cancelAtStep?: DemoProgress['step']) {
  const { db } = openDb(':memory:');
  const engine = createEngine(db, { now: steppingClock() });
  const asked: { name: JobName; input: unknown }[] = [];
  // The transport cancels through the store it serves, made just below.
  const holder: { store?: ReturnType<typeof createAppStore> } = {};
  const transport: JobTransport = async (name, input, { onProgress, signal }) => {
    asked.push({ name, input });
    try {
      const result = await engine.runJob(name, name === 'demo.build' ? { scale: 0.05 } : input, {
        signal,
        onProgress: (p) => {
          onProgress?.(p);
          if (cancelAtStep && (p as DemoProgress).step === cancelAtStep) holder.store?.getState().cancelDemo();
        },
      });
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
  const store = createAppStore(
    createClient(async (m, i) => engine.dispatch(m, i)),
    createJobClient(transport),
  );
  holder.store = store;
  return { store, asked, engine };
}

describe('the demo slice', () => {
  it('builds the demo workspace, showing each step, then opens its case', async () => {
    const { store, asked } = demoStore();
    await store.getState().load();
    const steps = new Set<string>();
    const unsubscribe = store.subscribe((s) => {
      if (s.demoRun.progress) steps.add(s.demoRun.progress.step);
    });
    await store.getState().buildDemo();
    unsubscribe();
    expect(asked).toEqual([{ name: 'demo.build', input: {} }]);
    expect(steps.size).toBe(9);
    const state = store.getState();
    expect(state.demoRun.phase).toBe('idle');
    expect(state.selected?.title).toBe('DPRK thefts 2017–2022');
    expect(state.items.map((c) => c.reference)).toEqual(['DEMO-DPRK-2017-2022']);
    expect(state.toasts.at(-1)?.message).toMatch(/28 incidents, each attributed to Lazarus Group by a stored trace/);
  }, 60_000);

  it('a cancel says the workspace is empty again, and it is', async () => {
    const { store, engine } = demoStore('Importing Ethereum transfers');
    await store.getState().buildDemo();
    await vi.waitFor(() => expect(store.getState().demoRun.phase).toBe('cancelled'));
    expect(engine.call('case.list', {})).toEqual([]);
    expect(engine.call('entity.list', {}).total).toBe(0);
    expect(store.getState().selected).toBeNull();
  }, 60_000);
});
