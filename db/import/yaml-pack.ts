import { parse, YAMLParseError } from 'yaml';
import { readLines } from './lines';
import { ImportFileError } from './report';

/**
 * TagPacks and ActorPacks are one YAML mapping: header fields plus one long list (`tags:` or `actors:`). To
 * stream them, the list is cut into its items by indentation and each item is parsed on its own; the header
 * (everything else, wherever it stands) is parsed whole. Everything is read with the failsafe schema, so
 * every scalar stays the string that was written: an address such as 0x7e… never turns into a number, and a
 * label "no" never into false.
 */
export type PackPiece =
  { kind: 'header'; line: number; text: string } | { kind: 'item'; line: number; text: string; bytesRead: number };

const TOP_LEVEL_KEY = /^[^\s#-][^:]*:(\s|$)/;

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function isBlankOrComment(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith('#');
}

/** Splits a pack into header lines and list items, streaming. */
export async function* packPieces(file: string, listKey: string): AsyncGenerator<PackPiece> {
  let inList = false;
  let itemIndent = -1;
  let item: { line: number; lines: string[] } | null = null;
  let lastBytes = 0;
  const listLine = new RegExp(`^${listKey}:\\s*(#.*)?$`);

  const flush = (): PackPiece | null => {
    if (!item) return null;
    const piece: PackPiece = { kind: 'item', line: item.line, text: item.lines.join('\n'), bytesRead: lastBytes };
    item = null;
    return piece;
  };

  for await (const { number, text, bytesRead } of readLines(file)) {
    if (inList) {
      if (isBlankOrComment(text)) {
        // Kept as written: inside a block or quoted scalar such a line is text (a '# heading', spaces).
        if (item) item.lines.push(text.slice(Math.min(itemIndent, indentOf(text))));
        lastBytes = bytesRead;
        continue;
      }
      const indent = indentOf(text);
      const startsItem = text.trimStart().startsWith('-') && /^-(\s|$)/.test(text.trimStart());
      if (itemIndent === -1 && startsItem) itemIndent = indent;
      const endsList =
        itemIndent === -1
          ? TOP_LEVEL_KEY.test(text) || text.startsWith('---') || text.startsWith('...')
          : indent < itemIndent || (indent === itemIndent && !startsItem);
      if (endsList) {
        const done = flush();
        if (done) yield done;
        inList = false;
      } else if (indent === itemIndent && startsItem) {
        const done = flush();
        if (done) yield done;
        item = { line: number, lines: [text.slice(itemIndent)] };
        lastBytes = bytesRead;
        continue;
      } else {
        if (!item) throw new ImportFileError(file, number, `unexpected text in the ${listKey} list`);
        item.lines.push(text.slice(Math.min(itemIndent, indent)));
        lastBytes = bytesRead;
        continue;
      }
    }
    if (listLine.test(text)) {
      inList = true;
      itemIndent = -1;
      continue;
    }
    yield { kind: 'header', line: number, text };
  }
  const done = flush();
  if (done) yield done;
}

export interface PackHeader {
  fields: Record<string, unknown>;
  /** YAML 1.1 when the file says %YAML 1.1 (the ActorPack does), else 1.2. */
  version: '1.1' | '1.2';
  /** How many list items the file holds, for progress. */
  items: number;
  hasList: boolean;
}

function describeYamlError(error: unknown): { offset: number; message: string } {
  if (error instanceof YAMLParseError) {
    const first = error.message.split('\n')[0] ?? error.message;
    return { offset: (error.linePos?.[0].line ?? 1) - 1, message: first.replace(/ at line \d+, column \d+:?$/, '') };
  }
  return { offset: 0, message: error instanceof Error ? error.message : String(error) };
}

/** First pass: the header (wherever its fields stand) and the number of items. */
export async function readPackHeader(file: string, listKey: string): Promise<PackHeader> {
  const lines: string[] = [];
  let items = 0;
  let hasList = false;
  let version: '1.1' | '1.2' = '1.2';
  let firstHeaderLine = 0;
  for await (const piece of packPieces(file, listKey)) {
    if (piece.kind === 'item') {
      items += 1;
      hasList = true;
      continue;
    }
    if (/^%YAML\s+1\.1\b/.test(piece.text)) version = '1.1';
    if (piece.text.startsWith('%') || piece.text.startsWith('---') || piece.text.startsWith('...')) {
      lines.push('');
      continue;
    }
    if (firstHeaderLine === 0 && !isBlankOrComment(piece.text)) firstHeaderLine = piece.line;
    // Keep line numbers: blank lines stand where the list was.
    while (lines.length < piece.line - 1) lines.push('');
    lines.push(piece.text);
  }
  let fields: unknown;
  try {
    fields = parse(lines.join('\n'), { schema: 'failsafe', version, uniqueKeys: true, logLevel: 'error' }) ?? {};
  } catch (error) {
    const { offset, message } = describeYamlError(error);
    throw new ImportFileError(file, offset + 1, `not valid YAML: ${message}`);
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new ImportFileError(file, firstHeaderLine || 1, 'expected a YAML mapping with header fields');
  }
  const header = fields as Record<string, unknown>;
  if (!hasList && Array.isArray(header[listKey])) hasList = true;
  return { fields: header, version, items, hasList };
}

export type PackItem =
  | { ok: true; line: number; value: Record<string, unknown>; bytesRead: number }
  | { ok: false; line: number; reason: string; bytesRead: number };

/** Second pass: each list item parsed on its own, or the reason it could not be. */
export async function* packItems(file: string, listKey: string, version: '1.1' | '1.2'): AsyncGenerator<PackItem> {
  for await (const piece of packPieces(file, listKey)) {
    if (piece.kind !== 'item') continue;
    let parsed: unknown;
    try {
      parsed = parse(piece.text, { schema: 'failsafe', version, uniqueKeys: true, logLevel: 'error' });
    } catch (error) {
      const { offset, message } = describeYamlError(error);
      yield { ok: false, line: piece.line + offset, reason: `not valid YAML: ${message}`, bytesRead: piece.bytesRead };
      continue;
    }
    const value = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield {
        ok: false,
        line: piece.line,
        reason: `a ${listKey} item must be a mapping of fields`,
        bytesRead: piece.bytesRead,
      };
      continue;
    }
    yield { ok: true, line: piece.line, value: value as Record<string, unknown>, bytesRead: piece.bytesRead };
  }
}
