import { sha256 } from '@noble/hashes/sha2.js';
import { invalidChar } from './text';

export const BITCOIN_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Ripple kept base58 but reordered the alphabet so that its account addresses start with 'r'. */
export const RIPPLE_ALPHABET = 'rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz';

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const digitTables = new Map<string, Map<string, number>>();

function digitsOf(alphabet: string): Map<string, number> {
  let table = digitTables.get(alphabet);
  if (!table) {
    table = new Map(Array.from(alphabet, (ch, i) => [ch, i] as const));
    digitTables.set(alphabet, table);
  }
  return table;
}

/** Big-endian base conversion; each leading zero byte becomes one leading zero digit, so the mapping is 1:1. */
export function encodeBase58(bytes: Uint8Array, alphabet = BITCOIN_ALPHABET): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = []; // little-endian base-58 digits
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] ?? 0;
    for (let j = 0; j < digits.length; j++) {
      carry += (digits[j] ?? 0) * 256;
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = (alphabet[0] ?? '').repeat(zeros);
  for (let j = digits.length - 1; j >= 0; j--) out += alphabet[digits[j] ?? 0] ?? '';
  return out;
}

export function decodeBase58(s: string, alphabet = BITCOIN_ALPHABET): Decoded {
  const table = digitsOf(alphabet);
  let zeros = 0;
  while (zeros < s.length && s[zeros] === alphabet[0]) zeros++;
  const bytes: number[] = []; // little-endian base-256 digits
  for (let i = zeros; i < s.length; i++) {
    let carry = table.get(s[i] ?? '');
    if (carry === undefined) return { ok: false, reason: invalidChar(s, i) };
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] ?? 0) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  for (let j = 0; j < bytes.length; j++) out[out.length - 1 - j] = bytes[j] ?? 0;
  return { ok: true, bytes: out };
}

function checksum(payload: Uint8Array): Uint8Array {
  return sha256(sha256(payload)).subarray(0, 4);
}

export function encodeBase58Check(payload: Uint8Array, alphabet = BITCOIN_ALPHABET): string {
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  full.set(checksum(payload), payload.length);
  return encodeBase58(full, alphabet);
}

/**
 * Decodes base58check whose total length (version, payload and the 4-byte checksum) must be `length`; returns
 * the bytes before the checksum. Length is checked first: a checksum over the wrong number of bytes says nothing.
 */
export function decodeBase58Check(s: string, length: number, alphabet = BITCOIN_ALPHABET): Decoded {
  const decoded = decodeBase58(s, alphabet);
  if (!decoded.ok) return decoded;
  const { bytes } = decoded;
  if (bytes.length !== length) {
    return { ok: false, reason: `wrong length (${bytes.length} bytes, expected ${length})` };
  }
  const payload = bytes.subarray(0, length - 4);
  const expected = checksum(payload);
  for (let i = 0; i < 4; i++) {
    if (bytes[length - 4 + i] !== expected[i]) return { ok: false, reason: 'bad checksum' };
  }
  return { ok: true, bytes: payload };
}
