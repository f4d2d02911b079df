/**
 * Properties of the TagPack and ActorPack importers: any input ends in a report or a whole-file refusal, an
 * import is idempotent, a cancel at any point leaves the workspace as it was, header fields are inherited, and
 * text comes back as written.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ImportCancelledError,
  ImportFileError,
  MAX_LISTED_PROBLEMS,
  type ImportProgress,
  type ImportReport,
} from '../../db/import/report';
import { importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import { rowCount } from '../helpers/import-check';
import { steppingClock, tempDir, tempWorkspace } from '../helpers/workspace';
import {
  actorPackYaml,
  actorSpecs,
  expectedTag,
  mutatedPack,
  packSpec,
  packYaml,
  subjects,
  unicodeText,
  yamlishText,
  type ActorSpec,
  type PackSpec,
  type Subject,
  type TagSpec,
} from './generators';

/** Every table of the workspace, rows serialized and sorted, with the schema: equal dumps, equal workspaces. */
function dump(db: Db): string {
  const objects = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as {
    type: string;
    name: string;
  }[];
  const tables = objects
    .filter((o) => o.type === 'table')
    .map((o) => [
      o.name,
      (db.prepare(`SELECT * FROM "${o.name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort(),
    ]);
  return JSON.stringify({ version: db.pragma('user_version', { simple: true }), objects, tables });
}

/** Lines as the importer counts them: LF or CRLF ends a line, a leading byte-order mark is not text. */
function lineCount(bytes: Buffer): number {
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split('\n').length - (text === '' || text.endsWith('\n') ? 1 : 0);
}

/** Where each tag of a pack written by packYaml ends, in bytes: where the next begins, or the end of the file. */
function tagEnds(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let i = bytes.indexOf('\n  - '); i !== -1; i = bytes.indexOf('\n  - ', i + 1)) starts.push(i + 1);
  return [...starts.slice(1), bytes.length];
}

/** Makes every progress call reach the listener, as if each record took a second: the throttle never holds. */
async function withSlowClock<T>(run: () => Promise<T>): Promise<T> {
  let t = performance.now();
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000));
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
}

/** The value or the error, for asserting on either. */
const settle = <T>(promise: Promise<T>): Promise<T | unknown> =>
  promise.then(
    (value) => value,
    (error: unknown) => error,
  );

const now = () => new Date('2026-01-02T03:04:05.000Z');

describe('any input ends in a report or a whole-file refusal', () => {
  // Unresolved tags such as !!binary make the yaml package print a warning per value; not what is tested here.
  beforeEach(() => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Imports `content` as each format into a fresh workspace and checks what came out. */
  async function importAnything(dir: string, content: string | Uint8Array): Promise<void> {
    const file = path.join(dir, 'input.yaml');
    fs.writeFileSync(file, content);
    const bytes = fs.readFileSync(file);
    const lines = lineCount(bytes);
    for (const format of ['tagpack', 'actorpack']) {
      const { db } = openDb(':memory:');
      try {
        const before = dump(db);
        const records = rowCount(db, format === 'tagpack' ? 'tags' : 'entities');
        let report: ImportReport;
        try {
          report = await importFile(db, file, { format, now });
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          expect(error.file).toBe(file);
          expect(error.line).toBeGreaterThanOrEqual(0);
          expect(error.line).toBeLessThanOrEqual(Math.max(lines, 1));
          expect(error.reason).not.toBe('');
          expect(db.inTransaction).toBe(false);
          expect(dump(db)).toBe(before);
          continue;
        }
        expect(db.inTransaction).toBe(false);
        expect(report).toMatchObject({ file, format, sha256: createHash('sha256').update(bytes).digest('hex') });
        expect(report.read).toBe(report.inserted + report.duplicates + report.rejected);
        expect(report.errors).toHaveLength(Math.min(report.rejected, MAX_LISTED_PROBLEMS));
        for (const problem of [...report.errors, ...report.warnings]) {
          expect(problem.file).toBe(file);
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
          expect(problem.reason).not.toBe('');
        }
        expect(rowCount(db, format === 'tagpack' ? 'tags' : 'entities') - records).toBe(report.inserted);
        expect(rowCount(db, 'import_sources')).toBe(report.inserted > 0 ? 1 : 0);
      } finally {
        db.close();
      }
    }
  }

  it('random bytes', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => importAnything(dir, bytes)),
      { numRuns: 60 },
    );
  });

  it('random Unicode text, bare or after a list key', async () => {
    const dir = tempDir();
    const prefix = fc.constantFrom('', 'tags:\n', 'actors:\n', 'title: t\ntags:\n  - ', 'actors:\n- id: a\n  label: ');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(prefix, text, (p, t) => importAnything(dir, p + t)),
      { numRuns: 60 },
    );
  });

  it('YAML-ish text built from pack fragments', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(yamlishText, (text) => importAnything(dir, text)),
      { numRuns: 120 },
    );
  });

  it('valid packs with deleted, duplicated, re-indented and swapped lines, odd values and huge strings', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(mutatedPack, (text) => importAnything(dir, text)),
      { numRuns: 120 },
    );
  });

  it.each([
    ['an actor label that is a NUL', 'actors:\n  - id: a\n    label: "\\0"\n'],
    ['an actor context that contains itself', 'actors:\n  - id: a\n    label: A\n    context: &x {y: *x}\n'],
    ['a tag label that is a NUL', 'tags:\n  - address: 0x7e2a2fa2a064f693f0a55c5639476d913ff12d05\n    label: "\\0"\n'],
    ['a lone CR inside an item', 'tags:\n  - label: a\r    source: [\n'],
    ['an unknown tag on a header field', 'title: !!binary aGk=\ntags:\n  - label: a\n'],
  ])('%s', async (_, text) => {
    await importAnything(tempDir(), text);
  });

  it('lists the first thousand refused records and counts them all', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'many.yaml');
    fs.writeFileSync(file, `title: t\ncreator: c\ntags:\n${'  - label: no source\n'.repeat(1005)}`);
    const { db } = openDb(':memory:');
    const report = await importFile(db, file, { format: 'tagpack' });
    expect(report).toMatchObject({ read: 1005, inserted: 0, rejected: 1005 });
    expect(report.errors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(report.errors.at(-1)).toEqual({ file, line: 1003, reason: 'missing source' });
  });
});

describe('importing the same TagPack twice', () => {
  it('adds nothing the second time and reports every tag as a duplicate', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(packSpec({ maxTags: 40 }), fc.boolean(), async (spec, lowerCase) => {
        const file = path.join(dir, 'pack.yaml');
        fs.writeFileSync(file, packYaml(spec, lowerCase));
        const { db } = openDb(':memory:');
        try {
          const clock = steppingClock();
          const first = await importFile(db, file, { now: clock });
          const once = dump(db);
          const second = await importFile(db, file, { now: clock });
          const n = spec.tags.length;
          expect(first).toMatchObject({ read: n, inserted: n, duplicates: 0, rejected: 0 });
          expect(second).toMatchObject({ read: n, inserted: 0, duplicates: first.inserted, rejected: 0 });
          expect(second.warnings).toEqual(first.warnings);
          expect(dump(db)).toBe(once);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a cancelled import leaves the workspace exactly as it was', () => {
  /**
   * A pack of 1–300 tags, and what the workspace already holds: some of the same tags (which the pack then
   * repeats as duplicates), a few others, and some actors.
   */
  const cancelCase = packSpec({ maxTags: 300, size: 'max' }).chain((pack) =>
    fc.record({
      pack: fc.constant(pack),
      overlap: fc.nat({ max: pack.tags.length }),
      others: subjects(0, 20),
      actors: actorSpecs(),
    }),
  );

  /** A workspace file that already holds an import of other tags and actors, and the pack to cancel. */
  async function prepare(
    dir: string,
    { pack, overlap, others, actors }: { pack: PackSpec; overlap: number; others: Subject[]; actors: ActorSpec[] },
  ) {
    const inPack = new Set(pack.tags.map((t) => t.subject.stored));
    const { db } = openDb(tempWorkspace());
    const earlier: PackSpec = {
      header: pack.header,
      tags: [
        ...pack.tags.slice(0, overlap),
        ...others
          .filter((s) => !inPack.has(s.stored))
          .map((s): TagSpec => ({ subject: s, currency: s.family === 'BTC' ? 'BTC' : 'ETH', writeCurrency: true })),
      ],
    };
    const earlierFile = path.join(dir, 'earlier.yaml');
    fs.writeFileSync(earlierFile, packYaml(earlier));
    await importFile(db, earlierFile, { now });
    const actorFile = path.join(dir, 'actors.yaml');
    fs.writeFileSync(actorFile, actorPackYaml(actors));
    await importFile(db, actorFile, { now });
    const file = path.join(dir, 'pack.yaml');
    fs.writeFileSync(file, packYaml(pack));
    return { db, file };
  }

  it('cancelled from the k-th progress report, for every k', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(cancelCase, fc.nat(), async (input, seed) => {
        const { db, file } = await prepare(dir, input);
        try {
          const before = dump(db);
          const n = input.pack.tags.length;
          // n reports, one per tag, then one at the end; a cancel even in the last one is honoured before COMMIT.
          const k = 1 + (seed % (n + 1));
          const controller = new AbortController();
          const seen: ImportProgress[] = [];
          const outcome = await withSlowClock(() =>
            settle(
              importFile(db, file, {
                signal: controller.signal,
                now,
                onProgress: (p) => {
                  seen.push(p);
                  if (seen.length === k) controller.abort();
                },
              }),
            ),
          );
          expect(db.inTransaction).toBe(false);
          expect(outcome).toBeInstanceOf(ImportCancelledError);
          expect(seen).toHaveLength(k);
          expect(seen.at(-1)?.records).toBe(Math.min(k, n));
          expect(dump(db)).toBe(before);
          // What was cancelled went nowhere: the whole import now finds exactly the tags it found before.
          const tagsBefore = rowCount(db, 'tags');
          const again = await importFile(db, file, { now });
          expect(again.read).toBe(n);
          expect(rowCount(db, 'tags') - tagsBefore).toBe(again.inserted);
          expect(again.duplicates).toBe(input.overlap);
        } finally {
          db.close();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('cancelled once a random share of the bytes is read', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(
        cancelCase,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (input, share) => {
          const { db, file } = await prepare(dir, input);
          try {
            const before = dump(db);
            const threshold = Math.floor(share * fs.statSync(file).size);
            const controller = new AbortController();
            const seen: ImportProgress[] = [];
            const outcome = await withSlowClock(() =>
              settle(
                importFile(db, file, {
                  signal: controller.signal,
                  onProgress: (p) => {
                    seen.push(p);
                    if (p.bytesRead > threshold) controller.abort();
                  },
                }),
              ),
            );
            expect(outcome).toBeInstanceOf(ImportCancelledError);
            // Progress moves tag by tag with the bytes read, not by whole chunks of the file: the cancel comes
            // at the first tag that ends past the threshold.
            const ends = tagEnds(fs.readFileSync(file));
            const k = 1 + ends.filter((end) => end <= threshold).length;
            expect(seen.at(-1)).toMatchObject({ records: k, bytesRead: ends[k - 1] });
            expect(dump(db)).toBe(before);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('cancelled before it starts', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(cancelCase, async (input) => {
        const { db, file } = await prepare(dir, input);
        try {
          const before = dump(db);
          const onProgress = vi.fn();
          await expect(importFile(db, file, { signal: AbortSignal.abort(), onProgress })).rejects.toBeInstanceOf(
            ImportCancelledError,
          );
          expect(onProgress).not.toHaveBeenCalled();
          expect(db.inTransaction).toBe(false);
          expect(dump(db)).toBe(before);
        } finally {
          db.close();
        }
      }),
      { numRuns: 10 },
    );
  });

  it('holds progress reports back to one per 100 ms, however many tags one read of the file brings', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(packSpec({ maxTags: 300, size: 'max' }), async (spec) => {
        const file = path.join(dir, 'pack.yaml');
        fs.writeFileSync(file, packYaml(spec));
        const { db } = openDb(':memory:');
        const frozen = performance.now() + 1000;
        const spy = vi.spyOn(performance, 'now').mockReturnValue(frozen);
        const seen: ImportProgress[] = [];
        try {
          await importFile(db, file, { onProgress: (p) => seen.push(p) });
        } finally {
          spy.mockRestore();
          db.close();
        }
        // The first record, the last one (which ends the file) and the end.
        expect(seen.length).toBeLessThanOrEqual(3);
        expect(seen.at(-1)).toMatchObject({ bytesRead: fs.statSync(file).size, records: spec.tags.length });
      }),
      { numRuns: 15 },
    );
  });
});

describe('header fields are defaults', () => {
  it('stores each tag with its own label, source, confidence, category, actor and currency, else the header’s', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(packSpec({ maxTags: 30 }), fc.boolean(), async (spec, lowerCase) => {
        const file = path.join(dir, 'pack.yaml');
        fs.writeFileSync(file, packYaml(spec, lowerCase));
        const { db } = openDb(':memory:');
        try {
          const report = await importFile(db, file);
          expect(report).toMatchObject({ inserted: spec.tags.length, rejected: 0 });
          const rows = db
            .prepare(
              `SELECT t.chain, coalesce(a.address, t.tx_hash) AS subject, t.label, t.source, t.confidence, t.category,
                      t.actor, t.asset
               FROM tags t LEFT JOIN addresses a ON a.id = t.address_id ORDER BY t.id`,
            )
            .all();
          expect(rows).toEqual(spec.tags.map((t) => expectedTag(spec.header, t)));
        } finally {
          db.close();
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('text comes back as written', () => {
  const trimmed = (s: string | null) => (s === null ? null : s.trim());

  it('labels, sources, categories, actors, titles and creators in any Unicode, less surrounding whitespace', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(packSpec({ maxTags: 10, text: unicodeText }), async (spec) => {
        const file = path.join(dir, 'pack.yaml');
        fs.writeFileSync(file, packYaml(spec));
        const { db } = openDb(':memory:');
        try {
          const report = await importFile(db, file);
          expect(report.errors).toEqual([]);
          const rows = db.prepare('SELECT label, source, category, actor FROM tags ORDER BY id').all();
          expect(rows).toEqual(
            spec.tags.map((t) => {
              const e = expectedTag(spec.header, t);
              return {
                label: trimmed(e.label ?? null),
                source: trimmed(e.source ?? null),
                category: trimmed(e.category),
                actor: trimmed(e.actor),
              };
            }),
          );
          expect(db.prepare('SELECT title, creator FROM import_sources').get()).toEqual({
            title: spec.header.title.trim(),
            creator: spec.header.creator.trim(),
          });
        } finally {
          db.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('actor labels and aliases in any Unicode (YAML 1.2)', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(actorSpecs(unicodeText, 8), async (actors) => {
        const file = path.join(dir, 'actors.yaml');
        fs.writeFileSync(file, actorPackYaml(actors, '1.2'));
        const { db } = openDb(':memory:');
        try {
          const report = await importFile(db, file);
          // SQLite cannot hold a label that starts with a NUL: such an actor is refused, not the file.
          const refused = actors.filter((a) => a.label.includes('\0'));
          expect(report.errors.map((e) => e.reason)).toEqual(
            refused.map((a) => `actor ${a.id}: the label contains a NUL character`),
          );
          for (const actor of actors.filter((a) => !refused.includes(a))) {
            const entity = db.prepare('SELECT id, label FROM entities WHERE key = ?').get(actor.id) as {
              id: number;
              label: string;
            };
            expect(entity.label).toBe(actor.label.trim());
            const aliases = db.prepare('SELECT alias FROM entity_aliases WHERE entity_id = ?').pluck().all(entity.id);
            expect((aliases as string[]).sort()).toEqual([...new Set(actor.aliases.map((a) => a.trim()))].sort());
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
