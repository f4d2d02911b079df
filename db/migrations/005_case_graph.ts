import type { Migration } from './types';

const FLAGS = (column: string) =>
  `${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;
const COLOUR = (column: string) =>
  `${column} TEXT CHECK (${column} IS NULL OR (length(${column}) = 7 AND ${column} GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'))`;
const BOOLEAN = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;

/**
 * A case's fund-flow graph as the investigator left it: nodes (addresses, and groups of them), edges (the
 * transfers between two addresses in one asset, annotated) and case notes. Only what the investigator set is
 * stored; totals, labels and kinds of addresses are computed from the workspace when the graph is read.
 * The foreign keys between graph rows are deferred: one edit may put a member before its group, and the
 * engine checks the final state itself so that a refusal names the offending id.
 */
export const migration005: Migration = {
  version: 5,
  name: 'case_graph',
  sql: `
    CREATE TABLE graph_nodes (
      case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      id         TEXT    NOT NULL CHECK (length(id) BETWEEN 3 AND 300),
      address_id INTEGER REFERENCES addresses (id),
      label      TEXT    CHECK (label IS NULL OR length(label) <= 200),
      kind       TEXT    CHECK (kind IS NULL OR kind IN ('victim', 'actor', 'exchange', 'mixer', 'bridge', 'service', 'unknown')),
      parent     TEXT    CHECK (parent IS NULL OR parent GLOB 'group:*'),
      x          REAL,
      y          REAL,
      ${BOOLEAN('pinned')},
      ${BOOLEAN('hidden')},
      ${BOOLEAN('collapsed')},
      ${COLOUR('color')},
      ${FLAGS('flags')},
      note       TEXT    NOT NULL DEFAULT '',
      PRIMARY KEY (case_id, id),
      -- An address node names its address; a group has a name of its own and sits in no other group.
      CHECK ((id GLOB 'group:*') = (address_id IS NULL)),
      CHECK (id GLOB 'group:*' OR (label IS NULL AND kind IS NULL)),
      CHECK (NOT id GLOB 'group:*' OR (label IS NOT NULL AND length(trim(label)) > 0 AND parent IS NULL)),
      CHECK ((x IS NULL) = (y IS NULL)),
      FOREIGN KEY (case_id, parent) REFERENCES graph_nodes (case_id, id) DEFERRABLE INITIALLY DEFERRED
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX graph_nodes_by_parent ON graph_nodes (case_id, parent) WHERE parent IS NOT NULL;

    CREATE TABLE graph_edges (
      case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      source   TEXT    NOT NULL CHECK (source NOT GLOB 'group:*'),
      target   TEXT    NOT NULL CHECK (target NOT GLOB 'group:*'),
      asset_id INTEGER NOT NULL REFERENCES assets (id),
      ${BOOLEAN('hidden')},
      ${COLOUR('color')},
      ${FLAGS('flags')},
      note     TEXT    NOT NULL DEFAULT '',
      PRIMARY KEY (case_id, source, target, asset_id),
      CHECK (source <> target),
      FOREIGN KEY (case_id, source) REFERENCES graph_nodes (case_id, id) DEFERRABLE INITIALLY DEFERRED,
      FOREIGN KEY (case_id, target) REFERENCES graph_nodes (case_id, id) DEFERRABLE INITIALLY DEFERRED
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX graph_edges_by_target ON graph_edges (case_id, target);

    -- AUTOINCREMENT: a deleted note's id is never given to another, so redoing its creation cannot clash.
    CREATE TABLE case_notes (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      text       TEXT    NOT NULL CHECK (length(trim(text)) > 0),
      created_at TEXT    NOT NULL,
      updated_at TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX case_notes_by_case ON case_notes (case_id, id);
  `,
};
