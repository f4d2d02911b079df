import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAddress, SUPPORTED_CHAINS, CHAINS } from '../../db/chains';
import { toChecksumAddress } from '../../db/chains/evm';
import { hex } from '../../db/chains/text';

const EVM_CHAINS = CHAINS.filter((c) => c.evm).map((c) => c.id);

// EIP-55's examples.
const CHECKSUMMED = [
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
  '0xde709f2102306220921060314715629080e2fb77',
  '0x27b1fdb04752bbc536007a920d24acb045561c26',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

/** Flips the case of the letter at index i. */
function flipCase(s: string, i: number): string {
  const ch = s[i] ?? '';
  const flipped = ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
  return s.slice(0, i) + flipped + s.slice(i + 1);
}

describe('EVM addresses (EIP-55)', () => {
  it('lists the EVM chains', () => {
    expect(EVM_CHAINS).toEqual(['ETH', 'ETC', 'BSC', 'POLYGON', 'ARB', 'OP', 'AVAX', 'BASE', 'FTM']);
    expect(SUPPORTED_CHAINS).toEqual(expect.arrayContaining(EVM_CHAINS));
  });

  it.each(CHECKSUMMED)('%s is its own checksummed form', (address) => {
    expect(toChecksumAddress(address.slice(2))).toBe(address);
    for (const chain of EVM_CHAINS) {
      expect(checkAddress(chain, address)).toEqual({ valid: true, chain, normalized: address, kind: 'evm' });
    }
  });

  it('accepts single-case hex unchecked and normalises it to the checksummed form', () => {
    const address = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const lower = address.toLowerCase();
    const upper = `0x${address.slice(2).toUpperCase()}`;
    for (const input of [lower, upper]) {
      expect(checkAddress('ETH', input)).toEqual({ valid: true, chain: 'ETH', normalized: address, kind: 'evm' });
    }
  });

  it.each([
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'bad EIP-55 checksum'],
    ['0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'bad EIP-55 checksum'],
    ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', "missing '0x' prefix (40 hex digits alone are ambiguous)"],
    ['0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED', "prefix must be '0x', not '0X'"],
    ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA', "must start with '0x'"],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', 'wrong length (39 hex digits, expected 40)'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00', 'wrong length (42 hex digits, expected 40)'],
    ['0x', 'wrong length (0 hex digits, expected 40)'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg', "invalid character 'g' at position 42"],
    ['0x5aAeb6053F3E94C9b9A09f3366943\u04255E7Ef1BeAe', 'invalid character U+0425 at position 32'],
  ])('refuses %s: %s', (input, reason) => {
    expect(checkAddress('ETH', input)).toEqual({ valid: false, chain: 'ETH', input, reason });
  });

  it('normalises any 20 bytes, in any single case, to one checksummed form that checks as itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.constantFrom(...EVM_CHAINS), (bytes, chain) => {
        const digits = hex(bytes);
        const normal = toChecksumAddress(digits);
        for (const input of [`0x${digits}`, `0x${digits.toUpperCase()}`, normal]) {
          expect(checkAddress(chain, input)).toEqual({ valid: true, chain, normalized: normal, kind: 'evm' });
        }
      }),
    );
  });

  it('refuses a checksummed address with one letter in the wrong case, unless that leaves it single-case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(), (bytes, n) => {
        const normal = toChecksumAddress(hex(bytes));
        const letters = [...normal.slice(2)].flatMap((ch, i) => (/[a-f]/i.test(ch) ? [i + 2] : []));
        fc.pre(letters.length > 0);
        const changed = flipCase(normal, letters[n % letters.length] ?? 0);
        const result = checkAddress('ETH', changed);
        // A case change never names another address: either refused, or the same address unchecked.
        if (result.valid) expect(result.normalized).toBe(normal);
        const digits = changed.slice(2);
        const singleCase = digits === digits.toLowerCase() || digits === digits.toUpperCase();
        expect(result.valid).toBe(singleCase);
      }),
    );
  });
});
