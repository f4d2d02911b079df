/**
 * Etherscan's "Download CSV Export" of an address: the transactions export ("Txhash" or "Transaction Hash",
 * "Blockno", "UnixTimestamp", "From", "To", "ContractAddress", "Value_IN(ETH)", "Value_OUT(ETH)", "Status",
 * "ErrCode", …) and the token-transfer export (… "TokenValue", "ContractAddress", "TokenName", "TokenSymbol").
 * Both header spellings Etherscan has used are read, columns are found by name, and the others (prices, fees,
 * DateTime, Method) are ignored. The explorers built like Etherscan export the same columns: the coin named in
 * Value_IN(…) picks the chain (BNB: BSC, POL or MATIC: POLYGON, AVAX, FTM, ETC), and a ChainId column, where
 * there is one, decides per row. Arbiscan, Optimistic Etherscan and Basescan write Value_IN(ETH) too and carry
 * no ChainId: their files read as Ethereum.
 *
 * Values are decimals in whole units and become exact base units with the asset's decimals: the coin's (18 for
 * ETH), and a token's from the workspace's assets table by contract; a token the workspace does not know is
 * refused, since its decimals are unknown. Failed transactions (Status or ErrCode set) moved no value and are
 * skipped with a warning, as are transactions that moved none (contract calls).
 *
 * The exports carry no log index, so each row gets a deterministic one: 0 for a transaction's coin value; for a
 * token transfer 1 + a 48-bit number from the SHA-256 of (contract, from, to, amount, k), k counting the same
 * transfer earlier in the rows of that transaction. The index is the same whichever address's export the row
 * comes from, so exports of several addresses of one flow overlap as duplicates, and re-importing adds nothing.
 */
import { createHash } from 'node:crypto';
import { AddressIds } from './address-ids';
import { AssetLookup, type ChainInfo } from './asset-lookup';
import { firstCsvRecord, importCsvRows, type CsvRecord } from './csv';
import type { FormatImporter } from './formats';
import { enlargeCache } from './page-cache';
import { ImportFileError } from './report';
import { transferWriter, type Transfer } from './transfers-csv';
import { parseAmount, parseCount, parseTime, parseTxHash, Refused } from './values';

/** A header name without case, spaces or punctuation: "Transaction Hash" and "Txhash" differ only in words. */
function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const COLUMN_KEYS = {
  hash: ['txhash', 'transactionhash'],
  block: ['blockno', 'blocknumber'],
  time: ['unixtimestamp'],
  from: ['from'],
  to: ['to'],
  contract: ['contractaddress'],
  status: ['status'],
  errCode: ['errcode'],
  chainId: ['chainid'],
  tokenValue: ['tokenvalue'],
  tokenSymbol: ['tokensymbol'],
} as const;
type Column = keyof typeof COLUMN_KEYS;

/** The coin an explorer names in Value_IN(…), and the chain it belongs to. */
const CHAIN_OF_COIN: Record<string, string> = {
  ETH: 'ETH',
  BNB: 'BSC',
  POL: 'POLYGON',
  MATIC: 'POLYGON',
  AVAX: 'AVAX',
  FTM: 'FTM',
  ETC: 'ETC',
};

/** EIP-155 chain ids of the supported EVM chains. */
const CHAIN_OF_ID: Record<string, string> = {
  '1': 'ETH',
  '10': 'OP',
  '56': 'BSC',
  '61': 'ETC',
  '137': 'POLYGON',
  '250': 'FTM',
  '8453': 'BASE',
  '42161': 'ARB',
  '43114': 'AVAX',
};

interface Layout {
  kind: 'transactions' | 'tokens';
  at: Record<Column, number>;
  valueIn: number;
  valueOut: number;
  width: number;
  /** The chain of rows without a ChainId. */
  chain: string;
}

const VALUE = /^value_(in|out)\(([a-z]+)\)$/i;

function layoutOf(names: string[]): Layout | string {
  const keys = names.map(key);
  const at = {} as Record<Column, number>;
  for (const [column, spellings] of Object.entries(COLUMN_KEYS) as [Column, readonly string[]][]) {
    at[column] = keys.findIndex((k) => spellings.includes(k));
  }
  if (keys.includes('parenttxfrom')) return "Etherscan's internal-transactions export is not supported";
  const valueIn = names.findIndex((n) => VALUE.exec(n.trim())?.[1]?.toLowerCase() === 'in');
  const valueOut = names.findIndex((n) => VALUE.exec(n.trim())?.[1]?.toLowerCase() === 'out');
  const kind = at.tokenValue >= 0 ? 'tokens' : valueIn >= 0 && valueOut >= 0 ? 'transactions' : null;
  if (kind === null) return 'not an Etherscan export: no Value_IN(…)/Value_OUT(…) columns and no TokenValue column';
  const needed: Column[] = ['hash', 'block', 'time', 'from', 'to', ...(kind === 'tokens' ? ['contract' as const] : [])];
  const missing = needed.filter((c) => at[c] < 0);
  if (missing.length > 0) return `not an Etherscan export: the header lacks ${missing.join(', ')}`;
  const coin = (VALUE.exec(names[valueIn]?.trim() ?? '')?.[2] ?? 'ETH').toUpperCase();
  const chain = CHAIN_OF_COIN[coin];
  if (chain === undefined) return `values are in ${coin}, a coin of no supported chain`;
  return { kind, at, valueIn, valueOut, width: names.length, chain };
}

/** The token transfers of the current transaction, for the k of identical ones. */
interface TxSeen {
  hash: string;
  counts: Map<string, number>;
}

