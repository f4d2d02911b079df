import { describe, expect, it } from 'vitest';
import { ApiError } from '../../db/api/errors';
import { CANDIDATES_SQL } from '../../db/summary/loss';
import type { Fixture } from './fixture';
import { eth } from './fixture';
import { world } from './world';

const summary = (f: Fixture, input: Record<string, unknown>) => f.engine.call('summary.get', input);
const ids = (s: { basis: { id: number }[] }) => s.basis.map((b) => b.id);

describe('summary.get: attributed loss per jurisdiction', () => {
  it('counts the incidents attributed at ≥ 50, with exact sums rounded half-up once per figure', () => {
    const w = world();
    const s = summary(w.f, { actor: 'lazarusgroup' });
    expect(s.actor).toEqual({ id: w.lazarus, key: 'lazarusgroup', label: 'Lazarus Group', jurisdictions: ['KP'] });
    expect(s).toMatchObject({ from: null, to: null, minConfidence: 50, caseId: null });
    // Oldest first: i9 (other case), i2, i1, i3, i4, i5, i8. i6 (direct at 20) and i7 (trace to L2 at 20) are below.
    expect(ids(s)).toEqual([w.i9, w.i2, w.i1, w.i3, w.i4, w.i5, w.i8]);
    expect(s.incidents).toBe(7);
    expect(s.unvalued).toBe(1);
    expect(s.typed).toBe(1);
    // 1.005 + 123456789.123456789012345678 + 540000000 + 0.1 + 0.2, exactly, then to the cent.
    expect(s.total_usd).toBe('663456790.43');
    expect(s.jurisdictions).toEqual([
      { code: 'VN', name: 'Vietnam', incidents: 1, usd: '540000000.00', share: '0.8139' },
      { code: 'KR', name: 'South Korea', incidents: 1, usd: '123456789.12', share: '0.1861' },
      { code: 'JP', name: 'Japan', incidents: 2, usd: '1.01', share: '0.0000' },
      // The unvalued incident counts here, without USD.
      { code: 'US', name: 'United States', incidents: 2, usd: '0.20', share: '0.0000' },
      { code: null, name: null, incidents: 1, usd: '0.10', share: '0.0000' },
    ]);
    expect(s.years).toEqual([
      // 1.004999999999999999 + 0.000000000000000001 + 0.2 = 1.205 → 1.21
      { year: 2018, incidents: 3, usd: '1.21' },
      { year: 2019, incidents: 1, usd: '123456789.12' },
      { year: 2022, incidents: 3, usd: '540000000.10' },
    ]);
    const shares = s.jurisdictions.reduce((sum, j) => sum + BigInt(j.share.replace('.', '')), 0n);
    expect(shares).toBe(10000n);
  });

  it('names the country as the countries table does', () => {
    const w = world();
    const names = new Map(
      (
        w.f.db.prepare("SELECT code, name FROM countries WHERE code IN ('KR', 'VN')").all() as {
          code: string;
          name: string;
        }[]
      ).map((r) => [r.code, r.name]),
    );
    const s = summary(w.f, { actor: w.lazarus });
    expect(s.jurisdictions.find((j) => j.code === 'KR')?.name).toBe(names.get('KR'));
  });

  it('includes the incidents under the threshold at a lower one: direct at 20 and by trace at 20', () => {
    const w = world();
    const s = summary(w.f, { actor: 'lazarusgroup', minConfidence: 20 });
    expect(ids(s)).toEqual([w.i9, w.i2, w.i1, w.i3, w.i6, w.i7, w.i4, w.i5, w.i8]);
    expect(s.total_usd).toBe('663457795.43');
    expect(s.jurisdictions.find((j) => j.code === 'JP')).toMatchObject({ incidents: 3, usd: '1001.01' });
    const i7 = s.basis.find((b) => b.id === w.i7);
    expect(i7?.attribution).toEqual([
      {
        basis: 'trace',
        traceId: w.t3,
        method: 'haircut',
        direction: 'forward',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        level: 20,
        addresses: [
          {
            address: w.L2,
            asset: 'ETH',
            decimals: 18,
            tainted: '5',
            tag: {
              label: 'Lazarus (crawled)',
              source: 'https://example.org/source',
              confidence: 'web_crawl',
              level: 20,
            },
          },
        ],
      },
    ]);
    // At 51 the forensic (50) attributions drop out; 60 and 70 stay.
    expect(ids(summary(w.f, { actor: 'lazarusgroup', minConfidence: 51 }))).toEqual([w.i9, w.i4, w.i5]);
  });

  it('counts an incident attributed directly and by trace once, with both bases', () => {
    const w = world();
    const s = summary(w.f, { actor: 'lazarusgroup' });
    const i1 = s.basis.find((b) => b.id === w.i1);
    expect(i1).toMatchObject({
      title: 'Zaif hot wallet',
      victim: 'Zaif',
      jurisdiction: 'JP',
      year: 2018,
      chain: 'ETH',
      asset: 'ETH',
      amount: '1000000000000000000',
      decimals: 18,
      usdExact: '1.004999999999999999',
      usd: '1.00',
      usdBasis: 'price',
    });
    const sha = w.f.db.prepare('SELECT report_sha256 FROM traces WHERE id = ?').pluck().get(w.t1);
    expect(i1?.attribution).toEqual([
      { basis: 'direct', source: 'UN panel report', confidence: 'forensic', level: 50 },
      {
        basis: 'trace',
        traceId: w.t1,
        method: 'haircut',
        direction: 'forward',
        sha256: sha,
        level: 50,
        addresses: [
          {
            address: w.L1,
            asset: 'ETH',
            decimals: 18,
            tainted: '100',
            tag: { label: 'Lazarus wallet', source: 'https://example.org/source', confidence: 'forensic', level: 50 },
          },
        ],
      },
    ]);
  });

  it('counts an incident traced to two actors for each of them', () => {
    const w = world();
    const apt = summary(w.f, { actor: 'apt38' });
    expect(ids(apt)).toEqual([w.i3]);
    expect(apt.total_usd).toBe('123456789.12');
    expect(apt.jurisdictions).toEqual([
      { code: 'KR', name: expect.any(String), incidents: 1, usd: '123456789.12', share: '1.0000' },
    ]);
    expect(apt.basis[0]?.attribution).toMatchObject([{ basis: 'trace', traceId: w.t2, level: 70 }]);
    // The Lazarus tag on L2 had no taint in t2 (tainted 0), so only L1 is listed there.
    const laz = summary(w.f, { actor: 'lazarusgroup', minConfidence: 0 }).basis.find((b) => b.id === w.i3);
    expect(laz?.attribution).toMatchObject([{ basis: 'trace', traceId: w.t2, addresses: [{ address: w.L1 }] }]);
  });

  it('gives the decimals of each reached asset, a token by CHAIN:SYMBOL, and none for a name it does not know', () => {
    const w = world();
    const t = w.f.trace({
      caseId: w.main,
      addresses: [
        { address: w.A1, asset: 'ETH:USDT', tainted: '2500000' },
        { address: w.A1, asset: 'ETH:NOPE', tainted: '7' },
      ],
    });
    const victim = w.f.entity({ label: 'Token victim', kind: 'victim' });
    const id = w.f.incident({ caseId: w.main, victimId: victim, time: '2024-01-01T00:00:00Z', usd: '2.5', traceId: t });
    const basis = summary(w.f, { actor: 'apt38' }).basis.find((b) => b.id === id)?.attribution[0];
    expect(basis?.basis === 'trace' && basis.addresses.map((a) => [a.asset, a.decimals, a.tainted])).toEqual([
      ['ETH:USDT', 6, '2500000'],
      ['ETH:NOPE', null, '7'],
    ]);
  });

  it('takes from and to as inclusive UTC days', () => {
    const w = world();
    const s = summary(w.f, { actor: 'lazarusgroup', from: '2018-01-26', to: '2022-06-24' });
    // i9 at 2018-01-25T23:59:59Z and i8 at 2022-06-25T00:00:00Z fall just outside; i2 and i5 on the edges are in.
    expect(ids(s)).toEqual([w.i2, w.i1, w.i3, w.i4, w.i5]);
    expect(s).toMatchObject({ from: '2018-01-26', to: '2022-06-24', total_usd: '663456790.13' });
    expect(ids(summary(w.f, { actor: 'lazarusgroup', from: '2022-06-25', to: '2022-06-25' }))).toEqual([w.i8]);
  });

  it('restricts to one case', () => {
    const w = world();
    expect(ids(summary(w.f, { actor: 'lazarusgroup', caseId: w.second }))).toEqual([w.i9]);
    expect(summary(w.f, { actor: 'lazarusgroup', caseId: w.main }).incidents).toBe(6);
  });

  it('gives an empty summary for an actor without incidents', () => {
    const w = world();
    const nobody = w.f.entity({ key: 'quiet', label: 'Quiet actor', kind: 'actor' });
    const s = summary(w.f, { actor: nobody });
    expect(s).toMatchObject({ total_usd: '0.00', incidents: 0, jurisdictions: [], years: [], cashout: [], basis: [] });
  });

  it('refuses an unknown actor, an entity that is not an actor, bad dates and an unknown case', () => {
    const w = world();
    const error = (input: Record<string, unknown>) => {
      try {
        summary(w.f, input);
      } catch (e) {
        return e instanceof ApiError ? { code: e.code, message: e.message } : e;
      }
      return null;
    };
    expect(error({ actor: 'nobody' })).toEqual({ code: 'not_found', message: 'entity "nobody" does not exist' });
    expect(error({ actor: 9999 })).toMatchObject({ code: 'not_found' });
    expect(error({ actor: 'zaif' })).toEqual({
      code: 'invalid_input',
      message: 'summary.get: actor: entity "zaif" is a victim, not an actor',
    });
    expect(error({ actor: w.lazarus, from: '2022-02-30' })).toEqual({
      code: 'invalid_input',
      message: 'summary.get: from: must be a date YYYY-MM-DD, not "2022-02-30"',
    });
    expect(error({ actor: w.lazarus, to: '2022-1-1' })).toMatchObject({
      message: expect.stringMatching(/^summary.get: to:/),
    });
    expect(error({ actor: w.lazarus, from: '2022-02-02', to: '2022-02-01' })).toMatchObject({ code: 'invalid_input' });
    expect(error({ actor: w.lazarus, minConfidence: 101 })).toMatchObject({ code: 'invalid_input' });
    expect(error({ actor: w.lazarus, caseId: 999 })).toEqual({ code: 'not_found', message: 'case 999 does not exist' });
  });

  it('finds the candidate incidents through indexes, not a scan of every incident', () => {
    const w = world();
    const plan = (
      w.f.db
        .prepare(`EXPLAIN QUERY PLAN ${CANDIDATES_SQL}`)
        .all({ actor: w.lazarus, caseId: null, from: null, to: null }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.some((d) => d.includes('incident_actors_by_actor') || d.includes('PRIMARY KEY'))).toBe(true);
    expect(plan.some((d) => d.includes('incidents_by_trace'))).toBe(true);
    expect(plan.filter((d) => /^SCAN (i|incidents)\b/.test(d))).toEqual([]);
  });
});

describe('summary.get: cash-out exposure', () => {
  it('sums the exchange and service endpoints of the counted incidents’ traces per jurisdiction, each trace once', () => {
    const w = world();
    const s = summary(w.f, { actor: 'lazarusgroup' });
    // t1 is linked to i1 and i2 and counts once; actor, victim and unknown endpoints are not cash-out.
    expect(s.cashout).toEqual([
      {
        code: 'JP',
        name: 'Japan',
        usd: '1000.35',
        incomplete: false,
        entities: [{ entity: 'Bitbank', usd: '1000.35', traceIds: [w.t1, w.t2] }],
      },
      {
        code: null,
        name: null,
        usd: '50.00',
        incomplete: false,
        entities: [{ entity: 'Tornado', usd: '50.00', traceIds: [w.t1] }],
      },
      {
        code: 'JP,US',
        name: 'Japan, United States',
        usd: '0.20',
        incomplete: false,
        entities: [{ entity: 'DualCo', usd: '0.20', traceIds: [w.t2] }],
      },
      {
        code: 'US',
        name: 'United States',
        usd: '0.00',
        incomplete: true,
        entities: [{ entity: 'Kraken', usd: '0.00', traceIds: [w.t2] }],
      },
    ]);
  });

  it('takes the kind of endpoints in reports stored before endpoints had one from their tags now', () => {
    const w = world();
    const exchange = w.f.tag(eth('e'), { label: 'Old exchange deposit', category: 'exchange' });
    const t = w.f.trace({
      caseId: w.main,
      addresses: [{ address: w.A1, tainted: '1' }],
      endpoints: [
        { entity: 'Old exchange', jurisdiction: 'JP', usd: '5.00', addresses: [exchange], kind: undefined },
        { entity: 'Nobody known', jurisdiction: null, usd: '6.00', addresses: [`ETH:${eth('d')}`], kind: undefined },
      ],
    });
    expect(w.f.db.prepare('SELECT report FROM traces WHERE id = ?').pluck().get(t)).not.toContain('"kind"');
    const victim = w.f.entity({ label: 'Victim 3', kind: 'victim' });
    w.f.incident({ caseId: w.main, victimId: victim, time: '2024-01-01T00:00:00Z', usd: '1', traceId: t });
    const jp = summary(w.f, { actor: 'apt38' }).cashout.find((c) => c.code === 'JP');
    expect(jp?.entities).toEqual([
      { entity: 'Old exchange', usd: '5.00', traceIds: [t] },
      { entity: 'Bitbank', usd: '0.25', traceIds: [w.t2] },
    ]);
    expect(summary(w.f, { actor: 'apt38' }).cashout.map((c) => c.code)).toEqual(['JP', 'JP,US', 'US']);
  });

  it('leaves out traces of incidents that do not count, and backward traces', () => {
    const w = world();
    // APT38's only incident is i3 (trace t2).
    expect(summary(w.f, { actor: 'apt38' }).cashout.map((c) => c.code)).toEqual(['JP', 'JP,US', 'US']);
    const back = w.f.trace({
      caseId: w.main,
      direction: 'backward',
      addresses: [{ address: w.A1, tainted: '1' }],
      endpoints: [{ entity: 'Source exchange', jurisdiction: 'SC', kind: 'exchange', usd: '9.00' }],
    });
    const victim = w.f.entity({ label: 'Victim 2', kind: 'victim' });
    w.f.incident({ caseId: w.main, victimId: victim, time: '2024-01-01T00:00:00Z', usd: '1', traceId: back });
    const apt = summary(w.f, { actor: 'apt38' });
    expect(apt.incidents).toBe(2);
    expect(apt.cashout.map((c) => c.code)).toEqual(['JP', 'JP,US', 'US']);
  });
});
