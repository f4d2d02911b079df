import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { auditForCase } from '../../db/audit';
import { ImportCancelledError } from '../../db/import/report';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { dumpWorkspace, writeFile } from '../helpers/import-check';
import { steppingClock, tempDir, tempWorkspace } from '../helpers/workspace';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'incidents');
const fixture = (name: string) => path.join(FIXTURES, name);

async function workspace() {
  const { db } = openDb(tempWorkspace());
  const api = createEngine(db, { now: steppingClock('2026-03-01T10:00:00.000Z') });
  const setup = await api.runJob('import.files', { files: [fixture('actors.yaml'), fixture('prices.csv')] });
  expect(setup.failed).toEqual([]);
  api.call('case.create', { title: 'DPRK thefts' });
  return { db, api };
}

describe('incidents CSV', () => {
  it('imports incidents into a case: victims by key or label, exact USD, txs, addresses and attributions', async () => {
    const { db, api } = await workspace();
    const report = await api.runJob('import.files', { files: [fixture('incidents.csv')], caseId: 1 });
    expect(report.files[0]).toMatchObject({ format: 'incidents-csv', read: 3, inserted: 3, rejected: 0 });
    expect(report.warnings.map((w) => [w.line, w.reason])).toEqual([
      [4, 'victim Atomic Wallet Users was not in the workspace: created as a victim entity in EE'],
    ]);
    const [liquid, zaif, atomic] = api.call('incident.list', { caseId: 1 });
    expect(zaif).toMatchObject({
      title: 'Hot wallet',
      victim: { key: 'zaif', label: 'Zaif', jurisdictions: ['JP'] },
      jurisdiction: 'JP',
      time: '2022-03-23T10:00:00Z',
      asset: { chain: 'ETH', symbol: 'ETH' },
      amount: '1500000000000000000',
      usd: '3518.505',
      usdBasis: 'price',
      source: 'FBI press release',
      txs: [`ETH:0x${'a'.repeat(64)}`],
      actors: [{ actor: { key: 'lazarusgroup' }, source: 'FBI press release', confidence: 'authority_data' }],
    });
    expect(zaif?.addresses.map((a) => a.toLowerCase())).toEqual(['eth:0x52908400098527886e0f7030069857d2e4169ee7']);
    expect(liquid).toMatchObject({
      title: 'Tokens, two txs',
      note: 'said "drained"',
      victim: { label: 'Liquid', jurisdictions: ['JP', 'SG'] },
      jurisdiction: 'JP',
      asset: { symbol: 'USDT', decimals: 6 },
      amount: '250000500000',
      // 250,000.5 × 1.0001, exactly.
      usd: '250025.50005',
      txs: [`ETH:0x${'b'.repeat(64)}`, `ETH:0x${'c'.repeat(64)}`],
      actors: [{ actor: { label: 'Lazarus Group' }, confidence: 'web_crawl', source: 'Elliptic blog' }],
    });
    expect(atomic).toMatchObject({
      victim: { key: null, label: 'Atomic Wallet Users', jurisdictions: ['EE'] },
      jurisdiction: 'EE',
      chain: 'BTC',
      amount: '1234567890',
      usd: '328000.1',
      usdBasis: 'typed',
      txs: [],
      actors: [],
    });
    // Provenance: every incident and the victim made for it point to the file's import_sources row.
    const sources = db.prepare('SELECT DISTINCT source_id FROM incidents').pluck().all();
    expect(sources).toHaveLength(1);
    expect(db.prepare('SELECT format, file_name FROM import_sources WHERE id = ?').get(sources[0])).toEqual({
      format: 'incidents-csv',
      file_name: 'incidents.csv',
    });
    expect(db.prepare("SELECT source_id FROM entities WHERE label = 'Atomic Wallet Users'").pluck().get()).toBe(
      sources[0],
    );
    expect(auditForCase(db, 1).at(-1)).toMatchObject({
      action: 'case.incidents_imported',
      detail: { file: 'incidents.csv', added: 3, duplicates: 0, rejected: 0, victimsCreated: ['Atomic Wallet Users'] },
    });

    // Importing it again adds nothing, not even a victim or a source row.
    const counts = () =>
      ['incidents', 'incident_txs', 'incident_addresses', 'incident_actors', 'entities', 'import_sources'].map((t) =>
        db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
      );
    const before = counts();
    const again = await api.runJob('import.files', { files: [fixture('incidents.csv')], caseId: 1 });
    expect(again.files[0]).toMatchObject({ inserted: 0, duplicates: 3, rejected: 0 });
    expect(counts()).toEqual(before);
  });

  it('refuses each bad row with its line and reason, and keeps the good one', async () => {
    const { db, api } = await workspace();
    const report = await api.runJob('import.files', { files: [fixture('bad.csv')], caseId: 1 });
    expect(report.files[0]).toMatchObject({ read: 21, inserted: 1, rejected: 20 });
    const reasons = report.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.reason}`);
    const expected: (string | RegExp)[] = [
      'bad.csv:2: victim: missing victim',
      'bad.csv:3: victim: Lazarus Group is an actor: the victim must be a victim, service or unknown entity',
      'bad.csv:4: victim jurisdiction: XX is not a country code the workspace knows',
      /^bad\.csv:5: time: time 2022-03-23 00:00 has no zone/,
      'bad.csv:6: asset: asset USDT is ambiguous: write one of BTC:USDT, ETH:USDT, TRX:USDT',
      'bad.csv:7: asset: ETH:USDT is not on chain TRX',
      'bad.csv:8: amount: amount 1.0000000000000000001 has more decimals than ETH has (18)',
      /^bad\.csv:9: usd: the price table values it at 2345\.67 USD \(2345\.67 USD per ETH on 2022-03-23\)/,
      'bad.csv:10: usd: negative price: -5',
      /^bad\.csv:11: theft txs: TRX:d+ is not on the incident's chain ETH$/,
      /^bad\.csv:12: theft txs: tx hash must be 64 hexadecimal digits after 0x: 0x1234$/,
      /^bad\.csv:13: victim addresses: .*checksum/i,
      'bad.csv:14: actor: no entity has the key or label Nobody',
      'bad.csv:15: actor: Zaif is a service entity, not an actor: only actors are attributed thefts',
      /^bad\.csv:16: confidence: unknown confidence sure \(one of /,
      'bad.csv:17: confidence: an attribution to an actor needs a confidence',
      'bad.csv:18: source: an attribution to an actor needs a source',
      'bad.csv:19: confidence: given without an actor',
      'bad.csv:20: expected 12 fields as in the header, found 6',
      'bad.csv:21: victim: longer than 200 characters',
    ];
    expect(reasons).toHaveLength(expected.length);
    reasons.forEach((reason, i) => {
      const want = expected[i] as string | RegExp;
      if (typeof want === 'string') expect(reason).toBe(want);
      else expect(reason).toMatch(want);
    });
    expect(db.prepare('SELECT source FROM incidents').pluck().all()).toEqual(['good row']);
  });

  it('refuses a conflicting duplicate, a file without a case, and a header that is not an incidents CSV', async () => {
    const { api } = await workspace();
    await api.runJob('import.files', { files: [fixture('incidents.csv')], caseId: 1 });
    const dir = tempDir();
    const changed = path.join(dir, 'changed.csv');
    fs.writeFileSync(
      changed,
      [
        'victim,time,asset,amount,theft txs',
        `Zaif,2022-03-23T10:00:00Z,ETH,2,0x${'a'.repeat(64)}`,
        'Zaif,2022-03-23T10:00:00Z,ETH,2,',
        'Zaif,2022-03-23T10:00:00Z,ETH,2,',
      ].join('\n'),
    );
    const report = await api.runJob('import.files', { files: [changed], caseId: 1 });
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [
        2,
        'conflicts with incident 1 already in case 1 with the same theft txs (differs in amount, usd, title, source, addresses, actor)',
      ],
    ]);
    // Without txs, the victim, time, asset and amount make the key: the third row repeats the second.
    expect(report.files[0]).toMatchObject({ inserted: 1, duplicates: 1, rejected: 1 });

    const noCase = await api.runJob('import.files', { files: [changed], format: 'incidents-csv' });
    expect(noCase.failed.map((f) => f.reason)).toEqual(['incidents go into a case: give --case ID']);
    const wrong = path.join(dir, 'wrong.csv');
    fs.writeFileSync(wrong, 'victim,when,asset,amount\nZaif,2022-03-23T10:00:00Z,ETH,2\n');
    const notIncidents = await api.runJob('import.files', { files: [wrong], format: 'incidents-csv', caseId: 1 });
    expect(notIncidents.failed.map((f) => [f.line, f.reason])).toEqual([
      [1, 'not an incidents CSV: the header lacks time (it needs victim, time, asset, amount)'],
    ]);
  });

  it('reports progress, and leaves the workspace as it was when cancelled part way', async () => {
    const { db } = await workspace();
    const before = dumpWorkspace(db);
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `New victim ${i},JP,2022-03-23T00:00:00Z,ETH,1.5,0x${i.toString(16).padStart(64, '0')}`,
    );
    const file = writeFile('many.csv', ['victim,victim jurisdiction,time,asset,amount,theft txs', ...rows].join('\n'));
    // Every progress call reaches the listener, as if each row took a second.
    let t = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000));
    const controller = new AbortController();
    let seen = 0;
    const error = await importFile(db, file, {
      caseId: 1,
      signal: controller.signal,
      onProgress: (p) => {
        seen = p.records;
        if (p.records >= 500) controller.abort();
      },
    })
      .catch((e: unknown) => e)
      .finally(() => clock.mockRestore());
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect(seen).toBe(500);
    expect(dumpWorkspace(db)).toBe(before);
  });

  it('is detected by its header, also from pasted text', async () => {
    const { api } = await workspace();
    const text = 'victim,victim jurisdiction,time,asset,amount\nZaif,JP,1648000000,ETH,1\n';
    const report = await api.runJob('import.text', { text, name: 'thefts.csv', caseId: 1 });
    expect(report.files[0]).toMatchObject({ format: 'incidents-csv', inserted: 1 });
    expect(api.call('incident.list', { caseId: 1 })[0]).toMatchObject({ time: '2022-03-23T01:46:40Z', amount: '1' });
  });
});
