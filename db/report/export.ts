/**
 * `report.export`: builds the report model, hashes what it rests on, prints it, and writes FILE.pdf and
 * FILE.manifest.json beside it. Both are written to temporary names in the target folder and renamed into
 * place only when complete, so a failed or cancelled export leaves nothing behind. The export is recorded in
 * the case's audit log with its hashes.
 *
 * What the manifest hashes, precisely:
 * - workspace: a copy of the workspace made with `VACUUM INTO` (a consistent snapshot of every table) while the
 *   draft prints, hashed and deleted; the audit entry of this export comes after it, so it is not included;
 * - sources: every import_sources row (file name, its SHA-256 as imported, size, import time);
 * - content: SHA-256 of the canonical JSON of the report model (keys sorted, no spaces);
 * - pdf: SHA-256 of the PDF file's bytes (only in the JSON: a PDF cannot contain its own hash).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit';
import type { Case } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Db } from '../open';
import { canonicalJson } from '../trace/store';
import { renderReportHtml } from './html';
import { buildReportModel, type ReportModel, type ReportOptions, type ReportSources } from './model';
import type { PdfPrinter, PrintedPdf } from './print';

/** Stages in order; the workspace snapshot is taken while Chromium prints the draft. */
export interface ReportProgress {
  stage: 'model' | 'print' | 'write';
}

export interface ReportManifest {
  format: 'ariadne-report-manifest/1';
  app: { name: 'Ariadne'; version: string };
  generatedAt: string;
  case: { id: number; title: string; reference: string | null };
  parameters: Omit<ReportOptions, 'caseId'>;
  workspace: { sha256: string; bytes: number; method: string };
  sources: { file: string; format: string; sha256: string; size: number; importedAt: string }[];
  traces: { id: number; sha256: string }[];
  content: { sha256: string; method: string };
  pdf: { file: string; sha256: string; bytes: number; pages: number };
}

