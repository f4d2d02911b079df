/**
 * Writes tags as a GraphSense TagPack that the TagPack importer reads back with nothing lost: every tag is
 * self-contained (the header sets nothing a tag could inherit, not even lastmod, which would stamp tags that
 * have none), strings are quoted by the YAML writer as needed, and the file is streamed one tag at a time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { stringify } from 'yaml';
import type { Db } from '../open';

export interface TagPackExport {
  title: string;
  creator: string;
  description?: string;
  /** Only the tags on this case's addresses. */
  caseId?: number;
}

export interface TagPackExportResult {
  file: string;
  tags: number;
  sha256: string;
}

interface TagRecord {
  chain: string;
  address: string | null;
  tx_hash: string | null;
  label: string;
  source: string;
  confidence: string;
  category: string | null;
  abuse: string | null;
  concepts: string;
  actor: string | null;
  asset: string | null;
  is_cluster_definer: number;
  context: string | null;
  lastmod: string | null;
}

function tagFields(t: TagRecord): Record<string, unknown> {
  const concepts = JSON.parse(t.concepts) as string[];
  const fields: Record<string, unknown> = t.address !== null ? { address: t.address } : { tx_hash: t.tx_hash };
  Object.assign(fields, {
    currency: t.asset ?? t.chain,
    network: t.chain,
    label: t.label,
    source: t.source,
    confidence: t.confidence,
  });
  if (t.category !== null) fields.category = t.category;
  if (t.abuse !== null) fields.abuse = t.abuse;
  if (t.actor !== null) fields.actor = t.actor;
  if (concepts.length > 0) fields.concepts = concepts;
  if (t.is_cluster_definer === 1) fields.is_cluster_definer = true;
  if (t.context !== null) fields.context = t.context;
  if (t.lastmod !== null) fields.lastmod = t.lastmod;
  return fields;
}

/** Indents a YAML document as one item of the tags list. */
function asListItem(yaml: string): string {
  return yaml
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
    .join('\n');
}

export async function exportTagPack(db: Db, file: string, options: TagPackExport): Promise<TagPackExportResult> {
  const where =
    options.caseId === undefined
      ? ''
      : 'WHERE t.address_id IN (SELECT address_id FROM case_addresses WHERE case_id = @caseId)';
  const rows = db
    .prepare(
      `SELECT t.chain, a.address, t.tx_hash, t.label, t.source, t.confidence, t.category, t.abuse, t.concepts,
              t.actor, t.asset, t.is_cluster_definer, t.context, t.lastmod
         FROM tags t LEFT JOIN addresses a ON a.id = t.address_id ${where}
        ORDER BY t.id`,
    )
    .iterate(options.caseId === undefined ? {} : { caseId: options.caseId }) as IterableIterator<TagRecord>;
  const hash = createHash('sha256');
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { encoding: 'utf8' });
  const write = async (text: string) => {
    hash.update(text);
    if (!out.write(text)) await new Promise<void>((resume) => out.once('drain', () => resume()));
  };
  let tags = 0;
  try {
    const header: Record<string, unknown> = { title: options.title, creator: options.creator };
    if (options.description) header.description = options.description;
    await write(stringify(header, { lineWidth: 0 }));
    for (const row of rows) {
      if (tags === 0) await write('tags:\n');
      await write(`${asListItem(stringify(tagFields(row), { lineWidth: 0 }))}\n`);
      tags += 1;
    }
    if (tags === 0) await write('tags: []\n');
    await new Promise<void>((done, fail) => out.end((err?: Error | null) => (err ? fail(err) : done())));
    // Written beside the target and renamed: an interrupted export never leaves a half-written TagPack.
    await fs.promises.rename(partial, file);
  } catch (error) {
    out.destroy();
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
  return { file, tags, sha256: hash.digest('hex') };
}
