import { invalidChar } from './text';

/** BIP-173 data alphabet: no '1' (the separator), 'b', 'i' or 'o'. */
export const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** BIP-350 changed only the constant the checksum is xored with; BIP-173's is 1. */
const CONSTANTS = { bech32: 1, bech32m: 0x2bc830a3 } as const;
export type Bech32Variant = keyof typeof CONSTANTS;

/** BIP-173's limit for segwit addresses; other users of the encoding (Zcash unified addresses) lift it. */
export const BECH32_MAX_LENGTH = 90;

const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ (GENERATOR[i] ?? 0)) >>> 0;
  }
  return chk;
}

/** The checksum covers the human-readable part too, high bits first, so 'bc' and 'tb' cannot be swapped. */
function expandHrp(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

export function encodeBech32(hrp: string, words: readonly number[], variant: Bech32Variant): string {
  const mod = polymod([...expandHrp(hrp), ...words, 0, 0, 0, 0, 0, 0]) ^ CONSTANTS[variant];
  let out = `${hrp}1`;
  for (const w of words) out += BECH32_CHARSET[w] ?? '';
  for (let i = 0; i < 6; i++) out += BECH32_CHARSET[(mod >>> (5 * (5 - i))) & 31] ?? '';
  return out;
}

export type Bech32Decoded =
  { ok: true; hrp: string; words: number[]; variant: Bech32Variant } | { ok: false; reason: string };

/** Decodes either variant and says which one the checksum matched; the hrp and words come back lower-case. */
export function decodeBech32(s: string, maxLength = BECH32_MAX_LENGTH): Bech32Decoded {
  if (s.length > maxLength) return { ok: false, reason: `too long (${s.length} characters, at most ${maxLength})` };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 33 || c > 126) return { ok: false, reason: invalidChar(s, i) };
  }
  const lower = s.toLowerCase();
  if (lower !== s && s.toUpperCase() !== s) return { ok: false, reason: 'mixed-case bech32' };
  const sep = lower.lastIndexOf('1');
  if (sep < 0) return { ok: false, reason: "no separator '1'" };
  if (sep === 0) return { ok: false, reason: 'empty human-readable part' };
  if (sep + 7 > lower.length) return { ok: false, reason: 'checksum too short' };
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (let i = sep + 1; i < lower.length; i++) {
    const w = BECH32_CHARSET.indexOf(lower[i] ?? '');
    if (w < 0) return { ok: false, reason: invalidChar(s, i) };
    data.push(w);
  }
  const mod = polymod([...expandHrp(hrp), ...data]);
  const variant = mod === CONSTANTS.bech32 ? 'bech32' : mod === CONSTANTS.bech32m ? 'bech32m' : undefined;
  if (!variant) return { ok: false, reason: 'bad checksum' };
  return { ok: true, hrp, words: data.slice(0, -6), variant };
}

/**
 * Regroups bits (8→5 to encode, 5→8 to decode). Decoding refuses what an encoder never makes: more than 4
 * bits of padding, or padding that is not zero, so that each byte string has exactly one encoding.
 */
export function convertBits(data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 0;
    if (v < 0 || v >> from !== 0) return null;
    acc = ((acc << from) | v) & 0xffffff;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return null;
  }
  return out;
}
