/** The long lists behind the Addresses and Entities views: one page at a time, with the total. */
import type { AddressRow, EntityRow, Page, ParsedInput } from './api/contract';
import { rankedTagsSql } from './best-tag';
import type { Db } from './open';

/** Escapes LIKE wildcards so a search for "50%" finds exactly that. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface AddressRecord {
  chain: string;
  address: string;
  label: string | null;
  confidence: string | null;
  level: number | null;
  tags: number;
  entity: string | null;
}

export function listAddresses(db: Db, input: ParsedInput<'address.list'> & { caseId?: number }): Page<AddressRow> {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset };
  if (input.caseId !== undefined) {
    where.push('a.id IN (SELECT address_id FROM case_addresses WHERE case_id = @caseId)');
    params.caseId = input.caseId;
  }
  const query = input.query?.trim();
  if (query) {
    where.push(`(a.address LIKE @q ESCAPE '\\' OR a.id IN (
      SELECT address_id FROM tags WHERE address_id IS NOT NULL AND (label LIKE @q ESCAPE '\\' OR actor LIKE @q ESCAPE '\\')))`);
    params.q = likePattern(query);
  }
  if (input.chain) {
    where.push('a.chain = @chain');
    params.chain = input.chain.toUpperCase();
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM addresses a ${filter}`).pluck().get(params) as number;
  // The best tag is looked up for the page's rows only, so a page costs the same at 100 or 1,000,000 rows.
  const rows = db
    .prepare(
      `WITH page AS (SELECT a.id, a.chain, a.address FROM addresses a ${filter} ORDER BY a.id LIMIT @limit OFFSET @offset)
       SELECT p.chain, p.address,
              best.label, best.confidence, best.level,
              (SELECT count(*) FROM tags WHERE address_id = p.id) AS tags,
              (SELECT e.label FROM entities e WHERE e.key = best.actor) AS entity
         FROM page p
         LEFT JOIN (${rankedTagsSql('SELECT id FROM page')}) best ON best.address_id = p.id AND best.rank = 1
        ORDER BY p.id`,
    )
    .all(params) as AddressRecord[];
  return {
    total,
    offset: input.offset,
    rows: rows.map((r) => ({
      address: `${r.chain}:${r.address}`,
      chain: r.chain,
      label: r.label,
      confidence: r.confidence,
      confidenceLevel: r.level,
      tags: r.tags,
      entity: r.entity,
    })),
  };
}

export function listCaseAddresses(db: Db, input: ParsedInput<'case.addresses'>): Page<AddressRow> {
  return listAddresses(db, { caseId: input.id, offset: input.offset, limit: input.limit });
}

interface EntityRecord {
  id: number;
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string | null;
  categories: string | null;
  tags: number;
}

export function listEntities(db: Db, input: ParsedInput<'entity.list'>): Page<EntityRow> {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset };
  const query = input.query?.trim();
  if (query) {
    where.push(`(e.label LIKE @q ESCAPE '\\' OR e.key LIKE @q ESCAPE '\\'
      OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE @q ESCAPE '\\'))`);
    params.q = likePattern(query);
  }
  if (input.kind) {
    where.push('e.kind = @kind');
    params.kind = input.kind;
  }
  if (input.jurisdiction) {
    where.push('e.id IN (SELECT entity_id FROM entity_jurisdictions WHERE country = @country)');
    params.country = input.jurisdiction.toUpperCase();
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM entities e ${filter}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT e.id, e.key, e.label, e.kind,
              (SELECT group_concat(country) FROM (SELECT country FROM entity_jurisdictions WHERE entity_id = e.id ORDER BY country)) AS jurisdictions,
              (SELECT group_concat(category) FROM (SELECT category FROM entity_categories WHERE entity_id = e.id ORDER BY category)) AS categories,
              (SELECT count(*) FROM tags WHERE actor = e.key) AS tags
         FROM entities e ${filter}
        ORDER BY e.label COLLATE NOCASE, e.id
        LIMIT @limit OFFSET @offset`,
    )
    .all(params) as EntityRecord[];
  return {
    total,
    offset: input.offset,
    rows: rows.map((r) => ({
      id: r.id,
      key: r.key,
      label: r.label,
      kind: r.kind,
      jurisdictions: r.jurisdictions ? r.jurisdictions.split(',') : [],
      categories: r.categories ? r.categories.split(',') : [],
      tags: r.tags,
    })),
  };
}
