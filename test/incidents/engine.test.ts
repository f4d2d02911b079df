import { describe, expect, it } from 'vitest';
import { auditForCase } from '../../db/audit';
import { incidentWorkspace, THIEF_ETH, TX1, TX2, VICTIM_ETH } from './fixture';

const base = { caseId: 1, victimId: 1, time: '2022-03-23T10:00:00+09:00', asset: 'ETH', amount: '1.5' };

describe('incident.create', () => {
  it('stores a theft valued exactly from the price table, in UTC, with its txs and addresses', () => {
    const { api, db } = incidentWorkspace();
    const incident = api.call('incident.create', {
      ...base,
      title: 'Hot wallet drained',
      source: 'Zaif press release',
      txs: [`eth:${TX1.toUpperCase().replace('0X', '0x')}`, `ETH:${TX1}`],
      addresses: [`ETH:${VICTIM_ETH.toLowerCase()}`],
    });
    expect(incident).toMatchObject({
      id: 1,
      caseId: 1,
      title: 'Hot wallet drained',
      victim: { id: 1, key: 'zaif', label: 'Zaif', jurisdictions: ['JP'] },
      jurisdiction: 'JP',
      time: '2022-03-23T01:00:00Z',
      chain: 'ETH',
      asset: { chain: 'ETH', symbol: 'ETH', decimals: 18 },
      amount: '1500000000000000000',
      // 1.5 × 2,345.67, exactly: not rounded to cents.
      usd: '3518.505',
      usdBasis: 'price',
      source: 'Zaif press release',
      txs: [`ETH:${TX1}`],
      actors: [],
      traceId: null,
      createdAt: '2026-03-01T10:00:01.000Z',
    });
    expect(incident.addresses).toHaveLength(1);
    expect(incident.addresses[0]?.toLowerCase()).toBe(`eth:${VICTIM_ETH.toLowerCase()}`);
    // The victim address is now a workspace address, as an address list would leave it.
    expect(db.prepare("SELECT count(*) FROM addresses WHERE chain = 'ETH'").pluck().get()).toBe(1);
    expect(api.call('incident.get', { id: 1 })).toEqual(incident);
    expect(api.call('incident.list', { caseId: 1 })).toEqual([incident]);
    expect(auditForCase(db, 1).at(-1)).toMatchObject({
      action: 'incident.created',
      detail: { incidentId: 1, victim: 'Zaif', asset: 'ETH:ETH', usd: '3518.505', usdBasis: 'price' },
    });
  });

  it('takes a typed USD only where no price exists, and says what the price gives otherwise', () => {
    const { api } = incidentWorkspace();
    expect(() => api.call('incident.create', { ...base, usd: '3518.51' })).toThrow(
      'incident.create: usd: the price table values it at 3518.505 USD (2345.67 USD per ETH on 2022-03-23)',
    );
    // The same figure as the price gives is no contradiction.
    expect(api.call('incident.create', { ...base, usd: '3518.5050' })).toMatchObject({ usdBasis: 'price' });
    const noPrice = { ...base, time: '2022-03-24T00:00:00Z' };
    expect(api.call('incident.create', { ...noPrice, usd: '3600.10' })).toMatchObject({
      usd: '3600.1',
      usdBasis: 'typed',
    });
    expect(api.call('incident.create', noPrice)).toMatchObject({ usd: null, usdBasis: 'none' });
    expect(() => api.call('incident.create', { ...noPrice, usd: '-3' })).toThrow(/incident\.create: usd: /);
  });

  it('resolves assets by coin, unique token symbol, CHAIN:SYMBOL and CHAIN:CONTRACT; refuses ambiguous ones', () => {
    const { api } = incidentWorkspace();
    expect(api.call('incident.create', { ...base, asset: 'usdc', amount: '2.5' })).toMatchObject({
      chain: 'ETH',
      asset: { symbol: 'USDC', decimals: 6 },
      amount: '2500000',
    });
    expect(api.call('incident.create', { ...base, asset: 'TRX:USDT', amount: '7' })).toMatchObject({
      chain: 'TRX',
      asset: { symbol: 'USDT' },
      amount: '7',
    });
    expect(
      api.call('incident.create', { ...base, asset: 'ETH:0xdac17f958d2ee523a2206206994597c13d831ec7', amount: '1.0' }),
    ).toMatchObject({ chain: 'ETH', asset: { symbol: 'USDT' }, amount: '1000000' });
    expect(() => api.call('incident.create', { ...base, asset: 'USDT' })).toThrow(
      'incident.create: asset: asset USDT is ambiguous: write one of BTC:USDT, ETH:USDT, TRX:USDT',
    );
    expect(() => api.call('incident.create', { ...base, asset: 'NOPE' })).toThrow(/incident\.create: asset: unknown/);
  });

  it('refuses amounts finer than the asset, bad times, foreign txs and invalid addresses, naming the field', () => {
    const { api, db } = incidentWorkspace();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ asset: 'ETH:USDC', amount: '1.0000001' }, /amount: amount 1\.0000001 has more decimals than USDC has \(6\)/],
      [{ time: '2022-03-23T10:00:00' }, /time: time 2022-03-23T10:00:00 has no zone/],
      [{ time: '2022-02-30T10:00:00Z' }, /time: .*not a valid date/],
      [{ time: '2022-03-23T10:00:00.1234Z' }, /time: .*finer than a millisecond/],
      [{ txs: [`TRX:${'c'.repeat(64)}`] }, /txs: .* is not on the incident's chain ETH/],
      [{ txs: ['ETH:0x1234'] }, /txs: tx hash must be 64 hexadecimal digits/],
      [{ txs: [TX1] }, /txs: .*write CHAIN:TXHASH/],
      [{ addresses: ['ETH:0x52908400098527886E0F7030069857D2E4169Ee7'] }, /addresses: .*checksum/i],
      [{ addresses: ['BTC:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'] }, /addresses: .* is not on the incident's chain ETH/],
      [{ jurisdiction: 'XX' }, /jurisdiction: XX is not a country code the workspace knows/],
      [{ victimId: 3 }, /victimId: Lazarus Group is an actor/],
    ];
    for (const [change, message] of cases) {
      expect(() => api.call('incident.create', { ...base, ...change }), JSON.stringify(change)).toThrow(message);
    }
    expect(() => api.call('incident.create', { ...base, victimId: 99 })).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'incident.create: victimId: entity 99 does not exist' }),
    );
    expect(() => api.call('incident.create', { ...base, caseId: 9 })).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'case 9 does not exist' }),
    );
    // Nothing was half-written: no incident, no address, no audit entry beyond the case's creation.
    expect(db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM addresses').pluck().get()).toBe(0);
    expect(auditForCase(db, 1).map((e) => e.action)).toEqual(['case.created']);
  });

  it('defaults the jurisdiction to the victim’s only one, and leaves it unknown for several or none', () => {
    const { api } = incidentWorkspace();
    expect(api.call('incident.create', base).jurisdiction).toBe('JP');
    expect(api.call('incident.create', { ...base, victimId: 2 }).jurisdiction).toBeNull();
    expect(api.call('incident.create', { ...base, victimId: 2, jurisdiction: 'us' }).jurisdiction).toBe('US');
    expect(api.call('incident.create', { ...base, victimId: 5 }).jurisdiction).toBeNull();
    expect(api.call('incident.create', { ...base, jurisdiction: null }).jurisdiction).toBeNull();
    // A service can be the victim (an exchange robbed of its hot wallet).
    expect(api.call('incident.create', { ...base, victimId: 4 }).victim.label).toBe('Binance');
  });
});

