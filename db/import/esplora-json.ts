/**
 * Bitcoin transactions as Esplora's API returns them (GET /tx/:txid, GET /address/:address/txs): one
 * transaction object, a JSON array of them, or JSON Lines. From each: txid, status.block_time and
 * status.block_height, the inputs (vin[]: prevout.scriptpubkey_address and prevout.value, the spent txid:vout)
 * and the outputs (vout[]: scriptpubkey_address, value; an OP_RETURN or bare-script output has no address and
 * is stored without one). Values are satoshi integers. A coinbase transaction has no input rows.
 *
 * A transaction is refused whole, with its line and txid, when it is unconfirmed (no block time yet: import it
 * once mined), when a value is not an exact satoshi amount, when an address fails Bitcoin's rules, when an
 * input lacks the output it spends, or when its outputs exceed its inputs. A txid already in the workspace is a
 * duplicate. Esplora writes a whole array on one line, so reasons name the txid (or the object's position).
 */
import type { Db } from '../open';
import { AddressIds, type CheckedAddress } from './address-ids';
import type { FormatImporter } from './formats';
import { readJsonValues } from './json-objects';
import { enlargeCache } from './page-cache';
import { MAX_TIME, Refused } from './values';

const CHAIN = 'BTC';
/** 21 million BTC: no output or input holds more. */
const MAX_SATOSHI = 2_100_000_000_000_000;
const TXID = /^[0-9a-fA-F]{64}$/;

interface Coin {
  address: CheckedAddress | null;
  value: number;
}

