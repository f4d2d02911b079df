import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { APPLICATION_ID, openDb, WorkspaceError } from '../../db/open';
import { tempDir, tempWorkspace } from '../helpers/workspace';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDb', () => {
  it('creates a workspace with WAL, foreign keys, a busy timeout and the latest schema', () => {
    const file = tempWorkspace();
    const { db, migration } = openDb(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(migration).toEqual({ from: 0, to: SCHEMA_VERSION, backup: null });
    db.close();
  });

  it('reopens an up-to-date workspace without migrating or backing up', () => {
    const file = tempWorkspace();
    openDb(file).db.close();
    const { db, migration } = openDb(file);
    expect(migration).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, backup: null });
    db.close();
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a workspace written by a newer version and leaves it byte for byte untouched', () => {
    const file = tempWorkspace();
    openDb(file).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(path.dirname(file)).sort();

    expect(() => openDb(file)).toThrow(WorkspaceError);
    expect(() => openDb(file)).toThrow(
      new RegExp(
        `newer version of Ariadne \\(workspace schema ${SCHEMA_VERSION + 5}; this version knows up to ${SCHEMA_VERSION}\\)`,
      ),
    );
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(filesBefore);
  });

  it('sees a newer version recorded only in the WAL, not yet in the file header', () => {
    const file = tempWorkspace();
    openDb(file).db.close();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('wal_autocheckpoint = 0');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    // Copy the files while the change sits in the WAL, as after a crash.
    const copy = path.join(tempDir(), 'crashed.db');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    raw.close();
    expect(() => openDb(copy)).toThrow(/newer version of Ariadne/);
  });

  it('refuses a file that is not SQLite, and one of another application, untouched', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'these are my notes, not a database\n'.repeat(10));
    const before = sha256(text);
    expect(() => openDb(text)).toThrow(`${text} is not an Ariadne workspace: it is not a SQLite database`);
    expect(sha256(text)).toBe(before);

    const other = path.join(dir, 'other.sqlite');
    const raw = new Database(other);
    raw.pragma('application_id = 1234');
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const otherBefore = sha256(other);
    expect(() => openDb(other)).toThrow(/SQLite database of another application/);
    expect(sha256(other)).toBe(otherBefore);
  });

  it('refuses a workspace in a folder that does not exist', () => {
    const file = path.join(tempDir(), 'missing', 'w.db');
    expect(() => openDb(file)).toThrow(/folder .*missing does not exist/);
  });

  it('backs up an older workspace before migrating it, and the backup is the old version', () => {
    const file = tempWorkspace();
    openDb(file, { migrations: MIGRATIONS.slice(0, 1) }).db.close();
    const fixed = () => new Date('2026-03-04T05:06:07.089Z');
    const { db, migration } = openDb(file, { now: fixed });
    db.close();
    expect(migration.from).toBe(1);
    expect(migration.to).toBe(SCHEMA_VERSION);
    expect(migration.backup).toBe(`${file}.v1-2026-03-04T05-06-07-089Z.bak`);
    const backup = new Database(migration.backup as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });

  it('rolls a failing migration back entirely and keeps the old version', () => {
    const file = tempWorkspace();
    openDb(file, { migrations: MIGRATIONS.slice(0, 1) }).db.close();
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT no_such_function();' },
    ];
    expect(() => openDb(file, { migrations: broken })).toThrow(/no such function/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('half_done');
    expect(tables).not.toContain('audit_log');
    raw.close();
  });
});
