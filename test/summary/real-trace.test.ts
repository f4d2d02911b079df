/**
 * The summary over what the app itself writes: an incident made with incident.create (valued from the price
 * table), a trace run from it by trace.run and saved, linked with incident.setTrace. Attribution by trace and
 * cash-out then rest on a real report, with the endpoint kinds the trace gives.
 */
import { describe, expect, it } from 'vitest';
import { eth, fixture } from './fixture';

const VICTIM = eth('1');
const THIEF = eth('2');
const DEPOSIT = eth('3');
const TX1 = `0x${'a1'.repeat(32)}`;
const TX2 = `0x${'b2'.repeat(32)}`;
const ETH = 10n ** 18n;

async function traced() {
  const f = fixture();
  f.entity({ key: 'lazarusgroup', label: 'Lazarus Group', kind: 'actor' });
  const zaif = f.entity({ key: 'zaif', label: 'Zaif', kind: 'victim', jurisdictions: ['JP'] });
  f.entity({ key: 'bitbank', label: 'Bitbank', kind: 'service', jurisdictions: ['JP'] });
  f.tag(THIEF, { actor: 'lazarusgroup', label: 'Lazarus wallet', confidence: 'forensic' });
  f.tag(DEPOSIT, { actor: 'bitbank', label: 'Bitbank deposit', category: 'exchange', confidence: 'service_data' });
  f.tag(VICTIM, { actor: 'zaif', label: 'Zaif hot wallet', confidence: 'service_data' });
  const id = (a: string) => f.db.prepare("SELECT id FROM addresses WHERE chain = 'ETH' AND address = ?").pluck().get(a);
  const transfer = f.db.prepare(
    `INSERT INTO transfers (chain, tx_hash, idx, time, from_id, to_id, asset_id, amount)
     VALUES ('ETH', ?, 0, ?, ?, ?, (SELECT id FROM assets WHERE chain = 'ETH' AND contract = ''), ?)`,
  );
  transfer.run(TX1, 1648000000, id(VICTIM), id(THIEF), (2n * ETH).toString());
  transfer.run(TX2, 1648000100, id(THIEF), id(DEPOSIT), ((3n * ETH) / 2n).toString());
  f.db
    .prepare(
      "INSERT INTO prices (asset_id, day, usd) SELECT id, '2022-03-23', '2345.67' FROM assets WHERE chain = 'ETH' AND contract = ''",
    )
    .run();
  const caseId = f.caseId('Zaif');
  const incident = f.engine.call('incident.create', {
    caseId,
    victimId: zaif,
    time: '2022-03-23T01:00:00Z',
    asset: 'ETH',
    amount: (2n * ETH).toString(),
    txs: [`ETH:${TX1}`],
    title: 'Zaif hot wallet drained',
  });
  const trace = await f.engine.runJob('trace.run', {
    direction: 'forward',
    method: 'haircut',
    hops: 3,
    incidents: [incident.id],
    stopAt: ['exchange'],
    caseId,
    save: true,
  });
  f.engine.call('incident.setTrace', { id: incident.id, traceId: trace.id as number });
  return { f, incident, trace };
}

describe('summary over an incident, trace and link made through the API', () => {
  it('attributes the incident by its trace, and finds the exchange it reached as cash-out', async () => {
    const { f, incident, trace } = await traced();
    expect(trace.endpoints.map((e) => [e.entity, e.kind, e.jurisdiction, e.usd])).toEqual([
      ['Bitbank', 'exchange', 'JP', '3518.50'],
    ]);
    const s = f.engine.call('summary.get', { actor: 'lazarusgroup' });
    // 2 ETH at 2345.67 USD.
    expect(s).toMatchObject({ incidents: 1, total_usd: '4691.34', unvalued: 0, typed: 0 });
    expect(s.jurisdictions).toEqual([{ code: 'JP', name: 'Japan', incidents: 1, usd: '4691.34', share: '1.0000' }]);
    expect(s.basis[0]).toMatchObject({ id: incident.id, usdExact: '4691.34', usdBasis: 'price', decimals: 18 });
    expect(s.basis[0]?.attribution).toEqual([
      {
        basis: 'trace',
        traceId: trace.id,
        method: 'haircut',
        direction: 'forward',
        sha256: f.engine.call('trace.get', { id: trace.id as number }).sha256,
        level: 50,
        addresses: [
          {
            address: `ETH:${THIEF}`,
            asset: 'ETH',
            decimals: 18,
            tainted: (2n * ETH).toString(),
            tag: { label: 'Lazarus wallet', source: 'https://example.org/source', confidence: 'forensic', level: 50 },
          },
        ],
      },
    ]);
    expect(s.cashout).toEqual([
      {
        code: 'JP',
        name: 'Japan',
        usd: '3518.50',
        incomplete: false,
        entities: [{ entity: 'Bitbank', usd: '3518.50', traceIds: [trace.id] }],
      },
    ]);
    // The tag on the thief's wallet is a forensic report (50): above that, nothing is attributed.
    expect(f.engine.call('summary.get', { actor: 'lazarusgroup', minConfidence: 60 }).incidents).toBe(0);
  });
});
