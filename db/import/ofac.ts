/**
 * What the OFAC SDN importers share, whichever file they read (sdn.csv or sdn.xml): every `Digital Currency
 * Address - <ticker>` of an SDN entry becomes a tag on that address, labelled with the entry's name, from
 * source 'OFAC SDN' at confidence authority_data, abuse 'sanction', with the entry's uid, type and programs in
 * its context. Both files name entries alike ("LAST, First"), so a tag from one is a duplicate of the same
 * tag from the other, and of a TagPack tag with the same label and source.
 *
 * A record, for the report's counts, is one digital currency address, or a piece of the file that could not
 * be read as an entry at all: entries without addresses are not counted.
 */
import { addressStatements, knownChains } from '../addresses';
import { checkAddress, findChain } from '../chains';
import type { FormatContext } from './formats';
import { tagDedupKey } from './tagpack';
import { tokenChainOf, tokenSymbols } from './token-chain';

export const OFAC_SOURCE = 'OFAC SDN';

export interface SdnEntry {
  uid: string | null;
  /** As OFAC lists it: "LAZARUS GROUP", or "LAST, First" for people. */
  name: string | null;
  /** Individual, Entity, Vessel or Aircraft. */
  type: string | null;
  programs: string[];
}

export interface SdnAddress {
  line: number;
  ticker: string;
  address: string;
}

/** The ticker's chain (XBT is bitcoin), or for a token ticker the chain its address format says, or a reason. */
function chainOf(
  found: SdnAddress,
  chains: ReadonlySet<string>,
  tokens: ReadonlySet<string>,
): { chain: string; token: boolean } | { reason: string } {
  const chain = findChain(found.ticker);
  if (chain && chains.has(chain.id)) return { chain: chain.id, token: false };
  const ticker = found.ticker.toUpperCase();
  if (!tokens.has(ticker)) return { reason: `unknown digital currency ${found.ticker.slice(0, 20)}` };
  const inferred = tokenChainOf(found.address, chains);
  if (inferred === undefined) return { reason: `a ${ticker} address valid on no chain the workspace knows` };
  return { chain: inferred, token: true };
}

/** Writes one entry's addresses as tags, counting each in the report. */
export function sdnTagWriter({ db, builder, source }: FormatContext) {
  const chains = knownChains(db);
  const tokens = tokenSymbols(db);
  const addresses = addressStatements(db);
  const insert = db.prepare(`
    INSERT INTO tags (chain, address_id, label, source, confidence, abuse, asset, context, source_id, dedup_key)
    VALUES (@chain, @addressId, @label, @source, 'authority_data', 'sanction', @asset, @context, @sourceId, @dedupKey)
    ON CONFLICT (dedup_key) DO NOTHING`);

  return (entry: SdnEntry, found: SdnAddress) => {
    builder.read += 1;
    const { line, address } = found;
    if (entry.name === null) return builder.reject(line, 'the SDN entry has no name');
    if (entry.uid === null) return builder.reject(line, 'the SDN entry has no numeric uid');
    if (found.ticker === '') return builder.reject(line, 'no currency after Digital Currency Address -');
    if (address === '') return builder.reject(line, `no address after Digital Currency Address - ${found.ticker}`);
    const target = chainOf(found, chains, tokens);
    if ('reason' in target) return builder.reject(line, `${target.reason}: ${address.slice(0, 100)}`);
    const check = checkAddress(target.chain, address);
    if (!check.valid) return builder.reject(line, `${check.reason}: ${address.slice(0, 100)}`);
    const ticker = found.ticker.toUpperCase();
    if (target.token) builder.warn(line, `${ticker} is a token, not a chain; the address format says ${target.chain}`);
    const info = insert.run({
      chain: target.chain,
      addressId: addresses.idOf(target.chain, check.normalized),
      label: entry.name,
      source: OFAC_SOURCE,
      asset: target.token ? ticker : null,
      context: JSON.stringify({ ofac_uid: entry.uid, sdn_type: entry.type, programs: entry.programs }),
      sourceId: source.id,
      dedupKey: tagDedupKey(target.chain, check.normalized, entry.name, OFAC_SOURCE),
    });
    if (info.changes > 0) builder.inserted += 1;
    else builder.duplicates += 1;
  };
}

export function describeSdnSource(context: FormatContext, lastmod: string | null): void {
  context.source.describe({
    title: 'OFAC Specially Designated Nationals list',
    creator: 'US Treasury, Office of Foreign Assets Control',
    description: null,
    lastmod,
  });
}
