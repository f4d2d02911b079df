import { describe, expect, it } from 'vitest';
import { A1, A2, B, btc, E, R, roninWorkspace, T } from './fixture';
import { importFixture } from '../helpers/import-check';
import { BTC } from './helpers';

describe('graph.get', () => {
  it('totals each edge exactly from the workspace, with USD over the priced transfers rounded once', async () => {
    const { api, caseId, eth, usdc } = await roninWorkspace();
    api.call('graph.apply', {
      caseId,
      ops: [
        {
          op: 'put',
          nodes: [{ id: E }, { id: T }, { id: B }],
          edges: [
            { source: E, target: T, assetId: eth, flags: ['suspect'], note: 'first hop' },
            { source: E, target: B, assetId: usdc },
            { source: T, target: E, assetId: eth },
            { source: E, target: B, assetId: eth },
          ],
        },
      ],
    });
    const graph = api.call('graph.get', { caseId });
    const edge = (id: string) => graph.edges.find((e) => e.id === id);
    expect(edge(`${E}>${T}>${eth}`)).toEqual({
      id: `${E}>${T}>${eth}`,
      source: E,
      target: T,
      asset: { id: eth, chain: 'ETH', symbol: 'ETH', decimals: 18 },
      total: (A1 + A2 + 1n).toString(),
      // (10^22 + 2^63 + 1) wei × 3401.99 = 34051277.819435659… USD; the transfer of 03-30 has no price.
      usd: '34051277.82',
      usdComplete: false,
      count: 3,
      first: '2022-03-29T10:00:00.000Z',
      last: '2022-03-30T00:00:00.000Z',
      hidden: false,
      color: null,
      flags: ['suspect'],
      note: 'first hop',
    });
    // 4975 USDC × 0.9998 = 4974.005 exactly: half-up makes it 4974.01.
    expect(edge(`${E}>${B}>${usdc}`)).toMatchObject({
      total: '4975000000',
      usd: '4974.01',
      usdComplete: true,
      count: 1,
    });
    expect(edge(`${T}>${E}>${eth}`)).toMatchObject({ total: '5', usd: null, usdComplete: false, count: 1 });
    expect(edge(`${E}>${B}>${eth}`)).toMatchObject({ total: '0', usd: null, count: 0, first: '', last: '' });
  });

  it('labels address nodes from their most confident tag, with its entity, kind and sanctions', async () => {
    const { api, caseId } = await roninWorkspace();
    api.call('graph.apply', {
      caseId,
      ops: [
        {
          op: 'put',
          nodes: [
            { id: E },
            { id: T },
            { id: B },
            { id: R },
            { id: 'group:cashout', label: 'Cash-out', kind: 'exchange' },
          ],
        },
      ],
    });
    const nodes = new Map(api.call('graph.get', { caseId }).nodes.map((n) => [n.id, n]));
    expect(nodes.get(E)).toMatchObject({
      type: 'address',
      address: E,
      chain: 'ETH',
      label: 'Ronin bridge exploiter',
      kind: 'actor',
      entity: { label: 'Lazarus Group', kind: 'actor', jurisdictions: [] },
      confidenceLevel: 60,
      // The actor is sanctioned, but no tag of the address says so.
      sanctioned: false,
    });
    expect(nodes.get(B)).toMatchObject({ label: 'Binance 14', kind: 'exchange', entity: { label: 'Binance' } });
    expect(nodes.get(B)?.entity?.jurisdictions).toContain('MT');
    expect(nodes.get(T)).toMatchObject({
      label: 'Tornado Cash Router',
      kind: 'mixer',
      entity: null,
      confidenceLevel: 50,
    });
    expect(nodes.get(R)).toMatchObject({ label: 'Ronin bridge', kind: 'bridge' });
    expect(nodes.get('group:cashout')).toMatchObject({
      type: 'group',
      address: null,
      chain: null,
      label: 'Cash-out',
      kind: 'exchange',
      entity: null,
      confidenceLevel: null,
    });
  });

  it('marks an address sanctioned when any of its tags says so, such as an OFAC SDN entry', async () => {
    const { api, caseId } = await roninWorkspace();
    const report = await api.runJob('import.files', { files: [importFixture('ofac', 'sdn.csv')] });
    expect(report.failed).toEqual([]);
    api.call('graph.apply', { caseId, ops: [{ op: 'put', nodes: [{ id: E }, { id: T }, { id: btc(BTC.a) }] }] });
    const nodes = new Map(api.call('graph.get', { caseId }).nodes.map((n) => [n.id, n]));
    // The OFAC tag is as confident as the TagPack's (authority data), and came later: the label stays.
    expect(nodes.get(E)).toMatchObject({ label: 'Ronin bridge exploiter', sanctioned: true });
    expect(nodes.get(btc(BTC.a))).toMatchObject({ sanctioned: true, confidenceLevel: 60 });
    expect(nodes.get(T)?.sanctioned).toBe(false);
  });

  it('splits UTXO transactions over their payers by what each paid in, and leaves change and fees out', async () => {
    const { api, caseId, btc: coin } = await roninWorkspace();
    const [a, b, c, d] = [btc(BTC.a), btc(BTC.b), btc(BTC.c), btc(BTC.d)];
    api.call('graph.apply', {
      caseId,
      ops: [
        {
          op: 'put',
          nodes: [{ id: a }, { id: b }, { id: c }, { id: d }],
          edges: [
            { source: a, target: c, assetId: coin },
            { source: b, target: c, assetId: coin },
            { source: a, target: d, assetId: coin },
            { source: b, target: d, assetId: coin },
          ],
        },
      ],
    });
    const totals = Object.fromEntries(
      api.call('graph.get', { caseId }).edges.map((e) => [`${e.source}>${e.target}`, e.total]),
    );
    // tx 1: 26 BTC to c over 1.5 : 25 → 147169811.32… and 2452830188.67…; the unit left goes to b (larger
    // remainder). 0.4998 BTC to d → 2829056.60… and 47150943.39…; the unit goes to a. tx 2: 30000 to c, change
    // to a is no flow. tx 3: 1400 to c, all from a (the unaddressed input is left out).
    expect(totals).toEqual({
      [`${a}>${c}`]: String(147169811 + 30_000 + 1_400),
      [`${b}>${c}`]: '2452830189',
      [`${a}>${d}`]: '2829057',
      [`${b}>${d}`]: '47150943',
    });
    const page = api.call('graph.edgeTransfers', { source: a, target: c, assetId: coin, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.txHash.slice(-1), r.idx, r.amount, r.from, r.to])).toEqual([
      ['1', 0, '147169811', a, c],
      ['2', 0, '30000', a, c],
    ]);
    // 147169811 sat × 47465.73 = 69855.2251… USD.
    expect(page.rows[0]?.usd).toBe('69855.23');
    const next = api.call('graph.edgeTransfers', { source: a, target: c, assetId: coin, offset: 2 });
    expect(next.rows.map((r) => r.amount)).toEqual(['1400']);
  });
});

