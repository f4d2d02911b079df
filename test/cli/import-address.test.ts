import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from '../../db/import/registry';
import { cli } from '../helpers/cli';
import { graphsense } from '../helpers/shared-data';
import { tempDir, tempWorkspace } from '../helpers/workspace';

describe('ariadne import', () => {
  it('imports every GraphSense file with the right counts, as one JSON document', async () => {
    const db = tempWorkspace();
    const files = [
      graphsense('actors', 'graphsense.actorpack.yaml'),
      ...['lazarus.yaml', 'lazarus2.yaml', 'ronin_bridge.yaml', 'ofac.yaml', 'hacks.yaml'].map((f) =>
        graphsense('packs', f),
      ),
    ];
    const result = await cli(['--db', db, 'import', ...files, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      read: 3813 + 21 + 6 + 6 + 572 + 608,
      inserted: 3813 + 21 + 6 + 6 + 568 + 608,
      duplicates: 0,
      rejected: 4,
      failed: [],
    });
    expect(report.errors).toHaveLength(4);
    expect(report.errors[0]).toEqual({ file: files[4], line: 571, reason: expect.any(String) });
    expect(report.files.map((f: { format: string }) => f.format)).toEqual([
      'actorpack',
      'tagpack',
      'tagpack',
      'tagpack',
      'tagpack',
      'tagpack',
    ]);

    const again = JSON.parse((await cli(['--db', db, 'import', ...files, '--json'])).stdout);
    expect(again).toMatchObject({ inserted: 0, duplicates: 3813 + 21 + 6 + 6 + 568 + 608, rejected: 4 });
  });

  it('prints a readable report with the rejected lines', async () => {
    const file = graphsense('packs', 'ofac.yaml');
    const result = await cli(['--db', tempWorkspace(), 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${file} (tagpack): read 572, inserted 568, duplicates 0, rejected 4\n`);
    expect(result.stdout).toContain(`Rejected:\n  ${file}:571: wrong length`);
    expect(result.stdout).toContain(`  ${file}:1069: belongs to TRX, not BTC: TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq`);
    expect(result.stdout).toContain(
      `Warnings:\n  ${file}:9: no confidence: stored as 'unknown' (568 records, first here)`,
    );
  });

  it('reports a file it cannot import on stderr, exits 1, and still imports the others', async () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'hello\n');
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, 'title: x\ncreator: y\ntags:\n- address: 1A\n  label: [unclosed\n');
    const db = tempWorkspace();
    const result = await cli([
      '--db',
      db,
      'import',
      notes,
      path.join(dir, 'missing.yaml'),
      graphsense('packs', 'lazarus2.yaml'),
      '--json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `ariadne: ${notes}:1: cannot tell the format of this file; give --format (one of ${IMPORT_FORMATS.join(', ')})`,
      `ariadne: ${path.join(dir, 'missing.yaml')}: no such file`,
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      inserted: 6,
      failed: [{ file: notes }, { file: path.join(dir, 'missing.yaml') }],
    });

    const bad = await cli(['--db', db, 'import', broken, '--format', 'tagpack', '--json']);
    expect(bad.code).toBe(0);
    expect(JSON.parse(bad.stdout).errors).toEqual([
      { file: broken, line: 5, reason: expect.stringMatching(/^not valid YAML/) },
    ]);
  });

  it('refuses an unknown format with the list of formats', async () => {
    const result = await cli([
      '--db',
      tempWorkspace(),
      'import',
      graphsense('packs', 'lazarus.yaml'),
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `ariadne: ${graphsense('packs', 'lazarus.yaml')}: unknown format 'csv' (one of ${IMPORT_FORMATS.join(', ')})\n`,
    );
  });
});

describe('ariadne address', () => {
  it('checks addresses without a workspace, one JSON result per address', async () => {
    const result = await cli([
      'address',
      'check',
      'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      'eth:0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
      'ETH:0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
      'LTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '--json',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        input: 'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
        valid: true,
        chain: 'BTC',
        normalized: 'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
        kind: 'p2pkh',
        reason: null,
      },
      {
        input: 'eth:0xd8da6bf26964af9d7eed9e03e53415d37aa96045',
        valid: true,
        chain: 'ETH',
        normalized: 'ETH:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
        kind: 'evm',
        reason: null,
      },
      {
        input: 'ETH:0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
        valid: false,
        chain: 'ETH',
        normalized: null,
        kind: null,
        reason: 'bad EIP-55 checksum',
      },
      {
        input: 'LTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
        valid: false,
        chain: 'LTC',
        normalized: null,
        kind: null,
        reason: expect.stringMatching(/^belongs to BTC/),
      },
    ]);
  });

  it('exits 0 when every address is valid, and prints one line each', async () => {
    const result = await cli(['address', 'check', 'TRX:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t']);
    expect(result).toEqual({ code: 0, stdout: 'valid    TRX:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (tron)\n', stderr: '' });
  });

  it('shows an address of the workspace with its tags and entity', async () => {
    const db = tempWorkspace();
    await cli([
      '--db',
      db,
      'import',
      graphsense('actors', 'graphsense.actorpack.yaml'),
      graphsense('packs', 'lazarus2.yaml'),
    ]);
    const shown = await cli(['--db', db, 'address', 'show', 'BTC:3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(
      [
        'BTC:3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG (p2sh)',
        'Transfers: 0 in, 0 out; UTXO: 0 outputs, 0 inputs',
        'Entity: Lazarus Group (actor)',
        'Tag: Lazarus group — authority_data (60), from FBI Identifies Cryptocurrency Funds Stolen by DPRK; source https://www.fbi.gov/news/press-releases/fbi-identifies-cryptocurrency-funds-stolen-by-dprk',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(
      (await cli(['--db', db, 'address', 'show', 'BTC:3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG', '--json'])).stdout,
    );
    expect(json).toMatchObject({ known: true, tags: [{ confidence: 'authority_data', confidenceLevel: 60 }] });
  });
});
