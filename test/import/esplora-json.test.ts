import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hex } from '../../db/chains/text';
import { readJsonValues } from '../../db/import/json-objects';
import { importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import {
  assertImportsAnything,
  fileContents,
  importAgain,
  importFixture,
  rowCount,
  writeFile,
} from '../helpers/import-check';
import { btcAddress } from './generators';

const ADDRESS_TXS = importFixture('esplora', 'address-txs.json');
const ONE_TX = importFixture('esplora', 'tx.json');
const JSON_LINES = importFixture('esplora', 'txs.jsonl');

const GENESIS = '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b';
/** Made-up transaction ids in the fixtures: SHA-256 of a name (here 'lazarus-a'). */
const LAZARUS_A = '0dbfbadfdaf8ebd0ae98a1a55419ca9afe1e9aa1b429bdfe751bc7cfd357b6f2';

function utxoTxs(db: Db) {
  return db.prepare('SELECT tx_hash, time, block FROM utxo_txs ORDER BY id').raw().all();
}

function coins(db: Db, table: 'utxo_inputs' | 'utxo_outputs', txid: string) {
  const extra = table === 'utxo_inputs' ? ', c.prev_tx, c.prev_vout' : '';
  return db
    .prepare(
      `SELECT c.n, a.address, c.value${extra} FROM ${table} c JOIN utxo_txs t ON t.id = c.tx_id
         LEFT JOIN addresses a ON a.id = c.address_id WHERE t.tx_hash = ? ORDER BY c.n`,
    )
    .raw()
    .all(txid);
}

describe('Esplora JSON import', () => {
  it('stores confirmed transactions with their inputs and outputs, and refuses the others with a reason', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, ADDRESS_TXS);
    expect(report).toMatchObject({ format: 'esplora-json', read: 7, inserted: 3, duplicates: 0, rejected: 4 });
    expect(report.errors.map((e) => [e.file, e.line, e.reason])).toEqual([
      [
        ADDRESS_TXS,
        70,
        'tx c78a686d7cf5224908a78db81aad8ee8bc987f4b2bab7eceebae29bfad601c58: unconfirmed transaction (no block time): import it once it is in a block',
      ],
      [
        ADDRESS_TXS,
        107,
        'tx dda3b8f70cc2f39158ea87615793414c869214e6d514695afb10eda3dea7156b: outputs exceed inputs (100001 > 100000 sat)',
      ],
      [
        ADDRESS_TXS,
        147,
        'tx 2c0f0f4581aa813bfe2ea2128451ab86cee6b7442e17879e939751c9aa893859: output 0: value 1.5 is not a satoshi amount (an integer up to 21M BTC)',
      ],
      [
        ADDRESS_TXS,
        227,
        'tx 9d0a8765cd45fb2a151b7c1bb706c6ac37344299adf4a85c529bdad1c1d2c2d3: input 0: bad checksum: 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYaK',
      ],
    ]);
    const taproot = '08d7531fb326df04e2a56b7a71bb617d36ddd285b8726d03959c511a62a25bf1';
    expect(utxoTxs(db)).toEqual([
      [LAZARUS_A, 1523000000, 520000],
      [taproot, 1708000000, 830000],
      [GENESIS, 1231006505, 0],
    ]);
    expect(coins(db, 'utxo_inputs', LAZARUS_A)).toEqual([
      [0, '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak', '150000000', expect.stringMatching(/^[0-9a-f]{64}$/), 0],
      [1, '15YK647qtoZQDzNrvY6HJL6QwXduLHfT28', '2500000000', expect.stringMatching(/^[0-9a-f]{64}$/), 3],
    ]);
    // The OP_RETURN output has no address.
    expect(coins(db, 'utxo_outputs', LAZARUS_A)).toEqual([
      [0, 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', '2600000000'],
      [1, null, '0'],
      [2, '3F2sZ4jbhvDKQdGbHYPC6ZxFXEau2m5Lqj', '49980000'],
    ]);
    // Nearly all 21 million BTC in one input, in satoshi, exactly.
    expect(coins(db, 'utxo_outputs', taproot)).toEqual([
      [0, 'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', '2099999997680000'],
    ]);
    // The genesis coinbase: no input rows, and a pay-to-pubkey output Esplora gives no address.
    expect(coins(db, 'utxo_inputs', GENESIS)).toEqual([]);
    expect(coins(db, 'utxo_outputs', GENESIS)).toEqual([[0, null, '5000000000']]);
  });

  it('reads one transaction object, and adds nothing it already has', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, ADDRESS_TXS);
    await importAgain(db, ONE_TX, { read: 1, inserted: 0, duplicates: 1, rejected: 0 });
    await importAgain(db, ADDRESS_TXS, { read: 7, inserted: 0, duplicates: 3, rejected: 4 });
  });

  it('reads JSON Lines, refusing a broken line, text that is no JSON, and an object cut off by the end', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, JSON_LINES);
    expect(report).toMatchObject({ format: 'esplora-json', read: 5, inserted: 2, duplicates: 0, rejected: 3 });
    expect(report.errors).toEqual([
      { file: JSON_LINES, line: 2, reason: expect.stringMatching(/^object 2: not valid JSON: /) },
      { file: JSON_LINES, line: 3, reason: 'object 3: not a JSON object: oops, a note pasted into the file' },
      { file: JSON_LINES, line: 5, reason: 'object 5: the file ends inside this object (truncated?)' },
    ]);
    expect(rowCount(db, 'utxo_txs')).toBe(2);
    expect(rowCount(db, 'utxo_outputs')).toBe(3);
  });
});

