import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_CHAINS } from '../../db/chains';
import { MIGRATIONS } from '../../db/migrations';
import { openDb } from '../../db/open';
import { CHAINS, TOKENS } from '../../db/reference/chains';
import { checkAddress } from '../../db/chains';
import { graphsense } from '../helpers/shared-data';

function csvRows(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

describe('reference data written by the project', () => {
  const { db } = openDb(':memory:');

  it('has exactly the countries of the GraphSense taxonomy', () => {
    const theirs = fs
      .readFileSync(graphsense('taxonomy', 'countries.csv'), 'utf8')
      .split('\n')
      .map((l) => /,([A-Z]{2}),ISO-3166_/.exec(l)?.[1])
      .filter((c): c is string => c !== undefined)
      .sort();
    expect(db.prepare('SELECT code FROM countries ORDER BY code').pluck().all()).toEqual(theirs);
    expect(
      db.prepare("SELECT name FROM countries WHERE code IN ('JP', 'KP', 'VN') ORDER BY code").pluck().all(),
    ).toEqual(['Japan', 'North Korea', 'Vietnam']);
  });

  it('has the confidence ids and levels of the GraphSense taxonomy', () => {
    const theirs = csvRows(graphsense('taxonomy', 'confidence.csv'))
      .map((r) => [r[0], Number(r.at(-1))])
      .sort();
    const ours = (db.prepare('SELECT id, level FROM confidence_levels').all() as { id: string; level: number }[])
      .map((r) => [r.id, r.level])
      .sort();
    expect(ours).toEqual(theirs);
  });

  it('knows every chain the address rules know, and every token contract is a valid address', () => {
    const chains = db.prepare('SELECT code FROM chains').pluck().all();
    for (const code of SUPPORTED_CHAINS) expect(chains).toContain(code);
    expect(chains).toHaveLength(CHAINS.length);
    for (const t of TOKENS.filter((t) => !t.contract.startsWith('omni:'))) {
      expect(checkAddress(t.chain, t.contract)).toMatchObject({ valid: true, normalized: t.contract });
    }
  });
});

describe('migration 003: chain data', () => {
  it('upgrades a version 2 workspace, keeping its cases', () => {
    const file = `${fs.mkdtempSync('/tmp/ariadne-m3-')}/w.db`;
    const v2 = openDb(file, { migrations: MIGRATIONS.slice(0, 2) }).db;
    v2.prepare("INSERT INTO cases (title, created_at, updated_at) VALUES ('Kept', 'a', 'a')").run();
    v2.close();
    const { db, migration } = openDb(file, { migrations: MIGRATIONS.slice(0, 3) });
    expect(migration).toMatchObject({ from: 2, to: 3 });
    expect(db.prepare('SELECT title FROM cases').pluck().all()).toEqual(['Kept']);
    expect(db.prepare("SELECT decimals FROM assets WHERE chain = 'ETH' AND contract = ''").pluck().get()).toBe(18);
    db.close();
    fs.rmSync(file.replace(/\/w\.db$/, ''), { recursive: true });
  });

  it('stores amounts only as canonical base-unit integers, beyond 64 bits', () => {
    const { db } = openDb(':memory:');
    db.prepare("INSERT INTO addresses (chain, address) VALUES ('ETH', 'a'), ('ETH', 'b')").run();
    const insert = db.prepare(
      "INSERT INTO transfers (chain, tx_hash, idx, time, from_id, to_id, asset_id, amount) VALUES ('ETH', ?, 0, 0, 1, 2, 1, ?)",
    );
    const wei = '115792089237316195423570985008687907853269984665640564039457584007913129639935';
    insert.run('0x1', wei);
    expect(db.prepare('SELECT amount FROM transfers').pluck().get()).toBe(wei);
    insert.run('0x2', '0');
    for (const [i, bad] of ['-1', '1.5', '01', '', '1e18', ' 1', '0x10'].entries()) {
      expect(() => insert.run(`0xbad${i}`, bad), bad).toThrow(/CHECK constraint failed/);
    }
  });

  it('refuses a tag with both or neither subject, and a duplicate claim', () => {
    const { db } = openDb(':memory:');
    db.prepare("INSERT INTO addresses (chain, address) VALUES ('BTC', 'x')").run();
    const insert = db.prepare(
      "INSERT INTO tags (chain, address_id, tx_hash, label, source, confidence, dedup_key) VALUES ('BTC', ?, ?, 'l', 's', 'unknown', ?)",
    );
    insert.run(1, null, 'k1');
    expect(() => insert.run(1, 'ab', 'k2')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(null, null, 'k3')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(1, null, 'k1')).toThrow(/UNIQUE constraint failed/);
  });
});
