/**
 * GraphSense ActorPack import: each actor becomes an entity keyed by its id, with its jurisdictions (ISO-3166
 * alpha-2, checked), aliases and categories. The kind follows from the categories: services (exchanges,
 * DeFi, mixers, bridges…) and actors (thieves, scammers, sanctioned groups); a victim is a role an entity
 * takes in an incident, not something an ActorPack says. An id already in the workspace is a duplicate.
 */
import type { Db } from '../open';
import type { FormatImporter } from './formats';
import { ImportFileError } from './report';
import { packItems, readPackHeader } from './yaml-pack';

const ACTOR_CATEGORIES = new Set([
  'ransomware',
  'phishing',
  'scam',
  'sanction',
  'service_hack',
  'hacker',
  'perpetrator',
  'ponzi_scheme',
  'extortion',
  'terrorist_financing',
  'darknet_crime',
  'malware',
]);

function kindOf(categories: string[]): 'actor' | 'service' | 'unknown' {
  if (categories.some((c) => ACTOR_CATEGORIES.has(c))) return 'actor';
  if (categories.length > 0) return 'service';
  return 'unknown';
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

function textList(value: unknown): string[] | null {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return [...new Set(value.map((v) => v.trim()).filter(Boolean))];
  }
  return null;
}

function insertStatements(db: Db) {
  return {
    entity: db.prepare(`
      INSERT INTO entities (key, label, kind, uri, context, lastmod, source_id)
      VALUES (@key, @label, @kind, @uri, @context, @lastmod, @sourceId)
      ON CONFLICT (key) DO NOTHING`),
    jurisdiction: db.prepare('INSERT OR IGNORE INTO entity_jurisdictions (entity_id, country) VALUES (?, ?)'),
    alias: db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)'),
    category: db.prepare('INSERT OR IGNORE INTO entity_categories (entity_id, category) VALUES (?, ?)'),
  };
}

export const actorpackImporter: FormatImporter = {
  format: 'actorpack',
  description: 'GraphSense ActorPack (YAML)',
  detect: (ext, head) => (ext === '.yaml' || ext === '.yml') && /^actors:/m.test(head),
  async run({ db, file, builder, source, progress }) {
    const header = await readPackHeader(file, 'actors');
    if (!header.hasList) throw new ImportFileError(file, 1, 'not an ActorPack: there is no actors list');
    source.describe({
      title: text(header.fields.title) ?? null,
      creator: text(header.fields.creator) ?? null,
      description: text(header.fields.description) ?? null,
      lastmod: text(header.fields.lastmod) ?? null,
    });
    const countries = new Set(db.prepare('SELECT code FROM countries').pluck().all() as string[]);
    const insert = insertStatements(db);

    for await (const item of packItems(file, 'actors', header.version)) {
      builder.read += 1;
      progress(item.bytesRead);
      if (!item.ok) {
        builder.reject(item.line, item.reason);
        continue;
      }
      const { line, value } = item;
      const key = text(value.id);
      const label = text(value.label);
      if (!key) {
        builder.reject(line, 'missing id');
        continue;
      }
      if (!label) {
        builder.reject(line, `actor ${key}: missing label`);
        continue;
      }
      // SQLite measures text up to its first NUL: the entities CHECK would refuse the row, and with it the file.
      if (label.includes('\0')) {
        builder.reject(line, `actor ${key}: the label contains a NUL character`);
        continue;
      }
      const categories = textList(value.categories);
      const aliases = textList(value.aliases);
      const jurisdictions = textList(value.jurisdictions);
      if (categories === null || aliases === null || jurisdictions === null) {
        builder.reject(line, `actor ${key}: categories, aliases and jurisdictions must be lists of text`);
        continue;
      }
      const codes = jurisdictions.map((j) => j.toUpperCase());
      const bad = codes.find((c) => !countries.has(c));
      if (bad !== undefined) {
        builder.reject(line, `actor ${key}: unknown jurisdiction '${bad}' (ISO-3166 alpha-2 expected)`);
        continue;
      }
      if (value.context !== undefined && (typeof value.context !== 'object' || value.context === null)) {
        builder.reject(line, `actor ${key}: context must be a mapping`);
        continue;
      }
      let context: string;
      try {
        context = JSON.stringify(value.context ?? {});
      } catch {
        // A YAML alias can make the mapping contain itself (&a {x: *a}), which JSON cannot write.
        builder.reject(line, `actor ${key}: context must not refer to itself`);
        continue;
      }
      const info = insert.entity.run({
        key,
        label,
        kind: kindOf(categories),
        uri: text(value.uri) ?? null,
        context,
        lastmod: text(value.lastmod) ?? null,
        sourceId: source.id,
      });
      if (info.changes === 0) {
        builder.duplicates += 1;
        continue;
      }
      const id = Number(info.lastInsertRowid);
      for (const c of codes) insert.jurisdiction.run(id, c);
      for (const a of aliases) insert.alias.run(id, a);
      for (const c of categories) insert.category.run(id, c);
      builder.inserted += 1;
    }
  },
};