describe('address.flows and address.transfers', () => {
  it('total what went in and out per asset, without self-sends', async () => {
    const { api, eth, usdc } = await roninWorkspace();
    const flows = api.call('address.flows', { address: E.toLowerCase().replace('eth:', 'ETH:') });
    expect(flows).toEqual({
      address: E,
      assets: [
        {
          asset: { id: eth, chain: 'ETH', symbol: 'ETH', decimals: 18 },
          in: (173600n * 10n ** 18n + 5n).toString(),
          out: (A1 + A2 + 1n).toString(),
          inCount: 2,
          outCount: 3,
          usdIn: null,
          usdOut: '34051277.82',
        },
        {
          asset: { id: usdc, chain: 'ETH', symbol: 'USDC', decimals: 6 },
          in: '0',
          out: '4975000000',
          inCount: 0,
          outCount: 1,
          usdIn: null,
          usdOut: '4974.01',
        },
      ],
      first: '2022-03-23T14:28:03.000Z',
      last: '2022-03-31T00:00:00.000Z',
    });
    const outs = api.call('address.transfers', { address: E, direction: 'out', limit: 2 });
    expect(outs.total).toBe(4);
    expect(outs.rows.map((r) => [r.time, r.to, r.amount, r.usd])).toEqual([
      ['2022-03-29T10:00:00.000Z', T, A1.toString(), '34019900.00'],
      ['2022-03-29T12:00:00.000Z', T, A2.toString(), '31377.82'],
    ]);
    expect(api.call('address.transfers', { address: E }).total).toBe(6);
    const last = api.call('address.transfers', { address: E, offset: 5 });
    expect(last.rows.map((r) => [r.from, r.to, r.amount])).toEqual([[T, E, '5']]);
    // A UTXO address: one row per output it paid into, with its split share; its change is no transfer.
    const a = api.call('address.transfers', { address: `BTC:${BTC.a}` });
    expect(a.rows.map((r) => [r.txHash.slice(-1), r.idx, r.to, r.amount])).toEqual([
      ['1', 0, `BTC:${BTC.c}`, '147169811'],
      ['1', 2, `BTC:${BTC.d}`, '2829057'],
      ['2', 0, `BTC:${BTC.c}`, '30000'],
      ['3', 0, `BTC:${BTC.c}`, '1400'],
    ]);
    expect(api.call('address.flows', { address: `BTC:${BTC.e}` })).toEqual({
      address: `BTC:${BTC.e}`,
      assets: [],
      first: null,
      last: null,
    });
  });

  it('refuses an invalid address with the reason', async () => {
    const { api } = await roninWorkspace();
    expect(() => api.call('address.flows', { address: 'ETH:0x1234' })).toThrow(/address.flows: ETH:0x1234: /);
    expect(() => api.call('graph.edgeTransfers', { source: E, target: T, assetId: 99999 })).toThrow(
      'graph.edgeTransfers: no asset has id 99999',
    );
  });
});
