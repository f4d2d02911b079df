import { CHAINS, findChain, SUPPORTED_CHAINS, type Chain } from './registry';
import { whitespaceAt } from './text';
import { type AddressCheck, type ChainId, type Verdict } from './types';

/**
 * Longer than any address of a supported chain (the longest, a 64-byte-hash cashaddr with its prefix, is 124);
 * the cap keeps the quadratic base58 decoding cheap whatever is pasted in.
 */
export const MAX_ADDRESS_LENGTH = 128;

/** The checks every chain shares, then the chain's own rules. */
function judge(chain: Chain, address: string): Verdict {
  if (address === '') return { ok: false, reason: 'empty address' };
  if (address.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: `too long (${address.length} characters)` };
  const space = address.search(/\s/);
  if (space >= 0) return { ok: false, reason: whitespaceAt(address, space) };
  return chain.check(address);
}

/** Supported chains other than `except` on which a trimmed address is valid. */
function owners(address: string, except?: Chain): Chain[] {
  return CHAINS.filter((c) => c !== except && judge(c, address).ok);
}

/** Names owners briefly: an EVM address is valid on every EVM chain, and listing them all would bury the point. */
function describe(chains: readonly Chain[]): string {
  const evm = chains.filter((c) => c.evm);
  const others = chains.filter((c) => !c.evm).map((c) => c.id);
  if (evm.length > 1) others.push(`${evm[0]?.id ?? ''} and other EVM chains`);
  else if (evm[0]) others.push(evm[0].id);
  return others.join(', ');
}

/** Chains on which an address is valid, for an address that came without one. */
export function detectChains(raw: string): ChainId[] {
  return typeof raw === 'string' ? owners(raw.trim()).map((c) => c.id) : [];
}

/**
 * Validates and normalises an address for a chain (code or alias, any case). Never throws: every outcome,
 * including an unknown chain or a value that is not even a string (YAML turns an unquoted 0x… into a number),
 * is a result with a reason.
 */
export function checkAddress(chain: string, raw: string): AddressCheck {
  const input = typeof raw === 'string' ? raw : String(raw);
  const code = typeof chain === 'string' ? chain.trim().toUpperCase() : String(chain);
  if (typeof raw !== 'string') return { valid: false, chain: code, input, reason: `not text: ${typeof raw}` };
  const rules = typeof chain === 'string' ? findChain(chain) : undefined;
  if (!rules) {
    const reason = code === '' ? 'missing chain' : `no address rules for chain ${code}`;
    return { valid: false, chain: code, input, reason };
  }
  const address = raw.trim();
  const verdict = judge(rules, address);
  if (verdict.ok) return { valid: true, chain: rules.id, normalized: verdict.normalized, kind: verdict.kind };
  // A valid address of another chain is a different mistake from a typo, and the fix is to change the chain.
  const elsewhere = owners(address, rules);
  if (elsewhere.length > 0) {
    const reason = `belongs to ${describe(elsewhere)}, not ${rules.id}`;
    return { valid: false, chain: rules.id, input, reason, belongsTo: elsewhere.map((c) => c.id) };
  }
  return { valid: false, chain: rules.id, input, reason: verdict.reason };
}

/** Parses the CLI's `CHAIN:ADDRESS`; the address may contain ':' itself (a prefixed cashaddr). */
export function parseChainAddress(text: string): AddressCheck {
  const input = typeof text === 'string' ? text.trim() : String(text);
  const colon = input.indexOf(':');
  const code = colon < 0 ? '' : input.slice(0, colon).trim();
  const address = colon < 0 ? input : input.slice(colon + 1);
  if (!findChain(code)) {
    // `bitcoincash:q…` reads as chain 'bitcoincash'; it and a bare address are both missing the chain.
    const fits = owners(input);
    const hint = fits.length > 0 ? ` (the address fits ${describe(fits)})` : '';
    const reason =
      code === '' || fits.length > 0
        ? `missing chain: write CHAIN:ADDRESS${hint}`
        : `unknown chain '${code}' (known: ${SUPPORTED_CHAINS.join(', ')})`;
    return { valid: false, chain: code.toUpperCase(), input, reason };
  }
  return checkAddress(code, address);
}