export interface ReportExportResult {
  file: string;
  manifestFile: string;
  pages: number;
  bytes: number;
  sha256: string;
  contentSha256: string;
  workspaceSha256: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** FILE.pdf → FILE.manifest.json (any other name gets .manifest.json appended). */
export function manifestPath(out: string): string {
  return out.toLowerCase().endsWith('.pdf') ? `${out.slice(0, -4)}.manifest.json` : `${out}.manifest.json`;
}

/** SHA-256 and size of a consistent copy of the workspace; the copy is deleted. */
async function snapshotHash(db: Db, dir: string): Promise<{ sha256: string; bytes: number }> {
  const file = path.join(dir, `.ariadne-snapshot-${process.pid}-${Date.now()}.db`);
  try {
    db.prepare('VACUUM INTO ?').run(file);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}

/** Refuses an output the export could not write, before any work, naming the path. */
async function checkTarget(out: string): Promise<void> {
  const dir = path.dirname(out);
  const stat = await fs.promises.stat(dir).catch(() => null);
  if (stat === null || !stat.isDirectory())
    throw new ApiError('invalid_input', `report.export: out: the folder ${dir} does not exist`);
  const target = await fs.promises.stat(out).catch(() => null);
  if (target?.isDirectory()) throw new ApiError('invalid_input', `report.export: out: ${out} is a folder`);
  try {
    await fs.promises.access(dir, fs.constants.W_OK);
  } catch {
    throw new ApiError('invalid_input', `report.export: out: the folder ${dir} cannot be written`);
  }
}

export interface ExportDeps {
  sources: ReportSources;
  print: PdfPrinter;
  now: () => string;
  appVersion: string;
  signal?: AbortSignal;
  onProgress?: (progress: ReportProgress) => void;
}

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ApiError('cancelled', 'report.export was cancelled; nothing was written');
}

export async function exportReport(
  db: Db,
  kase: Case,
  out: string,
  options: ReportOptions,
  deps: ExportDeps,
): Promise<ReportExportResult> {
  await checkTarget(out);
  const generatedAt = deps.now();
  deps.onProgress?.({ stage: 'model' });
  const model: ReportModel = buildReportModel(db, kase, options, deps.sources, {
    generatedAt,
    appVersion: deps.appVersion,
  });
  const contentSha256 = sha256(canonicalJson(model));
  cancelled(deps.signal);
  deps.onProgress?.({ stage: 'print' });
  const dir = path.dirname(out);
  // The snapshot (VACUUM INTO blocks this thread for a moment) runs once the printer has started Chromium, which
  // meanwhile starts up and prints the draft; only the final document needs its hash.
  const snapshot = new Promise<void>((resume) => setImmediate(resume)).then(() => snapshotHash(db, dir));
  const draft = { workspaceSha256: '0'.repeat(64), workspaceBytes: 0, contentSha256 };
  const header = `${kase.reference ?? `Case ${kase.id}`} · ${kase.title}`;
  const document = {
    draft: () => renderReportHtml(model, draft),
    final: async (pages: ReadonlyMap<string, number>) => {
      const { sha256: workspaceSha256, bytes: workspaceBytes } = await snapshot;
      return renderReportHtml(model, { workspaceSha256, workspaceBytes, contentSha256 }, pages);
    },
  };
  let printed: PrintedPdf;
  try {
    printed = await deps.print(document, {
      header,
      title: `Case report · ${generatedAt.slice(0, 10)}`,
      footer: options.classification,
    });
  } finally {
    // Whatever happened to the print, the snapshot has finished and removed its copy before this returns.
    await snapshot.catch(() => undefined);
  }
  const workspace = await snapshot;
  cancelled(deps.signal);

  deps.onProgress?.({ stage: 'write' });
  const { caseId: _caseId, ...parameters } = options;
  const pdfSha256 = sha256(printed.bytes);
  const manifest: ReportManifest = {
    format: 'ariadne-report-manifest/1',
    app: { name: 'Ariadne', version: deps.appVersion },
    generatedAt,
    case: { id: kase.id, title: kase.title, reference: kase.reference },
    parameters,
    workspace: {
      ...workspace,
      method: 'SHA-256 of a VACUUM INTO copy of the workspace, before this export was audited',
    },
    sources: model.sources.map((s) => ({
      file: s.file,
      format: s.format,
      sha256: s.sha256,
      size: s.size,
      importedAt: s.importedAt,
    })),
    traces: model.traces.map((x) => ({ id: x.id, sha256: x.sha256 })),
    content: {
      sha256: contentSha256,
      method: 'SHA-256 of the canonical JSON (keys sorted, no spaces) of the report model',
    },
    pdf: { file: path.basename(out), sha256: pdfSha256, bytes: printed.bytes.length, pages: printed.pages },
  };
  const manifestFile = manifestPath(out);
  const stamp = `${process.pid}-${Date.now()}`;
  const partialPdf = path.join(dir, `.${path.basename(out)}.${stamp}.partial`);
  const partialManifest = path.join(dir, `.${path.basename(manifestFile)}.${stamp}.partial`);
  let placed = false;
  try {
    await fs.promises.writeFile(partialPdf, printed.bytes);
    await fs.promises.writeFile(partialManifest, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await fs.promises.rename(partialPdf, out);
    placed = true;
    await fs.promises.rename(partialManifest, manifestFile);
  } catch (error) {
    // A PDF without its manifest is no export: it goes too.
    if (placed) await fs.promises.rm(out, { force: true });
    await fs.promises.rm(partialPdf, { force: true });
    await fs.promises.rm(partialManifest, { force: true });
    throw new ApiError('workspace', `report.export: could not write ${out}: ${(error as Error).message}`);
  }
  appendAudit(db, deps.now(), kase.id, 'report.exported', {
    file: out,
    manifest: manifestFile,
    pages: printed.pages,
    pdfSha256,
    contentSha256,
    workspaceSha256: workspace.sha256,
    parameters,
  });
  return {
    file: out,
    manifestFile,
    pages: printed.pages,
    bytes: printed.bytes.length,
    sha256: pdfSha256,
    contentSha256,
    workspaceSha256: workspace.sha256,
  };
}
