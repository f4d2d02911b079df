/**
 * Fresh addresses for generated chain data, valid for their chain: EIP-55 for Ethereum, and for Bitcoin a mix of
 * the three kinds wallets hand out (base58check P2PKH and P2SH, bech32 P2WPKH), from the project's own encoders.
 */
import { encodeBase58Check } from '../chains/base58';
import { toChecksumAddress } from '../chains/evm';
import { encodeSegwitAddress } from '../chains/segwit';
import type { Draw } from './random';

export function ethAddress(draw: Draw): string {
  return toChecksumAddress(draw.hex(40));
}

/** Version bytes of Bitcoin mainnet: 0x00 pay-to-pubkey-hash, 0x05 pay-to-script-hash. */
const P2PKH = 0x00;
const P2SH = 0x05;

export function btcAddress(draw: Draw): string {
  const kind = draw.below(3);
  const hash = draw.bytes(20);
  if (kind === 2) return encodeSegwitAddress('bc', 0, hash);
  const payload = new Uint8Array(21);
  payload[0] = kind === 0 ? P2PKH : P2SH;
  payload.set(hash, 1);
  return encodeBase58Check(payload);
}

export function addressOn(chain: 'ETH' | 'BTC', draw: Draw): string {
  return chain === 'ETH' ? ethAddress(draw) : btcAddress(draw);
}

/** A transaction hash as the chain writes it: 0x-prefixed on Ethereum, bare on Bitcoin. */
export function txHash(chain: 'ETH' | 'BTC', draw: Draw): string {
  return chain === 'ETH' ? `0x${draw.hex(64)}` : draw.hex(64);
}
