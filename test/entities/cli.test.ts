import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { writeFile } from '../helpers/import-check';
import { steppingClock, tempWorkspace } from '../helpers/workspace';
import { ACTORS, TAGS } from './fixture';

async function workspace(): Promise<string> {
  const db = tempWorkspace();
  const imported = await cli(['--db', db, 'import', writeFile('actors.yaml', ACTORS), writeFile('tags.yaml', TAGS)]);
  expect(imported.code).toBe(0);
  return db;
}

describe('ariadne entity', () => {
  it('creates, shows by id or key, updates and merges entities', async () => {
    const db = await workspace();
    const clock = steppingClock();
    const created = await cli(
      [
        ...['--db', db, 'entity', 'create', '--label', 'Coincheck', '--kind', 'victim'],
        ...['--jurisdiction', 'jp', '--jurisdiction', 'US,JP', '--alias', 'Coincheck Inc.', '--category', 'exchange'],
        '--json',
      ],
      clock,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const c = JSON.parse(created.stdout);
    expect(c).toMatchObject({
      key: 'coincheck',
      jurisdictions: ['JP', 'US'],
      aliases: ['Coincheck Inc.'],
      categories: ['exchange'],
      createdAt: '2026-01-02T03:04:05.000Z',
    });

    const shown = await cli(['--db', db, 'entity', 'show', 'coincheck']);
    expect(shown.stdout).toBe(
      [
        `ID:            ${c.id}`,
        'Key:           coincheck',
        'Label:         Coincheck',
        'Kind:          victim',
        'Jurisdictions: JP, US',
        'Aliases:       Coincheck Inc.',
        'Categories:    exchange',
        'URI:           —',
        'Origin:        made in the app',
        'Tags:          0',
        'Incidents:     0 as victim, 0 as actor',
        'Created:       2026-01-02T03:04:05.000Z',
        'Updated:       2026-01-02T03:04:05.000Z',
        'Description:   —',
        '',
      ].join('\n'),
    );
    expect(JSON.parse((await cli(['--db', db, 'entity', 'show', String(c.id), '--json'])).stdout)).toEqual(c);
    expect(JSON.parse((await cli(['--db', db, 'entity', 'show', 'COINCHECK', '--json'])).stdout)).toEqual(c);

    const updated = await cli(
      ['--db', db, 'entity', 'update', 'coincheck', '--alias', '', '--jurisdiction', 'JP', '--json'],
      clock,
    );
    expect(JSON.parse(updated.stdout)).toMatchObject({ aliases: [], jurisdictions: ['JP'] });

    const lazarus = await cli(['--db', db, 'entity', 'show', 'lazarus']);
    expect(lazarus.stdout).toMatch(/Origin: {8}actors\.yaml \(SHA-256 [0-9a-f]{64}, imported /);
    expect(lazarus.stdout).toContain('Tags:          1\n');

    const merged = await cli(['--db', db, 'entity', 'merge', 'lazarusgroup', 'lazarus'], clock);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^Merged 1 into entity \d+\n/);
    expect(merged.stdout).toContain('Tags:          2\n');
    expect(merged.stdout).toContain('Aliases:       APT38, Hidden Cobra, Lazarus, TraderTraitor\n');
    expect(await cli(['--db', db, 'entity', 'show', 'lazarus'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ariadne: entity lazarus: no entity has that key or label\n',
    });
  });

  it.each([
    [['entity', 'create', '--label', 'X'], 2, 'ariadne: entity create needs --label and --kind (see ariadne --help)\n'],
    [
      ['entity', 'create', '--label', 'X', '--kind', 'victim', '--jurisdiction', 'XX'],
      2,
      "ariadne: entity.create: jurisdictions: 'XX' is not an ISO-3166 alpha-2 country code the workspace knows\n",
    ],
    [['entity', 'show'], 2, 'ariadne: entity show needs an entity ID or key (see ariadne --help)\n'],
    [
      ['entity', 'merge', 'zaif'],
      2,
      'ariadne: entity merge needs the entity to keep and at least one to merge into it (IDs or keys) (see ariadne --help)\n',
    ],
    [['entity', 'merge', 'zaif', 'zaif'], 2, 'ariadne: entity.merge: cannot merge Zaif (3) into itself\n'],
    [
      ['entity', 'merge', 'zaif', 'lazarus'],
      2,
      'ariadne: entity.merge: Lazarus (2) is an actor and Zaif (3) is a service',
    ],
    [['entity', 'update', 'nobody', '--label', 'Y'], 1, 'ariadne: entity nobody: no entity has that key or label\n'],
    [['entity', 'update', 'zaif'], 2, 'ariadne: entity.update: nothing to change'],
    [['entity', 'show', '99'], 1, 'ariadne: entity 99 does not exist\n'],
  ])('%j exits %i', async (args, code, message) => {
    const db = await workspace();
    const r = await cli(['--db', db, ...args]);
    expect(r.code).toBe(code);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stdout).toBe('');
  });
});
