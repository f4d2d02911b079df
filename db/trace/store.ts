/**
 * Stored traces: the parameters as trace.run received them (after parsing), the app version, and the report as
 * canonical JSON (keys sorted at every level, no spaces, the stored id left out) with its SHA-256. Re-running a
 * stored trace compares canonical JSON byte for byte, so "identical" means every figure, path and name agrees.
 */
import { appendAudit } from '../audit';
import { createHash } from 'node:crypto';
import type { Db } from '../open';
import type { TraceReport } from './report';
import type { TraceInput } from './run';

export interface StoredTraceSummary {
  id: number;
  caseId: number | null;
  createdAt: string;
  appVersion: string;
  method: string;
  direction: string;
  seeds: string[];
  sha256: string;
}

export interface StoredTrace extends StoredTraceSummary {
  /** The trace.run input that produced it, without `save`. */
  parameters: TraceInput;
  /** The report as stored, with its id. */
  report: TraceReport;
}

export interface TraceRerun {
  id: number;
  identical: boolean;
  sha256: string;
  rerunSha256: string;
  /** The new report (not stored). */
  report: TraceReport;
}

/** JSON with object keys sorted at every level and no whitespace: one text for one value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The canonical text of a report without its stored id, and its SHA-256 (hex). */
export function reportDigest(report: TraceReport): { text: string; sha256: string } {
  const { id: _id, ...rest } = report;
  const text = canonicalJson(rest);
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The parameters a stored trace keeps: everything that shapes the report, not whether to save it. */
export function storedParameters(input: TraceInput): TraceInput {
  const { save: _save, ...rest } = input;
  return rest;
}

export function saveTrace(
  db: Db,
  input: TraceInput,
  report: TraceReport,
  meta: { createdAt: string; appVersion: string },
): number {
  const { text, sha256 } = reportDigest(report);
  const parameters = storedParameters(input);
  return db.transaction(() => {
    const id = insertTrace(db, input, report, meta, { text, sha256, parameters });
    appendAudit(db, meta.createdAt, input.caseId ?? null, 'trace.saved', {
      traceId: id,
      method: input.method,
      direction: input.direction,
      seeds: report.seeds,
      sha256,
    });
    return id;
  })();
}

function insertTrace(
  db: Db,
  input: TraceInput,
  report: TraceReport,
  meta: { createdAt: string; appVersion: string },
  digest: { text: string; sha256: string; parameters: TraceInput },
): number {
  const { text, sha256, parameters } = digest;
  const info = db
    .prepare(
      `INSERT INTO traces (case_id, created_at, app_version, method, direction, seeds, parameters, report, report_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.caseId ?? null,
      meta.createdAt,
      meta.appVersion,
      input.method,
      input.direction,
      JSON.stringify(report.seeds),
      canonicalJson(parameters),
      text,
      sha256,
    );
  return Number(info.lastInsertRowid);
}

interface TraceRow {
  id: number;
  case_id: number | null;
  created_at: string;
  app_version: string;
  method: string;
  direction: string;
  seeds: string;
  parameters: string;
  report: string;
  report_sha256: string;
}

const summary = (r: TraceRow): StoredTraceSummary => ({
  id: r.id,
  caseId: r.case_id,
  createdAt: r.created_at,
  appVersion: r.app_version,
  method: r.method,
  direction: r.direction,
  seeds: JSON.parse(r.seeds) as string[],
  sha256: r.report_sha256,
});

export function listTraces(db: Db, caseId?: number): StoredTraceSummary[] {
  const rows = db
    .prepare(
      `SELECT id, case_id, created_at, app_version, method, direction, seeds, report_sha256 FROM traces
        WHERE @caseId IS NULL OR case_id = @caseId ORDER BY id DESC`,
    )
    .all({ caseId: caseId ?? null }) as TraceRow[];
  return rows.map(summary);
}

export function getTrace(db: Db, id: number): StoredTrace | null {
  const row = db.prepare('SELECT * FROM traces WHERE id = ?').get(id) as TraceRow | undefined;
  if (row === undefined) return null;
  return {
    ...summary(row),
    parameters: JSON.parse(row.parameters) as TraceInput,
    report: { id: row.id, ...(JSON.parse(row.report) as TraceReport) },
  };
}

/**
 * Compares a new report of a stored trace's parameters with the stored one, as canonical JSON, and records the
 * re-run and its outcome in the audit log.
 */
export function compareRerun(db: Db, stored: StoredTrace, report: TraceReport, at: string): TraceRerun {
  const storedText = db.prepare('SELECT report FROM traces WHERE id = ?').pluck().get(stored.id) as string;
  const { text, sha256 } = reportDigest(report);
  const identical = text === storedText;
  appendAudit(db, at, stored.caseId, 'trace.rerun', {
    traceId: stored.id,
    identical,
    sha256,
    storedSha256: stored.sha256,
  });
  return { id: stored.id, identical, sha256: stored.sha256, rerunSha256: sha256, report };
}
