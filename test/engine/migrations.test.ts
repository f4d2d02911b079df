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
});
