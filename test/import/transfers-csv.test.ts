import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../db/chains/evm';
import { hex } from '../../db/chains/text';
import { importFile } from '../../db/import/run';
import { parseAmount, parseTime, Refused } from '../../db/import/values';
import { openDb } from '../../db/open';
import {
  assertImportsAnything,
  BINANCE,
  EXPLOITER,
  fileContents,
  HARMONY,
  importAgain,
  importFixture,
  refusedImport,
  RONIN,
  rowCount,
  storedTransfers,
  TORNADO,
  writeFile,
} from '../helpers/import-check';

const TRANSFERS = importFixture('transfers', 'transfers.csv');

const refusal = (file: string) => refusedImport(file, { format: 'transfers-csv' });

describe('transfers CSV import', () => {
  it('stores every valid row exactly and reports every refused one with its line and reason', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, TRANSFERS);
    // 26 records on 28 lines (a blank line, a quoted note over two lines): 9 transfers, the ETH drain again
    // in other spellings, and 16 refused.
    expect(report).toMatchObject({ format: 'transfers-csv', read: 26, inserted: 9, duplicates: 1, rejected: 16 });
    expect(report.errors.map((e) => [e.file, e.line, e.reason])).toEqual(
      [
        [11, 'from: bad EIP-55 checksum: 0x098b716b8aaf21512996dc57eb0615e2383E2f96'],
        [12, 'amount 0.0000000000000000001 has more decimals than ETH has (18)'],
        [13, 'negative amount -5'],
        [14, 'time 2022-03-23T14:28:03 has no zone: add Z for UTC, or ±hh:mm'],
        [15, 'time 1648045683000 is not between 1970 and 2100 (milliseconds? give seconds)'],
        [16, 'unknown chain DOGE'],
        [17, 'BTC is a UTXO chain: import its transactions as Esplora JSON, not as transfers'],
        [
          18,
          'tx hash must be 64 hexadecimal digits after 0x: 0xf9b0078b5df596d2ea19010c001bbd009e651de2c57e8fb7e355f31eb9d3f73',
        ],
        [19, 'index must be a non-negative integer: -1'],
        [20, 'unknown asset FOO on ETH'],
        [21, 'expected 10 fields as in the header, found 9'],
        [22, 'conflicts with the transfer already stored for its tx hash and index (differs in amount)'],
        [
          23,
          'unknown token contract 0x0000000000000000000000000000000000000001 on ETH: its decimals are not in the workspace',
        ],
        [24, 'to: belongs to TRX, not ETH: TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG'],
        [25, 'amount is not a non-negative number: 1e18'],
        [29, 'index must be a non-negative integer: abc'],
      ].map(([line, reason]) => [TRANSFERS, line, reason]),
    );
    expect(report.warnings).toEqual([{ file: TRANSFERS, line: 1, reason: 'columns ignored: note' }]);

    expect(storedTransfers(db)).toEqual([
      [
        'ETH',
        '0xc28fad5e8d5e0ce6a2eaf67b6687be5d58113e16be590824d6cfa1a94467d0b7',
        0,
        1648045683,
        14442835,
        RONIN,
        EXPLOITER,
        'ETH',
        '173600000000000000000000',
      ],
      [
        'ETH',
        '0xed2c72ef1a552ddaec6dd1f5cddf0b59a8f37f82bdda5257d9c7c37db7bb9b08',
        1,
        1648045696,
        14442840,
        RONIN,
        EXPLOITER,
        'USDC',
        '25500000000000',
      ],
      [
        'ETH',
        '0xf89a11dd18c3925eab5c243b494f922b61217bb711232b841ce9a490b61d08c5',
        0,
        Date.parse('2022-04-04T09:13:27Z') / 1000,
        14517090,
        EXPLOITER,
        TORNADO,
        'ETH',
        '100000000000000000000',
      ],
      // Beyond 64 bits, digit for digit; lower-case addresses stored in their EIP-55 form.
      [
        'ETH',
        '0x2a21fe6d592a19b7de898b50eb53c429608de1a66f3e9f62da19714a770553d1',
        0,
        Date.parse('2022-04-04T09:20:00Z') / 1000,
        14517120,
        HARMONY,
        BINANCE,
        'ETH',
        '123456789012345678901234567890',
      ],
      [
        'ETH',
        '0xc1d60fe5815fb5b2d8eadc7c686a2ef228818eb63d14a58be0336c2d4dc3bb65',
        0,
        Date.parse('2022-03-23T15:12:00Z') / 1000,
        14443100,
        EXPLOITER,
        BINANCE,
        'ETH',
        '1500000000000000000',
      ],
      // TRON hashes are bare hex, stored lower-case; 1500.5 TRX in sun.
      [
        'TRX',
        '6cf0152471f123907259004ecdc9c0f135961f476d04c246071f7bf4c65e0c37',
        0,
        1654041600,
        null,
        'TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG',
        'TTKnV2S1295UrPr7N67Tp9ykNL7xX2Z4Uj',
        'TRX',
        '1500500000',
      ],
      [
        'TRX',
        '2182778d07aa22c75208a62c75f8a24c90f9b815215ef96e556a6732bfeea598',
        1,
        1654041600,
        41000000,
        'TTKnV2S1295UrPr7N67Tp9ykNL7xX2Z4Uj',
        'TRBACioxdrdsYEZHvJWiUDZcMdBPpEe5Ub',
        'USDT',
        '250000',
      ],
      [
        'ETH',
        '0xcd1634ef55b13679e59bae595cc026417dc9010738ea0a20ae3b694b54fa82fa',
        3,
        1649000000,
        null,
        BINANCE,
        HARMONY,
        'USDT',
        '1000000500000',
      ],
      [
        'ETH',
        '0x65468de0917c89a344239462c4a10e708ee1cad9e96f6481f5a0180a8edcb138',
        0,
        1649000015,
        14500015,
        HARMONY,
        TORNADO,
        'ETH',
        '42',
      ],
    ]);
    // Refused rows leave no addresses behind: only those of the 9 transfers are stored.
    expect(rowCount(db, 'addresses')).toBe(8);
    expect(db.prepare('SELECT file_name, read, inserted, duplicates, rejected FROM import_sources').get()).toEqual({
      file_name: 'transfers.csv',
      read: 26,
      inserted: 9,
      duplicates: 1,
      rejected: 16,
    });
  });

  it('adds nothing when the same file is imported again', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, TRANSFERS);
    await importAgain(db, TRANSFERS, { read: 26, inserted: 0, duplicates: 10, rejected: 16 });
  });

  it('refuses a file without the columns it needs, or that is not CSV, as a whole', async () => {
    const missing = importFixture('transfers', 'missing-amount.csv');
    expect(await refusal(missing)).toMatchObject({
      line: 1,
      reason:
        'not a transfers CSV: the header lacks amount (it needs chain, tx_hash, index, time, from, to, asset, amount)',
    });
    expect(await refusal(importFixture('transfers', 'unclosed-quote.csv'))).toMatchObject({
      line: 3,
      reason: 'not valid CSV: a quoted field is not closed',
    });
    expect(await refusal(writeFile('empty.csv', ''))).toMatchObject({
      line: 1,
      reason: 'empty file: a transfers CSV starts with a header',
    });
    expect(
      await refusal(writeFile('twice.csv', 'chain,tx_hash,index,time,from,to,asset,amount,Amount\n')),
    ).toMatchObject({ line: 1, reason: 'column amount appears twice in the header' });
  });

  it('detects the format from the header, in any column order', async () => {
    const { db } = openDb(':memory:');
    const file = writeFile(
      'flow.csv',
      `"amount","asset","to","from","time","index","tx_hash","chain"\n1,ETH,${TORNADO},${EXPLOITER},1649000000,0,0x${'ab'.repeat(32)},ETH\n`,
    );
    expect(await importFile(db, file)).toMatchObject({ format: 'transfers-csv', inserted: 1 });
  });
});

