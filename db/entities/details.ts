/**
 * Reading one entity with everything its details panel and editor show: lists, the ActorPack it came from,
 * how many tags name it and how many incidents it takes part in.
 */
import type { EntityDetails, EntityKind } from '../api/attribution';
import type { Db } from '../open';

interface EntityRecord {
  id: number;
  key: string | null;
  label: string;
  kind: EntityKind;
  uri: string | null;
  description: string;
  created_at: string | null;
  updated_at: string | null;
  file_name: string | null;
  sha256: string | null;
  imported_at: string | null;
}

export function getEntity(db: Db, id: number): EntityDetails | null {
  const row = db
    .prepare(
      `SELECT e.id, e.key, e.label, e.kind, e.uri, e.description, e.created_at, e.updated_at,
              s.file_name, s.sha256, s.imported_at
         FROM entities e LEFT JOIN import_sources s ON s.id = e.source_id
        WHERE e.id = ?`,
    )
    .get(id) as EntityRecord | undefined;
  if (!row) return null;
  const list = (sql: string) => db.prepare(sql).pluck().all(id) as string[];
  const count = (sql: string, value: unknown) => db.prepare(sql).pluck().get(value) as number;
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    kind: row.kind,
    jurisdictions: list('SELECT country FROM entity_jurisdictions WHERE entity_id = ? ORDER BY country'),
    aliases: list('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias COLLATE NOCASE, alias'),
    categories: list('SELECT category FROM entity_categories WHERE entity_id = ? ORDER BY category'),
    uri: row.uri,
    description: row.description,
    origin:
      row.file_name !== null && row.sha256 !== null && row.imported_at !== null
        ? { file: row.file_name, sha256: row.sha256, importedAt: row.imported_at }
        : null,
    tags: row.key === null ? 0 : count('SELECT count(*) FROM tags WHERE actor = ?', row.key),
    incidents: {
      asVictim: count('SELECT count(*) FROM incidents WHERE victim_id = ?', id),
      asActor: count('SELECT count(*) FROM incident_actors WHERE actor_id = ?', id),
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