describe('incident.update and delete', () => {
  it('re-values when time, asset or amount change, and records what changed', () => {
    const { api, db } = incidentWorkspace();
    api.call('incident.create', { ...base, time: '2022-03-24T00:00:00Z', usd: '100' });
    // A note leaves the typed figure alone.
    expect(api.call('incident.update', { id: 1, note: 'seen on chain' })).toMatchObject({
      usd: '100',
      usdBasis: 'typed',
      note: 'seen on chain',
    });
    // Moving the theft to a day with a price values it from the table.
    expect(api.call('incident.update', { id: 1, time: '2022-03-23T12:00:00Z' })).toMatchObject({
      usd: '3518.505',
      usdBasis: 'price',
    });
    expect(api.call('incident.update', { id: 1, amount: '2' })).toMatchObject({
      amount: '2',
      usd: '0.00000000000000469134',
      usdBasis: 'price',
    });
    // Back to a day without a price, the figure is unknown until one is typed.
    expect(api.call('incident.update', { id: 1, time: '2022-03-25T00:00:00Z' })).toMatchObject({
      usd: null,
      usdBasis: 'none',
    });
    expect(() => api.call('incident.update', { id: 1, time: '2022-03-23T00:00:00Z', usd: '5' })).toThrow(
      /incident\.update: usd: the price table values it at 0\.00000000000000469134 USD/,
    );
    const audit = auditForCase(db, 1).filter((e) => e.action === 'incident.updated');
    expect(audit.map((e) => Object.keys(e.detail.changes as object))).toEqual([
      ['note'],
      ['time', 'usd', 'usdBasis'],
      ['amount', 'usd'],
      ['time', 'usd', 'usdBasis'],
    ]);
    expect(audit[1]?.detail).toEqual({
      incidentId: 1,
      changes: {
        time: { from: '2022-03-24T00:00:00Z', to: '2022-03-23T12:00:00Z' },
        usd: { from: '100', to: '3518.505' },
        usdBasis: { from: 'typed', to: 'price' },
      },
    });
  });

  it('keeps txs and addresses on the incident’s chain when the asset changes, and replaces them when given', () => {
    const { api } = incidentWorkspace();
    api.call('incident.create', { ...base, txs: [`ETH:${TX1}`], addresses: [`ETH:${VICTIM_ETH}`] });
    expect(() => api.call('incident.update', { id: 1, asset: 'TRX:USDT' })).toThrow(
      /incident\.update: txs: ETH:0xa1.* is not on the incident's chain TRX/,
    );
    expect(api.call('incident.update', { id: 1, asset: 'ETH:USDC', amount: '10' })).toMatchObject({
      asset: { symbol: 'USDC' },
      usdBasis: 'none',
      txs: [`ETH:${TX1}`],
    });
    const updated = api.call('incident.update', { id: 1, txs: [`ETH:${TX2}`, `ETH:${TX1}`], addresses: [] });
    expect(updated.txs).toEqual([`ETH:${TX1}`, `ETH:${TX2}`]);
    expect(updated.addresses).toEqual([]);
    // The victim changes the default jurisdiction along with it.
    expect(api.call('incident.update', { id: 1, victimId: 2 }).jurisdiction).toBeNull();
    expect(() => api.call('incident.update', { id: 1, victimId: 3 })).toThrow(/victimId: Lazarus Group is an actor/);
    expect(() => api.call('incident.update', { id: 7, note: 'x' })).toThrow('incident 7 does not exist');
    expect(() => api.call('incident.update', { id: 1 })).toThrow(/nothing to change/);
  });

  it('deletes an incident with its txs, addresses and attributions, in the audit log', () => {
    const { api, db } = incidentWorkspace();
    api.call('incident.create', { ...base, txs: [`ETH:${TX1}`], addresses: [`ETH:${VICTIM_ETH}`] });
    api.call('incident.attribute', { id: 1, actorId: 3, source: 'FBI', confidence: 'authority_data' });
    expect(api.call('incident.delete', { id: 1 })).toEqual({ id: 1 });
    for (const table of ['incidents', 'incident_txs', 'incident_addresses', 'incident_actors']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(auditForCase(db, 1).at(-1)).toMatchObject({
      action: 'incident.deleted',
      detail: { incidentId: 1, victim: 'Zaif', amount: '1500000000000000000', txs: [`ETH:${TX1}`] },
    });
    expect(() => api.call('incident.delete', { id: 1 })).toThrow('incident 1 does not exist');
  });
});

describe('incident attribution and trace link', () => {
  it('attributes to an actor with a confidence, replaces it on a second call, and removes it', () => {
    const { api, db } = incidentWorkspace();
    api.call('incident.create', base);
    const first = api.call('incident.attribute', {
      id: 1,
      actorId: 3,
      source: 'FBI press release',
      confidence: 'authority_data',
    });
    expect(first.actors).toEqual([
      {
        actor: { id: 3, key: 'lazarusgroup', label: 'Lazarus Group' },
        source: 'FBI press release',
        confidence: 'authority_data',
        confidenceLevel: expect.any(Number) as number,
        createdAt: '2026-03-01T10:00:02.000Z',
      },
    ]);
    const second = api.call('incident.attribute', { id: 1, actorId: 3, source: 'Elliptic', confidence: 'web_crawl' });
    expect(second.actors.map((a) => [a.source, a.confidence])).toEqual([['Elliptic', 'web_crawl']]);
    expect(() =>
      api.call('incident.attribute', { id: 1, actorId: 1, source: 'x', confidence: 'authority_data' }),
    ).toThrow('incident.attribute: actorId: Zaif is a victim entity, not an actor: only actors are attributed thefts');
    expect(() => api.call('incident.attribute', { id: 1, actorId: 3, source: 'x', confidence: 'sure' })).toThrow(
      /incident\.attribute: confidence: unknown confidence sure \(one of .*authority_data/,
    );
    expect(() => api.call('incident.attribute', { id: 1, actorId: 3, source: ' ', confidence: 'web_crawl' })).toThrow(
      /source: must not be empty/,
    );
    expect(api.call('incident.unattribute', { id: 1, actorId: 3 }).actors).toEqual([]);
    expect(() => api.call('incident.unattribute', { id: 1, actorId: 3 })).toThrow(
      'incident 1 is not attributed directly to entity 3',
    );
    const actions = auditForCase(db, 1).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['incident.attributed', 'incident.attributed', 'incident.unattributed']);
    expect(auditForCase(db, 1).at(-2)?.detail).toMatchObject({
      replaced: { source: 'FBI press release', confidence: 'authority_data' },
    });
  });

  it('links a stored trace of the same case, refuses another case’s, and unlinks', async () => {
    const { api, db } = incidentWorkspace();
    api.call('case.create', { title: 'Other case' });
    db.prepare("INSERT INTO addresses (chain, address) VALUES ('ETH', ?), ('ETH', ?)").run(VICTIM_ETH, THIEF_ETH);
    const transfer = db.prepare(
      "INSERT INTO transfers (chain, tx_hash, idx, time, from_id, to_id, asset_id, amount) VALUES ('ETH', ?, 0, ?, ?, ?, 1, '5')",
    );
    transfer.run(TX2, 1645000000, 2, 1); // the victim's funds arrive
    transfer.run(TX1, 1648000000, 1, 2); // and are stolen
    api.call('incident.create', { ...base, txs: [`ETH:${TX1}`], addresses: [`ETH:${VICTIM_ETH}`] });
    api.call('incident.create', base);
    const run = { direction: 'forward', method: 'fifo', hops: 2, save: true } as const;
    await api.runJob('trace.run', { ...run, txs: [`ETH:${TX1.toUpperCase().replace('0X', '')}`], caseId: 1 });
    await api.runJob('trace.run', { ...run, txs: [`ETH:${TX1}`], caseId: 2 });
    await api.runJob('trace.run', { ...run, seeds: [`ETH:${THIEF_ETH}`], caseId: 1 });
    await api.runJob('trace.run', {
      ...run,
      seeds: [`ETH:${VICTIM_ETH.toLowerCase()}@2022-01-01T00:00:00Z`],
      caseId: 1,
    });
    await api.runJob('trace.run', { ...run, incidents: [1], caseId: 1 });
    // Seeded by one of its txs (in any spelling), by its victim address, or by the incident itself.
    expect(api.call('incident.setTrace', { id: 1, traceId: 1 }).traceId).toBe(1);
    expect(api.call('incident.setTrace', { id: 1, traceId: 4 }).traceId).toBe(4);
    expect(api.call('incident.setTrace', { id: 1, traceId: 5 }).traceId).toBe(5);
    expect(api.call('incident.setTrace', { id: 1, traceId: 1 }).traceId).toBe(1);
    expect(() => api.call('incident.setTrace', { id: 1, traceId: 2 })).toThrow(
      "incident.setTrace: traceId: trace 2 belongs to case 2, not to the incident's case 1",
    );
    // A trace of something else is no basis for attributing this theft.
    expect(() => api.call('incident.setTrace', { id: 1, traceId: 3 })).toThrow(
      'incident.setTrace: traceId: trace 3 does not start from incident 1 (by its id, its theft txs or its victim addresses)',
    );
    expect(() => api.call('incident.setTrace', { id: 2, traceId: 1 })).toThrow(
      /trace 1 does not start from incident 2/,
    );
    expect(() => api.call('incident.setTrace', { id: 1, traceId: 9 })).toThrow('trace 9 does not exist');
    expect(api.call('incident.setTrace', { id: 1, traceId: null }).traceId).toBeNull();
    expect(
      auditForCase(db, 1)
        .filter((e) => e.action === 'incident.trace-linked')
        .map((e) => e.detail),
    ).toEqual([
      { incidentId: 1, traceId: 1, previous: null },
      { incidentId: 1, traceId: 4, previous: 1 },
      { incidentId: 1, traceId: 5, previous: 4 },
      { incidentId: 1, traceId: 1, previous: 5 },
      { incidentId: 1, traceId: null, previous: 1 },
    ]);
  });

  it('gives the countries and confidence levels', () => {
    const { api } = incidentWorkspace();
    const reference = api.call('reference.get', {});
    expect(reference.countries).toContainEqual({ code: 'JP', name: 'Japan' });
    expect(reference.confidence[0]?.level).toBe(100);
    expect(reference.confidence.map((c) => c.id)).toContain('authority_data');
  });
});

describe('victim addresses on the graph', () => {
  it('draws an address an incident names as its victim’s as a victim, tagged or not', () => {
    const { api, db } = incidentWorkspace();
    const tagged = '0x1111111111111111111111111111111111111111';
    db.prepare("INSERT INTO addresses (chain, address) VALUES ('ETH', ?)").run(tagged);
    db.prepare(
      `INSERT INTO tags (chain, address_id, label, source, confidence, category, actor, dedup_key)
       SELECT 'ETH', id, 'Binance hot wallet', 'test', 'service_data', 'exchange', 'binance', 'k1' FROM addresses WHERE address = ?`,
    ).run(tagged);
    api.call('graph.apply', {
      caseId: 1,
      ops: [{ op: 'put', nodes: [{ id: `ETH:${tagged}` }, { id: `ETH:${VICTIM_ETH}` }] }],
    });
    const kinds = () => Object.fromEntries(api.call('graph.get', { caseId: 1 }).nodes.map((n) => [n.id, n.kind]));
    expect(kinds()).toEqual({ [`ETH:${tagged}`]: 'exchange', [`ETH:${VICTIM_ETH}`]: 'unknown' });
    api.call('incident.create', { ...base, addresses: [`ETH:${tagged}`, `ETH:${VICTIM_ETH}`] });
    expect(kinds()).toEqual({ [`ETH:${tagged}`]: 'victim', [`ETH:${VICTIM_ETH}`]: 'victim' });
  });
});
