import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { exportTagPack } from '../../db/export/tagpack';
import { importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import { graphsense } from '../helpers/shared-data';
import { tempDir } from '../helpers/workspace';
import { packSpec, packYaml, unicodeText } from './generators';

const NOW = '2026-03-04T05:06:07.000Z';

/** Every tag as the workspace holds it, without ids or provenance, in a stable order. */
function tagsOf(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT t.chain, a.address, t.tx_hash, t.label, t.source, t.confidence, t.category, t.abuse, t.concepts,
                t.actor, t.asset, t.is_cluster_definer, t.context, t.lastmod
           FROM tags t LEFT JOIN addresses a ON a.id = t.address_id`,
      )
      .all() as object[]
  )
    .map((row) => JSON.stringify(row))
    .sort();
}

async function roundTrip(source: Db, dir: string) {
  const out = path.join(dir, `export-${Math.random().toString(36).slice(2)}.yaml`);
  const result = await exportTagPack(source, out, { title: 'Round trip', creator: 'test' });
  const { db: target } = openDb(':memory:');
  const report = await importFile(target, out, { format: 'tagpack' });
  return { out, result, report, target };
}

describe('TagPack export', () => {
  it('round-trips every GraphSense tag exactly', async () => {
    const { db } = openDb(':memory:');
    for (const p of ['lazarus.yaml', 'lazarus2.yaml', 'ronin_bridge.yaml', 'ofac.yaml', 'hacks.yaml']) {
      await importFile(db, graphsense('packs', p));
    }
    const { result, report, target } = await roundTrip(db, tempDir());
    const count = db.prepare('SELECT count(*) FROM tags').pluck().get();
    expect(result.tags).toBe(count);
    expect(report).toMatchObject({ read: count, inserted: count, rejected: 0, duplicates: 0 });
    expect(tagsOf(target)).toEqual(tagsOf(db));
    // Imported back where it came from, the export adds nothing.
    const { out } = await roundTrip(db, tempDir());
    expect(await importFile(db, out, { format: 'tagpack' })).toMatchObject({ inserted: 0, duplicates: count });
  });

  it('round-trips generated tags, unicode text included', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(packSpec({ maxTags: 15, text: unicodeText }), async (spec) => {
        const file = path.join(dir, 'in.yaml');
        fs.writeFileSync(file, packYaml(spec));
        const { db } = openDb(':memory:');
        await importFile(db, file, { format: 'tagpack' });
        const { report, target } = await roundTrip(db, dir);
        expect(report.rejected).toBe(0);
        expect(tagsOf(target)).toEqual(tagsOf(db));
      }),
      { numRuns: 40 },
    );
  });

  it('writes an empty TagPack that imports as nothing, and only the tags of a case when asked', async () => {
    const { db } = openDb(':memory:');
    const dir = tempDir();
    const empty = await roundTrip(db, dir);
    expect(empty.result.tags).toBe(0);
    expect(empty.report).toMatchObject({ read: 0, inserted: 0 });

    await importFile(db, graphsense('packs', 'lazarus2.yaml'));
    const api = createEngine(db, { now: () => new Date(NOW) });
    const { id } = api.call('case.create', { title: 'DPRK' });
    await api.runJob('import.text', {
      text: 'BTC:3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG\n',
      name: 'victims.txt',
      caseId: id,
    });
    const out = path.join(dir, 'case.yaml');
    const written = await api.runJob('export.tagpack', { out, caseId: id, title: 'Case DPRK' });
    expect(written).toMatchObject({ file: out, tags: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(fs.readFileSync(out, 'utf8')).toContain('address: 3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG');
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
