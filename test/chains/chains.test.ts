import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAddress, SUPPORTED_CHAINS } from '../../db/chains';
import { BECH32_CHARSET } from '../../db/chains/bech32';
import { BITCOIN_ALPHABET, encodeBase58Check } from '../../db/chains/base58';
import { fromHex } from '../../db/chains/text';
import { generatedAddress } from './generators';

function valid(chain: string, normalized: string, kind: string) {
  return { valid: true, chain, normalized, kind };
}

function refused(chain: string, input: string, reason: string) {
  return { valid: false, chain, input, reason };
}

describe('Bitcoin', () => {
  it.each([
    ['1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH', 'p2pkh'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'p2sh'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'p2wpkh'],
    ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', 'p2wsh'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'p2tr'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', 'witness_v1+'],
  ])('accepts %s as %s', (address, kind) => {
    expect(checkAddress('BTC', address)).toEqual(valid('BTC', address, kind));
  });

  it('shows bech32 lower-case, keeps base58 as it is, and trims surrounding whitespace', () => {
    expect(checkAddress('btc', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toEqual(
      valid('BTC', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'p2wpkh'),
    );
    expect(checkAddress('XBT', ' \t1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH\n')).toEqual(
      valid('BTC', '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH', 'p2pkh'),
    );
  });

  it.each([
    ['1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMJ', 'bad checksum'],
    ['1bgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH', 'wrong length (26 bytes, expected 25)'],
    ['1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SA', 'wrong length (24 bytes, expected 25)'],
    ['1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMHz', 'wrong length (26 bytes, expected 25)'],
    ['1BgGZ0tcN4rm9KBzDn7KprQz87SZ26SAMH', "invalid character '0' at position 6"],
    ['1BgGZ9tc N4rm9KBzDn7KprQz87SZ26SAMH', 'whitespace inside the address at position 9'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8F3T4', 'mixed-case bech32'],
    ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 'testnet address'],
    ['2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', 'testnet address'],
    ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', 'testnet address'],
    ['bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080', 'testnet address'],
    ['LWnbjLYUfqeokfbWM4FcU7uk2FP2DSxuWS', 'belongs to LTC, not BTC'],
    ['ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9', 'belongs to LTC, not BTC'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'belongs to ETH and other EVM chains, not BTC'],
    ['XyARKoupuArYtToA2S6yMdnoquDCDaBsaT', 'belongs to DASH, not BTC'],
    ['', 'empty address'],
    ['   ', 'empty address'],
  ])('refuses %j: %s', (input, reason) => {
    expect(checkAddress('BTC', input)).toMatchObject(refused('BTC', input, reason));
  });

  it('names every chain an address of another chain belongs to', () => {
    expect(checkAddress('DASH', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toEqual({
      ...refused('DASH', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'belongs to BTC, BCH, BSV, LTC, not DASH'),
      belongsTo: ['BTC', 'BCH', 'BSV', 'LTC'],
    });
  });
});

describe('Litecoin', () => {
  it('accepts L, M and ltc1 addresses', () => {
    expect(checkAddress('LTC', 'LWnbjLYUfqeokfbWM4FcU7uk2FP2DSxuWS')).toEqual(
      valid('LTC', 'LWnbjLYUfqeokfbWM4FcU7uk2FP2DSxuWS', 'p2pkh'),
    );
    expect(checkAddress('LTC', 'ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9')).toEqual(
      valid('LTC', 'ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9', 'p2wpkh'),
    );
  });

  it("re-encodes Bitcoin-style '3' P2SH with Litecoin's 'M' version: one spelling per script", () => {
    const hash = fromHex('b472a266d0bd89c13706a4132ccfb16f7c3b9fcb');
    const legacy = encodeBase58Check(Uint8Array.from([0x05, ...hash]));
    const current = encodeBase58Check(Uint8Array.from([0x32, ...hash]));
    expect(legacy).toBe('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy');
    expect(current[0]).toBe('M');
    expect(checkAddress('LTC', legacy)).toEqual(valid('LTC', current, 'p2sh'));
    expect(checkAddress('LTC', current)).toEqual(valid('LTC', current, 'p2sh'));
  });

  it('refuses testnet and Bitcoin addresses', () => {
    expect(checkAddress('LTC', 'tltc1qw508d6qejxtdg4y5r3zarvary0c5xw7klfsuq0')).toMatchObject({
      reason: 'testnet address',
    });
    expect(checkAddress('LTC', '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH')).toMatchObject({
      reason: 'belongs to BTC, BCH, BSV, not LTC',
    });
  });
});

describe('Bitcoin Cash (cashaddr spec vectors)', () => {
  it.each([
    ['1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu', 'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', 'p2pkh'],
    ['1KXrWXciRDZUpQwQmuM1DbwsKDLYAYsVLR', 'bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy', 'p2pkh'],
    ['16w1D5WRVKJuZUsSRzdLp9w3YGcgoxDXb', 'bitcoincash:qqq3728yw0y47sqn6l2na30mcw6zm78dzqre909m2r', 'p2pkh'],
    ['3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC', 'bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq', 'p2sh'],
    ['3LDsS579y7sruadqu11beEJoTjdFiFCdX4', 'bitcoincash:pr95sy3j9xwd2ap32xkykttr4cvcu7as4yc93ky28e', 'p2sh'],
    ['31nwvkZwyPdgzjBJZXfDmSWsC4ZLKpYyUw', 'bitcoincash:pqq3728yw0y47sqn6l2na30mcw6zm78dzq5ucqzc37', 'p2sh'],
  ])('%s and %s are one address', (legacy, cashaddr, kind) => {
    const expected = valid('BCH', cashaddr, kind);
    expect(checkAddress('BCH', legacy)).toEqual(expected);
    expect(checkAddress('BCH', cashaddr)).toEqual(expected);
    expect(checkAddress('BCH', cashaddr.toUpperCase())).toEqual(expected);
    expect(checkAddress('BCH', cashaddr.slice('bitcoincash:'.length))).toEqual(expected);
  });

  it.each([
    ['bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6c', 'bad checksum'],
    ['bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdX6a', 'mixed-case cashaddr'],
    ['bchtest:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', 'bad checksum'],
    ['bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6o', "invalid character 'o' at position 54"],
    ['qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6', 'bad checksum'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'belongs to BTC, not BCH'],
  ])('refuses %s: %s', (input, reason) => {
    expect(checkAddress('BCH', input)).toMatchObject(refused('BCH', input, reason));
  });

  it('folds token-aware types into the plain ones and refuses testnet cashaddr', async () => {
    const { encodeCashAddr } = await import('../../db/chains/cashaddr');
    const hash = fromHex('76a04053bda0a88bda5177b86a15c3b29f559873');
    expect(checkAddress('BCH', encodeCashAddr('bitcoincash', 2, hash))).toEqual(
      valid('BCH', 'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', 'p2pkh'),
    );
    expect(checkAddress('BCH', encodeCashAddr('bchtest', 0, hash))).toMatchObject({ reason: 'testnet address' });
  });
});

describe('TRON', () => {
  it('accepts base58 and the 41-prefixed hex form, normalised to base58', () => {
    const expected = valid('TRX', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron');
    expect(checkAddress('TRX', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual(expected);
    expect(checkAddress('trx', '41a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toEqual(expected);
    expect(checkAddress('TRON', '41A614F803B6FD780986A42C78EC9C7F77E6DED13C')).toEqual(expected);
  });

  it.each([
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'bad checksum'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjL', 'wrong length (23 bytes, expected 25)'],
    ['1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH', 'belongs to BTC, BCH, BSV, not TRX'],
    ['42a614f803b6fd780986a42c78ec9c7f77e6ded13c', "invalid character '0' at position 9"],
  ])('refuses %s: %s', (input, reason) => {
    expect(checkAddress('TRX', input)).toMatchObject(refused('TRX', input, reason));
  });
});

describe('other chains', () => {
  it.each([
    ['DASH', 'XyARKoupuArYtToA2S6yMdnoquDCDaBsaT', 'p2pkh'],
    ['BTG', 'GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS', 'p2pkh'],
    ['XVG', 'DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z', 'p2pkh'],
    ['ZEC', 't1WSKwCDL1QYRRUrCCknEs5tDLhtGVYu9KM', 'p2pkh'],
    ['BSV', '12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9', 'p2pkh'],
    ['XRP', 'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66', 'ripple'],
    // The Monero project's general fund donation address.
    [
      'XMR',
      '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
      'monero',
    ],
  ])('%s accepts %s', (chain, address, kind) => {
    expect(checkAddress(chain, address)).toEqual(valid(chain, address, kind));
  });

  it('normalises a Zcash TEX address to the t1 address paying the same script', async () => {
    const { encodeBech32, convertBits } = await import('../../db/chains/bech32');
    const { decodeBase58Check } = await import('../../db/chains/base58');
    const t1 = 't1WSKwCDL1QYRRUrCCknEs5tDLhtGVYu9KM';
    const d = decodeBase58Check(t1, 26);
    if (!d.ok) throw new Error(d.reason);
    const tex = encodeBech32('tex', convertBits(d.bytes.subarray(2), 8, 5, true) ?? [], 'bech32m');
    expect(checkAddress('ZEC', tex)).toEqual(valid('ZEC', t1, 'p2pkh'));
    const wrongVariant = encodeBech32('tex', convertBits(d.bytes.subarray(2), 8, 5, true) ?? [], 'bech32');
    expect(checkAddress('ZEC', wrongVariant)).toMatchObject({ reason: 'bad checksum (TEX needs bech32m)' });
  });

  it.each([
    ['ZEC', 'u1qwertyuiop', 'unified addresses are not supported'],
    ['ZEC', 'tmHMBeeYRuc2eVicLNfP15YLxbQsooCA6jb', 'testnet address'],
    [
      'XMR',
      '884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pztqvWNSrtYT4reFSwyvkCj9KEGUtheHh',
      'wrong length (67 characters, expected 95 or 106)',
    ],
    [
      'XMR',
      '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3B',
      'bad checksum',
    ],
    ['XRP', 'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh67', 'bad checksum'],
    ['XRP', 'X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ', 'X-address: give the classic r-address'],
  ])('%s refuses %s: %s', (chain, input, reason) => {
    expect(checkAddress(chain, input)).toMatchObject(refused(chain, input, reason));
  });
});

describe('generated addresses of every supported chain', () => {
  it('covers every supported chain', () => {
    const seen = new Set(fc.sample(generatedAddress, 3000).map((g) => g.chain));
    expect([...seen].sort()).toEqual([...SUPPORTED_CHAINS].sort());
  });

  it('are accepted as they are, with their kind, and checking the normal form again changes nothing', () => {
    fc.assert(
      fc.property(generatedAddress, ({ chain, address, kind }) => {
        const first = checkAddress(chain, address);
        expect(first).toEqual(valid(chain, address, kind));
        if (first.valid) expect(checkAddress(chain, first.normalized)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  const replacement = fc.constantFrom(...new Set([...BITCOIN_ALPHABET, ...BECH32_CHARSET, ...'0OIl:xX ']));

  it('refuse any single substituted character when the whole address is checksummed', () => {
    fc.assert(
      fc.property(generatedAddress, fc.nat(), replacement, ({ chain, address, checksummed }, at, ch) => {
        const i = at % address.length;
        fc.pre(checksummed && address[i] !== ch);
        const changed = address.slice(0, i) + ch + address.slice(i + 1);
        expect(checkAddress(chain, changed).valid).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('are valid on every other chain only where the address formats coincide, else named as wrong chain', () => {
    fc.assert(
      fc.property(generatedAddress, fc.constantFrom(...SUPPORTED_CHAINS), ({ chain, address }, other) => {
        const result = checkAddress(other, address);
        if (!result.valid) expect(result.belongsTo).toContain(chain);
      }),
      { numRuns: 500 },
    );
  });
});
