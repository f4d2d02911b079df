import { BECH32_CHARSET, convertBits } from './bech32';
import { BTC_RULES, decodeBase58Hash } from './bitcoin';
import { invalidChar } from './text';
import { accept, refuse, type Verdict } from './types';

/** Bitcoin Cash's cashaddr: bech32's alphabet with a 40-bit BCH checksum of its own (the 2017 cashaddr spec). */
export const BCH_PREFIX = 'bitcoincash';
const TESTNET_PREFIXES = ['bchtest', 'bchreg'];

const GENERATOR = [0x98f2bc8e61n, 0x79b76d99e2n, 0xf33e5fb3c4n, 0xae2eabe2a8n, 0x1e4f43e470n];

function polymod(values: readonly number[]): bigint {
  let c = 1n;
  for (const d of values) {
    const c0 = c >> 35n;
    c = ((c & 0x07ffffffffn) << 5n) ^ BigInt(d);
    for (let i = 0; i < 5; i++) if ((c0 >> BigInt(i)) & 1n) c ^= GENERATOR[i] ?? 0n;
  }
  return c ^ 1n;
}

/** Only the low five bits of each prefix character enter the checksum, followed by a zero separator. */
function prefixWords(prefix: string): number[] {
  return [...Array.from(prefix, (ch) => ch.charCodeAt(0) & 31), 0];
}

/** Hash sizes in bytes, indexed by the low three bits of the version byte. */
const HASH_SIZES = [20, 24, 28, 32, 40, 48, 56, 64];

/** Types 0 and 1 are P2PKH and P2SH; 2 and 3 are the same scripts marked as able to receive CashTokens. */
export type CashAddrType = 0 | 1 | 2 | 3;

export function encodeCashAddr(prefix: string, type: CashAddrType, hash: Uint8Array): string {
  const version = (type << 3) | Math.max(0, HASH_SIZES.indexOf(hash.length));
  const words = convertBits([version, ...hash], 8, 5, true) ?? [];
  const mod = polymod([...prefixWords(prefix), ...words, 0, 0, 0, 0, 0, 0, 0, 0]);
  let out = `${prefix}:`;
  for (const w of words) out += BECH32_CHARSET[w] ?? '';
  for (let i = 0; i < 8; i++) out += BECH32_CHARSET[Number((mod >> BigInt(5 * (7 - i))) & 31n)] ?? '';
  return out;
}

export type CashAddrDecoded =
  { ok: true; prefix: string; type: number; hash: Uint8Array } | { ok: false; reason: string };

/** A cashaddr with or without its prefix; without one, the mainnet prefix is assumed, as wallets do. */
export function decodeCashAddr(address: string): CashAddrDecoded {
  const lower = address.toLowerCase();
  if (lower !== address && address.toUpperCase() !== address) return { ok: false, reason: 'mixed-case cashaddr' };
  const colon = lower.indexOf(':');
  const prefix = colon < 0 ? BCH_PREFIX : lower.slice(0, colon);
  const start = colon + 1;
  const words: number[] = [];
  for (let i = start; i < lower.length; i++) {
    const w = BECH32_CHARSET.indexOf(lower[i] ?? '');
    if (w < 0) return { ok: false, reason: invalidChar(address, i) };
    words.push(w);
  }
  if (words.length < 8 + 2) return { ok: false, reason: `too short (${words.length} characters after the prefix)` };
  if (polymod([...prefixWords(prefix), ...words]) !== 0n) return { ok: false, reason: 'bad checksum' };
  const bytes = convertBits(words.slice(0, -8), 5, 8, false);
  if (!bytes) return { ok: false, reason: 'invalid padding' };
  const [version = 0, ...hash] = bytes;
  if (version & 0x80) return { ok: false, reason: 'reserved version bit set' };
  const size = HASH_SIZES[version & 7] ?? 0;
  if (hash.length !== size) return { ok: false, reason: `wrong length (${hash.length} bytes, expected ${size})` };
  return { ok: true, prefix, type: version >> 3, hash: Uint8Array.from(hash) };
}

/**
 * Bitcoin Cash: cashaddr, or the legacy base58 form it shares with Bitcoin. Both spell the same script, so the
 * normal form is the prefixed lower-case cashaddr that BCH explorers show; token-aware types fold into the plain
 * ones because they pay to the same script.
 */
export function checkBitcoinCash(address: string): Verdict {
  // Legacy BCH addresses start with 1 or 3 (m, n, 2 on testnet); a cashaddr payload starts with q, p, z or r.
  if (!address.includes(':') && !/^[qpzr]/i.test(address)) {
    const legacy = decodeBase58Hash(BTC_RULES, address);
    if (!legacy.ok) return legacy;
    return accept(encodeCashAddr(BCH_PREFIX, legacy.kind === 'p2pkh' ? 0 : 1, legacy.hash), legacy.kind);
  }
  const d = decodeCashAddr(address);
  if (!d.ok) return d;
  if (TESTNET_PREFIXES.includes(d.prefix)) return refuse('testnet address');
  if (d.prefix !== BCH_PREFIX) return refuse(`unknown prefix '${d.prefix}:'`);
  if (d.type > 3) return refuse(`unknown cashaddr type ${d.type}`);
  const p2sh = d.type === 1 || d.type === 3;
  // P2SH32 (a 32-byte script hash) has been valid since the May 2023 upgrade; P2PKH is always 20 bytes.
  if (d.hash.length !== 20 && !(p2sh && d.hash.length === 32)) {
    return refuse(`wrong length (${d.hash.length} bytes, expected 20${p2sh ? ' or 32' : ''})`);
  }
  return accept(encodeCashAddr(BCH_PREFIX, p2sh ? 1 : 0, d.hash), p2sh ? 'p2sh' : 'p2pkh');
}
