import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openDb } from '../../db/open';
import { tempWorkspace } from '../helpers/workspace';

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates cases with status and title checks', () => {
    const { db } = openDb(':memory:', { migrations: MIGRATIONS.slice(0, 1) });
    const insert = db.prepare(
      "INSERT INTO cases (title, status, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')",
    );
    insert.run('Zaif hot wallet', 'open');
    expect(() => insert.run('x', 'deleted')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('   ', 'open')).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT description FROM cases').pluck().get()).toBe('');
    db.close();
  });

  it('002 adds the append-only audit log and backfills a record for each existing case', () => {
    const file = tempWorkspace();
    const v1 = openDb(file, { migrations: MIGRATIONS.slice(0, 1) }).db;
    v1.prepare(
      "INSERT INTO cases (title, created_at, updated_at) VALUES ('Coincheck NEM theft', '2018-01-26T00:00:00.000Z', '2018-01-27T00:00:00.000Z')",
    ).run();
    v1.close();

    const { db } = openDb(file, { migrations: MIGRATIONS.slice(0, 2) });
    expect(db.prepare('SELECT title FROM cases').pluck().all()).toEqual(['Coincheck NEM theft']);
    const rows = db.prepare('SELECT at, case_id, action, detail FROM audit_log').all();
    expect(rows).toEqual([
      {
        at: '2018-01-26T00:00:00.000Z',
        case_id: 1,
        action: 'case.created',
        detail: JSON.stringify({ title: 'Coincheck NEM theft', backfilled: 1 }),
      },
    ]);
    expect(() => db.prepare('UPDATE audit_log SET action = ?').run('tampered')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
    // A plain SQLite client is refused too: the rule lives in the file, not in our code.
    const raw = new Database(file);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();
  });
  it('005 adds case graphs whose rows keep their rules and go with their case', () => {
    const file = tempWorkspace();
    const v4 = openDb(file, { migrations: MIGRATIONS.slice(0, 4) }).db;
    v4.prepare("INSERT INTO cases (title, created_at, updated_at) VALUES ('Ronin', '2022-03-29', '2022-03-29')").run();
    v4.prepare("INSERT INTO addresses (chain, address) VALUES ('BTC', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')").run();
    v4.close();

    const { db } = openDb(file, { migrations: MIGRATIONS.slice(0, 5) });
    const node = db.prepare(
      'INSERT INTO graph_nodes (case_id, id, address_id, label, kind, parent, x, y, color, flags) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const btc = 'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
    node.run('group:g', null, 'Thief', 'actor', null, null, null, null, '[]');
    node.run(btc, 1, null, null, 'group:g', 1.5, -2, '#00ff00', '["suspect"]');
    const refused = (args: unknown[]) => expect(() => node.run(...args)).toThrow(/constraint failed/);
    refused(['group:nameless', null, null, null, null, null, null, null, '[]']);
    refused(['group:nested', null, 'N', null, 'group:g', null, null, null, '[]']);
    refused(['group:k', null, 'K', 'pirate', null, null, null, null, '[]']);
    refused(['BTC:x', null, null, null, null, null, null, null, '[]']);
    refused(['BTC:y', 1, 'a label', null, null, null, null, null, '[]']);
    refused(['BTC:z', 1, null, null, null, 1, null, null, '[]']);
    refused(['BTC:w', 1, null, null, null, null, null, 'red', '[]']);
    refused(['BTC:v', 1, null, null, null, null, null, null, '{"a":1}']);
    // A parent that is no node of the graph fails when the transaction commits (the key is deferred).
    refused(['BTC:u', 1, null, null, 'group:missing', null, null, null, '[]']);
    const edge = db.prepare('INSERT INTO graph_edges (case_id, source, target, asset_id) VALUES (1, ?, ?, 1)');
    expect(() => edge.run(btc, btc)).toThrow(/CHECK constraint failed/);
    expect(() => edge.run(btc, 'group:g')).toThrow(/CHECK constraint failed/);
    db.prepare("INSERT INTO case_notes (case_id, text, created_at, updated_at) VALUES (1, 'n', 'a', 'a')").run();
    expect(() =>
      db.prepare("INSERT INTO case_notes (case_id, text, created_at, updated_at) VALUES (1, '  ', 'a', 'a')").run(),
    ).toThrow(/CHECK constraint failed/);

    db.prepare('DELETE FROM cases WHERE id = 1').run();
    for (const table of ['graph_nodes', 'graph_edges', 'case_notes'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    db.close();
  });
});
