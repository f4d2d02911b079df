import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportFileError, MAX_LISTED_PROBLEMS, type ImportReport } from '../../db/import/report';
import { importFile, type ImportOptions } from '../../db/import/run';
import type { Db } from '../../db/open';
import { tempDir } from './workspace';

/** test/fixtures/import/… */
export const importFixture = (...parts: string[]) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import', ...parts);

/** Every row of every table, sorted: equal dumps, equal workspaces. */
export function dumpWorkspace(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  return JSON.stringify(
    (tables as string[]).map((t) => [
      t,
      (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort(),
    ]),
  );
}

export const rowCount = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** A file with these contents in a fresh folder. */
export function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Imports a file that may hold anything: it must end in a report whose counts add up, or in a whole-file
 * refusal that leaves the workspace exactly as it was; and importing it again must add nothing.
 */
export async function importAnything(db: Db, file: string, options: ImportOptions): Promise<void> {
  const before = dumpWorkspace(db);
  let report: ImportReport;
  try {
    report = await importFile(db, file, options);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThanOrEqual(0);
    expect(dumpWorkspace(db)).toBe(before);
    return;
  }
  expect(report.read).toBe(report.inserted + report.duplicates + report.rejected);
  expect(report.errors).toHaveLength(Math.min(report.rejected, MAX_LISTED_PROBLEMS));
  for (const e of report.errors) {
    expect(e.file).toBe(file);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.reason).not.toBe('');
  }
  const after = dumpWorkspace(db);
  const again = await importFile(db, file, options);
  expect(again).toMatchObject({
    read: report.read,
    inserted: 0,
    duplicates: report.inserted + report.duplicates,
    rejected: report.rejected,
  });
  expect(dumpWorkspace(db)).toBe(after);
}

/** Text made of pieces that matter to a format, glued at random: near misses find more than noise does. */
function piecesOf(pieces: string[], maxLength = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pieces) },
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  return fc.array(piece, { maxLength }).map((parts) => parts.join(''));
}

/** Well-formed text with one to three edits: a piece or a few characters put in, a stretch cut out. */
function mutated(valid: fc.Arbitrary<string>, pieces: string[]): fc.Arbitrary<string> {
  const inserted = fc.oneof(fc.constantFrom(...pieces, ''), fc.string({ unit: 'binary', maxLength: 4 }));
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), inserted);
  return fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([text, edits]) =>
    edits.reduce((t, [at, cut, put]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + put + t.slice(i + cut);
    }, text),
  );
}

/**
 * File contents for the "anything" properties: files of the format, intact or slightly broken, which reach the
 * record-level paths; pieces of the format glued at random; and now and then raw bytes.
 */
export function fileContents(valid: fc.Arbitrary<string>, pieces: string[]): fc.Arbitrary<Uint8Array> {
  const encode = (t: string) => new TextEncoder().encode(t);
  return fc.oneof(
    { weight: 3, arbitrary: valid.map(encode) },
    { weight: 3, arbitrary: mutated(valid, pieces).map(encode) },
    { weight: 3, arbitrary: piecesOf(pieces).map(encode) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  );
}
