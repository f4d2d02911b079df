/**
 * The entities and incidents slices over the real engine in-process: edits land in the panel and the list,
 * refusals come back as the engine words them, and an incident is recorded, attributed, traced (the trace
 * saved and linked), refused a trace when cancelled, and deleted.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobClient } from '../../db/api/contract';
import { createEngine } from '../../db/api/engine';
import { toErrorShape } from '../../db/api/errors';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { createClient, createJobClient, type JobTransport } from '../../renderer/src/api/typed-client';
import { createAppStore } from '../../renderer/src/store';
import { selectedIncident } from '../../renderer/src/store/incidentsSlice';
import { steppingClock } from '../helpers/workspace';

const GRAPH = path.join(__dirname, '..', 'fixtures', 'graph');
const THEFT_TX = 'ETH:0x0000000000000000000000000000000000000000000000000000000000000003';

/** A store over one in-memory engine; `hold` keeps each job from starting until it resolves. */
async function engineStore(hold?: Promise<void>) {
  const { db } = openDb(':memory:');
  for (const f of ['transfers.csv', 'prices.csv', 'tags.yaml']) await importFile(db, path.join(GRAPH, f));
  const engine = createEngine(db, { now: steppingClock() });
  const transport: JobTransport = async (name, input, { onProgress, signal }) => {
    await hold;
    if (signal?.aborted) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
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
    db,
  };
}

describe('the entities slice', () => {
  it('creates, edits and merges entities, showing each result in the panel, and loads the reference once', async () => {
    const { store } = await engineStore();
    const s = () => store.getState();
    const reference = await s().loadReference();
    expect(reference.ok && reference.value.countries.find((c) => c.code === 'JP')?.name).toBe('Japan');
    expect(await s().loadReference()).toEqual(reference);

    const made = await s().createEntity({ label: 'Coincheck', kind: 'victim', jurisdictions: ['JP', 'US'] });
    expect(made.ok).toBe(true);
    expect(s().entityPanel?.details).toMatchObject({ label: 'Coincheck', jurisdictions: ['JP', 'US'] });
    const twin = await s().createEntity({ label: 'Coincheck Inc.', kind: 'victim', jurisdictions: ['SG'] });
    if (!made.ok || !twin.ok) throw new Error('not created');

    const refused = await s().updateEntity({ id: made.value.id, jurisdictions: ['XX'] });
    expect(refused).toEqual({
      ok: false,
      message: "entity.update: jurisdictions: 'XX' is not an ISO-3166 alpha-2 country code the workspace knows",
    });
    const merged = await s().mergeEntities(made.value.id, [twin.value.id]);
    expect(merged.ok && merged.value.jurisdictions).toEqual(['JP', 'SG', 'US']);
    expect(s().entityPanel?.details?.aliases).toEqual(['Coincheck Inc.', 'coincheck-inc']);
  });
});

describe('the incidents slice', () => {
  it('records, attributes, traces and links, and deletes an incident of the open case', async () => {
    const { store } = await engineStore();
    const s = () => store.getState();
    await s().create({ title: 'Ronin' });
    const caseId = s().selected?.id ?? 0;
    const victim = await s().createEntity({ label: 'Ronin Network', kind: 'victim', jurisdictions: ['VN'] });
    const actor = await s().createEntity({ label: 'Lazarus Group', kind: 'actor' });
    if (!victim.ok || !actor.ok) throw new Error('not created');
    await s().loadIncidents(caseId);
    expect(s().incidents).toEqual([]);

    const bad = await s().createIncident({
      caseId,
      victimId: victim.value.id,
      time: '2022-03-24T09:00:00Z',
      asset: 'ETH',
      amount: '2000.0',
      usd: '1',
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^incident\.create: usd: the price table values it at 6200000 USD/);

    const made = await s().createIncident({
      caseId,
      victimId: victim.value.id,
      time: '2022-03-24T09:00:00Z',
      asset: 'ETH',
      amount: '2000.0',
      txs: [THEFT_TX],
    });
    if (!made.ok) throw new Error(made.message);
    expect(made.value).toMatchObject({ amount: '2000000000000000000000', usdBasis: 'price', jurisdiction: 'VN' });
    expect(selectedIncident(s())?.id).toBe(made.value.id);

    const attributed = await s().attributeIncident({
      id: made.value.id,
      actorId: actor.value.id,
      source: 'FBI',
      confidence: 'authority_data',
    });
    expect(attributed.ok && attributed.value.actors.map((a) => a.actor.label)).toEqual(['Lazarus Group']);

    const traced = await s().traceIncident(made.value.id, { method: 'haircut', hops: 6, stopAt: ['exchange'] });
    if (!traced.ok) throw new Error(traced.message);
    expect(traced.value.traceId).toBe(s().incidentTrace?.traceId);
    expect(s().incidentTrace?.phase).toBe('done');
    expect(s().incidents?.[0]?.traceId).toBe(traced.value.traceId);

    expect(await s().deleteIncident(made.value.id)).toEqual({ ok: true, value: null });
    expect(s().incidents).toEqual([]);
    expect(s().incidentSelected).toBeNull();
  });

  it('leaves the incident unlinked when its trace is cancelled', async () => {
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { store } = await engineStore(hold);
    const s = () => store.getState();
    await s().create({ title: 'Ronin' });
    const caseId = s().selected?.id ?? 0;
    const victim = await s().createEntity({ label: 'Ronin Network', kind: 'victim' });
    if (!victim.ok) throw new Error('not created');
    await s().loadIncidents(caseId);
    const made = await s().createIncident({
      caseId,
      victimId: victim.value.id,
      time: '2022-03-24T09:00:00Z',
      asset: 'ETH',
      amount: '1.0',
      txs: [THEFT_TX],
    });
    if (!made.ok) throw new Error(made.message);
    const running = s().traceIncident(made.value.id, { method: 'poison', hops: 2, stopAt: [] });
    expect(s().incidentTrace?.phase).toBe('running');
    s().cancelIncidentTrace();
    expect(s().incidentTrace?.phase).toBe('cancelling');
    release();
    expect(await running).toEqual({
      ok: false,
      message: 'The trace was cancelled; it was not linked to the incident.',
    });
    expect(s().incidentTrace?.phase).toBe('cancelled');
    expect(s().incidents?.[0]?.traceId).toBeNull();
  });
});
