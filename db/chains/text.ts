/**
 * How a character is named in a reason: printable ASCII as itself, anything else by code point, so that an
 * invisible or look-alike character (a zero-width space, a Cyrillic 'а') is visible in the message.
 */
export function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x21 && code <= 0x7e) return `'${ch}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 1-based position in characters (code points), which is what a person counts, not UTF-16 units. */
function position(s: string, index: number): number {
  return Array.from(s.slice(0, index)).length + 1;
}

export function invalidChar(s: string, index: number): string {
  const ch = String.fromCodePoint(s.codePointAt(index) ?? 0);
  return `invalid character ${showChar(ch)} at position ${position(s, index)}`;
}

export function whitespaceAt(s: string, index: number): string {
  return `whitespace inside the address at position ${position(s, index)}`;
}

export function hex(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return out;
}

/** Bytes of an even-length hex string the caller has already checked. */
export function fromHex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
