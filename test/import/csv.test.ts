import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, firstCsvRecord, readCsv, type CsvRecord } from '../../db/import/csv';
import { tempDir } from '../helpers/workspace';

function write(content: string | Buffer, name = 'data.csv'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string, options: { delimiter?: string; chunkSize?: number } = {}): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsv(file, options)) records.push(record);
  return records;
}

async function rows(content: string | Buffer, chunkSize?: number): Promise<[number, string[]][]> {
  return (await readAll(write(content), { chunkSize })).map((r) => [r.line, r.fields]);
}

async function syntaxError(content: string): Promise<{ line: number; message: string }> {
  try {
    await readAll(write(content));
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('readCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, numbering records by their first line', async () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",\n\n3,,"z"\n';
    expect(await rows(text)).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'x, y', 'say "hi"']],
      [3, ['2', 'two\nlines', '']],
      [6, ['3', '', 'z']],
    ]);
  });

  it('treats CRLF, LF and a lone CR each as one line break, and keeps a CRLF inside quotes', async () => {
    expect(await rows('a\r\nb\rc\n"d\r\ne"\r\nf')).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d\r\ne']],
      [6, ['f']],
    ]);
  });

  it('reads a line holding only "" as one empty field, not as a blank line', async () => {
    expect(await rows('a\n""\n\nb\n""')).toEqual([
      [1, ['a']],
      [2, ['']],
      [4, ['b']],
      [5, ['']],
    ]);
  });

  it('drops a byte-order mark even when chunks are smaller than it, and only the first', async () => {
    for (const chunkSize of [1, 2, 3, 4, 1024]) {
      expect(await rows('\ufeffa,b\n"\ufeff"\n', chunkSize)).toEqual([
        [1, ['a', 'b']],
        [2, ['\ufeff']],
      ]);
      expect(await rows('\ufeff\ufeffa', chunkSize)).toEqual([[1, ['\ufeffa']]]);
    }
  });

  it('decodes characters split across chunks, and turns a character cut off by the end into U+FFFD', async () => {
    expect(await rows('€,😀\n', 1)).toEqual([[1, ['€', '😀']]]);
    const cut = Buffer.concat([Buffer.from('a,'), Buffer.from('€').subarray(0, 2)]);
    expect(await rows(cut)).toEqual([[1, ['a', '\ufffd']]]);
  });

  it('reads other delimiters', async () => {
    expect((await readAll(write('a;"b;c";d,e\n'), { delimiter: ';' })).map((r) => r.fields)).toEqual([
      ['a', 'b;c', 'd,e'],
    ]);
  });

  it('reports bytes read that grow to the file size', async () => {
    const file = write('a,b\n"c\nd",e\nf,g\n'.repeat(50));
    const records = await readAll(file, { chunkSize: 7 });
    const seen = records.map((r) => r.bytesRead);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(fs.statSync(file).size);
  });

  it('refuses broken quoting with the line it is on', async () => {
    expect(await syntaxError('a,b\nc,d"e\n')).toEqual({ line: 2, message: 'a quote inside an unquoted field' });
    expect(await syntaxError('a\n\n"b"c\n')).toEqual({ line: 3, message: 'text after the closing quote of a field' });
    expect(await syntaxError('a\n"b\nc\nd')).toEqual({ line: 2, message: 'a quoted field is not closed' });
    expect(await syntaxError('"a\n"b,c')).toEqual({ line: 2, message: 'text after the closing quote of a field' });
  });

  it('reads an empty file as no records', async () => {
    expect(await rows('')).toEqual([]);
    expect(await rows('\n\r\n\n')).toEqual([]);
  });
});

describe('firstCsvRecord', () => {
  it('reads the header of a head, complete or cut off, and null for broken CSV', () => {
    expect(firstCsvRecord('\ufeffasset,"date",usd\r\nBTC,2024-01-01,1\n')).toEqual(['asset', 'date', 'usd']);
    expect(firstCsvRecord('\n\naddress,chain')).toEqual(['address', 'chain']);
    expect(firstCsvRecord('a"b,c\n')).toBeNull();
    expect(firstCsvRecord('')).toBeNull();
  });
});

/** A field as a careful writer quotes it: when it holds anything the reader would otherwise split on, or at random. */
function quote(field: string, alone: boolean, force: boolean): string {
  const needs = force || /[",\r\n\ufeff]/.test(field) || (alone && field === '');
  return needs ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Line breaks as the reader counts them: CRLF, lone CR and LF are one each. */
function breaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe('readCsv round trip (property)', () => {
  const field = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '\ufeff'), maxLength: 8 }),
  );
  const record = fc.array(fc.record({ field, force: fc.boolean() }), { minLength: 1, maxLength: 6 });

  it('reads back exactly what was written, with each record on its first line, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ record, crlf: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (grid, bom, finalBreak, chunkSize) => {
          let text = '';
          const expected: [number, string[]][] = [];
          grid.forEach(({ record: cells, crlf }, i) => {
            expected.push([breaks(text) + 1, cells.map((c) => c.field)]);
            text += cells.map((c) => quote(c.field, cells.length === 1, c.force)).join(',');
            if (i < grid.length - 1 || finalBreak) text += crlf ? '\r\n' : '\n';
          });
          const file = write((bom ? '\ufeff' : '') + text);
          expect((await readAll(file, { chunkSize })).map((r) => [r.line, r.fields])).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
