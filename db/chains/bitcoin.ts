import { decodeBase58Check, encodeBase58Check } from './base58';
import { decodeSegwitAddress, witnessKind } from './segwit';
import { accept, refuse, type Verdict } from './types';

export interface Base58Version {
  version: readonly number[];
  kind: 'p2pkh' | 'p2sh';
  /** A second prefix for the same script type: addresses are re-encoded with this one, the chain's current. */
  canonical?: readonly number[];
}

/** How a Bitcoin-derived chain spells its addresses; version bytes come from each chain's chainparams. */
export interface UtxoRules {
  base58: readonly Base58Version[];
  /** Testnet and regtest versions, recognised only to say so: a test coin is not evidence on mainnet. */
  testnetVersions: readonly (readonly number[])[];
  hrp?: string;
  testnetHrps?: readonly string[];
}

export const BTC_RULES: UtxoRules = {
  base58: [
    { version: [0x00], kind: 'p2pkh' },
    { version: [0x05], kind: 'p2sh' },
  ],
  testnetVersions: [[0x6f], [0xc4]],
  hrp: 'bc',
  testnetHrps: ['tb', 'bcrt'],
};

/**
 * Litecoin moved P2SH from Bitcoin's '3' (0x05) to 'M' (0x32) and still accepts both; the same script has one
 * normal form, the 'M' one its wallets and explorers show today.
 */
export const LTC_RULES: UtxoRules = {
  base58: [
    { version: [0x30], kind: 'p2pkh' },
    { version: [0x32], kind: 'p2sh' },
    { version: [0x05], kind: 'p2sh', canonical: [0x32] },
  ],
  testnetVersions: [[0x6f], [0x3a], [0xc4]],
  hrp: 'ltc',
  testnetHrps: ['tltc', 'rltc'],
};

/** Bitcoin SV kept Bitcoin's legacy versions and dropped both segwit and cashaddr. */
export const BSV_RULES: UtxoRules = {
  base58: BTC_RULES.base58,
  testnetVersions: BTC_RULES.testnetVersions,
};

export const BTG_RULES: UtxoRules = {
  base58: [
    { version: [0x26], kind: 'p2pkh' },
    { version: [0x17], kind: 'p2sh' },
  ],
  testnetVersions: [[0x6f], [0xc4]],
  hrp: 'btg',
  testnetHrps: ['tbtg'],
};

export const DASH_RULES: UtxoRules = {
  base58: [
    { version: [0x4c], kind: 'p2pkh' },
    { version: [0x10], kind: 'p2sh' },
  ],
  testnetVersions: [[0x8c], [0x13]],
};

export const XVG_RULES: UtxoRules = {
  base58: [
    { version: [0x1e], kind: 'p2pkh' },
    { version: [0x21], kind: 'p2sh' },
  ],
  testnetVersions: [[0x6f], [0xc4]],
};

function startsWithHrp(lower: string, hrp: string): boolean {
  return lower.startsWith(`${hrp}1`);
}

function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkSegwit(rules: UtxoRules, address: string): Verdict {
  const d = decodeSegwitAddress(address);
  if (!d.ok) return d;
  if (d.hrp !== rules.hrp) {
    return refuse(rules.testnetHrps?.includes(d.hrp) ? 'testnet address' : `unknown prefix '${d.hrp}1'`);
  }
  // Bech32 is case-insensitive and BIP-173 says to show it lower-case; QR codes use upper-case.
  return accept(address.toLowerCase(), witnessKind(d));
}

export type HashAddress =
  { ok: true; kind: 'p2pkh' | 'p2sh'; version: readonly number[]; hash: Uint8Array } | { ok: false; reason: string };

/** Base58check with a 20-byte hash after the version: every legacy address of these chains. */
export function decodeBase58Hash(rules: UtxoRules, address: string): HashAddress {
  const versionLength = rules.base58[0]?.version.length ?? 1;
  const d = decodeBase58Check(address, versionLength + 20 + 4);
  if (!d.ok) return d;
  const version = d.bytes.subarray(0, versionLength);
  const hash = d.bytes.subarray(versionLength);
  const match = rules.base58.find((v) => sameBytes(v.version, version));
  if (match) return { ok: true, kind: match.kind, version: match.canonical ?? match.version, hash };
  if (rules.testnetVersions.some((v) => sameBytes(v, version))) return { ok: false, reason: 'testnet address' };
  return { ok: false, reason: `unknown prefix '${address.slice(0, versionLength)}'` };
}

function checkBase58(rules: UtxoRules, address: string): Verdict {
  const d = decodeBase58Hash(rules, address);
  if (!d.ok) return d;
  // Re-encoding gives back the input unless the version was an older alias of the canonical one.
  return accept(encodeBase58Check(Uint8Array.from([...d.version, ...d.hash])), d.kind);
}

export function checkUtxoAddress(rules: UtxoRules, address: string): Verdict {
  const lower = address.toLowerCase();
  const hrps = [...(rules.hrp ? [rules.hrp] : []), ...(rules.testnetHrps ?? [])];
  if (hrps.some((hrp) => startsWithHrp(lower, hrp))) return checkSegwit(rules, address);
  const legacy = checkBase58(rules, address);
  if (legacy.ok) return legacy;
  // A well-formed segwit address of a network these rules do not know is better described by its prefix than
  // by the first character that base58 lacks.
  const segwit = decodeSegwitAddress(address);
  return segwit.ok ? refuse(`unknown prefix '${segwit.hrp}1'`) : legacy;
}
