/**
 * Transfers CSV: one transfer of an account chain (Ethereum and other EVM chains, TRON, XRP) per row.
 *
 * The first line is a header naming the columns, in any order and any case; columns it does not know are
 * ignored, with one warning. Fields may be quoted ("…", a doubled "" inside is a quote) and are trimmed.
 *
 *   chain    required  chain code: ETH, TRX, BSC, POLYGON, ARB, OP, BASE, AVAX, FTM, ETC, XRP (aliases such
 *                      as MATIC accepted); UTXO chains (BTC…) are imported as Esplora JSON instead
 *   tx_hash  required  64 hex digits, 0x optional; stored lower-case, with 0x on EVM chains and without elsewhere
 *   index    required  the transfer's position within its transaction, an integer ≥ 0 (for EVM: 0 for the
 *                      native value transfer, the log index + 1 for a token transfer, if nothing better is known)
 *   time     required  unix seconds (1700000000) or ISO-8601 with a zone (2023-11-14T22:13:20Z, …+09:00),
 *                      between 1970 and 2100; whole seconds
 *   block    optional  block number, an integer ≥ 0; empty when unknown
 *   from     required  sender address, checked with the chain's rules (EIP-55 checksum when mixed case)
 *   to       required  receiver address, likewise
 *   asset    required  the chain's coin or a token: its symbol (ETH, USDT) or its contract address; a token
 *                      must be in the workspace's assets table, which holds its decimals
 *   amount   required  in base units as an integer (wei: 1500000000000000000), or in whole units as a decimal
 *                      (1.5), never with more fractional digits than the asset has decimals; no exponent, no
 *                      sign, no thousands separators
 *
 * A transfer is identified by (chain, tx_hash, index): a row already in the workspace with the same values is a
 * duplicate, and one with different values is refused as a conflict. Rows are refused one by one with their
 * line and reason; a file that is not CSV, or whose header lacks a required column, is refused as a whole.
 */
import type { Db } from '../open';
import { AddressIds, type CheckedAddress } from './address-ids';
import { AssetLookup } from './asset-lookup';
import { csvLayout, firstCsvRecord, importCsvRows, type CsvLayout, type CsvRecord } from './csv';
import type { FormatImporter } from './formats';
import { enlargeCache } from './page-cache';
import type { ReportBuilder } from './report';
import { parseAmount, parseCount, parseTime, parseTxHash, Refused } from './values';

