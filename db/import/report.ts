/** What every import ends with: counts, and each refused line with its file, line and reason. */
export interface ImportProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  file: string;
  format: string;
  sha256: string;
  /** Records read (tags, actors, rows), not text lines. */
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: ImportProblem[];
  /** Accepted with a caveat, e.g. a tag without confidence stored as 'unknown'. */
  warnings: ImportProblem[];
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export class ImportCancelledError extends Error {
  constructor(file: string) {
    super(`import of ${file} was cancelled; the workspace is unchanged`);
    this.name = 'ImportCancelledError';
  }
}

/** A whole file refused before any record was written (unknown format, not YAML, no tags list…). */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ImportFileError';
  }
}

/** At most this many errors and warnings are kept in a report; the counts stay exact. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Accumulates one file's counts and problems. Repeated warnings are folded into one line with a count. */
export class ReportBuilder {
  read = 0;
  inserted = 0;
  duplicates = 0;
  rejected = 0;
  readonly errors: ImportProblem[] = [];
  private readonly folded = new Map<string, { first: ImportProblem; count: number }>();

  constructor(readonly file: string) {}

  reject(line: number, reason: string): void {
    this.rejected += 1;
    if (this.errors.length < MAX_LISTED_PROBLEMS) this.errors.push({ file: this.file, line, reason });
  }

  /** Warnings with the same text are reported once, at their first line, with how many there were. */
  warn(line: number, reason: string): void {
    const seen = this.folded.get(reason);
    if (seen) seen.count += 1;
    else this.folded.set(reason, { first: { file: this.file, line, reason }, count: 1 });
  }

  build(format: string, sha256: string): ImportReport {
    const warnings = [...this.folded.values()]
      .slice(0, MAX_LISTED_PROBLEMS)
      .map(({ first, count }) =>
        count === 1 ? first : { ...first, reason: `${first.reason} (${count} records, first here)` },
      );
    return {
      file: this.file,
      format,
      sha256,
      read: this.read,
      inserted: this.inserted,
      duplicates: this.duplicates,
      rejected: this.rejected,
      errors: this.errors,
      warnings,
    };
  }
}
