import fs from 'node:fs';
import { breather } from './breathe';
import { ImportFileError, type ReportBuilder } from './report';

export interface CsvRecord {
  /** The line the record starts on, 1-based. */
  line: number;
  fields: string[];
  /** Bytes of the file consumed once this record is read, for progress. */
  bytesRead: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** The position of `c` in `text` from `from` on, or the text's length when there is none. */
function indexOrEnd(text: string, c: string, from: number): number {
  const at = text.indexOf(c, from);
  return at === -1 ? text.length : at;
}

/**
 * The RFC 4180 state machine, fed text piece by piece so that one record may span chunks. Line breaks are LF,
 * CRLF or a lone CR, each counting as one line, inside quoted fields too, so that line numbers match editors.
 */
class CsvScanner {
  private line = 1;
  private recordLine = 1;
  private fields: string[] = [];
  private field = '';
  /** The current field started with a quote. */
  private quoted = false;
  private inQuotes = false;
  /** Inside quotes, a quote was just seen: it closes the field unless another quote follows (an escaped one). */
  private quotePending = false;
  /** A CR was just seen: an LF right after it belongs to the same line break. */
  private pendingCR = false;

  constructor(private readonly delimiter: string) {}

  *feed(text: string, bytesRead: number): Generator<CsvRecord> {
    // Where the next quote and CR are, found once per text rather than once per line.
    let quote = -1;
    let cr = -1;
    let from = 0;
    while (from < text.length) {
      const lf = text.indexOf('\n', from);
      const to = lf === -1 ? text.length : lf + 1;
      if (lf !== -1 && this.atRecordStart()) {
        if (quote < from) quote = indexOrEnd(text, '"', from);
        if (cr < from) cr = indexOrEnd(text, '\r', from);
        const end = cr === lf - 1 ? lf - 1 : lf;
        // Most lines hold no quote and no line break but the final one: split them without the state machine.
        if (quote > lf && cr >= end) {
          if (end > from) yield { line: this.recordLine, fields: this.split(text, from, end), bytesRead };
          this.line += 1;
          this.recordLine = this.line;
          from = to;
          continue;
        }
      }
      yield* this.scan(text, from, to, bytesRead);
      from = to;
    }
  }

  private atRecordStart(): boolean {
    return (
      this.fields.length === 0 &&
      this.field === '' &&
      !this.quoted &&
      !this.inQuotes &&
      !this.quotePending &&
      !this.pendingCR
    );
  }

  private split(text: string, from: number, end: number): string[] {
    const fields: string[] = [];
    let start = from;
    let at: number;
    while ((at = text.indexOf(this.delimiter, start)) !== -1 && at < end) {
      fields.push(text.slice(start, at));
      start = at + 1;
    }
    fields.push(text.slice(start, end));
    return fields;
  }

  private *scan(text: string, from: number, to: number, bytesRead: number): Generator<CsvRecord> {
    for (let i = from; i < to; i++) {
      const c = text[i] as string;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') {
          // The CR already counted the line; inside quotes the LF is still part of the field's text.
          if (this.inQuotes) this.field += c;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          // c is the character after the closing quote: handled below like any character outside quotes.
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (c === '\n' || c === '\r') {
            this.line += 1;
            if (c === '\r') this.pendingCR = true;
          }
          this.field += c;
          continue;
        }
      }
      if (c === this.delimiter) {
        this.endField();
      } else if (c === '\n' || c === '\r') {
        const record = this.endRecord(bytesRead);
        if (record) yield record;
        this.line += 1;
        this.recordLine = this.line;
        if (c === '\r') this.pendingCR = true;
      } else if (c === '"') {
        if (this.field !== '' || this.quoted) throw new CsvSyntaxError(this.line, 'a quote inside an unquoted field');
        this.inQuotes = true;
        this.quoted = true;
      } else {
        if (this.quoted) throw new CsvSyntaxError(this.line, 'text after the closing quote of a field');
        this.field += c;
      }
    }
  }

  *end(bytesRead: number): Generator<CsvRecord> {
    if (this.inQuotes && !this.quotePending) throw new CsvSyntaxError(this.recordLine, 'a quoted field is not closed');
    this.inQuotes = false;
    this.quotePending = false;
    const record = this.endRecord(bytesRead);
    if (record) yield record;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
  }

  /** A line with nothing on it is no record; a line holding only `""` is one empty field. */
  private endRecord(bytesRead: number): CsvRecord | null {
    const blank = this.fields.length === 0 && this.field === '' && !this.quoted;
    this.endField();
    const fields = this.fields;
    this.fields = [];
    return blank ? null : { line: this.recordLine, fields, bytesRead };
  }
}

/**
 * Streams RFC 4180 CSV: fields separated by `delimiter`, optionally quoted with `"` (a doubled quote inside is
 * one quote), quoted fields may hold delimiters and line breaks; LF, CRLF or CR; a UTF-8 byte-order mark is
 * dropped; blank lines are skipped. Never holds more than one record and one chunk in memory.
 */
