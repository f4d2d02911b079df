import type { Migration } from './types';

/** The addresses an investigator put into a case (pasted lists, imports); the case graph builds on them. */
export const migration004: Migration = {
  version: 4,
  name: 'case_addresses',
  sql: `
    CREATE TABLE case_addresses (
      case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      address_id INTEGER NOT NULL REFERENCES addresses (id),
      added_at   TEXT    NOT NULL,
      source_id  INTEGER REFERENCES import_sources (id),
      PRIMARY KEY (case_id, address_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX case_addresses_by_address ON case_addresses (address_id);
  `,
};
