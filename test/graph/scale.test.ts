import { expect, it } from 'vitest';
import { checkAddress } from '../../db/chains';
import { assetId, graphWorkspace, importText, txHash } from './helpers';

const NODES = 5_000;
const EDGES = 10_000;
const HUB_PAYEES = 50_000;

/** Distinct valid ETH addresses in their normal form (EIP-55). */
function addresses(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const check = checkAddress('ETH', `0x${(i + 1).toString(16).padStart(8, '0').repeat(5)}`);
    if (!check.valid) throw new Error(check.reason);
    return check.normalized;
  });
}

it(`reads a graph of ${NODES} nodes and ${EDGES} edges with live totals`, async () => {
  const { db, api, caseId } = graphWorkspace();
  const list = addresses(NODES);
  const ends = Array.from({ length: EDGES }, (_, i) => {
    const s = i % NODES;
    return [list[s] as string, list[(s + 1 + Math.floor(i / NODES)) % NODES] as string];
  });
  // A hub (an exchange's hot wallet, say) pays 50,000 addresses outside the graph; 500 of the edges leave it.
  const hub = list[0] as string;
  const outside = addresses(NODES + HUB_PAYEES).slice(NODES);
  for (let i = 0; i < 500; i++) ends[i] = [hub, list[i + 3] as string];
  const hubRows = outside.map(
    (to, i) => `ETH,${txHash(10_000_000 + i)},0,2022-03-28T00:00:00Z,${hub},${to},ETH,${i + 1}`,
  );
  // Two transfers per edge on different days (one priced), and one to an address outside the graph.
  const rows = ends.flatMap(([from, to], i) => [
    `ETH,${txHash(3 * i + 1)},0,2022-03-29T00:00:00Z,${from},${to},ETH,${1000 + i}`,
    `ETH,${txHash(3 * i + 2)},0,2022-03-30T00:00:00Z,${from},${to},ETH,${10n ** 20n + BigInt(i)}`,
    `ETH,${txHash(3 * i + 3)},0,2022-03-30T00:00:00Z,${from},0x${'ab'.repeat(20)},ETH,1`,
  ]);
  await importText(
    api,
    'transfers-csv',
    'scale.csv',
    ['chain,tx_hash,index,time,from,to,asset,amount', ...rows].join('\n'),
  );
  await importText(
    api,
    'transfers-csv',
    'hub.csv',
    ['chain,tx_hash,index,time,from,to,asset,amount', ...hubRows].join('\n'),
  );
  await importText(api, 'prices', 'prices.csv', 'asset,date,usd\nETH,2022-03-29,3401.99');
  const eth = assetId(db, 'ETH', 'ETH');
  api.call('graph.apply', {
    caseId,
    ops: [
      {
        op: 'put',
        nodes: list.map((a, i) => ({ id: `ETH:${a}`, position: { x: i, y: -i } })),
        edges: ends.map(([s, t]) => ({ source: `ETH:${s}`, target: `ETH:${t}`, assetId: eth })),
      },
    ],
  });

  const times: number[] = [];
  let graph = api.call('graph.get', { caseId });
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    graph = api.call('graph.get', { caseId });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `graph.get, ${NODES} nodes and ${EDGES} edges over ${rows.length + hubRows.length} transfers: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (median ${times[1]?.toFixed(0)} ms)`,
  );
  expect(graph.nodes).toHaveLength(NODES);
  expect(graph.edges).toHaveLength(EDGES);
  expect(graph.edges.every((e) => e.count === 2 && !e.usdComplete && e.usd !== null)).toBe(true);
  const first = graph.edges.find((e) => e.id === `ETH:${hub}>ETH:${list[3]}>${eth}`);
  expect(first?.total).toBe((10n ** 20n + 1000n).toString());
}, 120_000);