describe('amounts and times', () => {
  it('shifts a decimal into base units exactly, however many digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 200n) - 1n }),
        fc.integer({ min: 0, max: 36 }),
        (units, decimals) => {
          const text = units.toString().padStart(decimals + 1, '0');
          const whole = text.slice(0, text.length - decimals);
          const fraction = text.slice(text.length - decimals);
          const written = decimals === 0 ? whole : `${whole}.${fraction}`;
          expect(parseAmount(written, { symbol: 'X', decimals })).toBe(units.toString());
          // Integers are base units already, with or without leading zeros.
          expect(parseAmount(`00${units}`, null)).toBe(units.toString());
        },
      ),
    );
  });

  it('refuses what would round or does not fit any chain', () => {
    const eth = { symbol: 'ETH', decimals: 18 };
    expect(parseAmount('1.5', eth)).toBe('1500000000000000000');
    expect(parseAmount('1.5', null)).toEqual(
      new Refused("amount 1.5 is in whole units, and the asset's decimals are unknown"),
    );
    expect(parseAmount('1,000.5', eth)).toBeInstanceOf(Refused);
    expect(parseAmount('1,000.5', eth, { grouped: true })).toBe('1000500000000000000000');
    expect(parseAmount((1n << 256n).toString(), null)).toBeInstanceOf(Refused);
    expect(parseAmount(((1n << 256n) - 1n).toString(), null)).toBe(((1n << 256n) - 1n).toString());
  });

  it('reads unix seconds and ISO-8601 times with a zone, between 1970 and 2100', () => {
    expect(parseTime('0')).toBe(0);
    expect(parseTime('2022-03-23T14:28:03Z')).toBe(1648045683);
    expect(parseTime('2022-03-23 23:28:03+0900')).toBe(1648045683);
    expect(parseTime('2022-03-23T09:28:03.000-05:00')).toBe(1648045683);
    expect(parseTime('2022-02-29T00:00:00Z')).toEqual(
      new Refused('time 2022-02-29T00:00:00Z is not a valid date and time'),
    );
    expect(parseTime('0070-01-01T00:00:00Z')).toBeInstanceOf(Refused);
    expect(parseTime('2100-01-01T00:00:00Z')).toBeInstanceOf(Refused);
    expect(parseTime('2022-03-23T14:28:03.5Z')).toEqual(
      new Refused('time 2022-03-23T14:28:03.5Z has a fraction of a second'),
    );
  });
});

