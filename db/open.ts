import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/** 'ARID' — marks a SQLite file as an Ariadne workspace so we never migrate somebody else's database. */
export const APPLICATION_ID = 0x41524944;
const SQLITE_HEADER = 'SQLite format 3\0';

export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export interface OpenOptions {
  /** A better-sqlite3 binary built for another runtime (Electron's ABI); Node uses the default build. */
  nativeBinding?: string;
  /** Migrations to apply; tests pass a prefix to build a database of an older version. */
  migrations?: readonly Migration[];
  /** Time used to name the pre-migration backup. */
  now?: () => Date;
}

export interface MigrationReport {
  from: number;
  to: number;
  backup: string | null;
}

export interface OpenedDb {
  db: Db;
  migration: MigrationReport;
}

function readHeader(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new WorkspaceError(`Cannot read workspace ${file}: ${(err as Error).message}`);
  }
  try {
    const header = Buffer.alloc(100);
    const n = fs.readSync(fd, header, 0, 100, 0);
    return header.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Looks at an existing file without writing to it: a file that is not ours, or that a newer Ariadne wrote,
 * must be left byte for byte as it was.
 */
function inspectExisting(file: string, latest: number, nativeBinding: string | undefined): void {
  const header = readHeader(file);
  if (header === null || header.length === 0) return;
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    throw new WorkspaceError(`${file} is not an Ariadne workspace: it is not a SQLite database`);
  }
  const appId = header.readUInt32BE(68);
  const userVersion = header.readUInt32BE(60);
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new WorkspaceError(`${file} is not an Ariadne workspace: it is a SQLite database of another application`);
  }
  let version = userVersion;
  // The header's copy of user_version lags behind changes still in a write-ahead log (after a crash, say);
  // only then ask SQLite, since even a read-only connection leaves -shm and -wal files behind.
  const wal = `${file}-wal`;
  if (version <= latest && fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      version = probe.pragma('user_version', { simple: true }) as number;
    } finally {
      probe.close();
    }
  }
  if (version > latest) {
    throw new WorkspaceError(
      `${file} was written by a newer version of Ariadne (workspace schema ${version}; this version knows up to ${latest}). ` +
        'Update Ariadne to open it; the file was left untouched.',
    );
  }
}

function backupName(file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${file}.v${version}-${stamp}.bak`;
}

/** Applies pending migrations in one transaction, after a consistent backup copy of a non-empty workspace. */
export function migrate(db: Db, file: string, migrations: readonly Migration[], now: () => Date): MigrationReport {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = migrations.length;
  if (from >= to) return { from, to: from, backup: null };
  let backup: string | null = null;
  if (from > 0 && file !== ':memory:') {
    backup = backupName(file, from, now());
    db.prepare('VACUUM INTO ?').run(backup);
  }
  const apply = db.transaction(() => {
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  });
  apply.exclusive();
  return { from, to, backup };
}

/**
 * Opens (creating if needed) a workspace: refuses foreign or newer files untouched, sets every pragma in one
 * place, and brings the schema up to date.
 */
export function openDb(file: string, options: OpenOptions = {}): OpenedDb {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  const latest = migrations.length;
  if (file !== ':memory:') {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new WorkspaceError(`Cannot open workspace ${file}: folder ${dir} does not exist`);
    inspectExisting(file, latest, options.nativeBinding);
  }
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (err) {
    throw new WorkspaceError(`Cannot open workspace ${file}: ${(err as Error).message}`);
  }
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const migration = migrate(db, file, migrations, now);
    return { db, migration };
  } catch (err) {
    db.close();
    throw err;
  }
}
