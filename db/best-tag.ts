/**
 * Which of an address's tags speaks for it: the most confident (highest confidence level), the earliest
 * imported among equals. Every view that shows "the" label of an address ranks its tags this way.
 */
export const TAG_ORDER = 'c.level DESC, t.id';

/**
 * The tags of the addresses that `scope` (an SQL subquery of address ids) selects, ranked per address by
 * TAG_ORDER: `rank = 1` is each address's best tag.
 */
export function rankedTagsSql(scope: string): string {
  return `SELECT t.address_id, t.label, t.confidence, c.level, t.actor, t.category, t.abuse,
                 row_number() OVER (PARTITION BY t.address_id ORDER BY ${TAG_ORDER}) AS rank
            FROM tags t JOIN confidence_levels c ON c.id = t.confidence
           WHERE t.address_id IN (${scope})`;
}
