import type { Db } from './open';

/** Statements prepared once per connection: importers call these per record. */
export function addressStatements(db: Db) {
  const insert = db.prepare(
    'INSERT INTO addresses (chain, address) VALUES (?, ?) ON CONFLICT (chain, address) DO NOTHING',
  );
  const find = db.prepare('SELECT id FROM addresses WHERE chain = ? AND address = ?').pluck();
  return {
    /** The id of (chain, normalized address), adding the address when it is new. */
    idOf(chain: string, address: string): number {
      const info = insert.run(chain, address);
      if (info.changes > 0) return Number(info.lastInsertRowid);
      return find.get(chain, address) as number;
    },
  };
}

export function knownChains(db: Db): Set<string> {
  return new Set(db.prepare('SELECT code FROM chains').pluck().all() as string[]);
}
