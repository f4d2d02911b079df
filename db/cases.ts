import type { Case, CaseStatus, ParsedInput } from './api/contract';
import { appendAudit } from './audit';
import { likePattern } from './lists';
import type { Db } from './open';

interface CaseRow {
  id: number;
  title: string;
  reference: string | null;
  investigator: string | null;
  description: string;
  status: CaseStatus;
  created_at: string;
  updated_at: string;
}

function toCase(row: CaseRow): Case {
  return {
    id: row.id,
    title: row.title,
    reference: row.reference,
    investigator: row.investigator,
    description: row.description,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listCases(db: Db, filter: ParsedInput<'case.list'> = {}): Case[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  const query = filter.query?.trim();
  if (query) {
    where.push("(title LIKE @q ESCAPE '\\' OR reference LIKE @q ESCAPE '\\' OR investigator LIKE @q ESCAPE '\\')");
    params.q = likePattern(query);
  }
  if (filter.status) {
    where.push('status = @status');
    params.status = filter.status;
  }
  const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id DESC`;
  return (db.prepare(sql).all(params) as CaseRow[]).map(toCase);
}

export function getCase(db: Db, id: number): Case | null {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  return row ? toCase(row) : null;
}

export function createCase(db: Db, input: ParsedInput<'case.create'>, now: string): Case {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO cases (title, reference, investigator, description, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(input.title, input.reference ?? null, input.investigator ?? null, input.description ?? '', now, now);
    const id = Number(info.lastInsertRowid);
    appendAudit(db, now, id, 'case.created', { title: input.title });
    return getCase(db, id) as Case;
  })();
}

const UPDATABLE = ['title', 'reference', 'investigator', 'description', 'status'] as const;

/** Returns null when no such case exists. */
export function updateCase(db: Db, input: ParsedInput<'case.update'>, now: string): Case | null {
  return db.transaction(() => {
    const before = getCase(db, input.id);
    if (!before) return null;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of UPDATABLE) {
      const value = input[key];
      if (value !== undefined && value !== before[key]) changes[key] = { from: before[key], to: value };
    }
    if (Object.keys(changes).length === 0) return before;
    const sets = Object.keys(changes).map((k) => `${k} = @${k}`);
    const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
    db.prepare(`UPDATE cases SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run({
      ...values,
      now,
      id: input.id,
    });
    appendAudit(db, now, input.id, 'case.updated', changes);
    return getCase(db, input.id);
  })();
}

/** Returns false when no such case exists. */
export function deleteCase(db: Db, id: number, now: string): boolean {
  return db.transaction(() => {
    const before = getCase(db, id);
    if (!before) return false;
    db.prepare('DELETE FROM cases WHERE id = ?').run(id);
    appendAudit(db, now, id, 'case.deleted', { title: before.title, reference: before.reference });
    return true;
  })();
}
