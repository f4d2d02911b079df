import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { graphsense } from '../helpers/shared-data';
import { tempDir, tempWorkspace } from '../helpers/workspace';

describe('ariadne export tagpack', () => {
  it('writes the tags as a TagPack that another workspace imports exactly', async () => {
    const db = tempWorkspace();
    await cli(['--db', db, 'import', graphsense('packs', 'lazarus.yaml'), graphsense('packs', 'ronin_bridge.yaml')]);
    const out = path.join(tempDir(), 'shared.yaml');
    const written = await cli(['--db', db, 'export', 'tagpack', '--out', out, '--title', 'For partner exchange']);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`^Wrote 27 tags to ${out}\\nSHA-256 [0-9a-f]{64}\\n$`));
    expect(fs.readFileSync(out, 'utf8').startsWith('title: For partner exchange\ncreator: Ariadne\ntags:\n')).toBe(
      true,
    );

    const other = tempWorkspace();
    const imported = JSON.parse((await cli(['--db', other, 'import', out, '--json'])).stdout);
    expect(imported).toMatchObject({ read: 27, inserted: 27, rejected: 0, files: [{ format: 'tagpack' }] });
  });

  it('needs --out, and refuses a case that does not exist', async () => {
    const db = tempWorkspace();
    expect(await cli(['--db', db, 'export', 'tagpack'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ariadne: export tagpack needs --out FILE (see ariadne --help)\n',
    });
    const missing = await cli([
      '--db',
      db,
      'export',
      'tagpack',
      '--out',
      path.join(tempDir(), 'x.yaml'),
      '--case',
      '9',
    ]);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'ariadne: case 9 does not exist\n' });
  });
});
