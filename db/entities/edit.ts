/**
 * Making and changing entities in the app. Imported entities (ActorPacks) are edited the same way; the
 * ActorPack importer never overwrites an existing key, so edits survive a re-import.
 */
import type { EntityDetails } from '../api/attribution';
import type { ParsedInput } from '../api/contract';
import { ApiError } from '../api/errors';
import { appendAudit } from '../audit';
import type { Db } from '../open';
import { getEntity } from './details';
import { checkJurisdictions, checkText, newEntityKey, replaceLists, uniqueAliases, uniqueCategories } from './rules';

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v);

export function createEntity(db: Db, input: ParsedInput<'entity.create'>, now: string): EntityDetails {
  const method = 'entity.create';
  checkText(method, 'label', input.label);
  return db.transaction(() => {
    const jurisdictions = checkJurisdictions(db, method, input.jurisdictions);
    const aliases = uniqueAliases(input.aliases, input.label);
    const categories = uniqueCategories(input.categories);
    const key = newEntityKey(db, input.label);
    const info = db
      .prepare(
        `INSERT INTO entities (key, label, kind, uri, description, created_at, updated_at)
         VALUES (@key, @label, @kind, @uri, @description, @now, @now)`,
      )
      .run({
        key,
        label: input.label,
        kind: input.kind,
        uri: blankToNull(input.uri),
        description: input.description,
        now,
      });
    const id = Number(info.lastInsertRowid);
    replaceLists(db, id, { jurisdictions, aliases, categories });
    appendAudit(db, now, null, 'entity.created', {
      id,
      key,
      label: input.label,
      kind: input.kind,
      jurisdictions,
      aliases,
      categories,
    });
    return getEntity(db, id) as EntityDetails;
  })();
}

type Field = 'label' | 'kind' | 'jurisdictions' | 'aliases' | 'categories' | 'uri' | 'description';

/** Lists are replaced whole; only fields that really change are written and audited. Null when no such entity. */
export function updateEntity(db: Db, input: ParsedInput<'entity.update'>, now: string): EntityDetails | null {
  const method = 'entity.update';
  if (input.label !== undefined) checkText(method, 'label', input.label);
  return db.transaction(() => {
    const before = getEntity(db, input.id);
    if (!before) return null;
    const label = input.label ?? before.label;
    const after = {
      label,
      kind: input.kind ?? before.kind,
      jurisdictions:
        input.jurisdictions === undefined ? before.jurisdictions : checkJurisdictions(db, method, input.jurisdictions),
      aliases: uniqueAliases(input.aliases ?? before.aliases, label),
      categories: input.categories === undefined ? before.categories : uniqueCategories(input.categories),
      uri: input.uri === undefined ? before.uri : blankToNull(input.uri),
      description: input.description ?? before.description,
    };
    const changes: Partial<Record<Field, { from: unknown; to: unknown }>> = {};
    for (const field of Object.keys(after) as Field[]) {
      if (JSON.stringify(after[field]) !== JSON.stringify(before[field]))
        changes[field] = { from: before[field], to: after[field] };
    }
    if (Object.keys(changes).length === 0) return before;
    if (changes.kind) checkKindChange(before, after.kind);
    db.prepare(
      `UPDATE entities SET label = @label, kind = @kind, uri = @uri, description = @description, updated_at = @now
        WHERE id = @id`,
    ).run({ id: input.id, label, kind: after.kind, uri: after.uri, description: after.description, now });
    replaceLists(db, input.id, {
      jurisdictions: changes.jurisdictions ? after.jurisdictions : undefined,
      aliases: changes.aliases ? after.aliases : undefined,
      categories: changes.categories ? after.categories : undefined,
    });
    appendAudit(db, now, null, 'entity.updated', { id: input.id, key: before.key, changes });
    return getEntity(db, input.id);
  })();
}

/**
 * Attribution rests on kinds: an incident's victim may not become an actor (the incident engine refuses actors
 * as victims), and an actor that incidents are attributed to must stay an actor, or the loss figures would lie.
 */
function checkKindChange(before: EntityDetails, kind: string): void {
  const { asVictim, asActor } = before.incidents;
  if (asVictim > 0 && kind === 'actor')
    throw new ApiError(
      'invalid_input',
      `entity.update: kind: ${before.label} is the victim of ${asVictim} incident(s) and cannot become an actor`,
    );
  if (asActor > 0 && kind !== 'actor')
    throw new ApiError(
      'invalid_input',
      `entity.update: kind: ${before.label} is attributed ${asActor} incident(s) and must stay an actor`,
    );
}
