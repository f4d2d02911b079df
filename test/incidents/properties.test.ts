/**
 * Properties of the incidents CSV importer: any file ends in a report (whose refusals name their line) or in a
 * whole-file refusal with the workspace unchanged, and importing it again adds nothing; a generated valid file
 * reads back as written.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { listIncidents } from '../../db/incidents/read';
import { importFile } from '../../db/import/run';
import { openDb, type Db } from '../../db/open';
import { ApiError } from '../../db/api/errors';
import { dumpWorkspace, fileContents, importAgain, importAnything, writeFile } from '../helpers/import-check';
import { steppingClock } from '../helpers/workspace';

const ACTORS = path.join(__dirname, '..', 'fixtures', 'incidents', 'actors.yaml');

/** A workspace with the test actors (zaif JP, Liquid JP+SG, lazarusgroup) and one case; no prices. */
async function workspace(): Promise<Db> {
  const { db } = openDb(':memory:');
  await importFile(db, ACTORS);
  createEngine(db, { now: steppingClock() }).call('case.create', { title: 'Properties' });
  return db;
}

const options = { format: 'incidents-csv', caseId: 1, now: steppingClock() };

const ETH_ADDRESSES = ['0x52908400098527886E0F7030069857D2E4169EE7', '0x8617E340B3D01FA5F11F306F4090FD50E238070D'];
const BTC_ADDRESSES = ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'];

const ASSETS = [
  { written: 'ETH', chain: 'ETH', symbol: 'ETH', decimals: 18 },
  { written: 'ETH:USDT', chain: 'ETH', symbol: 'USDT', decimals: 6 },
  { written: 'usdc', chain: 'ETH', symbol: 'USDC', decimals: 6 },
  { written: 'BTC', chain: 'BTC', symbol: 'BTC', decimals: 8 },
] as const;

const VICTIMS = [
  { written: 'zaif', label: 'Zaif', own: 'JP' as string | null, exists: true },
  { written: 'LIQUID', label: 'Liquid', own: null, exists: true },
  { written: 'Coinbene', label: 'Coinbene', own: null, exists: false },
  { written: 'Bitpoint Japan', label: 'Bitpoint Japan', own: null, exists: false },
];

/** Free text as people type it: any characters, quoted for CSV; the importer trims fields. */
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;

const row = fc.record({
  victim: fc.nat({ max: VICTIMS.length - 1 }),
  jurisdiction: fc.constantFrom('', 'JP', 'us', 'KR'),
  /** Milliseconds from 2015 on, and the zone it is written in. */
  time: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2025, 0, 1) }),
  withMs: fc.boolean(),
  offsetMinutes: fc.constantFrom(0, 540, -300, 330),
  asset: fc.nat({ max: ASSETS.length - 1 }),
  amount: fc.bigInt({ min: 0n, max: 10n ** 30n }),
  inWholeUnits: fc.boolean(),
  usd: fc.option(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.nat({ max: 6 })), { nil: null }),
  txs: fc.nat({ max: 3 }),
  txSeparator: fc.constantFrom(';', ' ; ', ' ', '\t'),
  address: fc.option(fc.nat({ max: 1 }), { nil: null }),
  attribution: fc.option(fc.constantFrom('authority_data', 'web_crawl', 'forensic'), { nil: null }),
  title: text,
  note: text,
  source: text,
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The time written in a zone, e.g. 2022-03-23T19:00:00.250+09:00. */
function writtenTime(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone =
    offsetMinutes === 0
      ? 'Z'
      : `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${local.toISOString().slice(0, 19)}${ms % 1000 === 0 ? '' : `.${pad(ms % 1000, 3)}`}${zone}`;
}

