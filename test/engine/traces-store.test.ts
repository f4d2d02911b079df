import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { auditForCase } from '../../db/audit';
import { MIGRATIONS } from '../../db/migrations';
import { openDb } from '../../db/open';
import { canonicalJson, reportDigest } from '../../db/trace/store';
import { steppingClock, tempWorkspace } from '../helpers/workspace';

const A = `0x${'1'.repeat(40)}`;
const B = `0x${'2'.repeat(40)}`;

function seedWorkspace(file: string) {
  const { db } = openDb(file);
  db.prepare("INSERT INTO addresses (chain, address) VALUES ('ETH', ?), ('ETH', ?)").run(A, B);
  db.prepare(
    "INSERT INTO transfers (chain, tx_hash, idx, time, from_id, to_id, asset_id, amount) VALUES ('ETH', ?, 0, ?, ?, ?, 1, ?)",
  ).run(`0x${'a'.repeat(64)}`, 1000, 2, 1, '500');
  db.close();
}

describe('migration 006: stored traces', () => {
  it('upgrades a version 5 workspace (it needs only 001’s cases), keeping its cases', () => {
    const file = tempWorkspace();
    const v5 = openDb(file, { migrations: MIGRATIONS.slice(0, 5) }).db;
    v5.prepare("INSERT INTO cases (title, created_at, updated_at) VALUES ('Kept', 'a', 'a')").run();
    expect(v5.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'traces'").pluck().get()).toBe(0);
    v5.close();
    const { db, migration } = openDb(file, { migrations: MIGRATIONS.slice(0, 6) });
    expect(migration).toMatchObject({ from: 5, to: 6 });
    expect(db.prepare('SELECT title FROM cases').pluck().all()).toEqual(['Kept']);
    expect(() =>
      db
        .prepare(
          "INSERT INTO traces (created_at, app_version, method, direction, seeds, parameters, report, report_sha256) VALUES ('a', 'v', 'fifo', 'forward', '[]', '{}', '{}', 'XYZ')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

describe('stored traces through the engine', () => {
  it('saves a trace with its case, survives a reopen, and a re-run is identical', async () => {
    const file = tempWorkspace();
    seedWorkspace(file);
    let opened = openDb(file).db;
    let api = createEngine(opened, { now: steppingClock(), appVersion: '1.2.3' });
    const { id: caseId } = api.call('case.create', { title: 'Theft' });
    const input = { seeds: [`ETH:${A}`], direction: 'forward', method: 'fifo', hops: 3, caseId, save: true };
    const report = await api.runJob('trace.run', input);
    expect(report.id).toBe(1);
    await expect(api.runJob('trace.run', { ...input, caseId: 99 })).rejects.toThrow(/case 99 does not exist/);
    opened.close();

    opened = openDb(file).db;
    api = createEngine(opened, { now: steppingClock() });
    const stored = api.call('trace.get', { id: 1 });
    expect(stored).toMatchObject({ id: 1, caseId, appVersion: '1.2.3', method: 'fifo', direction: 'forward' });
    expect(stored.report).toEqual(report);
    expect(stored.sha256).toBe(reportDigest(report).sha256);
    expect(stored.parameters).not.toHaveProperty('save');
    expect(api.call('trace.list', { caseId })).toEqual([expect.objectContaining({ id: 1, seeds: [`ETH:${A}`] })]);
    expect(api.call('trace.list', {})).toHaveLength(1);
    expect(await api.runJob('trace.rerun', { id: 1 })).toMatchObject({ id: 1, identical: true });
    expect(() => api.call('trace.get', { id: 2 })).toThrow(/trace 2 does not exist/);
    // The case's audit log tells who-did-what: the save (with the report's hash) and the re-run's outcome.
    const audit = auditForCase(opened, caseId).filter((e) => e.action.startsWith('trace.'));
    expect(audit.map((e) => [e.action, e.detail])).toEqual([
      ['trace.saved', { traceId: 1, method: 'fifo', direction: 'forward', seeds: [`ETH:${A}`], sha256: stored.sha256 }],
      ['trace.rerun', { traceId: 1, identical: true, sha256: stored.sha256, storedSha256: stored.sha256 }],
    ]);
    opened.close();
  });

  it('canonical JSON sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }], e: null })).toBe('{"a":[{"c":2,"d":1}],"b":1,"e":null}');
  });
});
