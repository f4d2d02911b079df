import { keccak_256 } from '@noble/hashes/sha3.js';
import { BITCOIN_ALPHABET } from './base58';
import { invalidChar } from './text';
import { accept, refuse, type AddressKind, type Verdict } from './types';

/**
 * Monero's base58 works on 8-byte blocks, each always 11 characters (a short last block has a fixed shorter
 * size), so unlike Bitcoin's it has no leading-zero rule and its length never depends on the value.
 */
const FULL_BLOCK = 8;
const BLOCK_CHARS = [0, 2, 3, 5, 6, 7, 9, 10, 11];

export function encodeMoneroBase58(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += FULL_BLOCK) {
    const block = bytes.subarray(start, start + FULL_BLOCK);
    let n = 0n;
    for (const b of block) n = (n << 8n) | BigInt(b);
    let chars = '';
    for (let i = 0; i < (BLOCK_CHARS[block.length] ?? 0); i++) {
      chars = (BITCOIN_ALPHABET[Number(n % 58n)] ?? '') + chars;
      n /= 58n;
    }
    out += chars;
  }
  return out;
}

type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export function decodeMoneroBase58(s: string): Decoded {
  const lastChars = s.length % 11;
  const lastBytes = BLOCK_CHARS.indexOf(lastChars);
  if (lastBytes < 0) return { ok: false, reason: `wrong length (${s.length} characters)` };
  const out: number[] = [];
  for (let start = 0; start < s.length; start += 11) {
    const chars = Math.min(11, s.length - start);
    const size = chars === 11 ? FULL_BLOCK : lastBytes;
    let n = 0n;
    for (let i = start; i < start + chars; i++) {
      const d = BITCOIN_ALPHABET.indexOf(s[i] ?? '');
      if (d < 0) return { ok: false, reason: invalidChar(s, i) };
      n = n * 58n + BigInt(d);
    }
    // Eleven characters can hold more than eight bytes; such a block is not an encoding of anything.
    if (n >> BigInt(8 * size) !== 0n) return { ok: false, reason: 'invalid base58 block' };
    for (let i = size - 1; i >= 0; i--) out.push(Number((n >> BigInt(8 * i)) & 0xffn));
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/**
 * Network bytes (each a one-byte varint, being below 128) and the decoded length that goes with them: the tag,
 * two 32-byte keys, an 8-byte payment id for integrated addresses, and a 4-byte keccak checksum.
 */
const MAINNET: Record<number, { kind: AddressKind; length: number }> = {
  18: { kind: 'monero', length: 69 },
  19: { kind: 'monero_integrated', length: 77 },
  42: { kind: 'monero_subaddress', length: 69 },
};
const TEST_NETWORKS = [53, 54, 63, 24, 25, 36]; // testnet, then stagenet

export function checkMoneroAddress(address: string): Verdict {
  if (address.length !== 95 && address.length !== 106) {
    return refuse(`wrong length (${address.length} characters, expected 95 or 106)`);
  }
  const d = decodeMoneroBase58(address);
  if (!d.ok) return d;
  const { bytes } = d;
  const tag = bytes[0] ?? 0;
  const net = MAINNET[tag];
  if (!net) return refuse(TEST_NETWORKS.includes(tag) ? 'testnet address' : `unknown prefix '${address.slice(0, 1)}'`);
  if (bytes.length !== net.length) return refuse(`wrong length (${bytes.length} bytes, expected ${net.length})`);
  const sum = keccak_256(bytes.subarray(0, bytes.length - 4));
  for (let i = 0; i < 4; i++) if (bytes[bytes.length - 4 + i] !== sum[i]) return refuse('bad checksum');
  return accept(address, net.kind);
}
