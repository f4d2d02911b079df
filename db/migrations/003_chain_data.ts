import { CHAINS, TOKENS } from '../reference/chains';
import { CONFIDENCE_LEVELS } from '../reference/confidence';
import { COUNTRIES } from '../reference/countries';
import type { Migration } from './types';

/**
 * Chain data and attribution. Amounts are exact integers in base units, stored as canonical decimal text
 * (digits, no sign, no leading zeros): wei exceeds SQLite's 64-bit INTEGER, and REAL would round. Sums and
 * comparisons happen in BigInt in the engine. The reference tables (chains, assets, confidence levels,
 * countries) are filled from db/reference, facts the project writes itself; later changes to them belong in
 * a new migration.
 */
export const AMOUNT = (column: string) =>
  `${column} TEXT NOT NULL CHECK (${column} GLOB '[0-9]*' AND ${column} NOT GLOB '*[^0-9]*' AND (${column} = '0' OR ${column} NOT GLOB '0*'))`;

const text = (value: string) => `'${value.replace(/'/g, "''")}'`;

function referenceRows(): string {
  const values = (rows: (string | number)[][]) =>
    rows.map((row) => `(${row.map((v) => (typeof v === 'number' ? String(v) : text(v))).join(', ')})`).join(',\n');
  return `
    INSERT INTO chains (code, name, model) VALUES ${values(CHAINS.map((c) => [c.code, c.name, c.model]))};
    INSERT INTO assets (chain, symbol, contract, decimals, name) VALUES ${values([
      ...CHAINS.map((c) => [c.code, c.symbol, '', c.decimals, c.name]),
      ...TOKENS.map((t) => [t.chain, t.symbol, t.contract, t.decimals, t.name]),
    ])};
    INSERT INTO countries (code, name) VALUES ${values(COUNTRIES.map(([code, name]) => [code, name]))};
    INSERT INTO confidence_levels (id, label, level, description) VALUES ${values(
      CONFIDENCE_LEVELS.map((c) => [c.id, c.label, c.level, c.description]),
    )};`;
}

