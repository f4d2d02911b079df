import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEMO_FILES, writeDemoFiles } from '../../db/demo/files';
import { tempDir } from '../helpers/workspace';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const hashes = (summary: Awaited<ReturnType<typeof writeDemoFiles>>) =>
  Object.fromEntries(summary.files.map((f) => [f.name, sha256(f.path)]));
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n');

describe('the demo files', () => {
  test('the same scale gives byte-identical files', async () => {
    const a = await writeDemoFiles(tempDir(), 0.05);
    const b = await writeDemoFiles(tempDir(), 0.05);
    expect(hashes(a)).toEqual(hashes(b));
  });

  test('the scale changes the background, not the incidents or their flows', async () => {
    const small = await writeDemoFiles(tempDir(), 0.05);
    const large = await writeDemoFiles(tempDir(), 0.2);
    const file = (s: typeof small, name: string) => s.files.find((f) => f.name === name)?.path as string;
    for (const name of [DEMO_FILES.actors, DEMO_FILES.lazarusTags, DEMO_FILES.prices, DEMO_FILES.incidents])
      expect(sha256(file(large, name)), name).toBe(sha256(file(small, name)));
    expect(large.incidents).toEqual(small.incidents);
    // The incidents' flows come first in each chain's file, and are the same lines at both scales.
    expect(large.flowRecords).toEqual(small.flowRecords);
    for (const [key, name] of [
      ['eth', DEMO_FILES.eth],
      ['btc', DEMO_FILES.btc],
    ] as const) {
      const head = key === 'eth' ? 1 : 0;
      const n = head + small.flowRecords[key];
      expect(lines(file(large, name)).slice(0, n)).toEqual(lines(file(small, name)).slice(0, n));
    }
    // 1 ≈ 100k transfers: 70k Ethereum transfers and 30k Bitcoin transactions of background per unit of scale.
    expect(large.counts.ethTransfers - large.flowRecords.eth).toBe(14_000);
    expect(small.counts.ethTransfers - small.flowRecords.eth).toBe(3500);
    expect(large.counts.btcTransactions - large.flowRecords.btc).toBe(6000);
    expect(large.counts.incidents).toBe(small.counts.incidents);
  });
});
