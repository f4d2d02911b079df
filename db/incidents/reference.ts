import type { ReferenceData } from '../api/attribution';
import type { Db } from '../open';

/** The countries and the confidence taxonomy, as pickers list them: countries by name, confidence most certain first. */
export function referenceData(db: Db): ReferenceData {
  return {
    countries: db.prepare('SELECT code, name FROM countries ORDER BY name, code').all() as ReferenceData['countries'],
    confidence: db
      .prepare('SELECT id, label, level, description FROM confidence_levels ORDER BY level DESC, id')
      .all() as ReferenceData['confidence'],
  };
}