function writtenAmount(amount: bigint, decimals: number, whole: boolean): string {
  if (!whole) return amount.toString();
  const unit = 10n ** BigInt(decimals);
  const fraction = (amount % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${amount / unit}.${fraction || '0'}`;
}

/** A hash unique to the row and position, so that rows are different thefts. */
const hashOf = (rowIndex: number, k: number) => `${pad(rowIndex, 8)}${k}`.padEnd(64, 'e');

function csv(rows: Row[]): string {
  const header =
    'victim,Victim Jurisdiction,time,asset,amount,usd,theft_txs,victim addresses,actor,confidence,source,title,note';
  const lines = rows.map((r, i) => {
    const asset = ASSETS[r.asset] as (typeof ASSETS)[number];
    const ms = r.withMs ? r.time : r.time - (r.time % 1000);
    const txs = Array.from({ length: r.txs }, (_, k) =>
      asset.chain === 'ETH' ? `ETH:0x${hashOf(i, k)}` : hashOf(i, k).toUpperCase(),
    );
    const addresses = asset.chain === 'ETH' ? ETH_ADDRESSES : BTC_ADDRESSES;
    return [
      (VICTIMS[r.victim] as (typeof VICTIMS)[number]).written,
      r.jurisdiction,
      writtenTime(ms + i * 1000, r.offsetMinutes),
      asset.written,
      writtenAmount(r.amount, asset.decimals, r.inWholeUnits),
      r.usd === null ? '' : `${r.usd[0]}${r.usd[1] > 0 ? `.${pad(r.usd[1], r.usd[1])}` : ''}`,
      quoted(txs.join(r.txSeparator)),
      r.address === null ? '' : addresses[r.address],
      r.attribution === null ? '' : 'Lazarus Group',
      r.attribution ?? '',
      quoted(r.attribution !== null && r.source.trim() === '' ? 'FBI' : r.source),
      quoted(r.title),
      quoted(r.note),
    ].join(',');
  });
  return [header, ...lines].join('\r\n');
}

/** What the incidents must read back as, in the order incident.list gives them (time, then id). */
function expected(rows: Row[]) {
  const created = new Map<string, string | null>();
  const out = rows.map((r, i) => {
    const asset = ASSETS[r.asset] as (typeof ASSETS)[number];
    const victim = VICTIMS[r.victim] as (typeof VICTIMS)[number];
    const jurisdiction = r.jurisdiction === '' ? null : r.jurisdiction.toUpperCase();
    if (!victim.exists && !created.has(victim.label)) created.set(victim.label, jurisdiction);
    const own = victim.exists ? victim.own : (created.get(victim.label) ?? null);
    const ms = (r.withMs ? r.time : r.time - (r.time % 1000)) + i * 1000;
    const usd = r.usd === null ? null : `${r.usd[0]}${r.usd[1] > 0 ? `.${pad(r.usd[1], r.usd[1])}` : ''}`;
    const canonicalUsd = usd === null ? null : usd.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    const source = r.attribution !== null && r.source.trim() === '' ? 'FBI' : r.source.trim();
    return {
      ms,
      value: {
        victim: victim.label,
        jurisdiction: jurisdiction ?? own,
        time: new Date(ms).toISOString().replace('.000Z', 'Z'),
        chain: asset.chain,
        asset: asset.symbol,
        amount: r.amount.toString(),
        usd: canonicalUsd,
        usdBasis: usd === null ? 'none' : 'typed',
        txs: Array.from({ length: r.txs }, (_, k) =>
          asset.chain === 'ETH' ? `ETH:0x${hashOf(i, k)}` : `BTC:${hashOf(i, k)}`,
        ).sort(),
        addresses: r.address === null ? 0 : 1,
        actors: r.attribution === null ? [] : [['lazarusgroup', r.attribution, source]],
        title: r.title.trim(),
        note: r.note.trim(),
        source,
      },
    };
  });
  return out.sort((a, b) => a.ms - b.ms).map((e) => e.value);
}

describe('incidents CSV properties', () => {
  it('a generated valid file reads back as written, and importing it again adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), async (rows) => {
        const db = await workspace();
        try {
          const file = writeFile('incidents.csv', csv(rows));
          const report = await importFile(db, file, options);
          expect(report.errors).toEqual([]);
          expect(report).toMatchObject({ read: rows.length, inserted: rows.length, rejected: 0 });
          const stored = listIncidents(db, 1).map((i) => ({
            victim: i.victim.label,
            jurisdiction: i.jurisdiction,
            time: i.time,
            chain: i.chain,
            asset: i.asset.symbol,
            amount: i.amount,
            usd: i.usd,
            usdBasis: i.usdBasis,
            txs: i.txs,
            addresses: i.addresses.length,
            actors: i.actors.map((a) => [a.actor.key, a.confidence, a.source]),
            title: i.title,
            note: i.note,
            source: i.source,
          }));
          expect(stored).toEqual(expected(rows));
          await importAgain(db, file, { inserted: 0, duplicates: rows.length, rejected: 0 }, options);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('any file ends in a report or a file:line refusal that leaves the workspace unchanged', async () => {
    const db = await workspace();
    const valid = fc.array(row, { minLength: 1, maxLength: 4 }).map(csv);
    const pieces = [
      ',',
      '"',
      '\n',
      ';',
      'zaif',
      'Lazarus Group',
      'victim',
      'time',
      'asset',
      'amount',
      'theft txs',
      'ETH',
      'USDT',
      'ETH:',
      '0x',
      '2022-03-23T10:00:00Z',
      '1.5',
      'authority_data',
      'JP',
    ];
    try {
      await fc.assert(
        fc.asyncProperty(fileContents(valid, pieces), async (content) => {
          await importAnything(db, writeFile('incidents.csv', content), options);
        }),
        { numRuns: 150 },
      );
    } finally {
      db.close();
    }
  });
});

describe('incident.create with any input', () => {
  it('creates an incident that reads back, or refuses with an ApiError and writes nothing', async () => {
    const db = await workspace();
    const api = createEngine(db, { now: steppingClock() });
    const pick = (values: string[]) =>
      fc.oneof(fc.constantFrom(...values), fc.string({ unit: 'grapheme', maxLength: 12 }));
    const input = fc.record(
      {
        caseId: fc.constantFrom(1, 2),
        victimId: fc.constantFrom(1, 2, 3, 99),
        time: pick(['2022-03-23T10:00:00Z', '2022-03-23T10:00:00.5+09:00', '1648000000', '2022-02-30T00:00:00Z']),
        asset: pick(['ETH', 'usdc', 'USDT', 'TRX:USDT', 'BTC', 'ETH:0xdac17f958d2ee523a2206206994597c13d831ec7']),
        amount: pick(['1', '1.5', '0.0000001', '123456789012345678901234567890', '1e5']),
        usd: fc.option(pick(['100', '3518.505', '0.1']), { nil: undefined }),
        jurisdiction: fc.option(fc.constantFrom('JP', 'us', 'XX', null), { nil: undefined }),
        txs: fc.array(pick([`ETH:0x${'a'.repeat(64)}`, `BTC:${'b'.repeat(64)}`, 'ETH:0x12']), { maxLength: 3 }),
        addresses: fc.array(pick([`ETH:${ETH_ADDRESSES[0]}`, `BTC:${BTC_ADDRESSES[0]}`, 'ETH:0x12']), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ['caseId', 'victimId', 'time', 'asset', 'amount'] },
    );
    try {
      await fc.assert(
        fc.asyncProperty(input, async (given) => {
          const before = dumpWorkspace(db);
          let created;
          try {
            created = api.call('incident.create', given);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).code).toMatch(/^(invalid_input|not_found)$/);
            expect(dumpWorkspace(db)).toBe(before);
            return;
          }
          expect(api.call('incident.get', { id: created.id })).toEqual(created);
          expect(created.usdBasis === 'none').toBe(created.usd === null);
          expect(BigInt(created.amount) >= 0n).toBe(true);
          expect(created.txs.every((t) => t.startsWith(`${created.chain}:`))).toBe(true);
        }),
        { numRuns: 300 },
      );
    } finally {
      db.close();
    }
  });
});
