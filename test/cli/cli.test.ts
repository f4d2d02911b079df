import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

describe('ariadne CLI (in-process)', () => {
  it('creates, lists, shows, updates and deletes a case', async () => {
    const db = tempWorkspace();
    const clock = steppingClock();
    const created = await cli(
      ['--db', db, 'case', 'create', '--title', 'Zaif', '--reference', 'JP-1', '--json'],
      clock,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const c = JSON.parse(created.stdout);
    expect(c).toMatchObject({ id: 1, title: 'Zaif', reference: 'JP-1', status: 'open' });

    const list = await cli(['case', 'list', '--json', '--db', db]);
    expect(JSON.parse(list.stdout)).toEqual([c]);

    const table = await cli(['--db', db, 'case', 'list']);
    expect(table.stdout).toBe(
      `ID  STATUS  UPDATED                   REFERENCE  TITLE\n1   open    ${c.updatedAt}  JP-1       Zaif\n`,
    );

    const shown = await cli(['--db', db, 'case', 'show', '1']);
    expect(shown.stdout).toContain('Title:        Zaif\n');
    expect(shown.stdout).toContain('Investigator: —\n');

    const updated = await cli(['--db', db, 'case', 'update', '1', '--status', 'archived', '--json'], clock);
    expect(JSON.parse(updated.stdout).status).toBe('archived');

    expect(await cli(['--db', db, 'case', 'delete', '1'])).toEqual({ code: 0, stdout: 'Deleted case 1\n', stderr: '' });
    expect((await cli(['--db', db, 'case', 'list'])).stdout).toBe('No cases.\n');
    expect(JSON.parse((await cli(['--db', db, 'case', 'list', '--json'])).stdout)).toEqual([]);
  });

  it.each([
    [['case', 'create'], 2, 'ariadne: case create needs --title (see ariadne --help)\n'],
    [['case', 'create', '--title', ''], 2, 'ariadne: case.create: title: must not be empty\n'],
    [['case', 'show', 'abc'], 2, 'ariadne: case ID must be a positive whole number, not "abc" (see ariadne --help)\n'],
    [['case', 'show'], 2, 'ariadne: missing case ID (see ariadne --help)\n'],
    [['case', 'show', '7'], 1, 'ariadne: case 7 does not exist\n'],
    [['case', 'delete', '7'], 1, 'ariadne: case 7 does not exist\n'],
    [['case', 'list', '--title', 'x'], 2, 'ariadne: case list does not take --title (see ariadne --help)\n'],
    [['case', 'show', '1', '2'], 2, 'ariadne: unexpected argument "2" (see ariadne --help)\n'],
    [['import'], 2, 'ariadne: import needs a file (see ariadne --help)\n'],
    [['address'], 2, 'ariadne: missing address subcommand (see ariadne --help)\n'],
    [['address', 'show', 'BTC:1x', 'ETH:0x'], 2, 'ariadne: unexpected argument "ETH:0x" (see ariadne --help)\n'],
    [
      ['address', 'show', 'BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3'],
      2,
      'ariadne: address.show: BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3: bad checksum',
    ],
    [['case', 'list', '--status', 'gone'], 2, 'ariadne: case.list: status: '],
    [['case', 'frobnicate'], 2, 'ariadne: unknown case subcommand "frobnicate" (see ariadne --help)\n'],
    [['wallet'], 2, 'ariadne: unknown command "wallet" (see ariadne --help)\n'],
    [[], 2, 'ariadne: missing command (see ariadne --help)\n'],
    [['case', 'list', '--bogus'], 2, "ariadne: Unknown option '--bogus'"],
  ])('%j exits %i with one line on stderr and nothing on stdout', async (args, code, message) => {
    const result = await cli(['--db', tempWorkspace(), ...args]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a workspace that is not one, with the file name', async () => {
    const result = await cli(['--db', path.resolve('package.json'), 'case', 'list']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `ariadne: ${path.resolve('package.json')} is not an Ariadne workspace: it is not a SQLite database\n`,
    });
  });

  it('shows control characters in titles as visible escapes in tables, and exactly in JSON', async () => {
    const db = tempWorkspace();
    const title = 'evil\u001b[2J\u001b[31mred';
    await cli(['--db', db, 'case', 'create', '--title', title]);
    expect((await cli(['--db', db, 'case', 'list'])).stdout).toContain('evil\\u001b[2J\\u001b[31mred');
    expect(JSON.parse((await cli(['--db', db, 'case', 'list', '--json'])).stdout)[0].title).toBe(title);
  });

  it('prints help and version', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/^usage: ariadne \[--db FILE\] <command>/);
    expect((await cli(['--version'])).stdout).toBe('9.9.9\n');
  });
});

describe('npx ariadne (the built bin, as a user runs it)', () => {
  const root = path.resolve(__dirname, '..', '..');

  it('creates a case and lists it as one JSON document on stdout', () => {
    const db = tempWorkspace();
    const opts = { cwd: root, encoding: 'utf8' as const };
    const created = JSON.parse(
      execFileSync('npx', ['ariadne', '--db', db, 'case', 'create', '--title', 'X', '--json'], opts),
    );
    expect(created).toMatchObject({ id: 1, title: 'X', status: 'open' });
    const listed = JSON.parse(execFileSync('npx', ['ariadne', '--db', db, 'case', 'list', '--json'], opts));
    expect(listed).toEqual([created]);
  });

  it('exits non-zero with one line on stderr for bad input', () => {
    const result = spawnSync('npx', ['ariadne', '--db', tempWorkspace(), 'case', 'show', '42'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('ariadne: case 42 does not exist\n');
  });
});
