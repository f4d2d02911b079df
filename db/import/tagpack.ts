/**
 * GraphSense TagPack import. Header fields are inherited by every tag that does not set them; `network`
 * defaults to `currency`; a tag names exactly one of `address` and `tx_hash`; confidence comes from the
 * taxonomy, and a tag without one is stored as `unknown` with a warning. The same claim (subject, label,
 * source, compared without case) imported twice is one tag.
 */
import { addressStatements, knownChains } from '../addresses';
import { checkAddress, isSupportedChain } from '../chains';
import { DEFAULT_CONFIDENCE } from '../reference/confidence';
import type { FormatImporter } from './formats';
import { packItems, readPackHeader } from './yaml-pack';
import { ImportFileError } from './report';
import { tokenChainOf } from './token-chain';

/** Fields a tag may carry; the header may carry all of them too, as defaults. */
const TAG_FIELDS = [
  'label',
  'source',
  'currency',
  'network',
  'context',
  'confidence',
  'is_cluster_definer',
  'lastmod',
  'category',
  'abuse',
  'address',
  'tx_hash',
  'actor',
  'concepts',
  'tag_type',
] as const;
const HEADER_ONLY = new Set(['title', 'creator', 'description', 'owner', 'is_public', 'tags']);

type TagField = (typeof TAG_FIELDS)[number];
type RawTag = Partial<Record<TagField, unknown>>;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

function textList(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value.trim()].filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.map((v) => v.trim()).filter(Boolean);
  return null;
}

function bool(value: unknown): boolean | null {
  if (value === undefined) return false;
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  return null;
}

const TX_HASH = /^(0x)?[0-9a-fA-F]{64}$/;

/** One claim, whichever file it came from: the subject in its normal form, the label and the source without case. */
export function tagDedupKey(chain: string, subject: string, label: string, source: string): string {
  return JSON.stringify([chain, subject, label.toLowerCase(), source.toLowerCase()]);
}

