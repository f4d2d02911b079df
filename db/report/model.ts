/**
 * The case report's MODEL: plain typed data read from the workspace, everything the printed report shows and
 * nothing else. The HTML renderer (html.ts) only formats it, and its canonical JSON is what the manifest's
 * "report content" hash covers, so two exports with the same model print the same figures.
 *
 * The loss summary and the incidents come through the same handlers as `summary.get` and `incident.list`
 * (passed in as `sources`), so the report's figures are those of `ariadne summary --json` by construction.
 */
import { showAddress } from '../address-view';
import {
  REPORT_SECTIONS,
  type ReportSection,
  type Case,
  type CaseGraph,
  type Incident,
  type Input,
  type LossSummary,
  type Output,
  type TagView,
  type TransferRow,
} from '../api/contract';
import { edgeTransfers } from '../graph/transfers';
import { readGraph } from '../graph/read';
import type { Db } from '../open';
import type { TraceReport } from '../trace/report';
import { getTrace, listTraces } from '../trace/store';
import { traceFlow, type TraceFlow } from './trace-flow';

export { REPORT_SECTIONS, type ReportSection };

export interface ReportOptions {
  caseId: number;
  /** The sections to print; the cover, contents and manifest always are. */
  sections: readonly ReportSection[];
  /** Confidence level (0–100) an attribution must reach to count in the summary. */
  minConfidence: number;
  /** Only stored traces of this method; every stored trace of the case when null. */
  method: 'poison' | 'haircut' | 'fifo' | null;
  /** Addresses shortened to their first 6 and last 4 characters everywhere in the document. */
  redact: boolean;
  /** The classification line printed on the cover and in every page's header. */
  classification: string;
}

/** Where the figures come from: the engine's own handlers, so the report and the API never disagree. */
export interface ReportSources {
  incidents: (caseId: number) => Incident[];
  summary: (input: Input<'summary.get'>) => Output<'summary.get'>;
}

export interface ReportTrace {
  id: number;
  createdAt: string;
  appVersion: string;
  sha256: string;
  /** Incidents of the case linked to this trace (the attribution by tracing rests on it). */
  incidents: number[];
  report: TraceReport;
  /** Its paths merged into one figure, and the hops drawn. */
  flow: TraceFlow;
}

export interface ReportAddress {
  address: string;
  /** Its label on the case graph (best tag, or none). */
  label: string | null;
  kind: string;
  tags: TagView[];
}

export interface ReportEdgeTransfers {
  edge: string;
  source: string;
  target: string;
  asset: string;
  decimals: number;
  /** How many transfers the edge totals; `rows` may be fewer (see TRANSFERS_PER_EDGE). */
  total: number;
  rows: TransferRow[];
}

export interface ReportSource {
  id: number;
  format: string;
  file: string;
  sha256: string;
  size: number;
  importedAt: string;
  title: string | null;
}

export interface ReportModel {
  generatedAt: string;
  appVersion: string;
  options: ReportOptions;
  case: Case;
  /** One loss summary per actor the case's incidents are attributed to at the threshold, largest total first. */
  summaries: LossSummary[];
  incidents: Incident[];
  /** The graph as the investigator left it, hidden nodes and edges left out. */
  graph: CaseGraph;
  traces: ReportTrace[];
  addresses: ReportAddress[];
  transfers: ReportEdgeTransfers[];
  /** Every file imported into the workspace, with its hash: the data the figures rest on. */
  sources: ReportSource[];
  /** Decimals of every asset by the name traces give it (`ETH`, or `ETH:USDT` for a token). */
  assetDecimals: Record<string, number>;
}

/**
 * The appendix lists at most this many transfers per graph edge (oldest first) and says how many more there
 * are; `ariadne graph show` and the graph's edge details give the rest. A cap keeps a 10,000-transfer edge from
 * turning the report into a ledger.
 */
export const TRANSFERS_PER_EDGE = 50;

/** Actors the case's incidents may count for: named directly, or tagged on an address a linked trace reached. */
function candidateActors(db: Db, incidents: readonly Incident[]): number[] {
  const ids = new Set<number>();
  for (const incident of incidents) for (const a of incident.actors) ids.add(a.actor.id);
  const reached = new Set<string>();
  for (const traceId of new Set(incidents.flatMap((i) => (i.traceId === null ? [] : [i.traceId])))) {
    for (const a of getTrace(db, traceId)?.report.addresses ?? []) reached.add(a.address);
  }
  if (reached.size > 0) {
    const actorOf = db.prepare(
      `SELECT DISTINCT e.id FROM tags t JOIN addresses a ON a.id = t.address_id
         JOIN entities e ON e.key = t.actor AND e.kind = 'actor'
        WHERE a.chain = ? AND a.address = ?`,
    );
    for (const address of reached) {
      const colon = address.indexOf(':');
      for (const id of actorOf.pluck().all(address.slice(0, colon), address.slice(colon + 1)) as number[]) ids.add(id);
    }
  }
  return [...ids].sort((x, y) => x - y);
}

