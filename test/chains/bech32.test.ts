import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BECH32_CHARSET, convertBits, decodeBech32, encodeBech32, type Bech32Variant } from '../../db/chains/bech32';
import { checkAddress } from '../../db/chains';
import { decodeSegwitAddress, encodeSegwitAddress } from '../../db/chains/segwit';
import { fromHex, hex } from '../../db/chains/text';

// Test vectors from BIP-173 and BIP-350, in the order the BIPs list them.
const VALID: Record<Bech32Variant, string[]> = {
  bech32: [
    'A12UEL5L',
    'a12uel5l',
    'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
    'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
    '11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j',
    'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
    '?1ezyfcl',
  ],
  bech32m: [
    'A1LQFN3A',
    'a1lqfn3a',
    'an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6',
    'abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx',
    '11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8',
    'split1checkupstagehandshakeupstreamerranterredcaperredlc445v',
    '?1v759aa',
  ],
};

const INVALID: [string, string][] = [
  // BIP-173
  ['\x201nwldj5', 'invalid character U+0020 at position 1'],
  ['\x7f1axkwrx', 'invalid character U+007F at position 1'],
  ['\x801eym55h', 'invalid character U+0080 at position 1'],
  [
    'an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx',
    'too long (91 characters, at most 90)',
  ],
  ['pzry9x0s0muk', "no separator '1'"],
  ['1pzry9x0s0muk', 'empty human-readable part'],
  ['x1b4n0q5v', "invalid character 'b' at position 3"],
  ['li1dgmt3', 'checksum too short'],
  ['de1lg7wt\xff', 'invalid character U+00FF at position 9'],
  ['A1G7SGD8', 'bad checksum'],
  ['10a06t8', 'empty human-readable part'],
  ['1qzzfhee', 'empty human-readable part'],
  // BIP-350
  ['\x201xj0phk', 'invalid character U+0020 at position 1'],
  ['\x7f1g6xzxy', 'invalid character U+007F at position 1'],
  ['\x801vctc34', 'invalid character U+0080 at position 1'],
  [
    'an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4',
    'too long (91 characters, at most 90)',
  ],
  ['qyrz8wqd2c9m', "no separator '1'"],
  ['1qyrz8wqd2c9m', 'empty human-readable part'],
  ['y1b0jsk6g', "invalid character 'b' at position 3"],
  ['lt1igcx5c0', "invalid character 'i' at position 4"],
  ['in1muywd', 'checksum too short'],
  ['mm1crxm3i', "invalid character 'i' at position 9"],
  ['au1s5cgom', "invalid character 'o' at position 8"],
  ['M1VUXWEZ', 'bad checksum'],
  ['16plkw9', 'empty human-readable part'],
  ['1p2gdwpf', 'empty human-readable part'],
];

/** The scriptPubKey a witness program pays to: OP_n (0x50 + n, or 0x00), a push of its length, the program. */
function scriptPubKey(version: number, program: Uint8Array): string {
  return hex([version === 0 ? 0 : 0x50 + version, program.length, ...program]);
}

const SEGWIT_VALID: [string, string][] = [
  // BIP-350 (BIP-173's v0 vectors are among them)
  ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', '0014751e76e8199196d454941c45d1b3a323f1433bd6'],
  [
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    '00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262',
  ],
  [
    'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    '5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6',
  ],
  ['BC1SW50QGDZ25J', '6002751e'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', '5210751e76e8199196d454941c45d1b3a323'],
  [
    'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
    '0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433',
  ],
  [
    'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
    '5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433',
  ],
  [
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    '512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
  ],
];

/** BIP-173's v1+ vectors carry a bech32 checksum, which BIP-350 made invalid. */
const BIP173_V1_PLUS = [
  'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx',
  'BC1SW50QA3JX3S',
  'bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj',
];

const SEGWIT_INVALID: [string, string][] = [
  // BIP-173
  ['tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty', "unknown prefix 'tc1'"],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'bad checksum'],
  ['BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2', 'invalid witness version 17'],
  ['bc1rw5uspcuh', 'wrong program length (1 bytes, expected 2 to 40)'],
  [
    'bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90',
    'wrong program length (41 bytes, expected 2 to 40)',
  ],
  ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'wrong program length for witness v0 (16 bytes, expected 20 or 32)'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7', 'mixed-case bech32'],
  ['bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', 'invalid padding'],
  ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', 'invalid padding'],
  ['bc1gmk9yu', 'empty data part'],
  // BIP-350
  ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', "unknown prefix 'tc1'"],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'bad checksum (v1+ needs bech32m)'],
  ['tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', 'bad checksum (v1+ needs bech32m)'],
  ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'bad checksum (v1+ needs bech32m)'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'bad checksum (v0 needs bech32)'],
  ['tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', 'bad checksum (v0 needs bech32)'],
  ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', "invalid character 'o' at position 60"],
  ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'invalid witness version 17'],
  ['bc1pw5dgrnzv', 'wrong program length (1 bytes, expected 2 to 40)'],
  [
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav',
    'wrong program length (41 bytes, expected 2 to 40)',
  ],
  ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'mixed-case bech32'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'invalid padding'],
  ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', 'invalid padding'],
];

