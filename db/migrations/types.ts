export interface Migration {
  /** Becomes PRAGMA user_version once applied; versions start at 1 and have no gaps. */
  version: number;
  name: string;
  sql: string;
}
