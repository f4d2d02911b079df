import { keccak_256 } from '@noble/hashes/sha3.js';
import { invalidChar } from './text';
import { accept, refuse, type Verdict } from './types';

/**
 * EIP-55: a hex letter is upper-case when the matching nibble of keccak256(lower-case hex) is 8 or more.
 * Takes the 40 hex digits without '0x', in any case.
 */
export function toChecksumAddress(hex40: string): string {
  const lower = hex40.toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
    const ch = lower[i] ?? '';
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Every EVM chain spells addresses the same way. The normal form is the EIP-55 checksummed one: one spelling per
 * address, and the one investigators see in Etherscan and its siblings. Single-case input carries no checksum
 * (EIP-55 leaves it unchecked), so it is accepted as it is; mixed case must be the exact checksum.
 */
export function checkEvmAddress(address: string): Verdict {
  if (/^[0-9a-fA-F]{40}$/.test(address)) {
    return refuse("missing '0x' prefix (40 hex digits alone are ambiguous)");
  }
  if (address.startsWith('0X')) return refuse("prefix must be '0x', not '0X'");
  if (!address.startsWith('0x')) return refuse("must start with '0x'");
  const digits = address.slice(2);
  const bad = digits.search(/[^0-9a-fA-F]/);
  if (bad >= 0) return refuse(invalidChar(address, bad + 2));
  if (digits.length !== 40) return refuse(`wrong length (${digits.length} hex digits, expected 40)`);
  const checksummed = toChecksumAddress(digits);
  const singleCase = digits === digits.toLowerCase() || digits === digits.toUpperCase();
  if (!singleCase && checksummed !== address) return refuse('bad EIP-55 checksum');
  return accept(checksummed, 'evm');
}
