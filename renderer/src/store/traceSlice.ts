import type { StateCreator } from 'zustand/vanilla';
import type { Client, JobClient, NodeRecord, StoredTraceSummary, TraceReport } from '../../../db/api/contract';
import { ClientError } from '../api/typed-client';
import { nodeRecord, placedPoints } from '../lib/graphModel';
import {
  DEFAULT_TRACE_FORM,
  formOf,
  hopsByAddress,
  pathOnGraph,
  traceInput,
  tracedPositions,
  type TraceForm,
  type TraceMethod,
} from '../lib/traceModel';
import { joiningEdges } from './graphSlice';
import type { AppState } from './index';
import { messageOf } from './result';

/** A traced subgraph adds at most this many addresses (the nearest first): each is one query for its flows. */
export const SUBGRAPH_LIMIT = 300;
/** Addresses of endpoints and paths whose tag labels are looked up for a result, at most. */
const LABEL_LIMIT = 100;

export type TracePhase = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface TraceRunState {
  phase: TracePhase;
  /** What runs, e.g. "Tracing (haircut)", for the progress line. */
  label: string;
  error: string | null;
}

/** A trace result on screen: the stored trace's id and digest, and what re-running it said. */
export interface ShownTrace {
  id: number | null;
  report: TraceReport;
  sha256: string | null;
  rerun: 'identical' | 'differs' | null;
}

export interface TraceSlice {
  traceCaseId: number | null;
  traceForm: TraceForm;
  traceRun: TraceRunState;
  /** The result shown; while it is, the canvas colours nodes and edges by taint. */
  traceShown: ShownTrace | null;
  /** The same seeds under another method, shown beside it. */
  traceCompare: ShownTrace | null;
  /** Decimals of the traced assets by the report's asset name, for exact amounts. */
  traceDecimals: Readonly<Record<string, number>>;
  /** Tag labels of endpoints and path addresses that are not on the graph, by CHAIN:ADDRESS. */
  traceLabels: Readonly<Record<string, string>>;
  traceList: readonly StoredTraceSummary[] | null;
  traceListError: string | null;
  /** The report path highlighted on the graph: endpoint row and path number. */
  tracePath: { endpoint: number; path: number } | null;
  setTraceForm(changes: Partial<TraceForm>): void;
  /** Seeds become the selected address nodes (times kept for those already seeds). */
  seedFromSelection(): void;
  excludeSelection(): void;
  loadTraces(caseId: number): Promise<void>;
  runTrace(): Promise<void>;
  /** Runs the form's seeds and parameters under `method` and shows the result beside the one shown. */
  compareTrace(method: TraceMethod): Promise<void>;
  /** Shows a stored trace beside the one shown. */
  compareStored(id: number): Promise<void>;
  cancelTrace(): void;
  openTrace(id: number): Promise<void>;
  rerunTrace(id: number): Promise<void>;
  closeTrace(): void;
  closeCompare(): void;
  addTracedSubgraph(): Promise<void>;
  showTracePath(endpoint: number, path: number): void;
}

/** The result shown for the case whose graph is open; another case's never colours this one's graph. */
export function shownTrace(state: AppState): ShownTrace | null {
  return state.traceShown !== null && state.traceCaseId === state.graph?.caseId ? state.traceShown : null;
}

const IDLE: TraceRunState = { phase: 'idle', label: '', error: null };

export function isTraceBusy(phase: TracePhase): boolean {
  return phase === 'running' || phase === 'cancelling';
}