const REQUIRED = ['chain', 'tx_hash', 'index', 'time', 'from', 'to', 'asset', 'amount'] as const;
const OPTIONAL = ['block'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** Where each known column sits in a row; -1 for an optional column the file does not have. */
type Layout = CsvLayout<Column>;

function headerName(field: string): string {
  return field.trim().toLowerCase();
}

function layoutOf(file: string, header: CsvRecord, builder: ReportBuilder): Layout {
  return csvLayout(file, header, builder, {
    what: 'a transfers CSV',
    required: REQUIRED,
    optional: OPTIONAL,
    name: headerName,
  });
}

/** What a row of a transfers CSV means once every field has passed. */
export interface Transfer {
  chain: string;
  txHash: string;
  index: number;
  time: number;
  block: number | null;
  from: CheckedAddress;
  to: CheckedAddress;
  assetId: number;
  amount: string;
}

function field(fields: string[], at: number): string {
  return at < 0 ? '' : (fields[at] as string).trim();
}

function parseRow(fields: string[], layout: Layout, assets: AssetLookup, addresses: AddressIds): Transfer | Refused {
  if (fields.length !== layout.width) {
    return new Refused(`expected ${layout.width} fields as in the header, found ${fields.length}`);
  }
  const chain = assets.chain(field(fields, layout.chain));
  if (chain instanceof Refused) return chain;
  if (chain.model !== 'account') {
    return new Refused(`${chain.code} is a UTXO chain: import its transactions as Esplora JSON, not as transfers`);
  }
  const txHash = parseTxHash(field(fields, layout.tx_hash), chain.evm);
  if (txHash instanceof Refused) return txHash;
  const index = parseCount(field(fields, layout.index), 'index');
  if (index instanceof Refused) return index;
  const time = parseTime(field(fields, layout.time));
  if (time instanceof Refused) return time;
  const blockText = field(fields, layout.block);
  const block = blockText === '' ? null : parseCount(blockText, 'block');
  if (block instanceof Refused) return block;
  const from = addresses.check(chain.code, field(fields, layout.from));
  if (from instanceof Refused) return new Refused(`from: ${from.reason}`);
  const to = addresses.check(chain.code, field(fields, layout.to));
  if (to instanceof Refused) return new Refused(`to: ${to.reason}`);
  const asset = assets.find(chain, field(fields, layout.asset));
  if (asset instanceof Refused) return asset;
  const amount = parseAmount(field(fields, layout.amount), asset);
  if (amount instanceof Refused) return amount;
  return { chain: chain.code, txHash, index, time, block, from, to, assetId: asset.id, amount };
}

/**
 * Stores transfers keyed by (chain, tx hash, index). Shared with the Etherscan importer, whose rows become the
 * same transfers.
 */
export function transferWriter(db: Db, addresses: AddressIds, builder: ReportBuilder, sourceId: number) {
  const insert = db.prepare(`
    INSERT INTO transfers (chain, tx_hash, idx, time, block, from_id, to_id, asset_id, amount, source_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (chain, tx_hash, idx) DO NOTHING`);
  const stored = db.prepare(
    'SELECT time, block, from_id, to_id, asset_id, amount FROM transfers WHERE chain = ? AND tx_hash = ? AND idx = ?',
  );
  return (line: number, t: Transfer) => {
    const fromId = addresses.idOf(t.from);
    const toId = addresses.idOf(t.to);
    const info = insert.run(t.chain, t.txHash, t.index, t.time, t.block, fromId, toId, t.assetId, t.amount, sourceId);
    if (info.changes > 0) {
      builder.inserted += 1;
      return;
    }
    const old = stored.get(t.chain, t.txHash, t.index) as {
      time: number;
      block: number | null;
      from_id: number;
      to_id: number;
      asset_id: number;
      amount: string;
    };
    const differs = [
      old.time !== t.time && 'time',
      old.block !== t.block && 'block',
      old.from_id !== fromId && 'from',
      old.to_id !== toId && 'to',
      old.asset_id !== t.assetId && 'asset',
      old.amount !== t.amount && 'amount',
    ].filter(Boolean);
    if (differs.length === 0) builder.duplicates += 1;
    else {
      const what = differs.join(', ');
      builder.reject(line, `conflicts with the transfer already stored for its tx hash and index (differs in ${what})`);
    }
  };
}

export const transfersCsvImporter: FormatImporter = {
  format: 'transfers-csv',
  description: 'Transfers CSV (chain, tx_hash, index, time, from, to, asset, amount; see the column docs)',
  detect(extension, head) {
    if (extension !== '.csv') return false;
    const names = new Set((firstCsvRecord(head) ?? []).map(headerName));
    return REQUIRED.every((c) => names.has(c));
  },
  async run({ db, file, builder, source, progress }) {
    const assets = new AssetLookup(db);
    const addresses = new AddressIds(db);
    const write = transferWriter(db, addresses, builder, source.id);
    const restoreCache = enlargeCache(db);
    try {
      const rows = importCsvRows(
        file,
        progress,
        (header) => layoutOf(file, header, builder),
        'empty file: a transfers CSV starts with a header',
      );
      for await (const { layout, record } of rows) {
        builder.read += 1;
        const transfer = parseRow(record.fields, layout, assets, addresses);
        if (transfer instanceof Refused) builder.reject(record.line, transfer.reason);
        else write(record.line, transfer);
      }
    } finally {
      restoreCache();
    }
  },
};
