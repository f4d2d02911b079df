/**
 * Addresses into a case: a pasted list or a file with one CHAIN:ADDRESS per line, or a CSV whose header has an
 * `address` column and optionally a `chain` (or `network`, or `currency`) column. Lines starting with '#' and
 * blank lines are skipped. An address given without a chain is taken only when its format fits a single chain
 * (bc1…, T…, a Monero address), with a warning; otherwise the reason names the chains it fits. An address the
 * case already holds is a duplicate.
 */
import path from 'node:path';
import { addressStatements, knownChains } from '../addresses';
import { appendAudit } from '../audit';
import { checkAddress, detectChains, findChain, parseChainAddress } from '../chains';
import { firstCsvRecord, importCsvRecords } from './csv';
import type { FormatContext, FormatImporter } from './formats';
import { readLines } from './lines';
import { ImportFileError } from './report';
import { tokenChainOf, tokenSymbols } from './token-chain';
import { Refused } from './values';

const CHAIN_COLUMNS = ['chain', 'network', 'currency'];
/** Columns that make a CSV a list of transfers rather than of addresses. */
const TRANSFER_COLUMNS = new Set(['from', 'to', 'tx_hash', 'txhash', 'transaction hash', 'hash']);

interface Found {
  chain: string;
  address: string;
  warning?: string;
}

const isSkipped = (text: string) => {
  const t = text.trim();
  return t === '' || t.startsWith('#');
};

const columnName = (field: string) => field.trim().toLowerCase();

/** CHAIN:ADDRESS, or an address alone whose format leaves no doubt about its chain. */
function resolveWritten(text: string): Found | Refused {
  const check = parseChainAddress(text);
  if (check.valid) return { chain: check.chain, address: check.normalized };
  const colon = text.indexOf(':');
  if (colon < 0 || !findChain(text.slice(0, colon))) {
    const fits = detectChains(text);
    const only = fits.length === 1 ? fits[0] : undefined;
    if (only !== undefined) {
      const bare = checkAddress(only, text);
      if (bare.valid) {
        return { chain: only, address: bare.normalized, warning: `no chain given: the address fits only ${only}` };
      }
    }
  }
  return new Refused(`${check.reason}: ${text.slice(0, 100)}`);
}

/** An address with its chain given in a column, which may name a token (USDT) rather than a chain. */
function resolveWithChain(
  chainText: string,
  address: string,
  tokens: ReadonlySet<string>,
  chains: ReadonlySet<string>,
): Found | Refused {
  const chain = findChain(chainText);
  if (chain || !tokens.has(chainText.toUpperCase())) {
    const check = checkAddress(chainText, address);
    return check.valid
      ? { chain: check.chain, address: check.normalized }
      : new Refused(`${check.reason}: ${address.slice(0, 100)}`);
  }
  const inferred = tokenChainOf(address, chains);
  if (inferred === undefined) {
    return new Refused(
      `a ${chainText.toUpperCase()} address valid on no chain the workspace knows: ${address.slice(0, 100)}`,
    );
  }
  const check = checkAddress(inferred, address);
  if (!check.valid) return new Refused(`${check.reason}: ${address.slice(0, 100)}`);
  const warning = `${chainText.toUpperCase()} is a token, not a chain; the address format says ${inferred}`;
  return { chain: check.chain, address: check.normalized, warning };
}

/** The first line that is neither blank nor a comment, from the file itself. */
async function firstLine(file: string): Promise<string | undefined> {
  for await (const { text } of readLines(file)) if (!isSkipped(text)) return text;
  return undefined;
}

function caseWriter({ db, builder, source, now }: FormatContext, caseId: number) {
  const addresses = addressStatements(db);
  const insert = db.prepare(`
    INSERT INTO case_addresses (case_id, address_id, added_at, source_id) VALUES (?, ?, ?, ?)
    ON CONFLICT (case_id, address_id) DO NOTHING`);
  return (line: number, found: Found | Refused) => {
    if (found instanceof Refused) return builder.reject(line, found.reason);
    if (found.warning) builder.warn(line, found.warning);
    const info = insert.run(caseId, addresses.idOf(found.chain, found.address), now, source.id);
    if (info.changes > 0) builder.inserted += 1;
    else builder.duplicates += 1;
  };
}

export const addressListImporter: FormatImporter = {
  format: 'address-list',
  description: 'Address list into a case (--case): CHAIN:ADDRESS per line, or a CSV with address and chain columns',
  detect(extension, head) {
    if (extension !== '.txt' && extension !== '.csv') return false;
    const line = head
      .replace(/^\ufeff/, '')
      .split(/\r?\n|\r/)
      .find((l) => !isSkipped(l));
    if (line === undefined) return false;
    const columns = (firstCsvRecord(line) ?? []).map(columnName);
    if (columns.includes('address')) return !columns.some((c) => TRANSFER_COLUMNS.has(c));
    const text = line.trim();
    const colon = text.indexOf(':');
    return (colon > 0 && findChain(text.slice(0, colon)) !== undefined) || detectChains(text).length > 0;
  },
  async run(context) {
    const { db, file, builder, progress, caseId, now } = context;
    if (caseId === undefined) throw new ImportFileError(file, 0, 'address lists go into a case: give --case ID');
    if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) === undefined) {
      throw new ImportFileError(file, 0, `no case ${caseId}`);
    }
    const write = caseWriter(context, caseId);
    const first = await firstLine(file);
    const header = first === undefined ? [] : (firstCsvRecord(first) ?? []).map(columnName);

    if (!header.includes('address')) {
      for await (const { number, text, bytesRead } of readLines(file)) {
        progress(bytesRead);
        if (isSkipped(text)) continue;
        builder.read += 1;
        write(number, resolveWritten(text.trim()));
      }
    } else {
      const tokens = tokenSymbols(db);
      const chains = knownChains(db);
      const addressAt = header.indexOf('address');
      const chainAt = CHAIN_COLUMNS.map((c) => header.indexOf(c)).find((i) => i >= 0);
      let width = 0;
      for await (const { line, fields } of importCsvRecords(file, progress)) {
        const lead = (fields[0] ?? '').trim();
        if (lead.startsWith('#') || (fields.length === 1 && lead === '')) continue;
        if (width === 0) {
          width = fields.length;
          continue;
        }
        builder.read += 1;
        if (fields.length !== width) {
          builder.reject(line, `expected ${width} fields as in the header, found ${fields.length}`);
          continue;
        }
        const address = (fields[addressAt] ?? '').trim();
        const chain = chainAt === undefined ? '' : (fields[chainAt] ?? '').trim();
        if (address === '') write(line, new Refused('missing address'));
        else if (chain === '') write(line, resolveWritten(address));
        else write(line, resolveWithChain(chain, address, tokens, chains));
      }
    }
    if (builder.inserted > 0) {
      appendAudit(db, now, caseId, 'case.addresses_imported', {
        file: path.basename(file),
        added: builder.inserted,
        duplicates: builder.duplicates,
        rejected: builder.rejected,
      });
    }
  },
};
