/**
 * The trace slice against stand-ins for the engine's trace jobs and graph calls: the form becomes trace.run's
 * input, a run can be cancelled, results and stored traces show, re-runs say identical or differs, and the
 * traced subgraph is one graph edit laid out by hop distance. The pure rules (shares, comparison, colours,
 * positions, paths on the graph) are checked on their own.
 */
import { describe, expect, it } from 'vitest';
import type {
  CaseGraph,
  Client,
  GraphEdge,
  GraphNode,
  GraphOp,
  JobClient,
  JobInput,
  JobRunOptions,
  TraceReport,
} from '../../db/api/contract';
import { buildScene } from '../../renderer/src/graph/elements';
import { fromCaseGraph } from '../../renderer/src/lib/graphModel';
import {
  compareFigures,
  decimalPercent,
  DEFAULT_TRACE_FORM,
  endpointFigures,
  formatDelta,
  formatTraced,
  formOf,
  pathOnGraph,
  sharePercent,
  taintColour,
  taintView,
  TAINT_SCALE,
  traceInput,
  tracedPositions,
} from '../../renderer/src/lib/traceModel';
import { createAppStore } from '../../renderer/src/store';
import { shownTrace } from '../../renderer/src/store/traceSlice';

const A = 'ETH:0x1111111111111111111111111111111111111111';
const B = 'ETH:0x2222222222222222222222222222222222222222';
const C = 'ETH:0x3333333333333333333333333333333333333333';
const ETH = { id: 1, chain: 'ETH', symbol: 'ETH', decimals: 18 };
const UNIT = 10n ** 18n;
const eth = (n: number) => (BigInt(n) * UNIT).toString();

function node(id: string, x: number | null = null): GraphNode {
  return {
    id,
    type: 'address',
    address: id,
    chain: 'ETH',
    label: null,
    kind: 'unknown',
    entity: null,
    confidenceLevel: null,
    sanctioned: false,
    parent: null,
    position: x === null ? null : { x, y: 0 },
    pinned: false,
    hidden: false,
    collapsed: false,
    color: null,
    flags: [],
    note: '',
  };
}

function edge(source: string, target: string, total: string): GraphEdge {
  return {
    id: `${source}>${target}>1`,
    source,
    target,
    asset: ETH,
    total,
    usd: null,
    usdComplete: false,
    count: 1,
    first: '2022-03-23T00:00:00.000Z',
    last: '2022-03-23T00:00:00.000Z',
    hidden: false,
    color: null,
    flags: [],
    note: '',
  };
}

/** A → B (100), B → C (60): haircut with B half tainted leaves 30 at C, of 100 seeded. */
function report(method = 'haircut', tainted = eth(30), id = 7): TraceReport {
  return {
    id,
    method,
    direction: 'forward',
    seeds: [A],
    parameters: {
      hops: 6,
      minAmount: '0',
      stopAt: ['exchange'],
      from: null,
      to: null,
      exclude: [],
      assets: [],
      actorEndpoints: false,
    },
    model: 'account',
    loaded: { transfers: 2, addresses: 3 },
    addresses: [
      { address: A, asset: 'ETH', tainted: eth(100), share: '1.000000', hops: 0 },
      { address: B, asset: 'ETH', tainted: eth(100), share: '0.500000', hops: 1 },
      { address: C, asset: 'ETH', tainted, share: '0.500000', hops: 2 },
    ],
    edges: [
      { from: A, to: B, asset: 'ETH', tainted: eth(100), transfers: 1 },
      { from: B, to: C, asset: 'ETH', tainted, transfers: 1 },
    ],
    endpoints: [
      {
        entity: 'Exchange',
        jurisdiction: 'JP',
        asset: 'ETH',
        tainted,
        usd: '123.45',
        addresses: [C],
        paths: [
          {
            taint: tainted,
            hops: [
              { from: A, to: B, tx: '0x01', amount: eth(100) },
              { from: B, to: C, tx: '0x02', amount: tainted },
            ],
          },
        ],
      },
    ],
    totalsByEntity: [{ entity: 'Exchange', jurisdiction: 'JP', amounts: [{ asset: 'ETH', tainted }], usd: '123.45' }],
    totalsByJurisdiction: [{ jurisdiction: 'JP', amounts: [{ asset: 'ETH', tainted }], usd: '123.45' }],
    unaccounted: [
      {
        asset: 'ETH',
        remaining: eth(70),
        beyondHops: '0',
        belowMinimum: '0',
        excluded: '0',
        fees: '0',
        unaddressed: '0',
      },
    ],
    totals: [{ asset: 'ETH', seeded: eth(100), endpoints: tainted, roundedOutflows: 0 }],
  };
}

