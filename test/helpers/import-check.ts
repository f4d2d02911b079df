import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportFileError, MAX_LISTED_PROBLEMS, type ImportReport } from '../../db/import/report';
import { importFile, type ImportOptions } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
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

/** Addresses of the Ronin bridge theft, as the transfers and Etherscan fixtures write them. */
export const RONIN = '0x1A2a1c938CE3eC39b6D47113c7955bAa9DD454F2';
export const EXPLOITER = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
export const TORNADO = '0xA160cdAB225685dA1d56aa342Ad8841c3b53f291';
export const BINANCE = '0x28C6c06298d514Db089934071355E5743bf21d60';
export const HARMONY = '0x0d043128146654C7683Fbf30ac98D7B2285DeD00';

/** The stored transfers, joined back to what a row says. */
export function storedTransfers(db: Db): unknown[][] {
  return db
    .prepare(
      `SELECT t.chain, t.tx_hash, t.idx, t.time, t.block, f.address, o.address, a.symbol, t.amount
         FROM transfers t JOIN addresses f ON f.id = t.from_id JOIN addresses o ON o.id = t.to_id
         JOIN assets a ON a.id = t.asset_id
        ORDER BY t.id`,
    )
    .raw()
    .all() as unknown[][];
}

/** Imports a file that must be refused as a whole (into a fresh workspace unless given one), keeping nothing. */
export async function refusedImport(
  file: string,
  options: ImportOptions,
  db: Db = openDb(':memory:').db,
): Promise<ImportFileError> {
  const before = dumpWorkspace(db);
  const error = await importFile(db, file, options).catch((e: unknown) => e);
  if (!(error instanceof ImportFileError)) throw new Error(`expected an ImportFileError, got ${String(error)}`);
  expect(dumpWorkspace(db)).toBe(before);
  return error;
}

/** Imports a file the workspace already holds: the report must match `expected`, and nothing may change. */
export async function importAgain(
  db: Db,
  file: string,
  expected: Partial<ImportReport>,
  options?: ImportOptions,
): Promise<ImportReport> {
  const before = dumpWorkspace(db);
  const report = await importFile(db, file, options);
  expect(report).toMatchObject(expected);
  expect(dumpWorkspace(db)).toBe(before);
  return report;
}

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

/** The "import of anything" property: each generated file, written as `name`, passes importAnything. */
export async function assertImportsAnything(
  db: Db,
  contents: fc.Arbitrary<Uint8Array>,
  name: string,
  options: ImportOptions,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(contents, async (content) => {
      await importAnything(db, writeFile(name, content), options);
    }),
    { numRuns },
  );
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
