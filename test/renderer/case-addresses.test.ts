import { describe, expect, it, vi } from 'vitest';
import type { JobClient } from '../../db/api/contract';
import { createEngine, type Engine } from '../../db/api/engine';
import { toErrorShape } from '../../db/api/errors';
import { openDb } from '../../db/open';
import { createClient, createJobClient, type JobTransport } from '../../renderer/src/api/typed-client';
import { createAppStore, type AppState, type AppStore } from '../../renderer/src/store';
import { rowAt } from '../../renderer/src/store/pagedList';
import { steppingClock } from '../helpers/workspace';

const LAZARUS_BTC = 'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak';
const VITALIK = 'ETH:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
/** The same address with one letter's case flipped: its EIP-55 checksum no longer holds. */
const BAD_CHECKSUM = 'ETH:0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

const PASTE = [`# from the victim's statement`, LAZARUS_BTC, '', VITALIK, LAZARUS_BTC, BAD_CHECKSUM].join('\n');

/** The real engine on an in-memory workspace, for calls and jobs alike; `hold` delays each job until released. */
function engineStore(options: { hold?: Promise<void> } = {}): { store: AppStore; engine: Engine } {
  const { db } = openDb(':memory:');
  const engine = createEngine(db, { now: steppingClock() });
  const transport: JobTransport = async (name, input, { onProgress, signal }) => {
    await options.hold;
    try {
      return { ok: true, result: await engine.runJob(name, input, { onProgress, signal }) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
  const jobs: JobClient = createJobClient(transport);
  return {
    store: createAppStore(
      createClient(async (m, i) => engine.dispatch(m, i)),
      jobs,
    ),
    engine,
  };
}

async function settled<T>(store: AppStore, pick: (state: AppState) => T, expected: T): Promise<void> {
  await vi.waitFor(() => expect(pick(store.getState())).toEqual(expected));
}

async function openCase(store: AppStore, title: string): Promise<number> {
  const created = await store.getState().create({ title });
  if (!created.ok) throw new Error(created.message);
  store.getState().showCaseAddresses(created.value.id);
  await settled(store, (s) => s.caseAddressList.total, 0);
  return created.value.id;
}

describe('the case addresses slice', () => {
  it('adds pasted addresses to the open case, reports each refused line, and refreshes the list', async () => {
    const { store } = engineStore();
    await openCase(store, 'Drained hot wallet');

    store.getState().openAddAddresses();
    expect(store.getState().dialog).toBe('add-addresses');
    store.getState().setPasteText(PASTE);
    await store.getState().startPaste();

    const run = store.getState().pasteRun;
    expect(run.phase).toBe('done');
    expect(run.report).toMatchObject({ inserted: 2, duplicates: 1, rejected: 1 });
    expect(run.report?.errors).toEqual([
      { file: 'pasted addresses.txt', line: 6, reason: expect.stringMatching(/EIP-55/) },
    ]);
    // The text stays, so the refused line can be fixed and the list added again.
    expect(store.getState().pasteText).toBe(PASTE);
    await settled(store, (s) => s.caseAddressList.total, 2);
    expect([0, 1].map((i) => rowAt(store.getState().caseAddressList, i)?.address)).toEqual([LAZARUS_BTC, VITALIK]);

    await store.getState().startPaste();
    expect(store.getState().pasteRun.report).toMatchObject({ inserted: 0, duplicates: 3, rejected: 1 });

    store.getState().closeAddAddresses();
    expect(store.getState()).toMatchObject({ dialog: null, pasteRun: { phase: 'editing' }, pasteText: PASTE });
  });

  it('keeps each case apart: another case starts with an empty box and an empty list', async () => {
    const { store } = engineStore();
    const first = await openCase(store, 'First');
    store.getState().openAddAddresses();
    store.getState().setPasteText(LAZARUS_BTC);
    await store.getState().startPaste();
    await settled(store, (s) => s.caseAddressList.total, 1);
    store.getState().closeAddAddresses();

    await openCase(store, 'Second');
    expect(store.getState().caseAddressList.total).toBe(0);
    store.getState().openAddAddresses();
    expect(store.getState().pasteText).toBe('');
    store.getState().closeAddAddresses();

    store.getState().showCaseAddresses(first);
    await settled(store, (s) => s.caseAddressList.total, 1);
  });

  it('keeps the text when the engine refuses the whole paste, and says why', async () => {
    const { store, engine } = engineStore();
    const id = await openCase(store, 'Soon gone');
    store.getState().openAddAddresses();
    store.getState().setPasteText(LAZARUS_BTC);
    await engine.dispatch('case.delete', { id });
    await store.getState().startPaste();
    expect(store.getState().pasteRun.phase).not.toBe('running');
    const { pasteRun } = store.getState();
    const why = pasteRun.error ?? pasteRun.report?.failed[0]?.reason;
    expect(why).toMatch(/case/);
    expect(store.getState().pasteText).toBe(LAZARUS_BTC);
  });

  it('cancels a paste before the engine starts, leaving the case unchanged', async () => {
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { store } = engineStore({ hold });
    await openCase(store, 'Cancelled');
    store.getState().openAddAddresses();
    store.getState().setPasteText(LAZARUS_BTC);
    const started = store.getState().startPaste();
    expect(store.getState().pasteRun.phase).toBe('running');
    store.getState().closeAddAddresses();
    expect(store.getState().dialog).toBe('add-addresses');
    store.getState().cancelPaste();
    expect(store.getState().pasteRun.phase).toBe('cancelling');
    release();
    await started;
    expect(store.getState().pasteRun.phase).toBe('cancelled');
    await settled(store, (s) => s.caseAddressList.total, 0);
  });

  it('opens an address of the case in the Addresses section', async () => {
    const { store } = engineStore();
    await openCase(store, 'Details');
    store.getState().openAddAddresses();
    store.getState().setPasteText(VITALIK);
    await store.getState().startPaste();
    store.getState().closeAddAddresses();
    store.getState().openCaseAddress(VITALIK);
    expect(store.getState().section).toBe('addresses');
    await settled(store, (s) => s.addressPanel?.details?.address, VITALIK);
  });
});