function caseGraph(): CaseGraph {
  return { caseId: 1, nodes: [node(A, 0)], edges: [], notes: [] };
}

function fakes() {
  const applied: GraphOp[][] = [];
  const runs: JobInput<'trace.run'>[] = [];
  let graph = caseGraph();
  let pending: { resolve(r: TraceReport): void; signal?: AbortSignal } | null = null;
  const api = {
    'graph.get': async () => graph,
    'graph.apply': async ({ ops }: { ops: GraphOp[] }) => {
      applied.push(ops);
      const put = ops.find((o) => o.op === 'put');
      const nodes = put && put.op === 'put' ? (put.nodes ?? []).map((n) => node(n.id, n.position?.x ?? null)) : [];
      const edges = put && put.op === 'put' ? (put.edges ?? []).map((e) => edge(e.source, e.target, eth(100))) : [];
      graph = { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] };
      return {
        nodes,
        edges,
        notes: [],
        removed: { nodes: [], edges: [], notes: [] },
        undo: [{ op: 'delete', nodes: nodes.map((n) => n.id) }],
      };
    },
    'graph.neighbours': async ({ address }: { address: string }) => {
      const flows: Record<string, { address: string; direction: 'out' | 'in' }[]> = {
        [A]: [{ address: B, direction: 'out' }],
        [B]: [
          { address: A, direction: 'in' },
          { address: C, direction: 'out' },
        ],
        [C]: [{ address: B, direction: 'in' }],
      };
      const rows = (flows[address] ?? []).map((r) => ({ ...r, asset: ETH, label: null, kind: 'unknown' }));
      return { total: rows.length, offset: 0, rows };
    },
    'address.flows': async ({ address }: { address: string }) => ({
      address,
      assets: [{ asset: ETH, in: '0', out: '0', inCount: 0, outCount: 0, usdIn: null, usdOut: null }],
      first: null,
      last: null,
    }),
    'address.show': async ({ address }: { address: string }) => ({
      address,
      tags: address === C ? [{ label: '<b>Exchange 7</b>', confidenceLevel: 50 }] : [],
    }),
    'trace.list': async () => [
      {
        id: 7,
        caseId: 1,
        createdAt: '',
        appVersion: '',
        method: 'haircut',
        direction: 'forward',
        seeds: [A],
        sha256: 'ab',
      },
    ],
    'trace.get': async ({ id }: { id: number }) => ({
      id,
      sha256: 'ab',
      parameters: { seeds: [`${A}@2022-03-23T00:00:00Z`], direction: 'forward', method: 'poison', hops: 3, caseId: 1 },
      report: report('poison', eth(60), id),
    }),
  } as unknown as Client;
  const jobs = {
    'trace.run': (input: JobInput<'trace.run'>, options?: JobRunOptions<'trace.run'>) => {
      runs.push(input);
      return new Promise<TraceReport>((resolve, reject) => {
        pending = { resolve, signal: options?.signal };
        options?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    },
    'trace.rerun': async ({ id }: { id: number }) => ({
      id,
      identical: id === 7,
      sha256: 'ab',
      rerunSha256: id === 7 ? 'ab' : 'cd',
      report: report(),
    }),
  } as unknown as JobClient;
  return {
    api,
    jobs,
    applied,
    runs,
    finish(r: TraceReport) {
      pending?.resolve(r);
    },
  };
}

async function ready() {
  const fake = fakes();
  const store = createAppStore(fake.api, fake.jobs);
  await store.getState().loadGraph(1);
  await store.getState().loadTraces(1);
  return { fake, store };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the trace slice', () => {
  it('runs the form with the selected seed, saved to the case, and shows the result with exact figures', async () => {
    const { fake, store } = await ready();
    store.getState().selectGraph({ nodes: [A], edges: [] });
    store.getState().seedFromSelection();
    store.getState().setTraceForm({ minAmount: '5', from: '2022-03-01T00:00:00Z' });
    const run = store.getState().runTrace();
    expect(store.getState().traceRun.phase).toBe('running');
    fake.finish(report());
    await run;
    expect(fake.runs[0]).toEqual({
      seeds: [A],
      direction: 'forward',
      method: 'haircut',
      hops: 6,
      minAmount: '5',
      stopAt: ['exchange'],
      from: '2022-03-01T00:00:00Z',
      caseId: 1,
      save: true,
    });
    expect(store.getState().traceRun.phase).toBe('done');
    expect(store.getState().traceShown?.id).toBe(7);
    expect(store.getState().traceList?.map((t) => t.id)).toEqual([7]);
    await tick();
    expect(store.getState().traceDecimals).toEqual({ ETH: 18 });
    // The endpoint is named by its tag, as text: the view renders it with React, never as markup.
    expect(store.getState().traceLabels[C]).toBe('<b>Exchange 7</b>');
  });

  it('cancels a running trace through its AbortSignal and keeps what was shown', async () => {
    const { store } = await ready();
    store.getState().setTraceForm({ seeds: [{ address: A, time: '' }] });
    const run = store.getState().runTrace();
    store.getState().cancelTrace();
    expect(store.getState().traceRun.phase).toBe('cancelling');
    await run;
    expect(store.getState().traceRun.phase).toBe('cancelled');
    expect(store.getState().traceShown).toBeNull();
  });

  it('reopens a stored trace with its parameters, and says whether a re-run is identical', async () => {
    const { store } = await ready();
    await store.getState().openTrace(7);
    expect(store.getState().traceForm.seeds).toEqual([{ address: A, time: '2022-03-23T00:00:00Z' }]);
    expect(store.getState().traceForm.method).toBe('poison');
    expect(store.getState().traceShown?.sha256).toBe('ab');
    await store.getState().rerunTrace(7);
    expect(store.getState().traceShown?.rerun).toBe('identical');
    expect(store.getState().traceShown?.report.method).toBe('poison');
    // Another case's graph is never coloured by this case's trace.
    const state = store.getState();
    expect(shownTrace(state)?.id).toBe(7);
    expect(shownTrace({ ...state, graph: state.graph && { ...state.graph, caseId: 2 } })).toBeNull();
  });

  it('runs another method beside the result', async () => {
    const { fake, store } = await ready();
    await store.getState().openTrace(7);
    const run = store.getState().compareTrace('fifo');
    fake.finish(report('fifo', eth(40), 8));
    await run;
    expect(fake.runs[0]?.method).toBe('fifo');
    expect(store.getState().traceShown?.report.method).toBe('poison');
    expect(store.getState().traceCompare?.report.method).toBe('fifo');
    store.getState().closeCompare();
    expect(store.getState().traceCompare).toBeNull();
  });

  it('adds the traced subgraph in one undoable edit, by hop distance left to right, and highlights a path', async () => {
    const { fake, store } = await ready();
    await store.getState().openTrace(7);
    await store.getState().addTracedSubgraph();
    expect(fake.applied).toHaveLength(1);
    const put = fake.applied[0]?.[0];
    expect(put?.op).toBe('put');
    if (put?.op !== 'put') return;
    expect(put.nodes?.map((n) => n.id)).toEqual([B, C]);
    const [b, c] = put.nodes ?? [];
    expect((b?.position?.x ?? 0) < (c?.position?.x ?? 0)).toBe(true);
    expect(put.edges?.map((e) => `${e.source}>${e.target}`).sort()).toEqual([`${A}>${B}`, `${B}>${C}`]);
    expect(store.getState().graphUndo).toHaveLength(1);

    store.getState().showTracePath(0, 0);
    expect(store.getState().tracePath).toEqual({ endpoint: 0, path: 0 });
    expect(store.getState().pathQuery.results).toEqual([{ nodes: [A, B, C], edges: [`${A}>${B}>1`, `${B}>${C}>1`] }]);
    store.getState().closeTrace();
    expect(store.getState().traceShown).toBeNull();
    expect(store.getState().pathQuery.results).toBeNull();
  });
});

