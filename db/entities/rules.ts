/**
 * The rules every entity edit obeys, whether typed in the app, given to the CLI or produced by a merge:
 * jurisdictions are known ISO-3166 codes, lists hold each value once, and keys are unique slugs.
 */
import { ApiError } from '../api/errors';
import type { Db } from '../open';

/** Refuses codes the countries table does not hold, naming the first one; answers the codes sorted, once each. */
export function checkJurisdictions(db: Db, method: string, codes: readonly string[]): string[] {
  const known = db.prepare('SELECT 1 FROM countries WHERE code = ?');
  const unique = [...new Set(codes.map((c) => c.toUpperCase()))].sort();
  const bad = unique.find((c) => !known.get(c));
  if (bad !== undefined) {
    throw new ApiError(
      'invalid_input',
      `${method}: jurisdictions: '${bad}' is not an ISO-3166 alpha-2 country code the workspace knows`,
    );
  }
  return unique;
}

/**
 * Each alias once, compared without regard to case (the first spelling wins), and none equal to the label:
 * an alias repeating the name adds nothing to search and would only clutter the panel.
 */
export function uniqueAliases(aliases: readonly string[], label: string): string[] {
  const seen = new Set([label.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const folded = alias.toLowerCase();
    if (alias === '' || seen.has(folded)) continue;
    seen.add(folded);
    out.push(alias);
  }
  return out;
}

/** Categories are taxonomy ids (`exchange`, `hacker`): each once. */
export function uniqueCategories(categories: readonly string[]): string[] {
  return [...new Set(categories.map((c) => c.trim()).filter(Boolean))];
}

/** SQLite measures text up to its first NUL, so a label holding one would not be stored as typed. */
export function checkText(method: string, field: string, value: string): void {
  if (value.includes('\0'))
    throw new ApiError('invalid_input', `${method}: ${field}: must not contain a NUL character`);
}

/**
 * A key for an entity made in the app, from its label: lower-case ASCII letters and digits joined by single
 * hyphens (`Acme Exchange` → `acme-exchange`), made unique with `-2`, `-3`… Tags name their actor by key, so
 * it never changes once given, even when the label does.
 */
export function newEntityKey(db: Db, label: string): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entity';
  const taken = db.prepare('SELECT 1 FROM entities WHERE key = ?');
  if (!taken.get(base)) return base;
  for (let n = 2; ; n += 1) {
    const key = `${base}-${n}`;
    if (!taken.get(key)) return key;
  }
}

export function replaceLists(
  db: Db,
  id: number,
  lists: { jurisdictions?: string[]; aliases?: string[]; categories?: string[] },
): void {
  const write = (table: string, column: string, values: string[] | undefined) => {
    if (values === undefined) return;
    db.prepare(`DELETE FROM ${table} WHERE entity_id = ?`).run(id);
    const insert = db.prepare(`INSERT INTO ${table} (entity_id, ${column}) VALUES (?, ?)`);
    for (const v of values) insert.run(id, v);
  };
  write('entity_jurisdictions', 'country', lists.jurisdictions);
  write('entity_aliases', 'alias', lists.aliases);
  write('entity_categories', 'category', lists.categories);
}