/**
 * A case's loss summaries: one `summary.get` per actor its incidents are attributed to (directly, or an actor
 * tagged on an address a linked trace reached), actors with counted incidents only, largest total first.
 */
export function caseSummaries(
  db: Db,
  caseId: number,
  incidents: readonly Incident[],
  minConfidence: number,
  summary: ReportSources['summary'],
): LossSummary[] {
  return candidateActors(db, incidents)
    .map((actor) => summary({ actor, caseId, minConfidence }))
    .filter((s) => s.incidents > 0)
    .sort((x, y) => compareDecimal(y.total_usd, x.total_usd) || x.actor.id - y.actor.id);
}

function visibleGraph(graph: CaseGraph): CaseGraph {
  const nodes = graph.nodes.filter((n) => !n.hidden);
  const shown = new Set(nodes.map((n) => n.id));
  return {
    ...graph,
    nodes,
    edges: graph.edges.filter((e) => !e.hidden && shown.has(e.source) && shown.has(e.target)),
  };
}

export function buildReportModel(
  db: Db,
  kase: Case,
  options: ReportOptions,
  sources: ReportSources,
  meta: { generatedAt: string; appVersion: string },
): ReportModel {
  const incidents = sources.incidents(kase.id);
  const assetDecimals: Record<string, number> = {};
  const assetRows = db.prepare('SELECT chain, symbol, contract, decimals FROM assets ORDER BY id').all() as {
    chain: string;
    symbol: string;
    contract: string;
    decimals: number;
  }[];
  // The naming of db/trace/report-build.ts assetNames: a native coin by its symbol, a token as CHAIN:SYMBOL.
  for (const a of assetRows) assetDecimals[a.contract === '' ? a.symbol : `${a.chain}:${a.symbol}`] = a.decimals;

  const linked = new Map<number, number[]>();
  for (const incident of incidents) {
    if (incident.traceId !== null) linked.set(incident.traceId, [...(linked.get(incident.traceId) ?? []), incident.id]);
  }
  const traces: ReportTrace[] = listTraces(db, kase.id)
    .filter((t) => options.method === null || t.method === options.method)
    .reverse()
    .flatMap((summary) => {
      const stored = getTrace(db, summary.id);
      if (stored === null) return [];
      return [
        {
          id: stored.id,
          createdAt: stored.createdAt,
          appVersion: stored.appVersion,
          sha256: stored.sha256,
          incidents: linked.get(stored.id) ?? [],
          report: stored.report,
          flow: traceFlow(db, stored.report, assetDecimals),
        },
      ];
    });

  const summaries = caseSummaries(db, kase.id, incidents, options.minConfidence, sources.summary);

  const graph = visibleGraph(readGraph(db, kase.id));
  const addresses: ReportAddress[] = graph.nodes
    .filter((n) => n.type === 'address' && n.address !== null)
    .map((n) => {
      const details = showAddress(db, n.address as string);
      return { address: n.address as string, label: n.label, kind: n.kind, tags: details.tags };
    });

  const transfers: ReportEdgeTransfers[] = graph.edges.map((edge) => {
    const page = edgeTransfers(db, {
      source: edge.source,
      target: edge.target,
      assetId: edge.asset.id,
      offset: 0,
      limit: TRANSFERS_PER_EDGE,
    });
    return {
      edge: edge.id,
      source: edge.source,
      target: edge.target,
      asset: `${edge.asset.chain}:${edge.asset.symbol}`,
      decimals: edge.asset.decimals,
      total: page.total,
      rows: page.rows,
    };
  });

  const sourceRows = db
    .prepare(
      `SELECT id, format, file_name AS file, sha256, size, imported_at AS importedAt, title
         FROM import_sources ORDER BY id`,
    )
    .all() as ReportSource[];

  return {
    generatedAt: meta.generatedAt,
    appVersion: meta.appVersion,
    options,
    case: kase,
    summaries,
    incidents,
    graph,
    traces,
    addresses,
    transfers,
    sources: sourceRows,
    assetDecimals,
  };
}

/** Compares two non-negative decimal texts exactly ("12.5" vs "9.75"). */
export function compareDecimal(a: string, b: string): number {
  const [aw = '0', af = ''] = a.split('.');
  const [bw = '0', bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  const x = BigInt(aw + af.padEnd(width, '0'));
  const y = BigInt(bw + bf.padEnd(width, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}
