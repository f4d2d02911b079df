import { describe, expect, it } from 'vitest';
import { incidentWorkspace, THIEF_ETH, TX1, TX2, VICTIM_ETH } from './fixture';

const TRON_VICTIM = 'TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG';
const TRON_THIEF = 'TRBACioxdrdsYEZHvJWiUDZcMdBPpEe5Ub';
const TRON_TX = 'd'.repeat(64);

/** Two thefts on Ethereum and one on TRON (whose hashes the workspace stores without 0x), in case 1. */
function workspace() {
  const w = incidentWorkspace();
  const { db, api } = w;
  const address = db.prepare('INSERT INTO addresses (chain, address) VALUES (?, ?)');
  for (const [chain, a] of [
    ['ETH', VICTIM_ETH],
    ['ETH', THIEF_ETH],
    ['TRX', TRON_VICTIM],
    ['TRX', TRON_THIEF],
  ]) {
    address.run(chain, a);
  }
  const transfer = db.prepare(
    `INSERT INTO transfers (chain, tx_hash, idx, time, from_id, to_id, asset_id, amount)
     VALUES (?, ?, 0, 1648000000, ?, ?, (SELECT id FROM assets WHERE chain = ? AND contract = ''), ?)`,
  );
  transfer.run('ETH', TX1, 1, 2, 'ETH', '700');
  transfer.run('ETH', TX2, 1, 2, 'ETH', '300');
  transfer.run('TRX', TRON_TX, 3, 4, 'TRX', '5000000');
  api.call('incident.create', { caseId: 1, victimId: 1, time: '2022-03-23T01:00:00Z', asset: 'ETH', amount: '1000' });
  api.call('incident.update', { id: 1, txs: [`ETH:${TX1}`, `ETH:${TX2}`] });
  api.call('incident.create', {
    caseId: 1,
    victimId: 1,
    time: '2022-03-23T01:00:00Z',
    asset: 'TRX',
    amount: '5',
    txs: [`TRX:0x${TRON_TX.toUpperCase()}`],
  });
  return w;
}

const run = { direction: 'forward', method: 'haircut', hops: 3 } as const;

describe('trace.run with incidents', () => {
  it('seeds from the incidents’ theft txs, as txs would, on EVM chains and on TRON', async () => {
    const { api } = workspace();
    const byIncident = await api.runJob('trace.run', { ...run, incidents: [1] });
    expect(byIncident).toEqual(await api.runJob('trace.run', { ...run, txs: [`ETH:${TX1}`, `ETH:${TX2}`] }));
    expect(byIncident.addresses.map((a) => [a.address.toLowerCase(), a.tainted])).toContainEqual([
      `eth:${THIEF_ETH.toLowerCase()}`,
      '1000',
    ]);
    // TRON writes hashes without 0x: the incident stores it so, and the trace finds its transfer.
    expect(api.call('incident.get', { id: 2 }).txs).toEqual([`TRX:${TRON_TX}`]);
    const tron = await api.runJob('trace.run', { ...run, incidents: [2] });
    expect(tron.seeds).toEqual([`TRX:${TRON_TX}`]);
    expect(tron.addresses.map((a) => [a.address, a.tainted])).toContainEqual([`TRX:${TRON_THIEF}`, '5000000']);
    expect(await api.runJob('trace.run', { ...run, txs: [`TRX:${TRON_TX}`] })).toEqual(tron);
  });

  it('stores the incident ids with a saved trace, and a re-run gives the same report', async () => {
    const { api } = workspace();
    const saved = await api.runJob('trace.run', { ...run, incidents: [1], caseId: 1, save: true });
    const stored = api.call('trace.get', { id: saved.id as number });
    expect(stored.parameters).toMatchObject({ incidents: [1] });
    expect(stored.seeds).toEqual([`ETH:${TX1}`, `ETH:${TX2}`]);
    expect(await api.runJob('trace.rerun', { id: saved.id as number })).toMatchObject({ identical: true });
    expect(api.call('incident.setTrace', { id: 1, traceId: saved.id as number }).traceId).toBe(saved.id);
  });

  it('refuses incidents of another case, without txs, or with txs the workspace lacks', async () => {
    const { api } = workspace();
    api.call('case.create', { title: 'Other' });
    await expect(api.runJob('trace.run', { ...run, incidents: [1], caseId: 2, save: true })).rejects.toThrow(
      'trace.run: incident 1 belongs to case 1, not to case 2 the trace is saved in',
    );
    api.call('incident.create', { caseId: 1, victimId: 1, time: '2022-03-23T01:00:00Z', asset: 'ETH', amount: '1' });
    await expect(api.runJob('trace.run', { ...run, incidents: [3] })).rejects.toThrow(
      'trace.run: incident 3 has no theft transactions to trace from',
    );
    const missing = [`ETH:0x${'1'.repeat(64)}`, `ETH:0x${'2'.repeat(64)}`];
    api.call('incident.update', { id: 3, txs: [...missing, `ETH:${TX1}`] });
    await expect(api.runJob('trace.run', { ...run, incidents: [3] })).rejects.toThrow(
      `trace.run: incident 3: its theft transactions ${missing.join(', ')} are not in the workspace's chain data: import them first`,
    );
    await expect(api.runJob('trace.run', { ...run, incidents: [44] })).rejects.toMatchObject({
      code: 'not_found',
      message: 'trace.run: incident 44 does not exist',
    });
    // Thefts on two account chains trace together, as --tx with the txs of both would.
    expect(await api.runJob('trace.run', { ...run, incidents: [1, 2] })).toEqual(
      await api.runJob('trace.run', { ...run, txs: [`ETH:${TX1}`, `ETH:${TX2}`, `TRX:${TRON_TX}`] }),
    );
  });
});
