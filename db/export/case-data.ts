/**
 * A case's data for other tools: the loss summary, the incidents, the graph and the transfers behind the graph's
 * edges, as JSON (the API's own shapes) or CSV (one row per record, RFC 4180 quoting). Amounts stay exact: base
 * units as decimal text, USD as the API gives it. Like every export, the file is written beside its target and
 * renamed into place when complete.
 *
 * CSV cells are untrusted text opened in spreadsheets: a cell starting with = + - @ (or a tab or carriage
 * return) would be read as a formula, so such cells get a leading apostrophe (OWASP's CSV injection advice).
 * Numbers the export itself writes are never prefixed, so they stay numbers.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Case, CaseGraph, Incident, LossSummary, TransferRow } from '../api/contract';
import { edgeTransfers } from '../graph/transfers';
import type { Db } from '../open';

export const CASE_DATA = ['summary', 'incidents', 'graph', 'transfers'] as const;
export type CaseData = (typeof CASE_DATA)[number];

export interface CaseDataSources {
  incidents: (caseId: number) => Incident[];
  graph: (caseId: number) => CaseGraph;
  /** The case's loss summaries, one per actor its incidents are attributed to (as the report prints them). */
  summaries: (caseId: number) => LossSummary[];
}

export interface CaseDataResult {
  file: string;
  rows: number;
  sha256: string;
}

type Cell = string | number | null;

/** A cell as RFC 4180 writes it, with formula-looking text defused. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** Every transfer behind every edge, oldest first per edge, paged through the graph's own query. */
function allTransfers(db: Db, graph: CaseGraph): { edge: string; row: TransferRow }[] {
  const out: { edge: string; row: TransferRow }[] = [];
  for (const edge of graph.edges) {
    for (let offset = 0; ;) {
      const page = edgeTransfers(db, {
        source: edge.source,
        target: edge.target,
        assetId: edge.asset.id,
        offset,
        limit: 1000,
      });
      for (const row of page.rows) out.push({ edge: edge.id, row });
      offset += page.rows.length;
      if (page.rows.length === 0 || offset >= page.total) break;
    }
  }
  return out;
}

function json(db: Db, kase: Case, what: CaseData, sources: CaseDataSources): { text: string; rows: number } {
  const value =
    what === 'summary'
      ? sources.summaries(kase.id)
      : what === 'incidents'
        ? sources.incidents(kase.id)
        : what === 'graph'
          ? sources.graph(kase.id)
          : allTransfers(db, sources.graph(kase.id)).map(({ edge, row }) => ({ edge, ...row }));
  const rows = Array.isArray(value) ? value.length : value.nodes.length + value.edges.length;
  return { text: `${JSON.stringify({ caseId: kase.id, [what]: value }, null, 2)}\n`, rows };
}

function csv(db: Db, kase: Case, what: CaseData, sources: CaseDataSources): { text: string; rows: number } {
  const lines: string[] = [];
  const row = (cells: Cell[]) => lines.push(csvLine(cells));
  if (what === 'summary') {
    row(['actor', 'actor_key', 'min_confidence', 'table', 'key', 'name', 'incidents', 'usd', 'share', 'incomplete']);
    for (const s of sources.summaries(kase.id)) {
      const base = [s.actor.label, s.actor.key, s.minConfidence];
      for (const j of s.jurisdictions)
        row([...base, 'jurisdiction', j.code, j.name, j.incidents, j.usd, j.share, null]);
      for (const y of s.years) row([...base, 'year', y.year, null, y.incidents, y.usd, null, null]);
      for (const c of s.cashout) row([...base, 'cashout', c.code, c.name, null, c.usd, null, c.incomplete ? 1 : 0]);
      row([...base, 'total', null, null, s.incidents, s.total_usd, '1', null]);
    }
  } else if (what === 'incidents') {
    row([
      'id',
      'title',
      'victim',
      'jurisdiction',
      'time',
      'chain',
      'asset',
      'decimals',
      'amount',
      'usd',
      'usd_basis',
      'source',
      'txs',
      'addresses',
      'actors',
      'trace_id',
    ]);
    for (const i of sources.incidents(kase.id)) {
      row([
        i.id,
        i.title,
        i.victim.label,
        i.jurisdiction,
        i.time,
        i.chain,
        i.asset.symbol,
        i.asset.decimals,
        i.amount,
        i.usd,
        i.usdBasis,
        i.source,
        i.txs.join(' '),
        i.addresses.join(' '),
        i.actors.map((a) => `${a.actor.key ?? a.actor.label}:${a.confidence}`).join(' '),
        i.traceId,
      ]);
    }
  } else if (what === 'graph') {
    row([
      'source',
      'target',
      'asset',
      'decimals',
      'total',
      'usd',
      'usd_complete',
      'transfers',
      'first',
      'last',
      'flags',
      'note',
    ]);
    for (const e of sources.graph(kase.id).edges) {
      row([
        e.source,
        e.target,
        `${e.asset.chain}:${e.asset.symbol}`,
        e.asset.decimals,
        e.total,
        e.usd,
        e.usdComplete ? 1 : 0,
        e.count,
        e.first,
        e.last,
        e.flags.join(' '),
        e.note,
      ]);
    }
  } else {
    row(['chain', 'tx_hash', 'idx', 'time', 'block', 'from', 'to', 'asset', 'decimals', 'amount', 'usd']);
    for (const { row: t } of allTransfers(db, sources.graph(kase.id))) {
      row([t.chain, t.txHash, t.idx, t.time, t.block, t.from, t.to, t.asset.symbol, t.asset.decimals, t.amount, t.usd]);
    }
  }
  return { text: lines.join(''), rows: lines.length - 1 };
}

export async function exportCaseData(
  db: Db,
  kase: Case,
  what: CaseData,
  format: 'csv' | 'json',
  file: string,
  sources: CaseDataSources,
): Promise<CaseDataResult> {
  const { text, rows } = format === 'csv' ? csv(db, kase, what, sources) : json(db, kase, what, sources);
  const partial = `${file}.partial`;
  try {
    await fs.promises.writeFile(partial, text, 'utf8');
    await fs.promises.rename(partial, file);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
  return { file, rows, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
