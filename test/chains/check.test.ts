import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAddress,
  detectChains,
  findChain,
  isSupportedChain,
  MAX_ADDRESS_LENGTH,
  parseChainAddress,
  SUPPORTED_CHAINS,
} from '../../db/chains';
import { generatedAddress } from './generators';

describe('chains', () => {
  it('lists the supported chains by their GraphSense codes', () => {
    expect(SUPPORTED_CHAINS).toEqual([
      'BTC',
      'BCH',
      'BSV',
      'BTG',
      'LTC',
      'DASH',
      'ZEC',
      'XVG',
      'XMR',
      'XRP',
      'TRX',
      'ETH',
      'ETC',
      'BSC',
      'POLYGON',
      'ARB',
      'OP',
      'AVAX',
      'BASE',
      'FTM',
    ]);
  });

  it('finds chains by code or alias in any case', () => {
    expect(findChain(' matic ')?.id).toBe('POLYGON');
    expect(findChain('xbt')?.id).toBe('BTC');
    expect(isSupportedChain('eth')).toBe(true);
    expect(isSupportedChain('USDT')).toBe(false);
    expect(isSupportedChain('')).toBe(false);
  });

  it('refuses chains it has no rules for, so an importer can keep their addresses unchecked', () => {
    expect(checkAddress('ADA', 'addr1xyz')).toEqual({
      valid: false,
      chain: 'ADA',
      input: 'addr1xyz',
      reason: 'no address rules for chain ADA',
    });
    expect(checkAddress('  ', '1abc')).toMatchObject({ valid: false, reason: 'missing chain' });
  });
});

describe('checkAddress on any input', () => {
  it('refuses an address longer than any real one without decoding it', () => {
    const huge = '1'.repeat(1_000_000);
    const started = performance.now();
    expect(checkAddress('BTC', huge)).toMatchObject({ valid: false, reason: 'too long (1000000 characters)' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(checkAddress('BTC', `1${'z'.repeat(MAX_ADDRESS_LENGTH)}`).valid).toBe(false);
  });

  it('names invisible and look-alike characters by code point', () => {
    expect(checkAddress('BTC', '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAM\u200b')).toMatchObject({
      reason: 'invalid character U+200B at position 34',
    });
    expect(checkAddress('BTC', '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26S\u0410MH')).toMatchObject({
      reason: 'invalid character U+0410 at position 32',
    });
    expect(checkAddress('ETH', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA\u00a0ed')).toMatchObject({
      reason: 'whitespace inside the address at position 41',
    });
  });

  it('answers a value that is not text (YAML reads an unquoted 0x… as a number)', () => {
    expect(checkAddress('ETH', 1234 as unknown as string)).toEqual({
      valid: false,
      chain: 'ETH',
      input: '1234',
      reason: 'not text: number',
    });
    expect(parseChainAddress(null as unknown as string)).toMatchObject({ valid: false });
  });

  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: fc.constantFrom(...'13bcqpLMTX0x:41abcdefABCDEF '), maxLength: 120 }),
    fc.string({ minLength: MAX_ADDRESS_LENGTH - 5, maxLength: MAX_ADDRESS_LENGTH * 3 }),
  );
  const anyChain = fc.oneof(fc.constantFrom(...SUPPORTED_CHAINS, 'matic', 'usdt', ''), fc.string());

  it('never throws, and always gives a reason when it refuses', () => {
    fc.assert(
      fc.property(anyChain, anyText, (chain, raw) => {
        const result = checkAddress(chain, raw);
        if (result.valid) expect(result.normalized.length).toBeGreaterThan(0);
        else expect(result.reason.length).toBeGreaterThan(0);
        const parsed = parseChainAddress(`${chain}:${raw}`);
        expect(typeof parsed.valid).toBe('boolean');
        expect(parseChainAddress(raw).valid === false || raw.includes(':')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: a normalised address checks as itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED_CHAINS), anyText, (chain, raw) => {
        const first = checkAddress(chain, raw);
        if (first.valid) expect(checkAddress(chain, first.normalized)).toEqual(first);
      }),
    );
    fc.assert(
      fc.property(generatedAddress, ({ chain, address }) => {
        const variants = [address, ` ${address}\n`, address.toUpperCase(), address.toLowerCase()];
        for (const v of variants) {
          const first = checkAddress(chain, v);
          if (first.valid) expect(checkAddress(chain, first.normalized)).toEqual(first);
        }
      }),
    );
  });
});

describe('detectChains', () => {
  it('lists every chain on which an address is valid', () => {
    expect(detectChains(' 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH ')).toEqual(['BTC', 'BCH', 'BSV']);
    expect(detectChains('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual(['TRX']);
    expect(detectChains('nonsense')).toEqual([]);
  });
});

describe('parseChainAddress', () => {
  it('reads CHAIN:ADDRESS with the chain in any case', () => {
    expect(parseChainAddress('btc:1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH')).toEqual({
      valid: true,
      chain: 'BTC',
      normalized: '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH',
      kind: 'p2pkh',
    });
    expect(parseChainAddress(' Matic : 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ')).toEqual({
      valid: true,
      chain: 'POLYGON',
      normalized: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      kind: 'evm',
    });
  });

  it('keeps the colon inside a prefixed cashaddr', () => {
    expect(parseChainAddress('BCH:bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a')).toMatchObject({
      valid: true,
      normalized: 'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a',
    });
  });

  it('reports a missing chain, with the chains the address would fit', () => {
    expect(parseChainAddress('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH')).toEqual({
      valid: false,
      chain: '',
      input: '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH',
      reason: 'missing chain: write CHAIN:ADDRESS (the address fits BTC, BCH, BSV)',
    });
    expect(parseChainAddress(':0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toMatchObject({
      reason: 'missing chain: write CHAIN:ADDRESS',
    });
    expect(parseChainAddress('bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a')).toMatchObject({
      reason: 'missing chain: write CHAIN:ADDRESS (the address fits BCH)',
    });
    expect(parseChainAddress('hello')).toMatchObject({ reason: 'missing chain: write CHAIN:ADDRESS' });
  });

  it('reports an unknown chain with the known ones', () => {
    expect(parseChainAddress('DOGE:DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L')).toEqual({
      valid: false,
      chain: 'DOGE',
      input: 'DOGE:DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L',
      reason: `unknown chain 'DOGE' (known: ${SUPPORTED_CHAINS.join(', ')})`,
    });
  });

  it('passes the address part on to checkAddress', () => {
    expect(parseChainAddress('LTC:1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH')).toMatchObject({
      valid: false,
      chain: 'LTC',
      input: '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH',
      reason: 'belongs to BTC, BCH, BSV, not LTC',
    });
  });
});
