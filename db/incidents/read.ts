/** Incidents as the contract gives them: victim, asset, theft txs, victim addresses and direct attributions. */
import type { Incident, UsdBasis } from '../api/attribution';
import type { Db } from '../open';

interface IncidentRow {
  id: number;
  case_id: number;
  title: string;
  victim_id: number;
  victim_key: string | null;
  victim_label: string;
  jurisdiction: string | null;
  time: string;
  chain: string;
  asset_id: number;
  asset_chain: string;
  symbol: string;
  decimals: number;
  amount: string;
  usd: string | null;
  usd_basis: UsdBasis;
  source: string;
  note: string;
  trace_id: number | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT i.*, e.key AS victim_key, e.label AS victim_label, a.chain AS asset_chain, a.symbol, a.decimals
  FROM incidents i JOIN entities e ON e.id = i.victim_id JOIN assets a ON a.id = i.asset_id`;

function statements(db: Db) {
  return {
    txs: db.prepare('SELECT tx_hash FROM incident_txs WHERE incident_id = ? ORDER BY tx_hash').pluck(),
    addresses: db
      .prepare(
        `SELECT a.chain || ':' || a.address FROM incident_addresses ia JOIN addresses a ON a.id = ia.address_id
         WHERE ia.incident_id = ? ORDER BY a.address`,
      )
      .pluck(),
    jurisdictions: db.prepare('SELECT country FROM entity_jurisdictions WHERE entity_id = ? ORDER BY country').pluck(),
    actors: db.prepare(
      `SELECT e.id, e.key, e.label, ia.source, ia.confidence, c.level, ia.created_at
       FROM incident_actors ia JOIN entities e ON e.id = ia.actor_id JOIN confidence_levels c ON c.id = ia.confidence
       WHERE ia.incident_id = ? ORDER BY c.level DESC, e.label, e.id`,
    ),
  };
}

function toIncident(row: IncidentRow, s: ReturnType<typeof statements>): Incident {
  const actors = s.actors.all(row.id) as {
    id: number;
    key: string | null;
    label: string;
    source: string;
    confidence: string;
    level: number;
    created_at: string;
  }[];
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    victim: {
      id: row.victim_id,
      key: row.victim_key,
      label: row.victim_label,
      jurisdictions: s.jurisdictions.all(row.victim_id) as string[],
    },
    jurisdiction: row.jurisdiction,
    time: row.time,
    chain: row.chain,
    asset: { id: row.asset_id, chain: row.asset_chain, symbol: row.symbol, decimals: row.decimals },
    amount: row.amount,
    usd: row.usd,
    usdBasis: row.usd_basis,
    source: row.source,
    note: row.note,
    txs: (s.txs.all(row.id) as string[]).map((hash) => `${row.chain}:${hash}`),
    addresses: s.addresses.all(row.id) as string[],
    actors: actors.map((a) => ({
      actor: { id: a.id, key: a.key, label: a.label },
      source: a.source,
      confidence: a.confidence,
      confidenceLevel: a.level,
      createdAt: a.created_at,
    })),
    traceId: row.trace_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getIncident(db: Db, id: number): Incident | null {
  const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as IncidentRow | undefined;
  return row ? toIncident(row, statements(db)) : null;
}

/** A case's incidents, oldest first. */
export function listIncidents(db: Db, caseId: number): Incident[] {
  const rows = db.prepare(`${SELECT} WHERE i.case_id = ? ORDER BY i.time, i.id`).all(caseId) as IncidentRow[];
  const s = statements(db);
  return rows.map((row) => toIncident(row, s));
}