interface UtxoTx {
  txid: string;
  time: number;
  block: number | null;
  inputs: (Coin & { prevTx: string; prevVout: number })[];
  outputs: Coin[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function satoshi(value: unknown, where: string): number | Refused {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SATOSHI) return value;
  return new Refused(
    `${where}: value ${String(value).slice(0, 40)} is not a satoshi amount (an integer up to 21M BTC)`,
  );
}

function addressOf(
  owner: Record<string, unknown>,
  where: string,
  addresses: AddressIds,
): CheckedAddress | null | Refused {
  const raw = owner.scriptpubkey_address;
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return new Refused(`${where}: scriptpubkey_address is not text`);
  const address = addresses.check(CHAIN, raw);
  return address instanceof Refused ? new Refused(`${where}: ${address.reason}`) : address;
}

function parseTx(value: unknown, addresses: AddressIds): UtxoTx | Refused {
  if (!isObject(value)) return new Refused('not a transaction object');
  const { txid, status, vin, vout } = value;
  if (typeof txid !== 'string' || !TXID.test(txid)) return new Refused('txid must be 64 hexadecimal digits');
  if (!isObject(status)) return new Refused('no status: is this an Esplora transaction?');
  const time = status.block_time;
  if (status.confirmed === false || time === undefined || time === null) {
    return new Refused('unconfirmed transaction (no block time): import it once it is in a block');
  }
  if (typeof time !== 'number' || !Number.isInteger(time) || time < 0 || time >= MAX_TIME) {
    return new Refused(`status.block_time ${String(time).slice(0, 40)} is not unix seconds between 1970 and 2100`);
  }
  const height = status.block_height;
  const block = height === undefined || height === null ? null : height;
  if (block !== null && (typeof block !== 'number' || !Number.isSafeInteger(block) || block < 0)) {
    return new Refused(`status.block_height ${String(block).slice(0, 40)} is not a block number`);
  }
  if (!Array.isArray(vin) || vin.length === 0) return new Refused('vin must be a non-empty list of inputs');
  if (!Array.isArray(vout) || vout.length === 0) return new Refused('vout must be a non-empty list of outputs');

  const coinbase = vin.length === 1 && isObject(vin[0]) && (vin[0].is_coinbase === true || 'coinbase' in vin[0]);
  const inputs: UtxoTx['inputs'] = [];
  if (!coinbase) {
    for (const [n, input] of vin.entries()) {
      const where = `input ${n}`;
      if (!isObject(input)) return new Refused(`${where} is not an object`);
      if (input.is_coinbase === true) return new Refused(`${where} is a coinbase input beside others`);
      if (typeof input.txid !== 'string' || !TXID.test(input.txid)) {
        return new Refused(`${where}: txid must be 64 hexadecimal digits`);
      }
      if (typeof input.vout !== 'number' || !Number.isSafeInteger(input.vout) || input.vout < 0) {
        return new Refused(`${where}: vout must be an output number`);
      }
      if (!isObject(input.prevout)) return new Refused(`${where} has no prevout: the value it spends is unknown`);
      const coinValue = satoshi(input.prevout.value, where);
      if (coinValue instanceof Refused) return coinValue;
      const address = addressOf(input.prevout, where, addresses);
      if (address instanceof Refused) return address;
      inputs.push({ address, value: coinValue, prevTx: input.txid.toLowerCase(), prevVout: input.vout });
    }
  }
  const outputs: Coin[] = [];
  for (const [n, output] of vout.entries()) {
    const where = `output ${n}`;
    if (!isObject(output)) return new Refused(`${where} is not an object`);
    const coinValue = satoshi(output.value, where);
    if (coinValue instanceof Refused) return coinValue;
    const address = addressOf(output, where, addresses);
    if (address instanceof Refused) return address;
    outputs.push({ address, value: coinValue });
  }

  // Sums in BigInt: thousands of inputs of a hostile file could pass 2^53.
  const sumOut = outputs.reduce((sum, o) => sum + BigInt(o.value), 0n);
  if (!coinbase) {
    const sumIn = inputs.reduce((sum, i) => sum + BigInt(i.value), 0n);
    if (sumOut > sumIn) return new Refused(`outputs exceed inputs (${sumOut} > ${sumIn} sat)`);
    const fee = value.fee;
    if (
      fee !== undefined &&
      !(typeof fee === 'number' && Number.isSafeInteger(fee) && BigInt(fee) === sumIn - sumOut)
    ) {
      return new Refused(`fee ${String(fee).slice(0, 40)} is not inputs − outputs (${sumIn - sumOut} sat)`);
    }
  }
  return { txid: txid.toLowerCase(), time, block, inputs, outputs };
}

function utxoWriter(db: Db, addresses: AddressIds, sourceId: number) {
  const tx = db.prepare(`
    INSERT INTO utxo_txs (chain, tx_hash, time, block, source_id) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (chain, tx_hash) DO NOTHING`);
  const input = db.prepare(
    'INSERT INTO utxo_inputs (tx_id, n, address_id, value, prev_tx, prev_vout) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const output = db.prepare('INSERT INTO utxo_outputs (tx_id, n, address_id, value) VALUES (?, ?, ?, ?)');
  const id = (address: CheckedAddress | null) => (address === null ? null : addresses.idOf(address));
  /** Whether the transaction is new. */
  return (t: UtxoTx): boolean => {
    const info = tx.run(CHAIN, t.txid, t.time, t.block, sourceId);
    if (info.changes === 0) return false;
    const txId = Number(info.lastInsertRowid);
    for (const [n, i] of t.inputs.entries()) input.run(txId, n, id(i.address), String(i.value), i.prevTx, i.prevVout);
    for (const [n, o] of t.outputs.entries()) output.run(txId, n, id(o.address), String(o.value));
    return true;
  };
}

/** How a refused transaction is named: by txid where it has one, since a whole array often sits on one line. */
function named(value: unknown, position: number): string {
  if (isObject(value) && typeof value.txid === 'string' && value.txid.length <= 80) return `tx ${value.txid}`;
  return `object ${position}`;
}

export const esploraJsonImporter: FormatImporter = {
  format: 'esplora-json',
  description: 'Bitcoin transactions from Esplora (JSON: /tx/:txid, /address/:address/txs, or JSON Lines)',
  detect: (extension, head) =>
    ['.json', '.jsonl', '.ndjson'].includes(extension) &&
    /"txid"\s*:/.test(head) &&
    /"vin"\s*:/.test(head) &&
    /"vout"\s*:/.test(head),
  async run({ db, file, builder, source, progress }) {
    const addresses = new AddressIds(db);
    const write = utxoWriter(db, addresses, source.id);
    const restoreCache = enlargeCache(db);
    try {
      let position = 0;
      for await (const item of readJsonValues(file)) {
        progress(item.bytesRead);
        builder.read += 1;
        position += 1;
        if (item.kind === 'invalid') {
          builder.reject(item.line, `object ${position}: ${item.reason}`);
          continue;
        }
        const tx = parseTx(item.value, addresses);
        if (tx instanceof Refused) builder.reject(item.line, `${named(item.value, position)}: ${tx.reason}`);
        else if (write(tx)) builder.inserted += 1;
        else builder.duplicates += 1;
      }
    } finally {
      restoreCache();
    }
  },
};
