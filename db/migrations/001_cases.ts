import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'cases',
  sql: `
    CREATE TABLE cases (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      title        TEXT    NOT NULL CHECK (length(trim(title)) > 0),
      reference    TEXT,
      investigator TEXT,
      description  TEXT    NOT NULL DEFAULT '',
      status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'archived')),
      created_at   TEXT    NOT NULL,
      updated_at   TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX cases_by_updated ON cases (updated_at DESC, id DESC);
  `,
};
