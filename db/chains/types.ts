/**
 * A chain code as GraphSense TagPacks write it in `currency`/`network`: an upper-case ticker for a chain's own
 * coin (BTC, ETH, TRX) or a network code for chains whose coin name is ambiguous (POLYGON, ARB, OP, BASE).
 */
export type ChainId = string;

export type AddressKind =
  | 'p2pkh'
  | 'p2sh'
  | 'p2wpkh'
  | 'p2wsh'
  | 'p2tr'
  /** A native segwit program that no soft fork has given a meaning yet; valid to send to, per BIP-350. */
  | 'witness_v1+'
  | 'evm'
  | 'tron'
  | 'ripple'
  | 'monero'
  | 'monero_integrated'
  | 'monero_subaddress'
  | 'zcash_sapling'
  | 'zcash_sprout';

export type AddressCheck =
  | { valid: true; chain: ChainId; normalized: string; kind: AddressKind }
  | {
      valid: false;
      /** The chain as asked for: its code when it is known, else what the caller wrote (upper-cased). */
      chain: string;
      /** The address as given, before trimming, so a refusal can be shown next to what the user typed. */
      input: string;
      reason: string;
      /** Other supported chains on which the address is valid, when that is why it was refused. */
      belongsTo?: ChainId[];
    };

/** One chain's rules applied to a trimmed, non-empty address without whitespace. */
export type Verdict = { ok: true; normalized: string; kind: AddressKind } | { ok: false; reason: string };

export function accept(normalized: string, kind: AddressKind): Verdict {
  return { ok: true, normalized, kind };
}

export function refuse(reason: string): Verdict {
  return { ok: false, reason };
}
