/**
 * Merging duplicates (the same exchange imported from two packs, a victim typed in twice) into one entity, in
 * one transaction: tags naming a merged entity name the one kept, its incidents and direct attributions move,
 * and its jurisdictions, aliases and categories join the kept entity's, with its label and key kept as aliases
 * so searches for the old names still find it. The merged entities are then deleted.
 */
import type { EntityDetails } from '../api/attribution';
import type { ParsedInput } from '../api/contract';
import { ApiError } from '../api/errors';
import { appendAudit } from '../audit';
import type { Db } from '../open';
import { getEntity } from './details';
import { newEntityKey, replaceLists, uniqueAliases, uniqueCategories } from './rules';

const refuse = (message: string): never => {
  throw new ApiError('invalid_input', `entity.merge: ${message}`);
};

interface Attribution {
  incident_id: number;
  actor_id: number;
  source: string;
  confidence: string;
  created_at: string;
  level: number;
}

/** Null when `into` does not exist; a merged entity that does not exist is refused by name. */
export function mergeEntities(db: Db, input: ParsedInput<'entity.merge'>, now: string): EntityDetails | null {
  return db.transaction(() => {
    const into = getEntity(db, input.into);
    if (!into) return null;
    const fromIds = [...new Set(input.from)];
    if (fromIds.includes(into.id)) refuse(`cannot merge ${into.label} (${into.id}) into itself`);
    const from = fromIds.map(
      (id) => getEntity(db, id) ?? (refuse(`from: entity ${id} does not exist`) as unknown as EntityDetails),
    );
    for (const f of from) {
      // Victim, service and unknown are roles the same organisation can be filed under (an exchange imported as a
      // service is the victim of a hack), so they merge; an actor never merges with anything else, or an actor's
      // tags and attributions would end up on a victim, or a victim's losses on an actor.
      if ((f.kind === 'actor') !== (into.kind === 'actor'))
        refuse(
          `${f.label} (${f.id}) is ${article(f.kind)} and ${into.label} (${into.id}) is ${article(into.kind)}: ` +
            'an actor can only be merged with actors',
        );
    }

    let key = into.key;
    if (key === null && from.some((f) => f.key !== null)) {
      // Tags name their actor by key, so the kept entity needs one before the merged entities' tags can move.
      key = newEntityKey(db, into.label);
      db.prepare('UPDATE entities SET key = ? WHERE id = ?').run(key, into.id);
    }
    const moveTags = db.prepare('UPDATE tags SET actor = ? WHERE actor = ?');
    const moveVictim = db.prepare('UPDATE incidents SET victim_id = ? WHERE victim_id = ?');
    const attributions = db.prepare(
      `SELECT a.*, c.level FROM incident_actors a JOIN confidence_levels c ON c.id = a.confidence WHERE actor_id = ?`,
    );
    const existing = db.prepare(
      `SELECT a.*, c.level FROM incident_actors a JOIN confidence_levels c ON c.id = a.confidence
        WHERE incident_id = ? AND actor_id = ?`,
    );
    const replaceAttribution = db.prepare(
      `UPDATE incident_actors SET source = @source, confidence = @confidence, created_at = @created_at
        WHERE incident_id = @incident_id AND actor_id = @into`,
    );
    const moveAttribution = db.prepare(
      'UPDATE incident_actors SET actor_id = ? WHERE incident_id = ? AND actor_id = ?',
    );
    const dropAttribution = db.prepare('DELETE FROM incident_actors WHERE incident_id = ? AND actor_id = ?');

    const moved = { tags: 0, incidentsAsVictim: 0, attributions: 0 };
    for (const f of from) {
      if (f.key !== null && key !== null) moved.tags += moveTags.run(key, f.key).changes;
      moved.incidentsAsVictim += moveVictim.run(into.id, f.id).changes;
      for (const a of attributions.all(f.id) as Attribution[]) {
        const kept = existing.get(a.incident_id, into.id) as Attribution | undefined;
        if (kept === undefined) {
          moveAttribution.run(into.id, a.incident_id, f.id);
        } else {
          // Both were attributed the same incident: one row per (incident, actor), so the more confident
          // attribution stays (the kept entity's on a tie), with its own source.
          if (a.level > kept.level) replaceAttribution.run({ ...a, into: into.id });
          dropAttribution.run(a.incident_id, f.id);
        }
        moved.attributions += 1;
      }
    }

    const names = from.flatMap((f) => [f.label, ...(f.key === null ? [] : [f.key]), ...f.aliases]);
    const jurisdictions = [...new Set([...into.jurisdictions, ...from.flatMap((f) => f.jurisdictions)])].sort();
    const aliases = uniqueAliases([...into.aliases, ...names], into.label);
    const categories = uniqueCategories([...into.categories, ...from.flatMap((f) => f.categories)]);
    replaceLists(db, into.id, { jurisdictions, aliases, categories });
    const uri = into.uri ?? from.find((f) => f.uri !== null)?.uri ?? null;
    const description = into.description || (from.find((f) => f.description !== '')?.description ?? '');
    db.prepare('UPDATE entities SET uri = ?, description = ?, updated_at = ? WHERE id = ?').run(
      uri,
      description,
      now,
      into.id,
    );
    const remove = db.prepare('DELETE FROM entities WHERE id = ?');
    for (const f of from) remove.run(f.id);

    appendAudit(db, now, null, 'entity.merged', {
      into: { id: into.id, key, label: into.label },
      from: from.map((f) => ({ id: f.id, key: f.key, label: f.label, kind: f.kind })),
      moved,
    });
    return getEntity(db, into.id);
  })();
}

function article(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}
