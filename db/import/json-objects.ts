import fs from 'node:fs';
import { breather } from './breathe';

export type JsonItem =
  | { kind: 'value'; line: number; bytesRead: number; value: unknown }
  /** A piece of the file that is no JSON value (or no complete one): one refused record. */
  | { kind: 'invalid'; line: number; bytesRead: number; reason: string };

/** An object larger than this is refused unread: no transaction comes near it, and memory must stay bounded. */
export const MAX_VALUE_CHARS = 64 * 1024 * 1024;

// Character codes the splitter looks at.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/**
 * Splits a stream of JSON text into its values without parsing the whole: one object, JSON Lines (a value per
 * line), or a top-level array of objects however large, which is how Esplora's API answers. The splitter only
 * tracks strings, escapes and bracket depth; each value found is then parsed with JSON.parse on its own, so a
 * malformed one is one refused record and the rest still reads.
 */
class JsonSplitter {
  private line = 1;
  /** Inside the top-level array, whose elements are the values. */
  private inArray = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Text outside any value that is not JSON: skipped to the end of its line as one invalid record. */
  private garbage = false;
  private startLine = 1;
  private parts: string[] = [];
  private size = 0;
  private tooBig = false;

  *feed(text: string, bytesRead: number): Generator<JsonItem> {
    let start = this.depth > 0 || this.garbage ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) this.line += 1;
      if (this.depth > 0) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) this.inString = false;
        } else if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth += 1;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth -= 1;
          if (this.depth === 0) {
            yield this.endValue(text.slice(start, i + 1), bytesRead);
            start = -1;
          }
        }
        continue;
      }
      if (this.garbage) {
        if (c === LF || (this.inArray && (c === COMMA || c === CLOSE_BRACKET))) {
          this.collect(text.slice(start, i));
          this.garbage = false;
          const piece = this.parts.join('').trim();
          start = -1;
          yield {
            kind: 'invalid',
            line: this.startLine,
            bytesRead,
            reason: `not a JSON object: ${piece.slice(0, 60)}`,
          };
          if (c === CLOSE_BRACKET) this.inArray = false;
        }
        continue;
      }
      if (c === SPACE || c === TAB || c === LF || c === CR) continue;
      if (this.inArray && c === COMMA) continue;
      if (this.inArray && c === CLOSE_BRACKET) {
        this.inArray = false;
        continue;
      }
      if (!this.inArray && c === OPEN_BRACKET) {
        this.inArray = true;
        continue;
      }
      this.startLine = this.line;
      this.parts = [];
      this.size = 0;
      this.tooBig = false;
      start = i;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
      else this.garbage = true;
    }
    if (start >= 0) this.collect(text.slice(start));
  }

  *end(bytesRead: number): Generator<JsonItem> {
    if (this.depth > 0) {
      const reason = 'the file ends inside this object (truncated?)';
      yield { kind: 'invalid', line: this.startLine, bytesRead, reason };
    } else if (this.garbage) {
      const piece = this.parts.join('').trim();
      yield { kind: 'invalid', line: this.startLine, bytesRead, reason: `not a JSON object: ${piece.slice(0, 60)}` };
    }
  }

  /**
   * Keeps a piece of the current value, unless the value has outgrown the cap. Of text that is no value only
   * the start is kept, for the report.
   */
  private collect(piece: string): void {
    if (!this.tooBig) {
      this.size += piece.length;
      if (this.garbage && this.size > 80) {
        this.parts.push(piece.slice(0, Math.max(0, 80 - this.size + piece.length)));
        this.tooBig = true;
      } else if (this.size > MAX_VALUE_CHARS) {
        this.tooBig = true;
        this.parts = [];
      } else this.parts.push(piece);
    }
  }

  private endValue(last: string, bytesRead: number): JsonItem {
    const line = this.startLine;
    this.inString = false;
    this.escaped = false;
    this.collect(last);
    const text = this.parts.join('');
    this.parts = [];
    if (this.tooBig) return { kind: 'invalid', line, bytesRead, reason: 'a value larger than 64 MiB' };
    try {
      return { kind: 'value', line, bytesRead, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { kind: 'invalid', line, bytesRead, reason: `not valid JSON: ${(error as Error).message.slice(0, 120)}` };
    }
  }
}

/** The JSON values of a file, each with the line it starts on; never more than one value in memory. */
export async function* readJsonValues(file: string, chunkSize = 1 << 20): AsyncGenerator<JsonItem> {
  const splitter = new JsonSplitter();
  const stream = fs.createReadStream(file, { highWaterMark: chunkSize });
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  const breathe = breather();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    for (const item of splitter.feed(decoder.decode(chunk, { stream: true }), bytesRead)) {
      yield item;
      const pause = breathe();
      if (pause) await pause;
    }
  }
  yield* splitter.feed(decoder.decode(), bytesRead);
  yield* splitter.end(bytesRead);
}
