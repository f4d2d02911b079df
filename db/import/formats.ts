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
}

export interface FormatImporter {
  format: string;
  run(context: FormatContext): Promise<void>;
}
