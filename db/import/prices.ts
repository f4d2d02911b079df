/**
 * Price CSV: USD per whole unit of an asset on a UTC day, with the header `asset,date,usd` (any order, any case).
 *
 *   asset  a coin by its symbol (BTC, ETH, BNB: the coin of the chain it is native to), or CHAIN:SYMBOL
 *          (ETH:USDT, ARB:ETH), or CHAIN:CONTRACT (ETH:0xdAC1…); the asset must be in the workspace
 *   date   YYYY-MM-DD, the UTC day
 *   usd    a plain decimal such as 43250.12: no sign, no exponent, no thousands separators
 *
 * Prices are stored as exact decimal text in one canonical spelling (no leading zeros but the one of 0.5, no
 * trailing zeros after the point), so 43250.10 and 43250.1 are the same price. A second price for the same
 * asset and day is a duplicate when equal, and refused as a conflict when not.
 */
import { findChain } from '../chains';
import type { Db } from '../open';
import { AssetLookup, type Asset } from './asset-lookup';
import { firstCsvRecord, importCsvRows, type CsvRecord } from './csv';
import type { FormatImporter } from './formats';
import { ImportFileError, type ReportBuilder } from './report';
import { Refused } from './values';

const COLUMNS = ['asset', 'date', 'usd'] as const;
type Layout = Record<(typeof COLUMNS)[number], number> & { width: number };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;

const columnName = (field: string) => field.trim().toLowerCase();

function layoutOf(file: string, header: CsvRecord, builder: ReportBuilder): Layout {
  const names = header.fields.map(columnName);
  const repeated = names.find((n, i) => (COLUMNS as readonly string[]).includes(n) && names.indexOf(n) !== i);
  if (repeated) throw new ImportFileError(file, header.line, `column ${repeated} appears twice in the header`);
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(
      file,
      header.line,
      `not a price CSV: the header lacks ${missing.join(', ')} (it needs ${COLUMNS.join(', ')})`,
    );
  }
  const extra = header.fields.filter((_, i) => !(COLUMNS as readonly string[]).includes(names[i] as string));
  if (extra.length > 0) {
    builder.warn(header.line, `columns ignored: ${extra.map((e) => e.trim().slice(0, 40) || '(unnamed)').join(', ')}`);
  }
  return { asset: names.indexOf('asset'), date: names.indexOf('date'), usd: names.indexOf('usd'), width: names.length };
}

export function parseDay(text: string): string | Refused {
  const m = DAY.exec(text);
  if (!m) return new Refused(`date must be YYYY-MM-DD (a UTC day): ${text.slice(0, 40) || '(empty)'}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Date.UTC reads years 0–99 as 1900–1999: the range check comes first.
  if (year < 1970 || year > 2100) return new Refused(`date ${text} is not between 1970 and 2100`);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    return new Refused(`no such day: ${text}`);
  }
  return text;
}

/** USD as canonical decimal text: 0043250.120 is 43250.12, 1.000 is 1. */
export function parseUsd(text: string): string | Refused {
  const m = DECIMAL.exec(text);
  if (m) {
    const whole = (m[1] as string).replace(/^0+(?=\d)/, '');
    const fraction = (m[2] ?? '').replace(/0+$/, '');
    return fraction === '' ? whole : `${whole}.${fraction}`;
  }
  const shown = text.slice(0, 40);
  if (text === '') return new Refused('missing usd');
  if (/^-\s*[\d.]/.test(text)) return new Refused(`negative price: ${shown}`);
  if (EXPONENT.test(text)) return new Refused(`usd in exponent notation: write the number out in full (${shown})`);
  return new Refused(`usd is not a decimal number: ${shown}`);
}

/**
 * An asset as a price file names it. A bare symbol is a chain's coin: the chain of that code when there is one
 * (ETH is Ethereum's, not Arbitrum's), else the only chain whose coin it is (BNB), else a chain alias whose coin
 * bears the chain's code (XBT). Tokens need their chain: USDT lives on several.
 */
export function assetResolver(db: Db) {
  const assets = new AssetLookup(db);
  const nativeChains = new Map<string, string[]>();
  const rows = db.prepare("SELECT chain, upper(symbol) AS symbol FROM assets WHERE contract = ''").all() as {
    chain: string;
    symbol: string;
  }[];
  for (const { chain, symbol } of rows) nativeChains.set(symbol, [...(nativeChains.get(symbol) ?? []), chain]);

  const nativeOf = (code: string): Asset | Refused => {
    const chain = assets.chain(code);
    return chain instanceof Refused ? chain : chain.native;
  };

  return (text: string): Asset | Refused => {
    if (text === '') return new Refused('missing asset');
    const colon = text.indexOf(':');
    if (colon >= 0) {
      const chain = assets.chain(text.slice(0, colon));
      return chain instanceof Refused ? chain : assets.find(chain, text.slice(colon + 1).trim());
    }
    const symbol = text.toUpperCase();
    const natives = nativeChains.get(symbol) ?? [];
    if (natives.includes(symbol)) return nativeOf(symbol);
    if (natives.length === 1) return nativeOf(natives[0] as string);
    if (natives.length > 1) {
      return new Refused(`${symbol} is the coin of several chains (${natives.join(', ')}): write CHAIN:${symbol}`);
    }
    const alias = findChain(symbol);
    if (alias && nativeChains.get(alias.id)?.includes(alias.id)) return nativeOf(alias.id);
    return new Refused(`unknown coin ${symbol.slice(0, 40)}: write a token with its chain (ETH:USDT, ETH:0x…)`);
  };
}

function field(fields: string[], at: number): string {
  return (fields[at] ?? '').trim();
}

export const pricesImporter: FormatImporter = {
  format: 'prices',
  description: 'Price CSV (asset, date, usd): USD per unit of an asset on a UTC day',
  detect(extension, head) {
    if (extension !== '.csv') return false;
    const names = (firstCsvRecord(head) ?? []).map(columnName);
    return COLUMNS.every((c) => names.includes(c));
  },
  async run({ db, file, builder, source, progress }) {
    const resolve = assetResolver(db);
    const insert = db.prepare(`
      INSERT INTO prices (asset_id, day, usd, source_id) VALUES (?, ?, ?, ?)
      ON CONFLICT (asset_id, day) DO NOTHING`);
    const stored = db.prepare('SELECT usd FROM prices WHERE asset_id = ? AND day = ?').pluck();
    const rows = importCsvRows(
      file,
      progress,
      (header) => layoutOf(file, header, builder),
      'empty file: a price CSV starts with a header',
    );
    for await (const { layout, record } of rows) {
      builder.read += 1;
      const { line, fields } = record;
      if (fields.length !== layout.width) {
        builder.reject(line, `expected ${layout.width} fields as in the header, found ${fields.length}`);
        continue;
      }
      const asset = resolve(field(fields, layout.asset));
      const day = parseDay(field(fields, layout.date));
      const usd = parseUsd(field(fields, layout.usd));
      if (asset instanceof Refused || day instanceof Refused || usd instanceof Refused) {
        builder.reject(line, [asset, day, usd].find((v) => v instanceof Refused)?.reason ?? '');
        continue;
      }
      const { id } = asset;
      if (insert.run(id, day, usd, source.id).changes > 0) {
        builder.inserted += 1;
        continue;
      }
      const old = stored.get(id, day) as string;
      if (old === usd) builder.duplicates += 1;
      else builder.reject(line, `conflicts with the price already stored (${old} USD)`);
    }
  },
};
