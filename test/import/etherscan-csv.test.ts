import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hex } from '../../db/chains/text';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import {
  assertImportsAnything,
  BINANCE,
  dumpWorkspace,
  EXPLOITER,
  fileContents,
  HARMONY,
  importFixture,
  refusedImport,
  RONIN,
  rowCount,
  storedTransfers,
  TORNADO,
  writeFile,
} from '../helpers/import-check';

const TRANSACTIONS = importFixture('etherscan', 'ronin-exploiter-transactions.csv');
const MULTICHAIN = importFixture('etherscan', 'transactions-multichain.csv');
const TOKENS = importFixture('etherscan', 'ronin-exploiter-tokens.csv');
const BINANCE_TOKENS = importFixture('etherscan', 'binance-tokens.csv');

const USDT = '0xdAC17F958D2ee523a2206206994597C13D831ec7';

/** The fixtures' made-up tx hashes: SHA-256 of a name. */
const tx = (name: string) => `0x${createHash('sha256').update(name).digest('hex')}`;

/** The index the importer gives a token transfer: 1 + 48 bits of SHA-256(contract|from|to|amount|k). */
function tokenIndex(contract: string, from: string, to: string, amount: string, k = 0): number {
  return 1 + createHash('sha256').update(`${contract}|${from}|${to}|${amount}|${k}`).digest().readUIntBE(0, 6);
}

