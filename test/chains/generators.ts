import { keccak_256 } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { encodeBase58Check, RIPPLE_ALPHABET } from '../../db/chains/base58';
import { convertBits, encodeBech32 } from '../../db/chains/bech32';
import { encodeCashAddr } from '../../db/chains/cashaddr';
import { toChecksumAddress } from '../../db/chains/evm';
import { encodeMoneroBase58 } from '../../db/chains/monero';
import { encodeSegwitAddress } from '../../db/chains/segwit';
import { hex } from '../../db/chains/text';
import { type AddressKind, type ChainId } from '../../db/chains/types';

/** An address built by the encoders from random bytes, in its normal form, with what checking it must say. */
export interface Generated {
  chain: ChainId;
  address: string;
  kind: AddressKind;
  /** Whether any single substituted character must be refused (EVM's checksum only covers letters' case). */
  checksummed: boolean;
}

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

function base58(chain: ChainId, version: number[], kind: AddressKind, size = 20, alphabet?: string) {
  return bytes(size).map((h): Generated => ({
    chain,
    address: encodeBase58Check(Uint8Array.from([...version, ...h]), alphabet),
    kind,
    checksummed: true,
  }));
}

function segwit(chain: ChainId, hrp: string) {
  return fc
    .oneof(
      fc.record({ version: fc.constant(0), program: bytes(20), kind: fc.constant<AddressKind>('p2wpkh') }),
      fc.record({ version: fc.constant(0), program: bytes(32), kind: fc.constant<AddressKind>('p2wsh') }),
      fc.record({ version: fc.constant(1), program: bytes(32), kind: fc.constant<AddressKind>('p2tr') }),
      fc.record({
        version: fc.integer({ min: 2, max: 16 }),
        program: fc.uint8Array({ minLength: 2, maxLength: 40 }),
        kind: fc.constant<AddressKind>('witness_v1+'),
      }),
    )
    .map(({ version, program, kind }): Generated => ({
      chain,
      address: encodeSegwitAddress(hrp, version, program),
      kind,
      checksummed: true,
    }));
}

function monero(tag: number, size: number, kind: AddressKind) {
  return bytes(size).map((body): Generated => {
    const data = Uint8Array.from([tag, ...body]);
    const address = encodeMoneroBase58(Uint8Array.from([...data, ...keccak_256(data).subarray(0, 4)]));
    return { chain: 'XMR', address, kind, checksummed: true };
  });
}

export const generatedAddress: fc.Arbitrary<Generated> = fc.oneof(
  base58('BTC', [0x00], 'p2pkh'),
  base58('BTC', [0x05], 'p2sh'),
  segwit('BTC', 'bc'),
  base58('LTC', [0x30], 'p2pkh'),
  base58('LTC', [0x32], 'p2sh'),
  segwit('LTC', 'ltc'),
  base58('BSV', [0x00], 'p2pkh'),
  base58('BTG', [0x26], 'p2pkh'),
  base58('BTG', [0x17], 'p2sh'),
  segwit('BTG', 'btg'),
  base58('DASH', [0x4c], 'p2pkh'),
  base58('DASH', [0x10], 'p2sh'),
  base58('XVG', [0x1e], 'p2pkh'),
  base58('XVG', [0x21], 'p2sh'),
  base58('ZEC', [0x1c, 0xb8], 'p2pkh'),
  base58('ZEC', [0x1c, 0xbd], 'p2sh'),
  base58('ZEC', [0x16, 0x9a], 'zcash_sprout', 64),
  bytes(43).map((b): Generated => ({
    chain: 'ZEC',
    address: encodeBech32('zs', convertBits(b, 8, 5, true) ?? [], 'bech32'),
    kind: 'zcash_sapling',
    checksummed: true,
  })),
  fc.record({ type: fc.constantFrom<0 | 1>(0, 1), hash: bytes(20) }).map(({ type, hash }): Generated => ({
    chain: 'BCH',
    address: encodeCashAddr('bitcoincash', type, hash),
    kind: type === 0 ? 'p2pkh' : 'p2sh',
    checksummed: true,
  })),
  bytes(32).map((hash): Generated => ({
    chain: 'BCH',
    address: encodeCashAddr('bitcoincash', 1, hash),
    kind: 'p2sh',
    checksummed: true,
  })),
  base58('TRX', [0x41], 'tron'),
  base58('XRP', [0x00], 'ripple', 20, RIPPLE_ALPHABET),
  monero(18, 64, 'monero'),
  monero(19, 72, 'monero_integrated'),
  monero(42, 64, 'monero_subaddress'),
  fc
    .record({
      chain: fc.constantFrom('ETH', 'BSC', 'POLYGON', 'ARB', 'OP', 'AVAX', 'BASE', 'FTM', 'ETC'),
      b: bytes(20),
    })
    .map(({ chain, b }): Generated => ({ chain, address: toChecksumAddress(hex(b)), kind: 'evm', checksummed: false })),
);