const txid = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(hex);

/** An Esplora transaction whose outputs never exceed its inputs. */
const esploraTx = fc
  .record({
    txid,
    time: fc.integer({ min: 1231006505, max: 2000000000 }),
    height: fc.nat({ max: 2_000_000 }),
    inputs: fc.array(fc.record({ txid, vout: fc.nat(), address: btcAddress, value: fc.nat({ max: 1e12 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    outputs: fc.array(fc.option(btcAddress, { nil: null }), { minLength: 1, maxLength: 4 }),
  })
  .map((t) => {
    const total = t.inputs.reduce((s, i) => s + i.value, 0);
    const share = Math.floor(total / t.outputs.length / 2);
    return {
      txid: t.txid,
      vin: t.inputs.map((i) => ({
        txid: i.txid,
        vout: i.vout,
        prevout: { scriptpubkey_address: i.address, value: i.value },
        is_coinbase: false,
      })),
      vout: t.outputs.map((a) => (a === null ? { value: 0 } : { scriptpubkey_address: a, value: share })),
      status: { confirmed: true, block_height: t.height, block_time: t.time },
    };
  });

const validFile = fc
  .tuple(fc.array(esploraTx, { maxLength: 6 }), fc.constantFrom('array', 'lines', 'pretty'))
  .map(([txs, shape]) => {
    if (shape === 'lines') return txs.map((t) => JSON.stringify(t)).join('\n');
    return shape === 'pretty' ? JSON.stringify(txs, null, 2) : JSON.stringify(txs);
  });

describe('the JSON splitter', () => {
  it('finds every value of an array, of JSON Lines, or of pretty-printed JSON, whatever the chunks', async () => {
    // Strings full of what the splitter must not mistake for structure: brackets, quotes, escapes, line breaks.
    const tricky = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', '\n', 'a', 'é', '😀'),
      maxLength: 12,
    });
    const value = fc.dictionary(
      fc.string({ maxLength: 4 }),
      fc.oneof(tricky, fc.array(tricky, { maxLength: 3 }), fc.integer()),
      {
        maxKeys: 4,
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { maxLength: 6 }),
        fc.constantFrom('array', 'lines', 'pretty'),
        fc.integer({ min: 1, max: 64 }),
        async (values, shape, chunkSize) => {
          const text =
            shape === 'lines'
              ? values.map((v) => JSON.stringify(v)).join('\n')
              : JSON.stringify(values, null, shape === 'pretty' ? 2 : undefined);
          const items = [];
          for await (const item of readJsonValues(writeFile('values.json', text), chunkSize)) items.push(item);
          expect(items.map((i) => (i.kind === 'value' ? i.value : i))).toEqual(values);
          if (shape === 'lines') expect(items.map((i) => i.line)).toEqual(values.map((_, n) => n + 1));
          expect(items.map((i) => i.bytesRead)).toEqual([...items.map((i) => i.bytesRead)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Esplora JSON import of anything', () => {
  it('ends in a report or a whole-file refusal that leaves the workspace as it was', async () => {
    const { db } = openDb(':memory:');
    const pieces = [
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '"',
      '\\',
      `"txid":"${'ab'.repeat(32)}"`,
      '"status":{"confirmed":true,"block_height":1,"block_time":1500000000}',
      '"vin":[{"txid":"' +
        'cd'.repeat(32) +
        '","vout":0,"prevout":{"value":5000,"scriptpubkey_address":"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"}}]',
      '"vout":[{"value":4000}]',
      '"is_coinbase":true',
      '"fee":1000',
    ];
    await assertImportsAnything(db, fileContents(validFile, pieces), 'txs.json', { format: 'esplora-json' }, 150);
  });
});