describe('Etherscan CSV import', () => {
  it("reads an address's transactions export: whole ETH to exact wei, failed and valueless ones skipped", async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, TRANSACTIONS);
    // 11 rows: 5 transfers, 2 skipped with a warning (not records: they carry no transfer), 4 refused.
    expect(report).toMatchObject({ format: 'etherscan-csv', read: 9, inserted: 5, duplicates: 0, rejected: 4 });
    expect(report.errors).toEqual([
      {
        file: TRANSACTIONS,
        line: 8,
        reason: 'Value_IN: amount 0.0000000000000000001 has more decimals than ETH has (18)',
      },
      {
        file: TRANSACTIONS,
        line: 9,
        reason: 'From: wrong length (39 hex digits, expected 40): 0x098b716b8aaf21512996dc57eb0615e2383e2f9',
      },
      { file: TRANSACTIONS, line: 10, reason: 'missing time' },
      { file: TRANSACTIONS, line: 12, reason: 'Value_IN and Value_OUT are both set and differ' },
    ]);
    expect(report.warnings).toEqual([
      { file: TRANSACTIONS, line: 4, reason: 'failed transaction (Status or ErrCode set): skipped, it moved no value' },
      { file: TRANSACTIONS, line: 5, reason: 'no ETH moved (a contract call): skipped' },
    ]);
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
      ['ETH', tx('tornado-1'), 0, 1649063607, 14517090, EXPLOITER, TORNADO, 'ETH', '100000000000000000000'],
      // A contract creation: no To, the value goes to the new contract.
      [
        'ETH',
        tx('create'),
        0,
        1649066000,
        14517300,
        EXPLOITER,
        '0x53b6936513e738f44FB50d2b9476730C0Ab3Bfc1',
        'ETH',
        '500000000000000000',
      ],
      ['ETH', tx('self'), 0, 1649067000, 14517400, EXPLOITER, EXPLOITER, 'ETH', '10000000000000000'],
      ['ETH', tx('grouped'), 0, 1649071000, 14517800, HARMONY, EXPLOITER, 'ETH', '1250500000000000000000'],
    ]);
  });

  it('reads the newer header, picks the chain from ChainId, and overlaps with the older export', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, TRANSACTIONS);
    const report = await importFile(db, MULTICHAIN);
    expect(report).toMatchObject({ format: 'etherscan-csv', read: 3, inserted: 1, duplicates: 1, rejected: 1 });
    expect(report.errors).toEqual([{ file: MULTICHAIN, line: 4, reason: 'ChainId 999 is not a supported chain' }]);
    expect(storedTransfers(db).at(-1)).toEqual([
      'ARB',
      tx('arbitrum'),
      0,
      1649100000,
      80000000,
      EXPLOITER,
      BINANCE,
      'ETH',
      '12250000000000000000',
    ]);
  });

  it('reads the token-transfer export with decimals from the assets table, beyond 64 bits', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, TOKENS);
    expect(report).toMatchObject({ format: 'etherscan-csv', read: 7, inserted: 5, duplicates: 0, rejected: 2 });
    expect(report.errors).toEqual([
      {
        file: TOKENS,
        line: 6,
        reason:
          'unknown token contract 0x3845badade8e6dff049820680d1f14bd3903a5d0 (SAND) on ETH: its decimals are not in the workspace',
      },
      { file: TOKENS, line: 7, reason: 'amount 0.0000001 has more decimals than USDT has (6)' },
    ]);
    const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    const dai = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
    expect(storedTransfers(db)).toEqual([
      [
        'ETH',
        '0xed2c72ef1a552ddaec6dd1f5cddf0b59a8f37f82bdda5257d9c7c37db7bb9b08',
        tokenIndex(usdc, RONIN, EXPLOITER, '25500000000000'),
        1648045696,
        14442840,
        RONIN,
        EXPLOITER,
        'USDC',
        '25500000000000',
      ],
      [
        'ETH',
        tx('usdt-out'),
        tokenIndex(USDT, EXPLOITER, BINANCE, '1000500000'),
        1649073000,
        14517950,
        EXPLOITER,
        BINANCE,
        'USDT',
        '1000500000',
      ],
      // The same transfer twice in one transaction is two transfers.
      [
        'ETH',
        tx('usdt-pair'),
        tokenIndex(USDT, EXPLOITER, HARMONY, '250000000', 0),
        1649074000,
        14518000,
        EXPLOITER,
        HARMONY,
        'USDT',
        '250000000',
      ],
      [
        'ETH',
        tx('usdt-pair'),
        tokenIndex(USDT, EXPLOITER, HARMONY, '250000000', 1),
        1649074000,
        14518000,
        EXPLOITER,
        HARMONY,
        'USDT',
        '250000000',
      ],
      [
        'ETH',
        tx('dai'),
        tokenIndex(dai, HARMONY, EXPLOITER, '123456789012345678901234567890'),
        1649077000,
        14518300,
        HARMONY,
        EXPLOITER,
        'DAI',
        '123456789012345678901234567890',
      ],
    ]);
  });

  it("gives a token transfer the same index in every address's export, so exports overlap as duplicates", async () => {
    const { db } = openDb(':memory:');
    await importFile(db, TOKENS);
    const report = await importFile(db, BINANCE_TOKENS);
    expect(report).toMatchObject({ read: 2, inserted: 1, duplicates: 1, rejected: 0 });
    expect(rowCount(db, 'transfers')).toBe(6);
  });

  it('adds nothing when the exports are imported again', async () => {
    const { db } = openDb(':memory:');
    const files = [TRANSACTIONS, MULTICHAIN, TOKENS, BINANCE_TOKENS];
    for (const file of files) await importFile(db, file);
    const before = dumpWorkspace(db);
    for (const file of files) expect((await importFile(db, file)).inserted).toBe(0);
    expect(dumpWorkspace(db)).toBe(before);
  });

  it('refuses a file that is no Etherscan export as a whole', async () => {
    const { db } = openDb(':memory:');
    const before = dumpWorkspace(db);
    const refusal = async (content: string) => {
      const error = await refusedImport(writeFile('export.csv', content), { format: 'etherscan-csv' }, db);
      return [error.line, error.reason];
    };
    expect(await refusal('"Txhash","Blockno","UnixTimestamp","From","To","Quantity"\n')).toEqual([
      1,
      'not an Etherscan export: no Value_IN(…)/Value_OUT(…) columns and no TokenValue column',
    ]);
    expect(
      await refusal(
        '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","ParentTxFrom","ParentTxTo","ParentTxETH_Value","From","TxTo","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)"\n',
      ),
    ).toEqual([1, "Etherscan's internal-transactions export is not supported"]);
    expect(
      await refusal('"Txhash","Blockno","UnixTimestamp","From","To","Value_IN(DOGE)","Value_OUT(DOGE)"\n'),
    ).toEqual([1, 'values are in DOGE, a coin of no supported chain']);
    expect(await refusal('')).toEqual([1, 'empty file: an Etherscan export starts with a header']);
    expect(dumpWorkspace(db)).toBe(before);
  });
});

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => `0x${hex(b)}`);