export async function* readCsv(
  file: string,
  options: { delimiter?: string; chunkSize?: number } = {},
): AsyncGenerator<CsvRecord> {
  const scanner = new CsvScanner(options.delimiter ?? ',');
  const stream = fs.createReadStream(file, { highWaterMark: options.chunkSize ?? 1 << 20 });
  // The decoder drops a leading byte-order mark itself, however the chunks cut it, and only that one.
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  const breathe = breather();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // Decoded line by line: a field an importer keeps then holds on to its line and not to a whole chunk (V8
    // substrings share their parent's memory), and each record reports the bytes up to its own end.
    let start = 0;
    let lf: number;
    while ((lf = chunk.indexOf(10, start)) !== -1) {
      const line = decoder.decode(chunk.subarray(start, lf + 1), { stream: true });
      for (const record of scanner.feed(line, bytesRead + lf + 1)) {
        yield record;
        const pause = breathe();
        if (pause) await pause;
      }
      start = lf + 1;
    }
    bytesRead += chunk.length;
    if (start < chunk.length) yield* scanner.feed(decoder.decode(chunk.subarray(start), { stream: true }), bytesRead);
  }
  // Bytes of a character cut off by the end of the file come out as U+FFFD rather than vanishing.
  yield* scanner.feed(decoder.decode(), bytesRead);
  yield* scanner.end(bytesRead);
}

/**
 * readCsv for an importer: reports each record's bytes to `progress` before yielding it, and turns CSV that is not
 * well-formed into an ImportFileError for the whole file.
 */
export async function* importCsvRecords(
  file: string,
  progress: (bytesRead: number) => void,
): AsyncGenerator<CsvRecord> {
  try {
    for await (const record of readCsv(file)) {
      progress(record.bytesRead);
      yield record;
    }
  } catch (error) {
    // Only the reading lands here: an error thrown by the loop that consumes the records closes this generator.
    if (error instanceof CsvSyntaxError) throw new ImportFileError(file, error.line, `not valid CSV: ${error.message}`);
    throw error;
  }
}

/**
 * importCsvRecords for a file whose first record is its header: `layoutOf` reads the header (and may refuse the
 * file), and each later record comes with that layout. A file without a single record is refused with `empty`.
 */
export async function* importCsvRows<L>(
  file: string,
  progress: (bytesRead: number) => void,
  layoutOf: (header: CsvRecord) => L,
  empty: string,
): AsyncGenerator<{ layout: L; record: CsvRecord }> {
  let layout: { value: L } | undefined;
  for await (const record of importCsvRecords(file, progress)) {
    if (layout === undefined) layout = { value: layoutOf(record) };
    else yield { layout: layout.value, record };
  }
  if (layout === undefined) throw new ImportFileError(file, 1, empty);
}

/** The first record of a file's head, for detection: null when it is not well-formed CSV. */
export function firstCsvRecord(text: string, delimiter = ','): string[] | null {
  const scanner = new CsvScanner(delimiter);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    for (const record of scanner.feed(body, 0)) return record.fields;
    for (const record of scanner.end(0)) return record.fields;
  } catch (error) {
    if (error instanceof CsvSyntaxError) return null;
    throw error;
  }
  return null;
}

/** Where each known column sits in a CSV's rows; -1 for an optional column the file does not have. */
export type CsvLayout<C extends string> = Record<C, number> & { width: number };

export interface CsvColumns<C extends string> {
  /** What a file lacking a required column is not, e.g. "a transfers CSV". */
  what: string;
  required: readonly C[];
  optional: readonly C[];
  /** A header field's column name (trimmed, lower case…). */
  name(field: string): string;
}

/**
 * The layout a header gives: refused (with the header's line) when a required column is missing or a known one
 * appears twice; columns nobody reads are named in a warning.
 */
export function csvLayout<C extends string>(
  file: string,
  header: CsvRecord,
  builder: Pick<ReportBuilder, 'warn'>,
  columns: CsvColumns<C>,
): CsvLayout<C> {
  const names = header.fields.map(columns.name);
  const known = new Set<string>([...columns.required, ...columns.optional]);
  const repeated = names.find((n, i) => known.has(n) && names.indexOf(n) !== i);
  if (repeated) throw new ImportFileError(file, header.line, `column ${repeated} appears twice in the header`);
  const missing = columns.required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(
      file,
      header.line,
      `not ${columns.what}: the header lacks ${missing.join(', ')} (it needs ${columns.required.join(', ')})`,
    );
  }
  const extra = header.fields.filter((_, i) => !known.has(names[i] as string));
  if (extra.length > 0) {
    builder.warn(header.line, `columns ignored: ${extra.map((e) => e.trim().slice(0, 40) || '(unnamed)').join(', ')}`);
  }
  const at = Object.fromEntries([...columns.required, ...columns.optional].map((c) => [c, names.indexOf(c)]));
  return { ...at, width: names.length } as CsvLayout<C>;
}
