import fs from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { graphsense } from '../helpers/shared-data';
import { steppingClock } from '../helpers/workspace';

const PACKS = ['lazarus.yaml', 'lazarus2.yaml', 'ronin_bridge.yaml', 'ofac.yaml', 'hacks.yaml'];

/** Tags in a pack, counted straight from its YAML. */
function tagsIn(file: string): number {
  return (parse(fs.readFileSync(file, 'utf8')) as { tags: unknown[] }).tags.length;
}

describe('GraphSense data imports exactly', () => {
  it('imports the ActorPack: 3,813 actors with their jurisdictions, aliases and categories', async () => {
    const { db } = openDb(':memory:');
    const report = await importFile(db, graphsense('actors', 'graphsense.actorpack.yaml'));
    expect(report).toMatchObject({ format: 'actorpack', read: 3813, inserted: 3813, duplicates: 0, rejected: 0 });
    expect(report.errors).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(3813);

    const jurisdictionsOf = (key: string) =>
      db
        .prepare(
          'SELECT country FROM entity_jurisdictions j JOIN entities e ON e.id = j.entity_id WHERE e.key = ? ORDER BY country',
        )
        .pluck()
        .all(key);
    // DESIGN.md: lazarusgroup has no jurisdiction in the pack; the victims zaif, coincheck and liquid are JP.
    expect(jurisdictionsOf('lazarusgroup')).toEqual([]);
    for (const victim of ['zaif', 'coincheck', 'liquid']) expect(jurisdictionsOf(victim)).toContain('JP');
    const lazarus = db.prepare("SELECT label, kind, uri FROM entities WHERE key = 'lazarusgroup'").get();
    expect(lazarus).toEqual({
      label: 'Lazarus Group',
      kind: 'actor',
      uri: 'https://home.treasury.gov/news/press-releases/sm774',
    });
    expect(db.prepare("SELECT kind FROM entities WHERE key = 'coincheck'").pluck().get()).toBe('service');
    const categories = db
      .prepare(
        "SELECT category FROM entity_categories c JOIN entities e ON e.id = c.entity_id WHERE e.key = 'lazarusgroup' ORDER BY category",
      )
      .pluck()
      .all();
    expect(categories).toEqual(['phishing', 'ransomware', 'sanction', 'service_hack']);
  });

  it.each([
    ['lazarus.yaml', 21, 0],
    ['lazarus2.yaml', 6, 0],
    ['ronin_bridge.yaml', 6, 0],
    ['hacks.yaml', 608, 0],
    ['ofac.yaml', 568, 4],
  ])('imports %s: %i tags, %i rejected', async (name, inserted, rejected) => {
    const file = graphsense('packs', name);
    const { db } = openDb(':memory:');
    const report = await importFile(db, file);
    expect(report.format).toBe('tagpack');
    expect(report.read).toBe(tagsIn(file));
    expect(report).toMatchObject({ inserted, rejected, duplicates: 0 });
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(inserted);
  });

  it('reports the four bad addresses of ofac.yaml with file, line and reason', async () => {
    const file = graphsense('packs', 'ofac.yaml');
    const { db } = openDb(':memory:');
    const report = await importFile(db, file);
    expect(report.errors).toEqual([
      {
        file,
        line: 571,
        reason:
          'wrong length (64 characters, expected 95 or 106): 5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320',
      },
      { file, line: 801, reason: expect.stringMatching(/^wrong length .*: 884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pzt/) },
      { file, line: 803, reason: expect.stringMatching(/^wrong length .*: 49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4/) },
      { file, line: 1069, reason: 'belongs to TRX, not BTC: TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq' },
    ]);
    // The pack has no confidence anywhere: every tag is stored as 'unknown', with one folded warning.
    expect(report.warnings).toContainEqual({
      file,
      line: 9,
      reason: "no confidence: stored as 'unknown' (568 records, first here)",
    });
    expect(db.prepare("SELECT count(*) FROM tags WHERE confidence = 'unknown'").pluck().get()).toBe(568);
    // USDT is a token, not a network: the address format decides the chain, with a warning.
    expect(
      db.prepare("SELECT chain, count(*) AS n FROM tags WHERE asset = 'USDT' GROUP BY chain ORDER BY chain").all(),
    ).toEqual([
      { chain: 'BTC', n: 3 },
      { chain: 'ETH', n: 3 },
      { chain: 'TRX', n: 3 },
    ]);
  });

  it('inherits header fields and keeps provenance', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, graphsense('packs', 'ronin_bridge.yaml'), { now: () => new Date('2026-02-03T04:05:06.000Z') });
    const tag = db
      .prepare(
        `SELECT a.address, t.label, t.source, t.confidence, t.abuse, t.is_cluster_definer, t.context,
                s.title, s.file_name, s.imported_at, length(s.sha256) AS hash_length
           FROM tags t JOIN addresses a ON a.id = t.address_id JOIN import_sources s ON s.id = t.source_id
          ORDER BY t.id LIMIT 1`,
      )
      .get();
    expect(tag).toEqual({
      address: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
      label: 'Ronin bridge exploiter',
      source: 'https://roninblockchain.substack.com/p/community-alert-ronin-validators',
      confidence: 'service_data',
      abuse: 'service_hack',
      is_cluster_definer: 1,
      context: '{"description": "original address"}',
      title: 'Ronin bridge hack',
      file_name: 'ronin_bridge.yaml',
      imported_at: '2026-02-03T04:05:06.000Z',
      hash_length: 64,
    });
  });

  it('imports everything, and importing it all again adds nothing', async () => {
    const { db } = openDb(':memory:');
    const files = [graphsense('actors', 'graphsense.actorpack.yaml'), ...PACKS.map((p) => graphsense('packs', p))];
    const first = [];
    for (const f of files) first.push(await importFile(db, f));
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const before = ['tags', 'addresses', 'entities', 'import_sources'].map(count);
    for (const f of files) {
      const again = await importFile(db, f);
      expect(again.inserted).toBe(0);
      expect(again.duplicates).toBe(first.find((r) => r.file === f)?.inserted);
    }
    expect(['tags', 'addresses', 'entities', 'import_sources'].map(count)).toEqual(before);
    expect(before[3]).toBe(files.length);
  });

  it('shows an address with its tags, their source and confidence, and its actor', async () => {
    const { db } = openDb(':memory:');
    await importFile(db, graphsense('actors', 'graphsense.actorpack.yaml'));
    await importFile(db, graphsense('packs', 'lazarus.yaml'));
    const api = createEngine(db, { now: steppingClock() });
    const shown = api.call('address.show', { address: 'btc:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak' });
    expect(shown).toMatchObject({
      address: 'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak',
      kind: 'p2pkh',
      known: true,
      entities: [{ key: 'lazarusgroup', label: 'Lazarus Group', kind: 'actor', jurisdictions: [] }],
      transfers: { in: 0, out: 0 },
    });
    expect(shown.tags).toEqual([
      {
        label: 'Lazarus group',
        source: 'https://www.treasury.gov/resource-center/sanctions/OFAC-Enforcement/Pages/20200302.aspx',
        confidence: 'authority_data',
        confidenceLevel: 60,
        category: 'user',
        abuse: 'sanction',
        actor: 'lazarusgroup',
        origin: {
          title: 'OFAC Tagpack',
          file: 'lazarus.yaml',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          importedAt: expect.any(String),
        },
      },
    ]);
    expect(api.call('address.show', { address: 'ETH:0x0000000000000000000000000000000000000001' }).known).toBe(false);
  });
});
