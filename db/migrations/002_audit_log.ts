import type { Migration } from './types';

/**
 * The append-only audit log a court may ask for. It has no foreign key to cases on purpose: the record of a
 * deleted case outlives the case. Triggers refuse every UPDATE and DELETE.
 */
export const migration002: Migration = {
  version: 2,
  name: 'audit_log',
  sql: `
    CREATE TABLE audit_log (
      id      INTEGER PRIMARY KEY AUTOINCREMENT,
      at      TEXT    NOT NULL,
      case_id INTEGER,
      action  TEXT    NOT NULL,
      detail  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT;
    CREATE INDEX audit_log_by_case ON audit_log (case_id, id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    INSERT INTO audit_log (at, case_id, action, detail)
      SELECT created_at, id, 'case.created', json_object('title', title, 'backfilled', 1) FROM cases ORDER BY id;
  `,
};