describe('bech32 and bech32m strings (BIP-173, BIP-350)', () => {
  const valid: [string, Bech32Variant][] = [
    ...VALID.bech32.map((s): [string, Bech32Variant] => [s, 'bech32']),
    ...VALID.bech32m.map((s): [string, Bech32Variant] => [s, 'bech32m']),
  ];
  it.each(valid)('%s is valid %s', (s, variant) => {
    const d = decodeBech32(s);
    expect(d.ok && d.variant).toBe(variant);
    if (!d.ok) return;
    expect(encodeBech32(d.hrp, d.words, variant)).toBe(s.toLowerCase());
  });

  it.each(INVALID)('%j is invalid: %s', (s, reason) => {
    expect(decodeBech32(s)).toEqual({ ok: false, reason });
  });
});

describe('segwit addresses (BIP-173, BIP-350)', () => {
  it.each(SEGWIT_VALID)('%s pays to %s', (address, script) => {
    const d = decodeSegwitAddress(address);
    if (!d.ok) throw new Error(d.reason);
    expect(scriptPubKey(d.version, d.program)).toBe(script);
    expect(encodeSegwitAddress(d.hrp, d.version, d.program)).toBe(address.toLowerCase());
    const onBitcoin = checkAddress('BTC', address);
    if (d.hrp === 'tb') expect(onBitcoin).toMatchObject({ valid: false, reason: 'testnet address' });
    else expect(onBitcoin).toMatchObject({ valid: true, normalized: address.toLowerCase() });
  });

  it.each(BIP173_V1_PLUS)('%s (a BIP-173 v1+ vector) is refused since BIP-350', (address) => {
    expect(decodeSegwitAddress(address)).toEqual({ ok: false, reason: 'bad checksum (v1+ needs bech32m)' });
  });

  it.each(SEGWIT_INVALID)('%s is refused: %s', (address, reason) => {
    expect(checkAddress('BTC', address)).toMatchObject({ valid: false, reason });
  });
});

const hrpArb = fc.string({
  unit: fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c).toLowerCase()),
  minLength: 1,
  maxLength: 20,
});
const wordsArb = fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 60 });

describe('bech32 properties', () => {
  it('encode then decode gives back the hrp, words and variant', () => {
    fc.assert(
      fc.property(hrpArb, wordsArb, fc.constantFrom<Bech32Variant>('bech32', 'bech32m'), (hrp, words, variant) => {
        const s = encodeBech32(hrp, words, variant);
        expect(decodeBech32(s)).toEqual({ ok: true, hrp, words, variant });
        expect(decodeBech32(s.toUpperCase())).toEqual({ ok: true, hrp, words, variant });
      }),
    );
  });

  it('detects any single substituted data character (guaranteed for up to 4 in BIP-173)', () => {
    fc.assert(
      fc.property(
        hrpArb,
        wordsArb,
        fc.constantFrom<Bech32Variant>('bech32', 'bech32m'),
        fc.nat(),
        fc.integer({ min: 1, max: 31 }),
        (hrp, words, variant, at, delta) => {
          const s = encodeBech32(hrp, words, variant);
          const i = hrp.length + 1 + (at % (s.length - hrp.length - 1));
          const w = BECH32_CHARSET.indexOf(s[i] ?? '');
          const changed = s.slice(0, i) + BECH32_CHARSET[(w + delta) % 32] + s.slice(i + 1);
          expect(decodeBech32(changed).ok).toBe(false);
        },
      ),
    );
  });

  it('regroups bytes into 5-bit words and back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const words = convertBits(bytes, 8, 5, true);
        expect(words).not.toBeNull();
        expect(hex(convertBits(words ?? [], 5, 8, false) ?? [])).toBe(hex(bytes));
      }),
    );
  });

  it('round-trips every valid witness program through an address', () => {
    const program = fc.oneof(
      fc.record({ version: fc.constant(0), program: fc.uint8Array({ minLength: 20, maxLength: 20 }) }),
      fc.record({ version: fc.constant(0), program: fc.uint8Array({ minLength: 32, maxLength: 32 }) }),
      fc.record({ version: fc.integer({ min: 1, max: 16 }), program: fc.uint8Array({ minLength: 2, maxLength: 40 }) }),
    );
    fc.assert(
      fc.property(program, fc.constantFrom('bc', 'tb', 'ltc'), ({ version, program }, hrp) => {
        const address = encodeSegwitAddress(hrp, version, program);
        expect(decodeSegwitAddress(address)).toEqual({ ok: true, hrp, version, program });
      }),
    );
  });

  it('reads the BIP-350 taproot vector as the x-only key of the generator point', () => {
    const d = decodeSegwitAddress('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0');
    expect(d.ok && hex(d.program)).toBe(
      hex(fromHex('79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798')),
    );
  });
});