describe('trace rules', () => {
  it('writes the form as trace.run input and reads it back', () => {
    const form = {
      ...DEFAULT_TRACE_FORM,
      seeds: [{ address: A, time: '2022-01-01T00:00:00Z' }],
      txs: ' ETH:0xab \n\n',
    };
    const input = traceInput(form, 3, 'poison');
    expect(input).toEqual({
      seeds: [`${A}@2022-01-01T00:00:00Z`],
      txs: ['ETH:0xab'],
      direction: 'forward',
      method: 'poison',
      hops: 6,
      stopAt: ['exchange'],
      caseId: 3,
      save: true,
    });
    expect(formOf({ ...input, hops: 6, txs: ['ETH:0xab'] })).toEqual({ ...form, txs: 'ETH:0xab', method: 'poison' });
  });

  it('gives shares and amounts exactly', () => {
    expect(sharePercent(eth(1140), eth(2000))).toBe('57.00%');
    expect(sharePercent('1', '3')).toBe('33.33%');
    expect(sharePercent('1', '0')).toBe('—');
    expect(decimalPercent('0.820143')).toBe('82.0143%');
    expect(decimalPercent('1.000000')).toBe('100%');
    expect(formatTraced('1140000000000000000001', 'ETH', 18)).toBe('1,140.000000000000000001 ETH');
    expect(formatTraced('5', 'ETH:USDT', undefined)).toBe('5 base units ETH:USDT');
    expect(formatDelta(`-${eth(250)}`, 'ETH', 18)).toBe('−250 ETH');
    expect(formatDelta('0', 'ETH', 18)).toBe('0');
  });

  it('compares two reports figure by figure', () => {
    const rows = compareFigures(endpointFigures(report()), endpointFigures(report('poison', eth(60))));
    expect(rows).toEqual([{ key: 'Exchange', asset: 'ETH', a: eth(30), b: eth(60), delta: eth(30) }]);
    const only = compareFigures([], [{ key: 'X', asset: 'ETH', amount: '5' }]);
    expect(only).toEqual([{ key: 'X', asset: 'ETH', a: null, b: '5', delta: '5' }]);
  });

  it('colours by a sequential scale and places columns by hop distance', () => {
    expect(taintColour(0)).toBe(TAINT_SCALE[0].colour);
    expect(taintColour(0.5)).toBe(TAINT_SCALE[2].colour);
    expect(taintColour(1)).toBe(TAINT_SCALE[4].colour);
    const spots = tracedPositions(
      [
        { address: B, hops: 1 },
        { address: C, hops: 1 },
        { address: A, hops: 2 },
      ],
      [{ x: 100, y: 50 }],
    );
    expect(spots.get(B)?.x).toBe(spots.get(C)?.x);
    expect(spots.get(B)?.y).not.toBe(spots.get(C)?.y);
    expect((spots.get(A)?.x ?? 0) > (spots.get(B)?.x ?? 0)).toBe(true);
    expect((spots.get(B)?.x ?? 0) > 100).toBe(true);
  });

  it('colours every edge the trace moved taint along, not only those on the reported paths', () => {
    const D = 'ETH:0x4444444444444444444444444444444444444444';
    const graph = fromCaseGraph({
      caseId: 1,
      nodes: [node(A, 0), node(B, 100), node(C, 200), node(D, 300)],
      edges: [edge(A, B, eth(100)), edge(B, C, eth(60)), edge(B, D, eth(40))],
      notes: [],
    });
    const base = report();
    // B also sent 20 tainted ETH to D, a wallet that is no endpoint, so no reported path goes there.
    const view = taintView(
      { ...base, edges: [...base.edges, { from: B, to: D, asset: 'ETH', tainted: eth(20), transfers: 1 }] },
      graph,
    );
    expect(view.edges.get(`${B}>${D}>1`)).toBe(20n * UNIT);
    expect(view.edges.get(`${A}>${B}>1`)).toBe(100n * UNIT);
  });

  it('marks reached nodes and path edges on the scene, and leaves the scene alone without a trace', () => {
    const graph = fromCaseGraph({
      caseId: 1,
      nodes: [node(A, 0), node(B, 100), node(C, 200), node('ETH:0x4444444444444444444444444444444444444444', 300)],
      edges: [edge(A, B, eth(100)), edge(B, C, eth(60))],
      notes: [],
    });
    const view = taintView(report(), graph);
    expect(view.edges.get(`${B}>${C}>1`)).toBe(30n * UNIT);
    const scene = buildScene(graph, { dimmed: new Set(), path: null, taint: view });
    const classes = Object.fromEntries([...scene.nodes, ...scene.edges].map((e) => [e.id, e.classes]));
    expect(classes[B]).toContain('tainted');
    expect(classes['ETH:0x4444444444444444444444444444444444444444']).toContain('untraced');
    expect(classes[`${B}>${C}>1`]).toContain('tainted');
    expect(scene.nodes.find((n) => n.id === B)?.data.taint).toBe(taintColour(0.5));
    const plain = buildScene(graph, { dimmed: new Set(), path: null });
    expect(plain.nodes.every((n) => !/tainted|untraced/.test(n.classes))).toBe(true);
    expect(pathOnGraph(graph, report().endpoints[0]!.paths[0]!, 'ETH')?.edges).toEqual([`${A}>${B}>1`, `${B}>${C}>1`]);
    expect(pathOnGraph(graph, { taint: '1', hops: [{ from: C, to: A, tx: '0x9', amount: '1' }] }, 'ETH')).toBeNull();
  });
});
