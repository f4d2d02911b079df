import { decodeBase58Check, encodeBase58Check } from './base58';
import { convertBits, decodeBech32 } from './bech32';
import { checkUtxoAddress, type UtxoRules } from './bitcoin';
import { accept, refuse, type Verdict } from './types';

/** Transparent addresses: Bitcoin's scheme with two-byte versions (Zcash protocol spec, §5.6.1). */
export const ZEC_RULES: UtxoRules = {
  base58: [
    { version: [0x1c, 0xb8], kind: 'p2pkh' },
    { version: [0x1c, 0xbd], kind: 'p2sh' },
  ],
  testnetVersions: [
    [0x1d, 0x25],
    [0x1c, 0xba],
  ],
};

function checkSprout(address: string): Verdict {
  // A Sprout payment address is two 32-byte keys behind the version 0x169a ('zc'; 0x16b6 'zt' on testnet).
  const d = decodeBase58Check(address, 2 + 64 + 4);
  if (!d.ok) return d;
  if (d.bytes[0] === 0x16 && d.bytes[1] === 0x9a) return accept(address, 'zcash_sprout');
  if (d.bytes[0] === 0x16 && d.bytes[1] === 0xb6) return refuse('testnet address');
  return refuse(`unknown prefix '${address.slice(0, 2)}'`);
}

/**
 * Sapling addresses are bech32 (not bech32m) of an 11-byte diversifier and a 32-byte key; whether the key is a
 * point on the curve is not checked here.
 */
function checkSapling(address: string): Verdict {
  const d = decodeBech32(address);
  if (!d.ok) return d;
  if (d.hrp === 'ztestsapling') return refuse('testnet address');
  if (d.variant !== 'bech32') return refuse('bad checksum (Sapling needs bech32)');
  const bytes = convertBits(d.words, 5, 8, false);
  if (!bytes) return refuse('invalid padding');
  if (bytes.length !== 43) return refuse(`wrong length (${bytes.length} bytes, expected 43)`);
  return accept(address.toLowerCase(), 'zcash_sapling');
}

/**
 * ZIP-320 TEX addresses are bech32m of a transparent P2PKH hash, marking that the payee wants only transparent
 * funds. They pay the same script as the t1 address of that hash, which is the normal form.
 */
function checkTex(address: string): Verdict {
  const d = decodeBech32(address);
  if (!d.ok) return d;
  if (d.hrp === 'textest') return refuse('testnet address');
  if (d.variant !== 'bech32m') return refuse('bad checksum (TEX needs bech32m)');
  const bytes = convertBits(d.words, 5, 8, false);
  if (!bytes) return refuse('invalid padding');
  if (bytes.length !== 20) return refuse(`wrong length (${bytes.length} bytes, expected 20)`);
  return accept(encodeBase58Check(Uint8Array.from([0x1c, 0xb8, ...bytes])), 'p2pkh');
}

export function checkZcashAddress(address: string): Verdict {
  const lower = address.toLowerCase();
  if (lower.startsWith('zs1') || lower.startsWith('ztestsapling1')) return checkSapling(address);
  if (lower.startsWith('tex1') || lower.startsWith('textest1')) return checkTex(address);
  // Unified addresses need F4Jumble and have no length limit; their receivers can be given one by one.
  if (lower.startsWith('u1') || lower.startsWith('utest1')) return refuse('unified addresses are not supported');
  if (address.startsWith('zc') || address.startsWith('zt')) return checkSprout(address);
  return checkUtxoAddress(ZEC_RULES, address);
}