export const migration003: Migration = {
  version: 3,
  name: 'chain_data',
  sql: `
    CREATE TABLE chains (
      code      TEXT PRIMARY KEY CHECK (code GLOB '[A-Z0-9]*' AND length(code) BETWEEN 2 AND 12),
      name      TEXT NOT NULL,
      model     TEXT NOT NULL CHECK (model IN ('account', 'utxo'))
    ) STRICT;

    CREATE TABLE assets (
      id       INTEGER PRIMARY KEY,
      chain    TEXT    NOT NULL REFERENCES chains (code),
      symbol   TEXT    NOT NULL,
      contract TEXT    NOT NULL DEFAULT '',
      decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36),
      name     TEXT,
      UNIQUE (chain, contract)
    ) STRICT;
    CREATE INDEX assets_by_symbol ON assets (chain, symbol);

    CREATE TABLE countries (
      code TEXT PRIMARY KEY CHECK (length(code) = 2 AND code GLOB '[A-Z][A-Z]'),
      name TEXT NOT NULL
    ) STRICT;

    CREATE TABLE confidence_levels (
      id          TEXT    PRIMARY KEY,
      label       TEXT    NOT NULL,
      level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 100),
      description TEXT    NOT NULL
    ) STRICT;

    -- Every imported file, for provenance: what came from where, when, and with which hash.
    CREATE TABLE import_sources (
      id          INTEGER PRIMARY KEY,
      format      TEXT    NOT NULL,
      file_name   TEXT    NOT NULL,
      sha256      TEXT    NOT NULL CHECK (length(sha256) = 64),
      size        INTEGER NOT NULL,
      imported_at TEXT    NOT NULL,
      title       TEXT,
      creator     TEXT,
      description TEXT,
      lastmod     TEXT,
      read        INTEGER NOT NULL DEFAULT 0,
      inserted    INTEGER NOT NULL DEFAULT 0,
      duplicates  INTEGER NOT NULL DEFAULT 0,
      rejected    INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX import_sources_by_hash ON import_sources (sha256);

    CREATE TABLE addresses (
      id      INTEGER PRIMARY KEY,
      chain   TEXT NOT NULL REFERENCES chains (code),
      address TEXT NOT NULL,
      UNIQUE (chain, address)
    ) STRICT;

    CREATE TABLE transfers (
      id        INTEGER PRIMARY KEY,
      chain     TEXT    NOT NULL REFERENCES chains (code),
      tx_hash   TEXT    NOT NULL,
      idx       INTEGER NOT NULL,
      time      INTEGER NOT NULL,
      block     INTEGER,
      from_id   INTEGER NOT NULL REFERENCES addresses (id),
      to_id     INTEGER NOT NULL REFERENCES addresses (id),
      asset_id  INTEGER NOT NULL REFERENCES assets (id),
      ${AMOUNT('amount')},
      source_id INTEGER REFERENCES import_sources (id),
      UNIQUE (chain, tx_hash, idx)
    ) STRICT;
    CREATE INDEX transfers_by_from ON transfers (from_id, time);
    CREATE INDEX transfers_by_to ON transfers (to_id, time);

    CREATE TABLE utxo_txs (
      id        INTEGER PRIMARY KEY,
      chain     TEXT    NOT NULL REFERENCES chains (code),
      tx_hash   TEXT    NOT NULL,
      time      INTEGER NOT NULL,
      block     INTEGER,
      source_id INTEGER REFERENCES import_sources (id),
      UNIQUE (chain, tx_hash)
    ) STRICT;
    CREATE TABLE utxo_inputs (
      tx_id      INTEGER NOT NULL REFERENCES utxo_txs (id) ON DELETE CASCADE,
      n          INTEGER NOT NULL,
      address_id INTEGER REFERENCES addresses (id),
      ${AMOUNT('value')},
      prev_tx    TEXT,
      prev_vout  INTEGER,
      PRIMARY KEY (tx_id, n)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX utxo_inputs_by_address ON utxo_inputs (address_id);
    CREATE TABLE utxo_outputs (
      tx_id      INTEGER NOT NULL REFERENCES utxo_txs (id) ON DELETE CASCADE,
      n          INTEGER NOT NULL,
      address_id INTEGER REFERENCES addresses (id),
      ${AMOUNT('value')},
      PRIMARY KEY (tx_id, n)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX utxo_outputs_by_address ON utxo_outputs (address_id);

    -- USD per whole unit of an asset on a UTC day, as exact decimal text.
    CREATE TABLE prices (
      asset_id  INTEGER NOT NULL REFERENCES assets (id),
      day       TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      usd       TEXT    NOT NULL CHECK (usd GLOB '[0-9]*' AND usd NOT GLOB '*[^0-9.]*' AND usd NOT GLOB '*.*.*'),
      source_id INTEGER REFERENCES import_sources (id),
      PRIMARY KEY (asset_id, day)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE entities (
      id          INTEGER PRIMARY KEY,
      key         TEXT UNIQUE,
      label       TEXT NOT NULL CHECK (length(trim(label)) > 0),
      kind        TEXT NOT NULL CHECK (kind IN ('actor', 'victim', 'service', 'unknown')),
      uri         TEXT,
      description TEXT NOT NULL DEFAULT '',
      context     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(context)),
      lastmod     TEXT,
      source_id   INTEGER REFERENCES import_sources (id)
    ) STRICT;
    CREATE INDEX entities_by_label ON entities (label COLLATE NOCASE);
    CREATE TABLE entity_jurisdictions (
      entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      country   TEXT    NOT NULL REFERENCES countries (code),
      PRIMARY KEY (entity_id, country)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX entity_jurisdictions_by_country ON entity_jurisdictions (country);
    CREATE TABLE entity_aliases (
      entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      alias     TEXT    NOT NULL,
      PRIMARY KEY (entity_id, alias)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE entity_categories (
      entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
      category  TEXT    NOT NULL,
      PRIMARY KEY (entity_id, category)
    ) STRICT, WITHOUT ROWID;

    -- Attribution. The subject is an address or a transaction, never both. dedup_key is the subject in its
    -- normal form with the lower-cased label and source: the same claim imported twice is one tag.
    CREATE TABLE tags (
      id                 INTEGER PRIMARY KEY,
      chain              TEXT    NOT NULL REFERENCES chains (code),
      address_id         INTEGER REFERENCES addresses (id),
      tx_hash            TEXT,
      label              TEXT    NOT NULL,
      source             TEXT    NOT NULL,
      confidence         TEXT    NOT NULL REFERENCES confidence_levels (id),
      category           TEXT,
      abuse              TEXT,
      concepts           TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(concepts)),
      actor              TEXT,
      asset              TEXT,
      is_cluster_definer INTEGER NOT NULL DEFAULT 0 CHECK (is_cluster_definer IN (0, 1)),
      context            TEXT,
      lastmod            TEXT,
      source_id          INTEGER REFERENCES import_sources (id),
      created_by         TEXT,
      created_at         TEXT,
      dedup_key          TEXT    NOT NULL UNIQUE,
      CHECK ((address_id IS NULL) <> (tx_hash IS NULL))
    ) STRICT;
    CREATE INDEX tags_by_address ON tags (address_id);
    CREATE INDEX tags_by_actor ON tags (actor);
    ${referenceRows()}
  `,
};
