import { decodeBase58Check, encodeBase58Check } from './base58';
import { fromHex } from './text';
import { accept, refuse, type Verdict } from './types';

/** TRON addresses are a 20-byte account id behind the version byte 0x41, which is why they start with 'T'. */
const TRON_VERSION = 0x41;

/** TRON's node API and its logs write the same 21 bytes as hex ('41' + 40 hex digits). */
export function tronHexToBase58(hex42: string): string {
  return encodeBase58Check(fromHex(hex42));
}

export function checkTronAddress(address: string): Verdict {
  if (/^41[0-9a-fA-F]{40}$/.test(address)) return accept(tronHexToBase58(address), 'tron');
  const d = decodeBase58Check(address, 25);
  if (!d.ok) return d;
  if (d.bytes[0] !== TRON_VERSION) return refuse(`unknown prefix '${address.slice(0, 1)}'`);
  return accept(address, 'tron');
}
