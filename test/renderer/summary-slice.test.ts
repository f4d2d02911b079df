/**
 * The summary slice against the real engine on a fixture workspace: the pickers' options, the actor search,
 * the summary following the form, errors shown as messages, and only the newest answer kept.
 */
import { describe, expect, it } from 'vitest';
import type { Method } from '../../db/api/contract';
import { createClient, createJobClient, type Transport } from '../../renderer/src/api/typed-client';
import { createAppStore } from '../../renderer/src/store';
import { world } from '../summary/world';

function storeOver(w: ReturnType<typeof world>, delay: (method: Method, input: unknown) => number = () => 0) {
  const transport: Transport = async (method, input) => {
    const answer = w.f.engine.dispatch(method, input);
    await new Promise((resolve) => setTimeout(resolve, delay(method, input)));
    return answer;
  };
  const jobs = createJobClient(async () => ({ ok: false, error: { code: 'internal', message: 'no jobs here' } }));
  return createAppStore(createClient(transport), jobs);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the summary slice', () => {
  it('offers the confidence levels, the cases and the actors, and follows the form', async () => {
    const w = world();
    const store = storeOver(w);
    await store.getState().loadSummaryOptions();
    const state = store.getState();
    expect(state.summaryLevels.map((l) => l.level)).toEqual([100, 90, 70, 60, 50, 40, 20, 10, 5]);
    expect(state.summaryCases.map((c) => c.title).sort()).toEqual(['Main', 'Second']);

    await store.getState().searchSummaryActors('laz');
    expect(store.getState().summaryActors?.map((a) => a.label)).toEqual(['Lazarus Group']);
    await store.getState().searchSummaryActors('');
    // Victims are not offered: only actors can have losses attributed to them.
    expect(
      store
        .getState()
        .summaryActors?.map((a) => a.label)
        .sort(),
    ).toEqual(['APT38', 'Lazarus Group']);

    store.getState().setSummaryForm({ actor: { id: w.lazarus, label: 'Lazarus Group', key: 'lazarusgroup' } });
    expect(store.getState().summaryStatus).toBe('loading');
    await settle();
    expect(store.getState()).toMatchObject({ summaryStatus: 'done', summaryError: null });
    expect(store.getState().summary?.total_usd).toBe('663456790.43');

    store.getState().pickSummary({ kind: 'jurisdiction', code: 'JP' });
    store.getState().setSummaryForm({ minConfidence: 20 });
    await settle();
    // New figures close the drill-down: it could list incidents the new figures no longer hold.
    expect(store.getState()).toMatchObject({ summaryPick: null, summary: { minConfidence: 20, incidents: 9 } });

    store.getState().setSummaryForm({ from: '2022-02-02', to: '2022-02-01' });
    await settle();
    expect(store.getState()).toMatchObject({ summary: null, summaryStatus: 'idle' });

    store.getState().setSummaryForm({ from: '', to: '', caseId: 999 });
    await settle();
    expect(store.getState()).toMatchObject({ summaryStatus: 'failed', summaryError: 'case 999 does not exist' });
  });

  it('keeps only the newest answer when an older one arrives last', async () => {
    const w = world();
    // The first request (minimum 50) answers after the second (minimum 20).
    const store = storeOver(w, (method, input) =>
      method === 'summary.get' && (input as { minConfidence: number }).minConfidence === 50 ? 40 : 0,
    );
    store.getState().setSummaryForm({ actor: { id: w.lazarus, label: 'Lazarus Group', key: 'lazarusgroup' } });
    store.getState().setSummaryForm({ minConfidence: 20 });
    await settle();
    await settle();
    expect(store.getState().summary?.minConfidence).toBe(20);
  });
});
