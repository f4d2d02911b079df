import { describe, expect, it } from 'vitest';
import { ApiError } from '../../db/api/errors';
import { A1, A2, B, btc, E, R, roninWorkspace, T } from './fixture';
import { BTC } from './helpers';

describe('graph.neighbours', () => {
  it("lists an address's counterparties per direction and asset, largest first, without self-sends", async () => {
    const { api, caseId, eth, usdc } = await roninWorkspace();
    api.call('graph.apply', { caseId, ops: [{ op: 'put', nodes: [{ id: E }, { id: T }] }] });
    const all = api.call('graph.neighbours', { caseId, address: E, direction: 'both' });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => [r.address, r.direction, r.asset.id, r.total, r.usd, r.count, r.inGraph])).toEqual([
      // USD first: 34051277.82, then 4974.01; the unpriced last, by count, then by amount in whole units.
      [T, 'out', eth, (A1 + A2 + 1n).toString(), '34051277.82', 3, true],
      [B, 'out', usdc, '4975000000', '4974.01', 1, false],
      [R, 'in', eth, '173600000000000000000000', null, 1, false],
      [T, 'in', eth, '5', null, 1, true],
    ]);
    expect(all.rows[0]).toMatchObject({
      label: 'Tornado Cash Router',
      kind: 'mixer',
      first: '2022-03-29T10:00:00.000Z',
      last: '2022-03-30T00:00:00.000Z',
    });
    const top = api.call('graph.neighbours', { caseId, address: E, direction: 'both', top: 1 });
    expect(top).toEqual({ total: 4, rows: [all.rows[0]] });
  });

  it('filters by direction, asset, minimum amount and time window', async () => {
    const { api, caseId, eth } = await roninWorkspace();
    const pick = (input: object) =>
      api
        .call('graph.neighbours', { caseId, address: E, direction: 'both', ...input })
        .rows.map((r) => `${r.direction} ${r.address} ${r.total}`);
    expect(pick({ direction: 'in' })).toEqual([`in ${R} 173600000000000000000000`, `in ${T} 5`]);
    expect(pick({ direction: 'out', assetId: eth })).toEqual([`out ${T} ${A1 + A2 + 1n}`]);
    expect(pick({ assetId: eth, minAmount: '6' })).toEqual([
      `out ${T} ${A1 + A2 + 1n}`,
      `in ${R} 173600000000000000000000`,
    ]);
    // The window keeps only the transfers of 2022-03-29 between 11:00 and 13:00 (inclusive): $31377.82, $4974.01.
    expect(pick({ from: '2022-03-29T11:00:00Z', to: '2022-03-29T13:00:00+00:00' })).toEqual([
      `out ${T} ${A2}`,
      `out ${B} 4975000000`,
    ]);
  });

  it('follows UTXO transactions from inputs to outputs, leaving change out', async () => {
    const { api, caseId } = await roninWorkspace();
    const rows = api.call('graph.neighbours', { caseId, address: btc(BTC.a), direction: 'both' }).rows;
    expect(rows.map((r) => [r.direction, r.address, r.total, r.count])).toEqual([
      ['out', btc(BTC.c), String(147169811 + 30_000 + 1_400), 3],
      ['out', btc(BTC.d), '2829057', 1],
    ]);
    const into = api.call('graph.neighbours', { caseId, address: btc(BTC.c), direction: 'in' }).rows;
    expect(into.map((r) => [r.address, r.total])).toEqual([
      [btc(BTC.b), '2452830189'],
      [btc(BTC.a), String(147169811 + 30_000 + 1_400)],
    ]);
  });

  it('refuses what it cannot answer, with a clear message', async () => {
    const { api, caseId, eth } = await roninWorkspace();
    const fails = (input: object, message: string) => {
      const call = () => api.call('graph.neighbours', { caseId, address: E, direction: 'both', ...input });
      expect(call).toThrow(ApiError);
      expect(call).toThrow(message);
    };
    fails({ minAmount: '5' }, 'graph.neighbours: minAmount needs assetId');
    fails({ assetId: 99999 }, 'graph.neighbours: no asset has id 99999');
    fails({ from: '2022-03-29T11:00:00' }, 'graph.neighbours: from: time 2022-03-29T11:00:00 has no zone');
    fails(
      { to: '2022-02-30T00:00:00Z' },
      'graph.neighbours: to: time 2022-02-30T00:00:00Z is not a valid date and time',
    );
    fails({ from: '1648512000' }, 'graph.neighbours: from: write an ISO-8601 time with a zone');
    fails({ from: '2022-03-30T00:00:00Z', to: '2022-03-29T00:00:00Z' }, 'is after to');
    fails({ address: 'ETH:0x12' }, 'graph.neighbours: ETH:0x12: ');
    fails({ caseId: 999 }, 'case 999 does not exist');
    expect(api.call('graph.neighbours', { caseId, address: `BTC:${BTC.e}`, direction: 'both', assetId: eth })).toEqual({
      total: 0,
      rows: [],
    });
  });
});
