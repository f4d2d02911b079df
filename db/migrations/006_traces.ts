import type { Migration } from './types';

/**
 * Stored traces: what was asked (method, direction, seeds, every parameter as the trace.run input gave it),
 * the app version that answered, and the report as canonical JSON with its SHA-256, so a figure in a case
 * report can be recomputed and compared byte for byte. Depends on 001 (cases) only.
 */
export const migration006: Migration = {
  version: 6,
  name: 'traces',
  sql: `
    CREATE TABLE traces (
      id            INTEGER PRIMARY KEY,
      case_id       INTEGER REFERENCES cases (id) ON DELETE CASCADE,
      created_at    TEXT    NOT NULL,
      app_version   TEXT    NOT NULL,
      method        TEXT    NOT NULL CHECK (method IN ('poison', 'haircut', 'fifo')),
      direction     TEXT    NOT NULL CHECK (direction IN ('forward', 'backward')),
      seeds         TEXT    NOT NULL CHECK (json_valid(seeds)),
      parameters    TEXT    NOT NULL CHECK (json_valid(parameters)),
      report        TEXT    NOT NULL CHECK (json_valid(report)),
      report_sha256 TEXT    NOT NULL CHECK (length(report_sha256) = 64 AND report_sha256 NOT GLOB '*[^0-9a-f]*')
    ) STRICT;
    CREATE INDEX traces_by_case ON traces (case_id, id);
  `,
};