export function createTraceSlice(api: Client, jobs: JobClient): StateCreator<AppState, [], [], TraceSlice> {
  return (set, get) => {
    let controller: AbortController | null = null;

    /** Runs one job at a time with a progress state and Cancel, like an import. */
    async function runJob<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
      if (isTraceBusy(get().traceRun.phase)) return null;
      const current = new AbortController();
      controller = current;
      set({ traceRun: { phase: 'running', label, error: null } });
      try {
        const result = await work(current.signal);
        set({ traceRun: { phase: 'done', label, error: null } });
        return result;
      } catch (error) {
        const cancelled = current.signal.aborted || (error instanceof ClientError && error.code === 'cancelled');
        set({
          traceRun: cancelled
            ? { phase: 'cancelled', label, error: null }
            : { phase: 'failed', label, error: messageOf(error) },
        });
        return null;
      } finally {
        if (controller === current) controller = null;
      }
    }

    /** Learns the decimals of the report's assets from an address's flows, so amounts show exactly. */
    async function learnDecimals(report: TraceReport) {
      const known = get().traceDecimals;
      const wanted = new Map<string, string>();
      for (const row of report.addresses)
        if (!(row.asset in known) && !wanted.has(row.asset)) wanted.set(row.asset, row.address);
      if (wanted.size === 0) return;
      const found: Record<string, number> = {};
      await Promise.all(
        [...wanted].map(async ([asset, address]) => {
          try {
            const flows = await api['address.flows']({ address });
            const match = flows.assets.find(
              (a) => a.asset.symbol === asset || `${a.asset.chain}:${a.asset.symbol}` === asset,
            );
            if (match) found[asset] = match.asset.decimals;
          } catch {
            // Unknown decimals: amounts show in base units, and say so.
          }
        }),
      );
      set((s) => ({ traceDecimals: { ...s.traceDecimals, ...found } }));
    }

    /** Names endpoints and path addresses by their best tag, as the graph would, before they are on it. */
    async function learnLabels(report: TraceReport) {
      const graph = get().graph;
      const known = get().traceLabels;
      const wanted = new Set<string>();
      for (const endpoint of report.endpoints) {
        for (const address of endpoint.addresses) wanted.add(address);
        for (const path of endpoint.paths) for (const hop of path.hops) wanted.add(hop.from).add(hop.to);
      }
      const ask = [...wanted].filter((a) => !graph?.nodes[a] && !(a in known)).slice(0, LABEL_LIMIT);
      const found: Record<string, string> = {};
      await Promise.all(
        ask.map(async (address) => {
          try {
            const details = await api['address.show']({ address });
            const best = [...details.tags].sort((a, b) => b.confidenceLevel - a.confidenceLevel)[0];
            if (best) found[address] = best.label;
          } catch {
            // Unnamed: the address itself is shown.
          }
        }),
      );
      set((s) => ({ traceLabels: { ...s.traceLabels, ...found } }));
    }

    function show(key: 'traceShown' | 'traceCompare', report: TraceReport, sha256: string | null = null) {
      set({
        [key]: { id: report.id ?? null, report, sha256, rerun: null },
        ...(key === 'traceShown' ? { tracePath: null } : {}),
      });
      void learnDecimals(report);
      void learnLabels(report);
      if (key !== 'traceShown') return;
      // The side panel has just widened: frame what the trace reached that the graph shows.
      const graph = get().graph;
      const onGraph = hopsByAddress(report)
        .map((r) => r.address)
        .filter((a) => graph?.nodes[a] && !graph.nodes[a].hidden);
      if (onGraph.length > 0) get().focusGraph(onGraph);
    }

    function trace(method?: TraceMethod) {
      const caseId = get().traceCaseId;
      if (caseId === null) return Promise.resolve(null);
      const input = traceInput(get().traceForm, caseId, method);
      return runJob(`Tracing ${input.direction} (${input.method})`, (signal) => jobs['trace.run'](input, { signal }));
    }

    return {
      traceCaseId: null,
      traceForm: DEFAULT_TRACE_FORM,
      traceRun: IDLE,
      traceShown: null,
      traceCompare: null,
      traceDecimals: {},
      traceLabels: {},
      traceList: null,
      traceListError: null,
      tracePath: null,

      setTraceForm: (changes) => set((s) => ({ traceForm: { ...s.traceForm, ...changes } })),

      seedFromSelection() {
        const { graph, graphSelection, traceForm } = get();
        if (!graph) return;
        const seeds = graphSelection.nodes
          .filter((id) => graph.nodes[id]?.type === 'address')
          .map((address) => traceForm.seeds.find((s) => s.address === address) ?? { address, time: '' });
        get().setTraceForm({ seeds });
      },

      excludeSelection() {
        const { graph, graphSelection, traceForm } = get();
        if (!graph) return;
        const picked = graphSelection.nodes.filter((id) => graph.nodes[id]?.type === 'address');
        get().setTraceForm({ exclude: [...new Set([...traceForm.exclude, ...picked])] });
      },

      async loadTraces(caseId) {
        if (get().traceCaseId !== caseId) {
          controller?.abort();
          set({
            traceCaseId: caseId,
            traceForm: DEFAULT_TRACE_FORM,
            traceRun: IDLE,
            traceShown: null,
            traceCompare: null,
            traceList: null,
            tracePath: null,
          });
        }
        try {
          const traceList = await api['trace.list']({ caseId });
          if (get().traceCaseId === caseId) set({ traceList, traceListError: null });
        } catch (error) {
          if (get().traceCaseId === caseId) set({ traceListError: messageOf(error) });
        }
      },

      async runTrace() {
        const report = await trace();
        if (!report) return;
        set({ traceCompare: null });
        show('traceShown', report);
        const caseId = get().traceCaseId;
        if (caseId !== null) await get().loadTraces(caseId);
      },

      async compareTrace(method) {
        const report = await trace(method);
        if (!report) return;
        show('traceCompare', report);
        const caseId = get().traceCaseId;
        if (caseId !== null) await get().loadTraces(caseId);
      },

      async compareStored(id) {
        try {
          const stored = await api['trace.get']({ id });
          show('traceCompare', stored.report, stored.sha256);
        } catch (error) {
          get().notify('error', `Could not open trace #${id}: ${messageOf(error)}`);
        }
      },

      cancelTrace() {
        if (!controller || !isTraceBusy(get().traceRun.phase)) return;
        set((s) => ({ traceRun: { ...s.traceRun, phase: 'cancelling' } }));
        controller.abort();
      },

      async openTrace(id) {
        try {
          const stored = await api['trace.get']({ id });
          set({ traceForm: formOf(stored.parameters), traceCompare: null });
          show('traceShown', stored.report, stored.sha256);
        } catch (error) {
          get().notify('error', `Could not open trace #${id}: ${messageOf(error)}`);
        }
      },

      async rerunTrace(id) {
        const answer = await runJob(`Re-running trace #${id}`, (signal) => jobs['trace.rerun']({ id }, { signal }));
        if (!answer) return;
        const stored = get().traceShown?.id === id ? get().traceShown : null;
        set({
          traceShown: {
            id,
            report: stored?.report ?? answer.report,
            sha256: answer.sha256,
            rerun: answer.identical ? 'identical' : 'differs',
          },
        });
        if (!stored) {
          void learnDecimals(answer.report);
          void learnLabels(answer.report);
        }
      },

      closeTrace() {
        const pathShown = get().tracePath !== null;
        set({ traceShown: null, traceCompare: null, tracePath: null });
        if (pathShown) get().setPathResults(null);
      },

      closeCompare: () => set({ traceCompare: null }),

      async addTracedSubgraph() {
        const shown = get().traceShown;
        const graph = get().graph;
        if (!shown || !graph) return;
        const reached = hopsByAddress(shown.report)
          .sort((a, b) => a.hops - b.hops)
          .slice(0, SUBGRAPH_LIMIT);
        const fresh = reached.filter((r) => !graph.nodes[r.address]);
        const spots = tracedPositions(fresh, placedPoints(graph));
        const nodes: NodeRecord[] = fresh.map((r) => ({ id: r.address, position: spots.get(r.address) ?? null }));
        for (const r of reached) {
          const hidden = graph.nodes[r.address];
          if (hidden?.hidden) nodes.push(nodeRecord(hidden, { hidden: false }));
        }
        const addresses = reached.map((r) => r.address);
        const edges = await joiningEdges(api, graph, addresses, new Set(addresses));
        await get().applyGraph(() => (nodes.length + edges.length > 0 ? [{ op: 'put', nodes, edges }] : []));
        get().focusGraph(addresses);
        const total = hopsByAddress(shown.report).length;
        if (total > reached.length)
          get().notify('success', `Added the ${reached.length} nearest of ${total} traced addresses.`);
      },

      showTracePath(endpoint, path) {
        const graph = get().graph;
        const row = get().traceShown?.report.endpoints[endpoint];
        const found = row?.paths[path];
        if (!graph || !row || !found) return;
        const onGraph = pathOnGraph(graph, found, row.asset);
        if (!onGraph) {
          get().notify('error', 'This path is not all on the graph: add the traced subgraph first.');
          return;
        }
        set({ tracePath: { endpoint, path } });
        get().setPathResults([onGraph]);
      },
    };
  };
}