function tokenIndex(seen: TxSeen, txHash: string, content: string): number {
  if (seen.hash !== txHash) {
    seen.hash = txHash;
    seen.counts.clear();
  }
  const k = seen.counts.get(content) ?? 0;
  seen.counts.set(content, k + 1);
  const digest = createHash('sha256').update(`${content}|${k}`).digest();
  return 1 + digest.readUIntBE(0, 6);
}

type Row = Transfer | { skip: string } | Refused;

interface Lookups {
  assets: AssetLookup;
  addresses: AddressIds;
  seen: TxSeen;
}

function chainOf(fields: string[], layout: Layout, assets: AssetLookup): ChainInfo | Refused {
  const id = layout.at.chainId >= 0 ? (fields[layout.at.chainId] as string).trim() : '';
  const code = id === '' ? layout.chain : CHAIN_OF_ID[id];
  if (code === undefined) return new Refused(`ChainId ${id.slice(0, 20)} is not a supported chain`);
  return assets.chain(code);
}

function parseRow(fields: string[], layout: Layout, { assets, addresses, seen }: Lookups): Row {
  if (fields.length !== layout.width) {
    return new Refused(`expected ${layout.width} fields as in the header, found ${fields.length}`);
  }
  const get = (at: number) => (at < 0 ? '' : (fields[at] as string).trim());
  const { at } = layout;
  const chain = chainOf(fields, layout, assets);
  if (chain instanceof Refused) return chain;
  const txHash = parseTxHash(get(at.hash), true);
  if (txHash instanceof Refused) return txHash;
  if (layout.kind === 'transactions' && (get(at.status) !== '' || get(at.errCode) !== '')) {
    return { skip: 'failed transaction (Status or ErrCode set): skipped, it moved no value' };
  }
  const block = parseCount(get(at.block), 'Blockno');
  if (block instanceof Refused) return block;
  const time = parseTime(get(at.time));
  if (time instanceof Refused) return time;
  const from = addresses.check(chain.code, get(at.from));
  if (from instanceof Refused) return new Refused(`From: ${from.reason}`);
  // A contract creation has no To: the value goes to the new contract.
  const to = addresses.check(chain.code, get(at.to) || (layout.kind === 'transactions' ? get(at.contract) : ''));
  if (to instanceof Refused) return new Refused(`To: ${to.reason}`);
  const common = { chain: chain.code, txHash, time, block, from, to };

  if (layout.kind === 'tokens') {
    const contract = get(at.contract);
    const token = assets.byContractAddress(chain, contract);
    if (token === undefined) {
      const symbol = get(at.tokenSymbol).slice(0, 20);
      return new Refused(
        `unknown token contract ${contract.slice(0, 100) || '(empty)'}${symbol ? ` (${symbol})` : ''} on ${chain.code}: ` +
          'its decimals are not in the workspace',
      );
    }
    const amount = parseAmount(get(at.tokenValue), token, { grouped: true, whole: true });
    if (amount instanceof Refused) return amount;
    const index = tokenIndex(seen, txHash, `${token.contract}|${from.normalized}|${to.normalized}|${amount}`);
    return { ...common, index, assetId: token.id, amount };
  }

  const valueIn = parseAmount(get(layout.valueIn), chain.native, { grouped: true, whole: true });
  if (valueIn instanceof Refused) return new Refused(`Value_IN: ${valueIn.reason}`);
  const valueOut = parseAmount(get(layout.valueOut), chain.native, { grouped: true, whole: true });
  if (valueOut instanceof Refused) return new Refused(`Value_OUT: ${valueOut.reason}`);
  if (valueIn !== '0' && valueOut !== '0' && valueIn !== valueOut) {
    return new Refused('Value_IN and Value_OUT are both set and differ');
  }
  const amount = valueIn !== '0' ? valueIn : valueOut;
  if (amount === '0') return { skip: `no ${chain.native.symbol} moved (a contract call): skipped` };
  return { ...common, index: 0, assetId: chain.native.id, amount };
}

export const etherscanCsvImporter: FormatImporter = {
  format: 'etherscan-csv',
  description: "Etherscan's CSV export of an address's transactions or token transfers",
  detect(extension, head) {
    if (extension !== '.csv') return false;
    const names = (firstCsvRecord(head) ?? []).map(key);
    const hasValue = names.includes('tokenvalue') || names.some((n) => n.startsWith('valuein'));
    return names.includes('unixtimestamp') && names.includes('blockno') && hasValue;
  },
  async run({ db, file, builder, source, progress }) {
    const lookups: Lookups = {
      assets: new AssetLookup(db),
      addresses: new AddressIds(db),
      seen: { hash: '', counts: new Map() },
    };
    const write = transferWriter(db, lookups.addresses, builder, source.id);
    const restoreCache = enlargeCache(db);
    const headerLayout = (header: CsvRecord): Layout => {
      const found = layoutOf(header.fields);
      if (typeof found === 'string') throw new ImportFileError(file, header.line, found);
      return found;
    };
    try {
      const rows = importCsvRows(file, progress, headerLayout, 'empty file: an Etherscan export starts with a header');
      for await (const { layout, record } of rows) {
        const row = parseRow(record.fields, layout, lookups);
        // A skipped row carries no transfer: it is counted in its warning, not among the records read.
        if (!(row instanceof Refused) && 'skip' in row) {
          builder.warn(record.line, row.skip);
          continue;
        }
        builder.read += 1;
        if (row instanceof Refused) builder.reject(record.line, row.reason);
        else write(record.line, row);
      }
    } finally {
      restoreCache();
    }
  },
};
