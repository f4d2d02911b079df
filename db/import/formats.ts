import type { Db } from '../open';
import type { ReportBuilder } from './report';

/** The import_sources row of the file being imported, which every record points back to. */
export interface SourceHandle {
  id: number;
  describe(meta: {
    title: string | null;
    creator: string | null;
    description: string | null;
    lastmod: string | null;
  }): void;
}

export interface FormatContext {
  db: Db;
  file: string;
  builder: ReportBuilder;
  source: SourceHandle;
  /** Call with the bytes consumed so far; it reports progress and throws if the import was cancelled. */
  progress(bytesRead: number): void;
  /** The case that imported addresses go into, for formats that add to a case. */
  caseId?: number;
  /** The time records are stamped with (ISO-8601). */
  now: string;
}

export interface FormatImporter {
  format: string;
  /** One line for --help and the Import dialog. */
  description: string;
  /** Whether a file looks like this format, from its extension (lower-case, with the dot) and first 64 KiB. */
  detect(extension: string, head: string): boolean;
  run(context: FormatContext): Promise<void>;
}
