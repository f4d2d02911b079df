import type { GraphNode, NodeKind } from '../api/contract';
import { rankedTagsSql } from '../best-tag';
import { OFAC_SOURCE } from '../import/ofac';
import type { Db } from '../open';
import { nodeKind } from './kind';

/** What the workspace knows of an address, as a graph node or a counterparty shows it. */
export type AddressInfo = Pick<GraphNode, 'label' | 'entity' | 'confidenceLevel' | 'sanctioned'> & { kind: NodeKind };

export const UNKNOWN_ADDRESS: AddressInfo = {
  label: null,
  kind: 'unknown',
  entity: null,
  confidenceLevel: null,
  sanctioned: false,
};

interface BestRow {
  id: number;
  label: string;
  level: number;
  category: string | null;
  abuse: string | null;
  entity_label: string | null;
  entity_kind: string | null;
  jurisdictions: string | null;
  categories: string | null;
}

const textArray = (json: string | null): string[] => (json === null ? [] : (JSON.parse(json) as string[]));

/**
 * Label, kind, entity and confidence from each address's most confident tag, and whether any of its tags puts
 * it under sanctions (an OFAC SDN entry, or a `sanction` category, abuse or concept). An address an incident
 * names as its victim's is of kind victim whatever its tags say (roles come first, as in nodeKind: the hot
 * wallet of a hacked exchange is drawn as the victim's). Three queries for any number of addresses; addresses
 * without tags that no incident names are absent from the map.
 */
export function addressInfo(db: Db, addressIds: readonly number[]): Map<number, AddressInfo> {
  const ids = JSON.stringify([...new Set(addressIds)]);
  const best = db
    .prepare(
      `WITH best AS (${rankedTagsSql('SELECT value FROM json_each(@ids)')})
       SELECT b.address_id AS id, b.label, b.level, b.category, b.abuse,
              e.label AS entity_label, e.kind AS entity_kind,
              (SELECT json_group_array(country) FROM (SELECT country FROM entity_jurisdictions
                WHERE entity_id = e.id ORDER BY country)) AS jurisdictions,
              (SELECT json_group_array(category) FROM (SELECT category FROM entity_categories
                WHERE entity_id = e.id ORDER BY category)) AS categories
         FROM best b LEFT JOIN entities e ON e.key = b.actor
        WHERE b.rank = 1`,
    )
    .all({ ids }) as BestRow[];
  const sanctioned = new Set(
    db
      .prepare(
        `SELECT DISTINCT address_id FROM tags t
          WHERE address_id IN (SELECT value FROM json_each(@ids))
            AND (source = @ofac OR abuse = 'sanction' OR category = 'sanction'
                 OR EXISTS (SELECT 1 FROM json_each(t.concepts) WHERE value = 'sanction'))`,
      )
      .pluck()
      .all({ ids, ofac: OFAC_SOURCE }) as number[],
  );
  const victims = db
    .prepare(
      'SELECT DISTINCT address_id FROM incident_addresses WHERE address_id IN (SELECT value FROM json_each(@ids))',
    )
    .pluck()
    .all({ ids }) as number[];
  const infos = new Map(
    best.map((r) => {
      const concepts = [r.category, r.abuse, ...textArray(r.categories)].filter((c): c is string => c !== null);
      const entity =
        r.entity_label === null
          ? null
          : { label: r.entity_label, kind: r.entity_kind ?? 'unknown', jurisdictions: textArray(r.jurisdictions) };
      const info: AddressInfo = {
        label: r.label,
        kind: nodeKind(r.entity_kind, concepts),
        entity,
        confidenceLevel: r.level,
        sanctioned: sanctioned.has(r.id),
      };
      return [r.id, info];
    }),
  );
  for (const id of victims) infos.set(id, { ...(infos.get(id) ?? UNKNOWN_ADDRESS), kind: 'victim' });
  return infos;
}

/** `addressInfo` for addresses written CHAIN:ADDRESS (normal form), as reports name them; unknown ones are UNKNOWN_ADDRESS. */
export function addressInfoByName(db: Db, addresses: readonly string[]): (address: string) => AddressInfo {
  const idOf = db.prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?').pluck();
  const ids = new Map<string, number>();
  for (const address of addresses) {
    const colon = address.indexOf(':');
    const id = idOf.get(address.slice(0, colon), address.slice(colon + 1)) as number | undefined;
    if (id !== undefined) ids.set(address, id);
  }
  const info = addressInfo(db, [...ids.values()]);
  return (address) => {
    const id = ids.get(address);
    return (id === undefined ? undefined : info.get(id)) ?? UNKNOWN_ADDRESS;
  };
}
