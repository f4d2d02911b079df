/**
 * Runs one file's import: all or nothing in one transaction, progress by bytes, cancellation through an
 * AbortSignal, provenance (file name, SHA-256, counts) in import_sources. A file whose every record was
 * already there adds nothing, not even a source row.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../open';
import { findImporter, IMPORT_FORMATS, IMPORTERS } from './registry';
import { ImportCancelledError, ImportFileError, ReportBuilder, type ImportProgress, type ImportReport } from './report';

export interface ImportOptions {
  /** Overrides detection. */
  format?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
  /** The case that imported addresses go into (address lists). */
  caseId?: number;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Picks a format from the file name and its first 64 KiB. */
export async function detectFormat(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  const head = await readHead(file, 64 * 1024);
  const found = IMPORTERS.find((i) => i.detect(ext, head));
  if (found) return found.format;
  throw new ImportFileError(
    file,
    1,
    `cannot tell the format of this file; give --format (one of ${IMPORT_FORMATS.join(', ')})`,
  );
}

async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export async function importFile(db: Db, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new ImportFileError(file, 0, 'no such file');
  }
  if (!stat.isFile()) throw new ImportFileError(file, 0, 'not a file');
  if (options.signal?.aborted) throw new ImportCancelledError(file);
  const format = options.format ?? (await detectFormat(file));
  const importer = findImporter(format);
  if (!importer) throw new ImportFileError(file, 0, `unknown format '${format}' (one of ${IMPORT_FORMATS.join(', ')})`);
  const sha256 = await sha256Of(file);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const builder = new ReportBuilder(file);

  // Records arrive by the thousand per millisecond; listeners hear of them ten times a second at most.
  let lastReport = 0;
  const progress = (bytesRead: number) => {
    if (options.signal?.aborted) throw new ImportCancelledError(file);
    const now = performance.now();
    if (bytesRead < stat.size && now - lastReport < 100) return;
    lastReport = now;
    options.onProgress?.({ file, bytesRead, totalBytes: stat.size, records: builder.read });
  };

  if (db.inTransaction) throw new Error('importFile needs a connection with no open transaction');
  db.exec('BEGIN IMMEDIATE');
  try {
    const sourceId = Number(
      db
        .prepare('INSERT INTO import_sources (format, file_name, sha256, size, imported_at) VALUES (?, ?, ?, ?, ?)')
        .run(format, path.basename(file), sha256, stat.size, now).lastInsertRowid,
    );
    const describe = db.prepare(
      'UPDATE import_sources SET title = @title, creator = @creator, description = @description, lastmod = @lastmod WHERE id = @id',
    );
    await importer.run({
      db,
      file,
      builder,
      source: { id: sourceId, describe: (meta) => describe.run({ ...meta, id: sourceId }) },
      progress,
      caseId: options.caseId,
      now,
    });
    progress(stat.size);
    if (builder.inserted === 0) {
      db.prepare('DELETE FROM import_sources WHERE id = ?').run(sourceId);
    } else {
      db.prepare('UPDATE import_sources SET read = ?, inserted = ?, duplicates = ?, rejected = ? WHERE id = ?').run(
        builder.read,
        builder.inserted,
        builder.duplicates,
        builder.rejected,
        sourceId,
      );
    }
    // A cancel that came during the last progress report still counts: nothing is committed after it.
    if (options.signal?.aborted) throw new ImportCancelledError(file);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return builder.build(format, sha256);
}
