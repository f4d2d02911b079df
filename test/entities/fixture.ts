import { createEngine, type Engine } from '../../db/api/engine';
import { importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import { writeFile } from '../helpers/import-check';
import { steppingClock } from '../helpers/workspace';

export const WALLET = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
export const OTHER = '0x28C6c06298d514Db089934071355E5743bf21d60';

/** Two actor packs naming the same group under two ids, as happens when packs from two firms meet. */
export const ACTORS = [
  'title: Actors',
  'creator: test',
  'actors:',
  '- id: lazarusgroup',
  '  label: Lazarus Group',
  '  aliases: [APT38, Hidden Cobra]',
  '  categories: [hacker]',
  '- id: lazarus',
  '  label: Lazarus',
  '  aliases: [APT38, TraderTraitor]',
  '  categories: [hacker, sanction]',
  '  jurisdictions: [KP]',
  '  uri: https://example.org/lazarus',
  '- id: zaif',
  '  label: Zaif',
  '  categories: [exchange]',
  '  jurisdictions: [JP]',
  '',
].join('\n');

export const TAGS = [
  'title: Actor wallets',
  'creator: test',
  'currency: ETH',
  'confidence: service_data',
  'source: a report',
  'tags:',
  `- address: '${WALLET}'`,
  '  label: Lazarus wallet',
  '  actor: lazarus',
  `- address: '${OTHER}'`,
  '  label: Lazarus Group wallet',
  '  actor: lazarusgroup',
  '',
].join('\n');

export interface Fixture {
  db: Db;
  api: Engine;
  actorPack: string;
}

/** A fresh in-memory workspace holding the packs above, with a fixed stepping clock. */
export async function entityWorkspace(): Promise<Fixture> {
  const { db } = openDb(':memory:');
  const actorPack = writeFile('actors.yaml', ACTORS);
  await importFile(db, actorPack);
  await importFile(db, writeFile('tags.yaml', TAGS));
  return { db, api: createEngine(db, { now: steppingClock() }), actorPack };
}

/** An incident written with SQL (the incidents engine is another module): a case, a victim, 1 ETH. */
export function insertIncident(db: Db, victimId: number, caseId?: number): number {
  const id =
    caseId ??
    Number(
      db
        .prepare(
          `INSERT INTO cases (title, description, status, created_at, updated_at)
           VALUES ('Case', '', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        )
        .run().lastInsertRowid,
    );
  const asset = db.prepare("SELECT id FROM assets WHERE chain = 'ETH' AND contract = ''").pluck().get() as number;
  return Number(
    db
      .prepare(
        `INSERT INTO incidents (case_id, victim_id, time, chain, asset_id, amount, usd_basis, created_at, updated_at)
         VALUES (?, ?, '2022-03-23T14:28:03Z', 'ETH', ?, '1000000000000000000', 'none', 'x', 'x')`,
      )
      .run(id, victimId, asset).lastInsertRowid,
  );
}

export function attribute(db: Db, incidentId: number, actorId: number, confidence: string, source: string): void {
  db.prepare(
    `INSERT INTO incident_actors (incident_id, actor_id, source, confidence, created_at)
     VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')`,
  ).run(incidentId, actorId, source, confidence);
}

export const idOf = (db: Db, key: string) =>
  db.prepare('SELECT id FROM entities WHERE key = ?').pluck().get(key) as number;

export function auditOf(db: Db, action: string): Record<string, unknown>[] {
  return (db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[]).map(
    (d) => JSON.parse(d) as Record<string, unknown>,
  );
}
