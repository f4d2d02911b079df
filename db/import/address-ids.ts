import { addressStatements } from '../addresses';
import { checkAddress } from '../chains';
import type { Db } from '../open';
import { flatCopy, Refused } from './values';

/**
 * Beyond this many cached spellings the cache starts over: a file with millions of distinct addresses must not
 * hold them all in memory, and the database still answers every lookup.
 */
const MAX_CACHED = 1_000_000;

/**
 * Address ids for importers, validated with the chain's rules and cached by the spelling found in the file.
 * Chain data names the same few addresses over and over; a hit skips the checksum (an EIP-55 keccak, a base58
 * decode) and the database. Spellings that differ only in case share the id of the one normal form.
 */
export interface CheckedAddress {
  chain: string;
  normalized: string;
  /** 0 until the address is stored: a record refused for another field must not leave its addresses behind. */
  id: number;
}

export class AddressIds {
  private readonly statements;
  private readonly cache = new Map<string, Map<string, CheckedAddress>>();
  private cached = 0;

  constructor(db: Db) {
    this.statements = addressStatements(db);
  }

  /** A valid address of `chain` (its canonical code) in its normal form, or why it is refused. */
  check(chain: string, raw: string): CheckedAddress | Refused {
    let spellings = this.cache.get(chain);
    if (spellings === undefined) {
      spellings = new Map();
      this.cache.set(chain, spellings);
    }
    const hit = spellings.get(raw);
    if (hit !== undefined) return hit;
    const check = checkAddress(chain, raw);
    if (!check.valid) return new Refused(`${check.reason}: ${raw.trim().slice(0, 100) || '(empty)'}`);
    if (this.cached >= MAX_CACHED) {
      for (const map of this.cache.values()) map.clear();
      this.cached = 0;
    }
    const entry: CheckedAddress = { chain, normalized: check.normalized, id: 0 };
    spellings.set(flatCopy(raw), entry);
    this.cached += 1;
    return entry;
  }

  /** The address's id, storing it when it is new. */
  idOf(address: CheckedAddress): number {
    if (address.id === 0) address.id = this.statements.idOf(address.chain, address.normalized);
    return address.id;
  }
}
