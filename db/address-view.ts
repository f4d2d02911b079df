import type { AddressCheckResult, AddressDetails, EntityView, TagView } from './api/contract';
import { ApiError } from './api/errors';
import { TAG_ORDER } from './best-tag';
import { parseChainAddress } from './chains';
import type { Db } from './open';

export function checkAddresses(inputs: string[]): AddressCheckResult[] {
  return inputs.map((input) => {
    const check = parseChainAddress(input);
    return check.valid
      ? {
          input,
          valid: true,
          chain: check.chain,
          normalized: `${check.chain}:${check.normalized}`,
          kind: check.kind,
          reason: null,
        }
      : { input, valid: false, chain: check.chain, normalized: null, kind: null, reason: check.reason };
  });
}

interface TagRow {
  label: string;
  source: string;
  confidence: string;
  level: number;
  category: string | null;
  abuse: string | null;
  actor: string | null;
  title: string | null;
  file_name: string | null;
  sha256: string | null;
  imported_at: string | null;
}

interface EntityRow {
  id: number;
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string | null;
}

export function showAddress(db: Db, input: string): AddressDetails {
  const check = parseChainAddress(input);
  if (!check.valid) throw new ApiError('invalid_input', `address.show: ${input.trim()}: ${check.reason}`);
  const { chain, normalized, kind } = check;
  const id = db.prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?').pluck().get(chain, normalized) as
    number | undefined;
  const base = { address: `${chain}:${normalized}`, chain, normalized, kind };
  if (id === undefined) {
    return {
      ...base,
      known: false,
      tags: [],
      entities: [],
      transfers: { in: 0, out: 0 },
      utxo: { inputs: 0, outputs: 0 },
    };
  }
  const tagRows = db
    .prepare(
      `SELECT t.label, t.source, t.confidence, c.level, t.category, t.abuse, t.actor,
              s.title, s.file_name, s.sha256, s.imported_at
         FROM tags t
         JOIN confidence_levels c ON c.id = t.confidence
         LEFT JOIN import_sources s ON s.id = t.source_id
        WHERE t.address_id = ?
        ORDER BY ${TAG_ORDER}`,
    )
    .all(id) as TagRow[];
  const tags: TagView[] = tagRows.map((r) => ({
    label: r.label,
    source: r.source,
    confidence: r.confidence,
    confidenceLevel: r.level,
    category: r.category,
    abuse: r.abuse,
    actor: r.actor,
    origin:
      r.file_name === null
        ? null
        : { title: r.title, file: r.file_name, sha256: r.sha256 ?? '', importedAt: r.imported_at ?? '' },
  }));
  const entityRows = db
    .prepare(
      `SELECT e.id, e.key, e.label, e.kind, group_concat(j.country) AS jurisdictions
         FROM entities e
         LEFT JOIN entity_jurisdictions j ON j.entity_id = e.id
        WHERE e.key IN (SELECT actor FROM tags WHERE address_id = ? AND actor IS NOT NULL)
        GROUP BY e.id
        ORDER BY e.label`,
    )
    .all(id) as EntityRow[];
  const entities: EntityView[] = entityRows.map((e) => ({
    key: e.key,
    label: e.label,
    kind: e.kind,
    jurisdictions: e.jurisdictions ? e.jurisdictions.split(',').sort() : [],
  }));
  const count = (sql: string) => db.prepare(sql).pluck().get(id) as number;
  return {
    ...base,
    known: true,
    tags,
    entities,
    transfers: {
      in: count('SELECT count(*) FROM transfers WHERE to_id = ?'),
      out: count('SELECT count(*) FROM transfers WHERE from_id = ?'),
    },
    utxo: {
      inputs: count('SELECT count(*) FROM utxo_inputs WHERE address_id = ?'),
      outputs: count('SELECT count(*) FROM utxo_outputs WHERE address_id = ?'),
    },
  };
}
