import { convertBits, decodeBech32, encodeBech32 } from './bech32';
import { type AddressKind } from './types';

export type WitnessProgram = { version: number; program: Uint8Array };
export type SegwitDecoded = ({ ok: true; hrp: string } & WitnessProgram) | { ok: false; reason: string };

/** BIP-350: version 0 keeps BIP-173's bech32 checksum; versions 1 to 16 use bech32m. */
export function encodeSegwitAddress(hrp: string, version: number, program: Uint8Array): string {
  const words = [version, ...(convertBits(program, 8, 5, true) ?? [])];
  return encodeBech32(hrp, words, version === 0 ? 'bech32' : 'bech32m');
}

/** Checks everything BIP-173/350 require of a native segwit address except which hrp it carries. */
export function decodeSegwitAddress(address: string): SegwitDecoded {
  const d = decodeBech32(address);
  if (!d.ok) return d;
  const [version, ...rest] = d.words;
  if (version === undefined) return { ok: false, reason: 'empty data part' };
  if (version > 16) return { ok: false, reason: `invalid witness version ${version}` };
  const bytes = convertBits(rest, 5, 8, false);
  if (!bytes) return { ok: false, reason: 'invalid padding' };
  if (bytes.length < 2 || bytes.length > 40) {
    return { ok: false, reason: `wrong program length (${bytes.length} bytes, expected 2 to 40)` };
  }
  if (version === 0 && bytes.length !== 20 && bytes.length !== 32) {
    return { ok: false, reason: `wrong program length for witness v0 (${bytes.length} bytes, expected 20 or 32)` };
  }
  // A checksum of the other variant is a real error, not a formality: a v1 address read as bech32 by old
  // software could burn funds, which is why BIP-350 split them.
  if (version === 0 && d.variant !== 'bech32') return { ok: false, reason: 'bad checksum (v0 needs bech32)' };
  if (version > 0 && d.variant !== 'bech32m') return { ok: false, reason: 'bad checksum (v1+ needs bech32m)' };
  return { ok: true, hrp: d.hrp, version, program: Uint8Array.from(bytes) };
}

export function witnessKind({ version, program }: WitnessProgram): AddressKind {
  if (version === 0) return program.length === 20 ? 'p2wpkh' : 'p2wsh';
  if (version === 1 && program.length === 32) return 'p2tr';
  return 'witness_v1+';
}
