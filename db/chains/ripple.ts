import { decodeBase58Check, RIPPLE_ALPHABET } from './base58';
import { accept, refuse, type Verdict } from './types';

/** A classic XRP Ledger address: a 20-byte account id behind version 0x00, in Ripple's base58 alphabet. */
export function checkRippleAddress(address: string): Verdict {
  // X-addresses (XLS-5) pack a destination tag in; the ledger and its explorers key accounts by the classic form.
  if (/^[XT][1-9A-HJ-NP-Za-km-z]{46}$/.test(address)) return refuse('X-address: give the classic r-address');
  const d = decodeBase58Check(address, 25, RIPPLE_ALPHABET);
  if (!d.ok) return d;
  if (d.bytes[0] !== 0x00) return refuse(`unknown prefix '${address.slice(0, 1)}'`);
  return accept(address, 'ripple');
}
