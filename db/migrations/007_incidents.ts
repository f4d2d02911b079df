import { AMOUNT } from './003_chain_data';
import type { Migration } from './types';

/**
 * Incidents (thefts) in a case and who they are attributed to, plus the bookkeeping that editing entities
 * needs. An incident's USD is exact decimal text: amount × the asset's price on the theft's UTC day
 * (`usd_basis` 'price'), a figure the investigator typed where no price exists ('typed'), or unknown ('none').
 * Rounding to cents happens only when figures are shown. `jurisdiction` is the victim's jurisdiction for this
 * incident: a victim with several jurisdictions is counted once, where the investigator says.
 *
 * Attribution has two bases, both kept so a summary can show where each dollar came from:
 * - direct: incident_actors rows, each with its source and a confidence of the GraphSense taxonomy;
 * - by trace: `trace_id` names a stored trace (of the same case) seeded by the incident; the summary reads
 *   which actor-tagged addresses its taint reached, and at what confidence, from the stored report.
 * Depends on 001 (cases), 003 (entities, chains, assets, countries, confidence) and 006 (traces).
 */
export const migration007: Migration = {
  version: 7,
  name: 'incidents',
  sql: `
    ALTER TABLE entities ADD COLUMN created_at TEXT;
    ALTER TABLE entities ADD COLUMN updated_at TEXT;

    CREATE TABLE incidents (
      id           INTEGER PRIMARY KEY,
      case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      title        TEXT    NOT NULL DEFAULT '',
      victim_id    INTEGER NOT NULL REFERENCES entities (id),
      jurisdiction TEXT    REFERENCES countries (code),
      time         TEXT    NOT NULL CHECK (time GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*Z'),
      chain        TEXT    NOT NULL REFERENCES chains (code),
      asset_id     INTEGER NOT NULL REFERENCES assets (id),
      ${AMOUNT('amount')},
      usd          TEXT    CHECK (usd GLOB '[0-9]*' AND usd NOT GLOB '*[^0-9.]*' AND usd NOT GLOB '*.*.*'),
      usd_basis    TEXT    NOT NULL CHECK (usd_basis IN ('price', 'typed', 'none')),
      source       TEXT    NOT NULL DEFAULT '',
      note         TEXT    NOT NULL DEFAULT '',
      trace_id     INTEGER REFERENCES traces (id) ON DELETE SET NULL,
      source_id    INTEGER REFERENCES import_sources (id),
      created_at   TEXT    NOT NULL,
      updated_at   TEXT    NOT NULL,
      CHECK ((usd IS NULL) = (usd_basis = 'none'))
    ) STRICT;
    CREATE INDEX incidents_by_case ON incidents (case_id, time, id);
    CREATE INDEX incidents_by_victim ON incidents (victim_id);
    CREATE INDEX incidents_by_trace ON incidents (trace_id) WHERE trace_id IS NOT NULL;

    -- Theft transactions, as the chain writes them (lower-case hex; 0x-prefixed on account chains).
    CREATE TABLE incident_txs (
      incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      tx_hash     TEXT    NOT NULL,
      PRIMARY KEY (incident_id, tx_hash)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE incident_addresses (
      incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      address_id  INTEGER NOT NULL REFERENCES addresses (id),
      PRIMARY KEY (incident_id, address_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX incident_addresses_by_address ON incident_addresses (address_id);

    CREATE TABLE incident_actors (
      incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
      actor_id    INTEGER NOT NULL REFERENCES entities (id),
      source      TEXT    NOT NULL CHECK (length(trim(source)) > 0),
      confidence  TEXT    NOT NULL REFERENCES confidence_levels (id),
      created_at  TEXT    NOT NULL,
      PRIMARY KEY (incident_id, actor_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX incident_actors_by_actor ON incident_actors (actor_id);
  `,
};