export const tagpackImporter: FormatImporter = {
  format: 'tagpack',
  description: 'GraphSense TagPack (YAML)',
  detect: (ext, head) => (ext === '.yaml' || ext === '.yml') && /^tags:/m.test(head) && !/^actors:/m.test(head),
  async run({ db, file, builder, source, progress }) {
    const header = await readPackHeader(file, 'tags');
    if (!header.hasList) throw new ImportFileError(file, 1, 'not a TagPack: there is no tags list');
    const defaults: RawTag = {};
    for (const [key, value] of Object.entries(header.fields)) {
      if ((TAG_FIELDS as readonly string[]).includes(key)) defaults[key as TagField] = value;
      else if (!HEADER_ONLY.has(key)) builder.warn(1, `unknown header field '${key}' ignored`);
    }
    for (const required of ['title', 'creator'] as const) {
      if (text(header.fields[required]) === undefined) builder.warn(1, `the TagPack header has no ${required}`);
    }
    source.describe({
      title: text(header.fields.title) ?? null,
      creator: text(header.fields.creator) ?? null,
      description: text(header.fields.description) ?? null,
      lastmod: text(header.fields.lastmod) ?? null,
    });

    const chains = knownChains(db);
    const confidences = new Set(db.prepare('SELECT id FROM confidence_levels').pluck().all() as string[]);
    const addresses = addressStatements(db);
    const insert = db.prepare(`
      INSERT INTO tags (chain, address_id, tx_hash, label, source, confidence, category, abuse, concepts, actor, asset,
                        is_cluster_definer, context, lastmod, source_id, dedup_key)
      VALUES (@chain, @addressId, @txHash, @label, @source, @confidence, @category, @abuse, @concepts, @actor, @asset,
              @clusterDefiner, @context, @lastmod, @sourceId, @dedupKey)
      ON CONFLICT (dedup_key) DO NOTHING`);

    for await (const item of packItems(file, 'tags', header.version)) {
      builder.read += 1;
      progress(item.bytesRead);
      if (!item.ok) {
        builder.reject(item.line, item.reason);
        continue;
      }
      const line = item.line;
      const unknown = Object.keys(item.value).filter((k) => !(TAG_FIELDS as readonly string[]).includes(k));
      if (unknown.length > 0) builder.warn(line, `unknown tag field '${unknown[0]}' ignored`);
      const tag: RawTag = { ...defaults, ...item.value };

      const label = text(tag.label);
      const tagSource = text(tag.source);
      const currency = text(tag.currency)?.toUpperCase();
      if (!label) {
        builder.reject(line, 'missing label');
        continue;
      }
      if (!tagSource) {
        builder.reject(line, 'missing source');
        continue;
      }
      if (!currency) {
        builder.reject(line, 'missing currency');
        continue;
      }
      const address = tag.address;
      const txHash = tag.tx_hash;
      if ((address === undefined) === (txHash === undefined)) {
        builder.reject(
          line,
          address === undefined
            ? 'a tag needs an address or a tx_hash'
            : 'a tag has both an address and a tx_hash; give one',
        );
        continue;
      }

      if (address !== undefined && typeof address !== 'string') {
        builder.reject(line, 'address must be text');
        continue;
      }
      let chain = text(tag.network)?.toUpperCase() ?? currency;
      let subject: string;
      if (typeof address === 'string') {
        // A token ticker given as the network (old packs write currency: USDT): the address format tells the chain.
        if (!chains.has(chain)) {
          const only = tokenChainOf(address, chains);
          if (!only) {
            builder.reject(line, `unknown network ${chain}`);
            continue;
          }
          builder.warn(line, `network ${chain} is not a chain; the address format says ${only}`);
          chain = only;
        }
        if (isSupportedChain(chain)) {
          const check = checkAddress(chain, address);
          if (!check.valid) {
            builder.reject(line, `${check.reason}: ${address.trim().slice(0, 100)}`);
            continue;
          }
          subject = check.normalized;
        } else {
          subject = address.trim();
          builder.warn(line, `no address rules for ${chain}: stored as written`);
        }
      } else {
        if (!chains.has(chain)) {
          builder.reject(line, `unknown network ${chain}`);
          continue;
        }
        const hash = typeof txHash === 'string' ? txHash.trim() : '';
        if (!TX_HASH.test(hash)) {
          builder.reject(line, 'tx_hash must be 64 hexadecimal digits (with 0x on EVM chains)');
          continue;
        }
        subject = hash.toLowerCase();
      }

      let confidence = text(tag.confidence);
      if (confidence === undefined) {
        builder.warn(line, `no confidence: stored as '${DEFAULT_CONFIDENCE}'`);
        confidence = DEFAULT_CONFIDENCE;
      } else if (!confidences.has(confidence)) {
        builder.reject(line, `unknown confidence '${confidence}'`);
        continue;
      }
      const concepts = textList(tag.concepts);
      if (concepts === null) {
        builder.reject(line, 'concepts must be a list of names');
        continue;
      }
      const clusterDefiner = bool(tag.is_cluster_definer);
      if (clusterDefiner === null) {
        builder.reject(line, 'is_cluster_definer must be true or false');
        continue;
      }
      const info = insert.run({
        chain,
        addressId: typeof address === 'string' ? addresses.idOf(chain, subject) : null,
        txHash: typeof address === 'string' ? null : subject,
        label,
        source: tagSource,
        confidence,
        category: text(tag.category) ?? null,
        abuse: text(tag.abuse) ?? null,
        concepts: JSON.stringify(concepts),
        actor: text(tag.actor) ?? null,
        asset: currency !== chain ? currency : null,
        clusterDefiner: clusterDefiner ? 1 : 0,
        context: text(tag.context) ?? null,
        lastmod: text(tag.lastmod) ?? null,
        sourceId: source.id,
        dedupKey: tagDedupKey(chain, subject, label, tagSource),
      });
      if (info.changes > 0) builder.inserted += 1;
      else builder.duplicates += 1;
    }
  },
};