/** A transactions or token-transfer export that is valid throughout. */
const validExport = fc.oneof(
  fc
    .array(
      fc.record({
        hash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
        time: fc.integer({ min: 1438269973, max: 1900000000 }),
        from: address,
        to: address,
        wei: fc.bigInt({ min: 0n, max: 1n << 90n }),
        incoming: fc.boolean(),
        failed: fc.boolean(),
      }),
      { maxLength: 8 },
    )
    .map((rows) =>
      [
        '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)","CurrentValue @ $1/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth","Status","ErrCode","Method"',
        ...rows.map((r) => {
          const eth = `${r.wei / 10n ** 18n}.${(r.wei % 10n ** 18n).toString().padStart(18, '0')}`;
          const [valueIn, valueOut] = r.incoming ? [eth, '0'] : ['0', eth];
          const status = r.failed ? ['Error(0)', 'Reverted'] : ['', ''];
          return [`0x${hex(r.hash)}`, '1', String(r.time), '', r.from, r.to, '', valueIn, valueOut, '', '', '', '']
            .concat(status, ['Transfer'])
            .map((v) => `"${v}"`)
            .join(',');
        }),
      ].join('\n'),
    ),
  fc
    .array(
      fc.record({
        hash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
        from: address,
        to: address,
        units: fc.bigInt({ min: 0n, max: 1n << 60n }),
        token: fc.constantFrom(
          { contract: '0xdac17f958d2ee523a2206206994597c13d831ec7', decimals: 6 },
          { contract: '0x6b175474e89094c44da98b954eedeac495271d0f', decimals: 18 },
        ),
      }),
      { maxLength: 8 },
    )
    .map((rows) =>
      [
        '"Transaction Hash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","TokenValue","USDValueDayOfTx","ContractAddress","TokenName","TokenSymbol"',
        ...rows.map((r) => {
          const { contract, decimals } = r.token;
          const scale = 10n ** BigInt(decimals);
          const value = `${r.units / scale}.${(r.units % scale).toString().padStart(decimals, '0')}`;
          return [`0x${hex(r.hash)}`, '1', '1649073000', '', r.from, r.to, value, '', contract, '', '']
            .map((v) => `"${v}"`)
            .join(',');
        }),
      ].join('\n'),
    ),
);

describe('Etherscan CSV import of anything', () => {
  it('ends in a report or a whole-file refusal that leaves the workspace as it was', async () => {
    const { db } = openDb(':memory:');
    const pieces = [
      '"Txhash","Blockno","UnixTimestamp","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)","Status","ErrCode"\n',
      '"Transaction Hash","Blockno","UnixTimestamp","From","To","TokenValue","ContractAddress","ChainId"\n',
      `"0x${'cd'.repeat(32)}",`,
      '"14517090",',
      '"1649063607",',
      `"${EXPLOITER.toLowerCase()}",`,
      `"${TORNADO}",`,
      `"${USDT.toLowerCase()}",`,
      '"1,250.5",',
      '"0.000000000000000001",',
      '"Error(0)",',
      '"42161"',
      '\n',
      '"',
      ',',
    ];
    await assertImportsAnything(db, fileContents(validExport, pieces), 'export.csv', { format: 'etherscan-csv' }, 150);
  });
});
