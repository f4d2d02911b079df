import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openDb } from '../../db/open';
import { tempWorkspace } from '../helpers/workspace';

describe('migration 007: incidents', () => {
  it('upgrades a version 6 workspace, keeping its entities, cases and traces', () => {
    const file = tempWorkspace();
    const v6 = openDb(file, { migrations: MIGRATIONS.slice(0, 6) }).db;
    v6.prepare("INSERT INTO entities (key, label, kind) VALUES ('zaif', 'Zaif', 'service')").run();
    v6.prepare("INSERT INTO entity_jurisdictions (entity_id, country) VALUES (1, 'JP')").run();
    v6.prepare("INSERT INTO cases (title, created_at, updated_at) VALUES ('Kept', 'a', 'a')").run();
    v6.prepare(
      `INSERT INTO traces (case_id, created_at, app_version, method, direction, seeds, parameters, report, report_sha256)
       VALUES (1, 'a', 'v', 'fifo', 'forward', '[]', '{}', '{}', ?)`,
    ).run('0'.repeat(64));
    expect(v6.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'").pluck().get()).toBe(0);
    v6.close();

    const { db, migration } = openDb(file, { migrations: MIGRATIONS.slice(0, 7) });
    expect(migration).toMatchObject({ from: 6, to: 7 });
    // Entities imported before keep their rows; they were never edited in the app, so they have no edit times.
    expect(db.prepare('SELECT key, label, kind, created_at, updated_at FROM entities').all()).toEqual([
      { key: 'zaif', label: 'Zaif', kind: 'service', created_at: null, updated_at: null },
    ]);
    expect(db.prepare('SELECT title FROM cases').pluck().all()).toEqual(['Kept']);
    expect(db.prepare('SELECT count(*) FROM traces').pluck().get()).toBe(1);

    const insert = db.prepare(
      `INSERT INTO incidents (case_id, victim_id, time, chain, asset_id, amount, usd, usd_basis, trace_id, created_at, updated_at)
       VALUES (1, 1, @time, 'ETH', (SELECT id FROM assets WHERE chain = 'ETH' AND contract = ''), '5', @usd, @basis, 1, 'a', 'a')`,
    );
    const ok = { time: '2022-03-23T10:00:00Z', usd: '3518.505', basis: 'price' };
    expect(() => insert.run({ ...ok, usd: null })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...ok, basis: 'none' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...ok, usd: '-1' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...ok, usd: '1e5' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...ok, time: '2022-03-23 10:00' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...ok, basis: 'guess' })).toThrow(/CHECK constraint failed/);
    insert.run(ok);
    insert.run({ ...ok, usd: null, basis: 'none' });
    db.prepare("INSERT INTO incident_txs (incident_id, tx_hash) VALUES (1, '0xab')").run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO incident_actors (incident_id, actor_id, source, confidence, created_at) VALUES (1, 1, ' ', 'forensic', 'a')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO incident_actors (incident_id, actor_id, source, confidence, created_at) VALUES (1, 1, 'x', 'sure', 'a')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);

    // Deleting the stored trace unlinks it; deleting the case takes its incidents and their txs along.
    db.prepare('DELETE FROM traces WHERE id = 1').run();
    expect(db.prepare('SELECT trace_id FROM incidents ORDER BY id').pluck().all()).toEqual([null, null]);
    db.prepare('DELETE FROM cases WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM incident_txs').pluck().get()).toBe(0);
    db.close();
  });
});
