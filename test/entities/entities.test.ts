import { describe, expect, it } from 'vitest';
import { importFile } from '../../db/import/run';
import { dumpWorkspace } from '../helpers/import-check';
import { attribute, auditOf, entityWorkspace, idOf, insertIncident } from './fixture';

describe('entity.create', () => {
  it('makes a key from the label, unique, with the lists cleaned and the times from the engine clock', async () => {
    const { db, api } = await entityWorkspace();
    const a = api.call('entity.create', {
      label: '  Acme Exchange ',
      kind: 'service',
      jurisdictions: ['jp', 'US', 'JP'],
      aliases: ['ACME', 'acme', 'Acme Exchange', ' Acme KK '],
      categories: ['exchange', 'exchange', 'defi'],
      uri: 'https://acme.example',
    });
    expect(a).toMatchObject({
      key: 'acme-exchange',
      label: 'Acme Exchange',
      kind: 'service',
      jurisdictions: ['JP', 'US'],
      aliases: ['ACME', 'Acme KK'],
      categories: ['defi', 'exchange'],
      uri: 'https://acme.example',
      origin: null,
      tags: 0,
      incidents: { asVictim: 0, asActor: 0 },
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(api.call('entity.create', { label: 'Acme exchange!', kind: 'victim' }).key).toBe('acme-exchange-2');
    expect(api.call('entity.create', { label: 'Acme — Exchange', kind: 'victim' }).key).toBe('acme-exchange-3');
    expect(api.call('entity.create', { label: 'Überbörse', kind: 'victim' }).key).toBe('uberborse');
    expect(api.call('entity.create', { label: '北朝鮮', kind: 'actor' }).key).toBe('entity');
    expect(api.call('entity.get', { id: a.id })).toEqual(a);
    expect(auditOf(db, 'entity.created')[0]).toEqual({
      id: a.id,
      key: 'acme-exchange',
      label: 'Acme Exchange',
      kind: 'service',
      jurisdictions: ['JP', 'US'],
      aliases: ['ACME', 'Acme KK'],
      categories: ['exchange', 'defi'],
    });
    expect(db.prepare('SELECT case_id FROM audit_log').pluck().all()).toEqual([null, null, null, null, null]);
  });

  it('refuses an unknown country code, an empty label or a bad kind, naming the field, and writes nothing', async () => {
    const { db, api } = await entityWorkspace();
    const before = dumpWorkspace(db);
    expect(() => api.call('entity.create', { label: 'X', kind: 'victim', jurisdictions: ['JP', 'XX'] })).toThrow(
      "entity.create: jurisdictions: 'XX' is not an ISO-3166 alpha-2 country code the workspace knows",
    );
    expect(() => api.call('entity.create', { label: 'X', kind: 'victim', jurisdictions: ['JPN'] })).toThrow(
      'entity.create: jurisdictions.0: must be an ISO-3166 alpha-2 code such as JP',
    );
    expect(() => api.call('entity.create', { label: '   ', kind: 'victim' })).toThrow(
      'entity.create: label: must not be empty',
    );
    expect(() => api.call('entity.create', { label: 'a\0b', kind: 'victim' })).toThrow(
      'entity.create: label: must not contain a NUL character',
    );
    expect(() => api.call('entity.create', { label: 'X', kind: 'exchange' })).toThrow(/^entity\.create: kind: /);
    expect(dumpWorkspace(db)).toBe(before);
  });
});

describe('entity.update', () => {
  it('replaces lists whole, stamps updated_at and audits only the fields that changed', async () => {
    const { db, api } = await entityWorkspace();
    const id = idOf(db, 'lazarus');
    const before = api.call('entity.get', { id });
    expect(before).toMatchObject({ createdAt: null, updatedAt: null, tags: 1, jurisdictions: ['KP'] });
    expect(before.origin).toMatchObject({ file: 'actors.yaml' });
    expect(before.origin?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const after = api.call('entity.update', {
      id,
      label: 'Lazarus (DPRK)',
      jurisdictions: ['kp', 'KP'],
      aliases: ['Hidden Cobra', 'hidden cobra'],
    });
    expect(after).toMatchObject({
      key: 'lazarus',
      label: 'Lazarus (DPRK)',
      jurisdictions: ['KP'],
      aliases: ['Hidden Cobra'],
      categories: ['hacker', 'sanction'],
      uri: 'https://example.org/lazarus',
      createdAt: null,
      updatedAt: '2026-01-02T03:04:05.000Z',
      tags: 1,
    });
    expect(auditOf(db, 'entity.updated')).toEqual([
      {
        id,
        key: 'lazarus',
        changes: {
          label: { from: 'Lazarus', to: 'Lazarus (DPRK)' },
          aliases: { from: ['APT38', 'TraderTraitor'], to: ['Hidden Cobra'] },
        },
      },
    ]);
    // The same values again change nothing and are not audited.
    expect(api.call('entity.update', { id, jurisdictions: ['KP'] })).toEqual(after);
    expect(auditOf(db, 'entity.updated')).toHaveLength(1);
    expect(api.call('entity.update', { id, uri: '', categories: [] })).toMatchObject({ uri: null, categories: [] });
  });

  it('refuses a missing entity, a bad code and a kind change that would unmake a victim or an actor', async () => {
    const { db, api } = await entityWorkspace();
    expect(() => api.call('entity.update', { id: 999, label: 'x' })).toThrow('entity 999 does not exist');
    expect(() => api.call('entity.update', { id: 1 })).toThrow('nothing to change');
    const victim = api.call('entity.create', { label: 'Coincheck', kind: 'victim', jurisdictions: ['JP'] });
    const incident = insertIncident(db, victim.id);
    attribute(db, incident, idOf(db, 'lazarus'), 'forensic', 'Chainalysis 2018');
    const before = dumpWorkspace(db);
    expect(() => api.call('entity.update', { id: victim.id, jurisdictions: ['ZZ'] })).toThrow(
      "entity.update: jurisdictions: 'ZZ' is not",
    );
    expect(() => api.call('entity.update', { id: victim.id, kind: 'actor' })).toThrow(
      'entity.update: kind: Coincheck is the victim of 1 incident(s) and cannot become an actor',
    );
    expect(() => api.call('entity.update', { id: idOf(db, 'lazarus'), kind: 'victim' })).toThrow(
      'entity.update: kind: Lazarus is attributed 1 incident(s) and must stay an actor',
    );
    expect(dumpWorkspace(db)).toBe(before);
    expect(api.call('entity.get', { id: victim.id }).incidents).toEqual({ asVictim: 1, asActor: 0 });
    // An exchange is a service and may be a victim: the kind may move between the two.
    expect(api.call('entity.update', { id: victim.id, kind: 'service' }).kind).toBe('service');
    expect(api.call('entity.get', { id: idOf(db, 'lazarus') }).incidents).toEqual({ asVictim: 0, asActor: 1 });
  });

  it('keeps edits to an imported entity when its ActorPack is imported again', async () => {
    const { db, api, actorPack } = await entityWorkspace();
    const id = idOf(db, 'zaif');
    const edited = api.call('entity.update', {
      id,
      label: 'Zaif (Tech Bureau)',
      jurisdictions: ['JP', 'SG'],
      aliases: ['Tech Bureau'],
      categories: ['exchange', 'victim_2018'],
    });
    const report = await importFile(db, actorPack);
    expect(report).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(api.call('entity.get', { id })).toEqual(edited);
  });
});

describe('entity.merge', () => {
  it('moves tags, incidents, attributions and lists to the kept entity in one go, and audits it', async () => {
    const { db, api } = await entityWorkspace();
    const into = idOf(db, 'lazarusgroup');
    const from = idOf(db, 'lazarus');
    const victim = api.call('entity.create', { label: 'Ronin', kind: 'victim', jurisdictions: ['VN'] });
    const twin = api.call('entity.create', { label: 'Ronin Network', kind: 'victim', jurisdictions: ['SG'] });
    const both = insertIncident(db, victim.id);
    const caseId = db.prepare('SELECT case_id FROM incidents WHERE id = ?').pluck().get(both) as number;
    const onlyFrom = insertIncident(db, twin.id, caseId);
    // Both attributed the same incident: the more confident attribution survives (the merged one here).
    attribute(db, both, into, 'web_crawl', 'a blog');
    attribute(db, both, from, 'authority_data', 'FBI press release');
    attribute(db, onlyFrom, from, 'forensic', 'Elliptic');

    const merged = api.call('entity.merge', { into, from: [from] });
    expect(merged).toMatchObject({
      key: 'lazarusgroup',
      label: 'Lazarus Group',
      jurisdictions: ['KP'],
      // The key `lazarus` spells the label again, so it is one alias: searches ignore case.
      aliases: ['APT38', 'Hidden Cobra', 'Lazarus', 'TraderTraitor'],
      categories: ['hacker', 'sanction'],
      uri: 'https://example.org/lazarus',
      tags: 2,
      incidents: { asVictim: 0, asActor: 2 },
      updatedAt: '2026-01-02T03:04:07.000Z',
    });
    expect(db.prepare('SELECT count(*) FROM entities WHERE id = ?').pluck().get(from)).toBe(0);
    expect(db.prepare('SELECT DISTINCT actor FROM tags').pluck().all()).toEqual(['lazarusgroup']);
    expect(
      db.prepare('SELECT incident_id, actor_id, source, confidence FROM incident_actors ORDER BY incident_id').all(),
    ).toEqual([
      { incident_id: both, actor_id: into, source: 'FBI press release', confidence: 'authority_data' },
      { incident_id: onlyFrom, actor_id: into, source: 'Elliptic', confidence: 'forensic' },
    ]);
    expect(() => api.call('entity.get', { id: from })).toThrow(`entity ${from} does not exist`);

    const victims = api.call('entity.merge', { into: victim.id, from: [twin.id] });
    expect(victims).toMatchObject({
      jurisdictions: ['SG', 'VN'],
      aliases: ['Ronin Network', 'ronin-network'],
      incidents: { asVictim: 2, asActor: 0 },
    });
    expect(auditOf(db, 'entity.merged')).toEqual([
      {
        into: { id: into, key: 'lazarusgroup', label: 'Lazarus Group' },
        from: [{ id: from, key: 'lazarus', label: 'Lazarus', kind: 'actor' }],
        moved: { tags: 1, incidentsAsVictim: 0, attributions: 2 },
      },
      {
        into: { id: victim.id, key: 'ronin', label: 'Ronin' },
        from: [{ id: twin.id, key: 'ronin-network', label: 'Ronin Network', kind: 'victim' }],
        moved: { tags: 0, incidentsAsVictim: 1, attributions: 0 },
      },
    ]);
    expect(
      db.prepare("SELECT count(*) FROM audit_log WHERE action = 'entity.merged' AND case_id IS NULL").pluck().get(),
    ).toBe(2);
  });

  it('refuses merging into itself, across kinds or from a missing entity, and changes nothing', async () => {
    const { db, api } = await entityWorkspace();
    const lazarus = idOf(db, 'lazarus');
    const zaif = idOf(db, 'zaif');
    const victim = api.call('entity.create', { label: 'Zaif victim', kind: 'victim' });
    const before = dumpWorkspace(db);
    expect(() => api.call('entity.merge', { into: lazarus, from: [lazarus] })).toThrow(
      `entity.merge: cannot merge Lazarus (${lazarus}) into itself`,
    );
    expect(() => api.call('entity.merge', { into: victim.id, from: [lazarus] })).toThrow(
      `entity.merge: Lazarus (${lazarus}) is an actor and Zaif victim (${victim.id}) is a victim: an actor can only be merged with actors`,
    );
    expect(() => api.call('entity.merge', { into: zaif, from: [lazarus] })).toThrow('is a service');
    expect(() => api.call('entity.merge', { into: lazarus, from: [idOf(db, 'lazarusgroup'), 4242] })).toThrow(
      'entity.merge: from: entity 4242 does not exist',
    );
    expect(() => api.call('entity.merge', { into: 4242, from: [lazarus] })).toThrow('entity 4242 does not exist');
    expect(dumpWorkspace(db)).toBe(before);
  });

  it('merges victims, services and unclassified entities, which are roles of one organisation', async () => {
    const { db, api } = await entityWorkspace();
    const victim = api.call('entity.create', { label: 'Zaif (victim)', kind: 'victim' });
    const unknown = api.call('entity.create', { label: 'zaif.jp', kind: 'unknown', jurisdictions: ['JP'] });
    // The exchange imported from the ActorPack as a service: it keeps its key, so its tags name it still.
    expect(api.call('entity.merge', { into: idOf(db, 'zaif'), from: [victim.id, unknown.id] })).toMatchObject({
      key: 'zaif',
      kind: 'service',
      jurisdictions: ['JP'],
      aliases: ['Zaif (victim)', 'zaif-jp', 'zaif-victim', 'zaif.jp'],
      categories: ['exchange'],
    });
    expect(() => api.call('entity.merge', { into: victim.id, from: [unknown.id] })).toThrow(
      `entity ${victim.id} does not exist`,
    );
  });

  it('gives a kept entity without a key one (made from its label) so that the merged tags can name it', async () => {
    const { db, api } = await entityWorkspace();
    // The incidents CSV importer makes victims without keys; an actor without one is made here the same way.
    const keyless = Number(
      db.prepare("INSERT INTO entities (key, label, kind) VALUES (NULL, 'Lazarus Group', 'actor')").run()
        .lastInsertRowid,
    );
    const merged = api.call('entity.merge', { into: keyless, from: [idOf(db, 'lazarus'), idOf(db, 'lazarusgroup')] });
    expect(merged).toMatchObject({ key: 'lazarus-group', tags: 2 });
    expect(db.prepare('SELECT DISTINCT actor FROM tags').pluck().all()).toEqual(['lazarus-group']);
  });
});
