import { createEngine } from '../../db/api/engine';
import { openDb, type Db } from '../../db/open';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

/** Two EVM addresses whose checksum forms are stable; victims' and thieves' wallets in the tests. */
export const VICTIM_ETH = '0x52908400098527886E0F7030069857D2E4169EE7';
export const THIEF_ETH = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
export const TX1 = `0x${'a1'.repeat(32)}`;
export const TX2 = `0x${'b2'.repeat(32)}`;

/**
 * Entities as an ActorPack import would leave them (ids fixed by insertion order): victims with one, two and no
 * jurisdictions, an actor, and a service. Plus the ETH price of 2022-03-23.
 */
export function seedEntities(db: Db): void {
  const entity = db.prepare('INSERT INTO entities (key, label, kind) VALUES (?, ?, ?)');
  const jurisdiction = db.prepare('INSERT INTO entity_jurisdictions (entity_id, country) VALUES (?, ?)');
  entity.run('zaif', 'Zaif', 'victim'); // 1
  jurisdiction.run(1, 'JP');
  entity.run('multi', 'Multi Exchange', 'victim'); // 2
  jurisdiction.run(2, 'JP');
  jurisdiction.run(2, 'US');
  entity.run('lazarusgroup', 'Lazarus Group', 'actor'); // 3
  entity.run('binance', 'Binance', 'service'); // 4
  entity.run(null, 'Nowhere Ltd', 'victim'); // 5
  db.prepare(
    "INSERT INTO prices (asset_id, day, usd) SELECT id, '2022-03-23', '2345.67' FROM assets WHERE chain = 'ETH' AND contract = ''",
  ).run();
}

/** A workspace with those entities and one case (id 1), and an engine on a fixed clock. */
export function incidentWorkspace(file = tempWorkspace()) {
  const { db } = openDb(file);
  seedEntities(db);
  const api = createEngine(db, { now: steppingClock('2026-03-01T10:00:00.000Z') });
  api.call('case.create', { title: 'Zaif hack' });
  return { db, api, file };
}
