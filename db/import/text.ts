import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportBatchReport } from '../api/contract';
import type { Db } from '../open';
import { importFiles } from './batch';
import type { ImportOptions } from './run';

/** A name for pasted text that is safe as a file name and still recognisable in a report. */
function safeName(name: string): string {
  const cleaned = path.basename(name).replace(/[^\w.\- ()]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'pasted.txt' : cleaned;
}

/**
 * Imports pasted text as if it were a file of that name: it is written to a private temporary folder, so the
 * same streaming importers, detection, provenance and report apply, and the report names the text, not the
 * temporary path.
 */
export async function importText(
  db: Db,
  text: string,
  name: string,
  options: ImportOptions = {},
): Promise<ImportBatchReport> {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ariadne-paste-'));
  const shown = safeName(name);
  const file = path.join(folder, shown);
  try {
    await fs.promises.writeFile(file, text, { encoding: 'utf8', mode: 0o600 });
    const report = await importFiles(db, [file], options);
    const rename = <T extends { file: string }>(p: T): T => (p.file === file ? { ...p, file: shown } : p);
    return {
      ...report,
      errors: report.errors.map(rename),
      warnings: report.warnings.map(rename),
      failed: report.failed.map(rename),
      files: report.files.map((f) => ({
        ...rename(f),
        errors: f.errors.map(rename),
        warnings: f.warnings.map(rename),
      })),
    };
  } finally {
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}
