import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BITCOIN_ALPHABET,
  decodeBase58,
  decodeBase58Check,
  encodeBase58,
  encodeBase58Check,
  RIPPLE_ALPHABET,
} from '../../db/chains/base58';
import { fromHex, hex } from '../../db/chains/text';

describe('base58', () => {
  // Bitcoin Core's base58_encode_decode.json.
  it.each([
    ['', ''],
    ['61', '2g'],
    ['626262', 'a3gV'],
    ['636363', 'aPEr'],
    ['73696d706c792061206c6f6e6720737472696e67', '2cFupjhnEsSn59qHXstmK2ffpLv2'],
    ['00eb15231dfceb60925886b67d065299925915aeb172c06647', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L'],
    ['516b6fcd0f', 'ABnLTmg'],
    ['bf4f89001e670274dd', '3SEo3LWLoPntC'],
    ['572e4794', '3EFU7m'],
    ['ecac89cad93923c02321', 'EJDM8drfXA6uyA'],
    ['10c8511e', 'Rt5zm'],
    ['00000000000000000000', '1111111111'],
  ])('encodes %s as %s and back', (bytes, text) => {
    expect(encodeBase58(fromHex(bytes))).toBe(text);
    const decoded = decodeBase58(text);
    expect(decoded.ok && hex(decoded.bytes)).toBe(bytes);
  });

  it('names the first character outside the alphabet, counting from 1', () => {
    expect(decodeBase58('1A0b')).toEqual({ ok: false, reason: "invalid character '0' at position 3" });
    expect(decodeBase58('1AlO')).toEqual({ ok: false, reason: "invalid character 'l' at position 3" });
    expect(decodeBase58('12\u00e93')).toEqual({ ok: false, reason: 'invalid character U+00E9 at position 3' });
    expect(decodeBase58('\u{1F600}x0')).toEqual({ ok: false, reason: 'invalid character U+1F600 at position 1' });
  });

  it('round-trips any bytes, leading zeros included, in both alphabets', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.constantFrom(BITCOIN_ALPHABET, RIPPLE_ALPHABET),
        (bytes, abc) => {
          const text = encodeBase58(bytes, abc);
          const back = decodeBase58(text, abc);
          expect(back.ok && hex(back.bytes)).toBe(hex(bytes));
          expect(encodeBase58(back.ok ? back.bytes : new Uint8Array(), abc)).toBe(text);
        },
      ),
    );
  });

  it('maps every string over the alphabet to bytes that encode back to it (one spelling per value)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...BITCOIN_ALPHABET), maxLength: 60 }), (text) => {
        const back = decodeBase58(text);
        expect(back.ok && encodeBase58(back.bytes)).toBe(text);
      }),
    );
  });
});

describe('base58check', () => {
  it('checks the length before the checksum, and the checksum', () => {
    const address = encodeBase58Check(fromHex('00751e76e8199196d454941c45d1b3a323f1433bd6'));
    expect(address).toBe('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH');
    const ok = decodeBase58Check(address, 25);
    expect(ok.ok && hex(ok.bytes)).toBe('00751e76e8199196d454941c45d1b3a323f1433bd6');
    expect(decodeBase58Check(address, 26)).toEqual({ ok: false, reason: 'wrong length (25 bytes, expected 26)' });
    expect(decodeBase58Check('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMJ', 25)).toEqual({
      ok: false,
      reason: 'bad checksum',
    });
  });

  it('round-trips payloads and refuses any single changed byte', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 21, maxLength: 21 }),
        fc.nat(24),
        fc.integer({ min: 1, max: 255 }),
        (p, i, x) => {
          const text = encodeBase58Check(p);
          const back = decodeBase58Check(text, 25);
          expect(back.ok && hex(back.bytes)).toBe(hex(p));
          const full = decodeBase58(text);
          if (!full.ok) throw new Error('unreachable');
          const bytes = Uint8Array.from(full.bytes);
          bytes[i] = (bytes[i] ?? 0) ^ x;
          expect(decodeBase58Check(encodeBase58(bytes), 25).ok).toBe(false);
        },
      ),
    );
  });
});
