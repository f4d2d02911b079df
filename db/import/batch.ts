import type { ImportBatchReport } from '../api/contract';
import type { Db } from '../open';
import { ImportFileError, type ImportProgress } from './report';
import { importFile, type ImportOptions } from './run';

/**
 * Imports files one after the other, each all or nothing. A file refused as a whole is listed under `failed`
 * and the others still go in; a cancel stops the batch, keeping the files already committed.
 */
export async function importFiles(
  db: Db,
  files: string[],
  options: ImportOptions & { onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportBatchReport> {
  const batch: ImportBatchReport = {
    read: 0,
    inserted: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
    warnings: [],
    files: [],
    failed: [],
  };
  for (const file of files) {
    try {
      const report = await importFile(db, file, options);
      batch.files.push(report);
      batch.read += report.read;
      batch.inserted += report.inserted;
      batch.duplicates += report.duplicates;
      batch.rejected += report.rejected;
      batch.errors.push(...report.errors);
      batch.warnings.push(...report.warnings);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      batch.failed.push({ file: error.file, line: error.line, reason: error.reason });
    }
  }
  return batch;
}