/** A transfers CSV that is valid throughout, in some column order and with quoting here and there. */
const validCsv = fc
  .record({
    order: fc.shuffledSubarray(['chain', 'tx_hash', 'index', 'time', 'block', 'from', 'to', 'asset', 'amount'], {
      minLength: 9,
    }),
    rows: fc.array(
      fc.record({
        hash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
        index: fc.nat({ max: 3 }),
        time: fc.integer({ min: 0, max: 4102444799 }),
        block: fc.option(fc.nat(), { nil: null }),
        from: fc.uint8Array({ minLength: 20, maxLength: 20 }),
        to: fc.uint8Array({ minLength: 20, maxLength: 20 }),
        checksummed: fc.boolean(),
        asset: fc.constantFrom('ETH', 'USDT', 'usdc', '0xdac17f958d2ee523a2206206994597c13d831ec7'),
        amount: fc.bigInt({ min: 0n, max: 1n << 100n }),
        quoted: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ order, rows }) => {
    const lines = rows.map((r) => {
      const address = (b: Uint8Array) => (r.checksummed ? toChecksumAddress(hex(b)) : `0x${hex(b)}`);
      const values: Record<string, string> = {
        chain: 'ETH',
        tx_hash: `0x${hex(r.hash)}`,
        index: String(r.index),
        time: r.quoted ? new Date(r.time * 1000).toISOString() : String(r.time),
        block: r.block === null ? '' : String(r.block),
        from: address(r.from),
        to: address(r.to),
        asset: r.asset,
        amount: r.amount.toString(),
      };
      return order.map((c) => (r.quoted ? `"${values[c]}"` : values[c])).join(',');
    });
    return [order.join(','), ...lines].join('\n') + '\n';
  });

describe('transfers CSV import of anything', () => {
  it('ends in a report or a whole-file refusal that leaves the workspace as it was', async () => {
    const { db } = openDb(':memory:');
    const pieces = [
      'chain,tx_hash,index,time,from,to,asset,amount\n',
      'ETH,',
      'TRX,',
      `0x${'ab'.repeat(32)},`,
      '0,',
      '1649000000,',
      '2022-03-23T14:28:03Z,',
      `${EXPLOITER},`,
      `${TORNADO.toLowerCase()},`,
      'ETH,',
      'USDT,',
      '1.5',
      '123456789012345678901234567890',
      '\n',
      '"',
      ',',
    ];
    await assertImportsAnything(db, fileContents(validCsv, pieces), 'transfers.csv', { format: 'transfers-csv' }, 150);
  });
});
