import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../db/api/engine';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { graphsense } from '../helpers/shared-data';

let api: Engine;
let db: ReturnType<typeof openDb>['db'];

beforeAll(async () => {
  ({ db } = openDb(':memory:'));
  await importFile(db, graphsense('actors', 'graphsense.actorpack.yaml'));
  for (const p of ['lazarus.yaml', 'lazarus2.yaml', 'ronin_bridge.yaml', 'ofac.yaml', 'hacks.yaml']) {
    await importFile(db, graphsense('packs', p));
  }
  api = createEngine(db);
});

describe('address.list', () => {
  it('pages through every address with its best tag and the total', () => {
    const total = db.prepare('SELECT count(*) FROM addresses').pluck().get() as number;
    const first = api.call('address.list', { limit: 50 });
    expect(first.total).toBe(total);
    expect(first.rows).toHaveLength(50);
    const last = api.call('address.list', { offset: total - 3, limit: 50 });
    expect(last.rows).toHaveLength(3);
    const all = [0, 500, 1000].flatMap((offset) => api.call('address.list', { offset, limit: 500 }).rows);
    expect(new Set(all.map((r) => r.address)).size).toBe(total);
  });

  it('finds addresses by label and actor, naming the entity', () => {
    const page = api.call('address.list', { query: 'lazarusgroup', limit: 100 });
    expect(page.total).toBe(27);
    expect(page.rows[0]).toMatchObject({
      label: 'Lazarus group',
      confidence: 'authority_data',
      entity: 'Lazarus Group',
    });
    const ronin = api.call('address.list', { query: 'ronin bridge exploiter', chain: 'eth' });
    expect(ronin.total).toBe(6);
    expect(api.call('address.list', { query: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }).rows).toEqual([
      {
        address: 'ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
        chain: 'ETH',
        // Also tagged by the FBI's Lazarus attribution (authority data), which outranks the Ronin pack's tag.
        label: 'Lazarus group',
        confidence: 'authority_data',
        confidenceLevel: 60,
        tags: 3,
        entity: 'Lazarus Group',
      },
    ]);
  });
});

describe('entity.list', () => {
  it('filters by kind and jurisdiction and finds by alias or key', () => {
    const jp = api.call('entity.list', { jurisdiction: 'jp', limit: 1000 });
    expect(jp.rows.map((e) => e.key)).toEqual(expect.arrayContaining(['zaif', 'coincheck', 'liquid']));
    expect(jp.rows.every((e) => e.jurisdictions.includes('JP'))).toBe(true);
    const lazarus = api.call('entity.list', { query: 'lazarus', kind: 'actor' });
    expect(lazarus.rows.find((e) => e.key === 'lazarusgroup')).toEqual({
      id: expect.any(Number),
      key: 'lazarusgroup',
      label: 'Lazarus Group',
      kind: 'actor',
      jurisdictions: [],
      categories: ['phishing', 'ransomware', 'sanction', 'service_hack'],
      tags: 27,
    });
    expect(api.call('entity.list', {}).total).toBe(3813);
  });

  it('lists the import formats', () => {
    expect(api.call('import.formats', {}).map((f) => f.format)).toEqual(
      expect.arrayContaining(['tagpack', 'actorpack']),
    );
  });
});
