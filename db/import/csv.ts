import fs from 'node:fs';

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

/**
 * Streams RFC 4180 CSV: fields separated by `delimiter`, optionally quoted with `"` (a doubled quote inside is
 * one quote), quoted fields may hold delimiters and line breaks; LF or CRLF; a UTF-8 byte-order mark is
 * dropped; blank lines are skipped. Never holds more than one record and one chunk in memory.
 */
export async function* readCsv(
  file: string,
  options: { delimiter?: string; chunkSize?: number } = {},
): AsyncGenerator<CsvRecord> {
  const delimiter = options.delimiter ?? ',';
  const stream = fs.createReadStream(file, { highWaterMark: options.chunkSize ?? 1 << 20 });
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  /** Inside quotes; a quote seen inside may be the closing one or the first of a doubled pair. */
  let inQuotes = false;
  let quotePending = false;
  let bytesRead = 0;
  let first = true;
  let pendingCR = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };

  function* endRecord(): Generator<CsvRecord> {
    endField();
    const blank = fields.length === 1 && fields[0] === '' && !quoted;
    if (!blank) yield { line: recordLine, fields, bytesRead };
    fields = [];
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    let text = decoder.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (pendingCR) {
        pendingCR = false;
        if (c === '\n') continue;
      }
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          inQuotes = false;
          // fall through: c is the character after the closing quote
        } else if (c === '"') {
          quotePending = true;
          continue;
        } else {
          if (c === '\n' || c === '\r') {
            line += 1;
            if (c === '\r') pendingCR = true;
          }
          field += c;
          continue;
        }
      }
      if (c === delimiter) {
        endField();
      } else if (c === '\n' || c === '\r') {
        yield* endRecord();
        line += 1;
        recordLine = line;
        if (c === '\r') pendingCR = true;
      } else if (c === '"') {
        if (field !== '' || quoted) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
        inQuotes = true;
        quoted = true;
      } else {
        if (quoted) throw new CsvSyntaxError(line, 'text after the closing quote of a field');
        field += c;
      }
    }
  }
  if (inQuotes && !quotePending) throw new CsvSyntaxError(recordLine, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0 || quoted) yield* endRecord();
}
