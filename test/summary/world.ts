import { eth, fixture } from './fixture';

/**
 * One workspace with the cases the summary must get right. Lazarus (key lazarusgroup) is tagged on L1 at 50
 * (forensic) and on L2 at 20 (web crawl); APT38 on A1 at 70. Money figures are chosen where floating point
 * would be wrong: 1.004999999999999999 + 0.000000000000000001 is exactly 1.005, which rounds half-up to 1.01
 * (in binary floating point 1.005 is 1.00499… and rounds to 1.00), and an 18-decimal value.
 */
export function world() {
  const f = fixture();
  const lazarus = f.entity({ key: 'lazarusgroup', label: 'Lazarus Group', kind: 'actor', jurisdictions: ['KP'] });
  const apt38 = f.entity({ key: 'apt38', label: 'APT38', kind: 'actor' });
  const zaif = f.entity({ key: 'zaif', label: 'Zaif', kind: 'victim', jurisdictions: ['JP'] });
  const upbit = f.entity({ key: 'upbit', label: 'Upbit', kind: 'victim', jurisdictions: ['KR'] });
  const other = f.entity({ label: 'Some victim', kind: 'victim' });
  const L1 = f.tag(eth('a'), { actor: 'lazarusgroup', label: 'Lazarus wallet', confidence: 'forensic' });
  const L2 = f.tag(eth('b'), { actor: 'lazarusgroup', label: 'Lazarus (crawled)', confidence: 'web_crawl' });
  const A1 = f.tag(eth('c'), { actor: 'apt38', label: 'APT38 wallet', confidence: 'forensic_investigation' });
  const main = f.caseId('Main');
  const second = f.caseId('Second');

  const t1 = f.trace({
    caseId: main,
    addresses: [
      { address: L1, tainted: '100' },
      { address: eth('9'), tainted: '7' },
    ],
    endpoints: [
      { entity: 'Bitbank', jurisdiction: 'JP', kind: 'exchange', usd: '1000.10' },
      { entity: 'Tornado', jurisdiction: null, kind: 'mixer', usd: '50.00' },
      { entity: 'Lazarus Group', jurisdiction: 'KP', kind: 'actor', usd: '999.00' },
      { entity: 'Zaif', jurisdiction: 'JP', kind: 'victim', usd: '1.00' },
      { entity: eth('9'), jurisdiction: null, kind: 'unknown', usd: '2.00' },
    ],
  });
  const t2 = f.trace({
    caseId: main,
    addresses: [
      { address: L1, tainted: '30' },
      { address: A1, tainted: '20' },
      { address: L2, tainted: '0' },
    ],
    endpoints: [
      { entity: 'Kraken', jurisdiction: 'US', kind: 'exchange', usd: null },
      { entity: 'Bitbank', jurisdiction: 'JP', kind: 'exchange', usd: '0.25' },
      { entity: 'DualCo', jurisdiction: 'JP,US', kind: 'service', usd: '0.20' },
    ],
  });
  const t3 = f.trace({ caseId: main, addresses: [{ address: L2, tainted: '5' }] });

  const i1 = f.incident({
    caseId: main,
    victimId: zaif,
    jurisdiction: 'JP',
    time: '2018-09-14T08:00:00Z',
    usd: '1.004999999999999999',
    traceId: t1,
    title: 'Zaif hot wallet',
  });
  f.attribute(i1, lazarus, 'forensic', 'UN panel report');
  const i2 = f.incident({
    caseId: main,
    victimId: zaif,
    jurisdiction: 'JP',
    time: '2018-01-26T00:00:00Z',
    usd: '0.000000000000000001',
    traceId: t1,
  });
  const i3 = f.incident({
    caseId: main,
    victimId: upbit,
    jurisdiction: 'KR',
    time: '2019-11-27T04:06:00Z',
    usd: '123456789.123456789012345678',
    traceId: t2,
  });
  const i4 = f.incident({
    caseId: main,
    victimId: other,
    jurisdiction: 'VN',
    time: '2022-03-23T12:00:00Z',
    usd: '540000000',
    basis: 'typed',
  });
  f.attribute(i4, lazarus, 'forensic_investigation');
  const i5 = f.incident({ caseId: main, victimId: other, jurisdiction: 'US', time: '2022-06-24T23:59:59Z' });
  f.attribute(i5, lazarus, 'authority_data');
  const i6 = f.incident({
    caseId: main,
    victimId: zaif,
    jurisdiction: 'JP',
    time: '2020-01-01T00:00:00Z',
    usd: '1000',
  });
  f.attribute(i6, lazarus, 'web_crawl', 'a forum post');
  const i7 = f.incident({ caseId: main, victimId: other, jurisdiction: 'HK', time: '2021-05-05T00:00:00Z', usd: '5' });
  f.db.prepare('UPDATE incidents SET trace_id = ? WHERE id = ?').run(t3, i7);
  const i8 = f.incident({ caseId: main, victimId: other, time: '2022-06-25T00:00:00Z', usd: '0.1' });
  f.attribute(i8, lazarus, 'service_data');
  const i9 = f.incident({
    caseId: second,
    victimId: other,
    jurisdiction: 'US',
    time: '2018-01-25T23:59:59Z',
    usd: '0.2',
  });
  f.attribute(i9, lazarus, 'manual_transaction');
  return { f, lazarus, apt38, zaif, main, second, t1, t2, t3, i1, i2, i3, i4, i5, i6, i7, i8, i9, L1, L2, A1 };
}
