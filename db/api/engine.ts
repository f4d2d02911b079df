import { checkAddresses, showAddress } from '../address-view';
import { getCase, createCase, deleteCase, listCases, updateCase } from '../cases';
import { buildDemo } from '../demo/build';
import { getEntity } from '../entities/details';
import { createEntity, updateEntity } from '../entities/edit';
import { mergeEntities } from '../entities/merge';
import { exportCaseData } from '../export/case-data';
import { exportTagPack } from '../export/tagpack';
import { applyGraph } from '../graph/apply';
import { neighbours } from '../graph/neighbours';
import { addressFlows, addressTransfers, edgeTransfers } from '../graph/transfers';
import { readGraph } from '../graph/read';
import { importFiles } from '../import/batch';
import { getIncident, listIncidents } from '../incidents/read';
import { referenceData } from '../incidents/reference';
import {
  attributeIncident,
  createIncident,
  deleteIncident,
  setIncidentTrace,
  unattributeIncident,
  updateIncident,
} from '../incidents/write';
import { importText } from '../import/text';
import { IMPORTERS } from '../import/registry';
import { listAddresses, listCaseAddresses, listEntities } from '../lists';
import { lossSummary } from '../summary/loss';
import { runTrace } from '../trace/run';
import { compareRerun, getTrace, listTraces, saveTrace } from '../trace/store';
import { ImportCancelledError } from '../import/report';
import { exportReport } from '../report/export';
import { caseSummaries, REPORT_SECTIONS } from '../report/model';
import { printWithChromium, type PdfPrinter } from '../report/print';
import type { Db } from '../open';
import {
  contract,
  isJob,
  isMethod,
  jobs,
  type Envelope,
  type JobEvent,
  type JobName,
  type JobOutput,
  type JobProgress,
  type Method,
  type Output,
  type ParsedInput,
  type ParsedJobInput,
} from './contract';
import { ApiError, describeZodError, toErrorShape } from './errors';

export interface EngineOptions {
  /** The clock every stored time comes from; tests fix it. */
  now?: () => Date;
  /**
   * A connection of its own for each job. A job holds a write transaction across awaits; on the shared
   * connection, calls arriving meanwhile would join that transaction and vanish with it on a cancel. Hosts
   * that serve calls during jobs must give one; without it jobs use the main connection (the CLI, tests).
   */
  jobConnection?: () => Db;
  /** The version stored with saved traces; hosts give the app's version. */
  appVersion?: string;
  /** Prints report HTML to PDF; a headless Chromium when absent (the Electron host gives printToPDF). */
  printPdf?: PdfPrinter;
}

type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> };

export interface JobOptions<J extends JobName> {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress<J>) => void;
}

type JobHandlers = {
  [J in JobName]: (input: ParsedJobInput<J>, options: JobOptions<J>) => Promise<JobOutput<J>>;
};

/** Parses a payload against the contract; the one place where untrusted input becomes typed. */
export function parseInput<M extends Method>(method: M, input: unknown): ParsedInput<M> {
  const result = contract[method].input.safeParse(input ?? {});
  if (!result.success) throw new ApiError('invalid_input', describeZodError(method, result.error));
  return result.data as ParsedInput<M>;
}

export function assertMethod(name: unknown): Method {
  if (!isMethod(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    throw new ApiError('unknown_method', `unknown method: ${shown}`);
  }
  return name;
}

export function assertJob(name: unknown): JobName {
  if (!isJob(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    throw new ApiError('unknown_method', `unknown job: ${shown}`);
  }
  return name;
}

export function parseJobInput<J extends JobName>(name: J, input: unknown): ParsedJobInput<J> {
  const result = jobs[name].input.safeParse(input ?? {});
  if (!result.success) throw new ApiError('invalid_input', describeZodError(name, result.error));
  return result.data as ParsedJobInput<J>;
}

export interface Engine {
  /** Validates and runs one call; throws ApiError. */
  call<M extends Method>(method: M, input: unknown): Output<M>;
  /** For transports: never throws, answers with an envelope. */
  dispatch(method: unknown, input: unknown): Envelope<unknown>;
  /** Validates and runs one job; rejects with ApiError (code 'cancelled' when its signal aborts). */
  runJob<J extends JobName>(name: J, input: unknown, options?: JobOptions<J>): Promise<JobOutput<J>>;
  /** For transports: runs a job by name, telling `emit` its progress and then done or failed; never rejects. */
  streamJob(name: unknown, input: unknown, signal: AbortSignal, emit: (event: JobEvent) => void): Promise<void>;
}

export function createEngine(db: Db, options: EngineOptions = {}): Engine {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const notFound = (id: number): never => {
    throw new ApiError('not_found', `case ${id} does not exist`);
  };
  const traceNotFound = (id: number): never => {
    throw new ApiError('not_found', `trace ${id} does not exist`);
  };
  const entityNotFound = (id: number): never => {
    throw new ApiError('not_found', `entity ${id} does not exist`);
  };
  const incidentNotFound = (id: number): never => {
    throw new ApiError('not_found', `incident ${id} does not exist`);
  };
  const appVersion = options.appVersion ?? 'unknown';

  const handlers: Handlers = {
    'case.list': (input) => listCases(db, input),
    'case.get': ({ id }) => getCase(db, id) ?? notFound(id),
    'case.create': (input) => createCase(db, input, now()),
    'case.update': (input) => updateCase(db, input, now()) ?? notFound(input.id),
    'case.delete': ({ id }) => (deleteCase(db, id, now()) ? { id } : notFound(id)),
    'address.check': ({ addresses }) => checkAddresses(addresses),
    'address.show': ({ address }) => showAddress(db, address),
    'address.list': (input) => listAddresses(db, input),
    'entity.list': (input) => listEntities(db, input),
    'import.formats': () => IMPORTERS.map(({ format, description }) => ({ format, description })),
    'case.addresses': (input) => (getCase(db, input.id) ? listCaseAddresses(db, input) : notFound(input.id)),
    'graph.get': ({ caseId }) => (getCase(db, caseId) ? readGraph(db, caseId) : notFound(caseId)),
    'graph.apply': (input) => (getCase(db, input.caseId) ? applyGraph(db, input, now()) : notFound(input.caseId)),
    'graph.neighbours': (input) => (getCase(db, input.caseId) ? neighbours(db, input) : notFound(input.caseId)),
    'graph.edgeTransfers': (input) => edgeTransfers(db, input),
    'address.flows': (input) => addressFlows(db, input),
    'address.transfers': (input) => addressTransfers(db, input),
    'trace.list': ({ caseId }) =>
      caseId === undefined || getCase(db, caseId) ? listTraces(db, caseId) : notFound(caseId),
    'trace.get': ({ id }) => getTrace(db, id) ?? traceNotFound(id),
    'entity.get': ({ id }) => getEntity(db, id) ?? entityNotFound(id),
    'entity.create': (input) => createEntity(db, input, now()),
    'entity.update': (input) => updateEntity(db, input, now()) ?? entityNotFound(input.id),
    'entity.merge': (input) => mergeEntities(db, input, now()) ?? entityNotFound(input.into),
    'reference.get': () => referenceData(db),
    'incident.list': ({ caseId }) => (getCase(db, caseId) ? listIncidents(db, caseId) : notFound(caseId)),
    'incident.get': ({ id }) => getIncident(db, id) ?? incidentNotFound(id),
    'incident.create': (input) => createIncident(db, input, now()),
    'incident.update': (input) => updateIncident(db, input, now()),
    'incident.delete': ({ id }) => deleteIncident(db, id, now()),
    'incident.attribute': (input) => attributeIncident(db, input, now()),
    'incident.unattribute': (input) => unattributeIncident(db, input, now()),
    'incident.setTrace': (input) => setIncidentTrace(db, input, now()),
    'summary.get': (input) => lossSummary(db, input),
  };

  async function withJobConnection<T>(work: (jobDb: Db) => Promise<T>): Promise<T> {
    if (!options.jobConnection) return work(db);
    const jobDb = options.jobConnection();
    try {
      return await work(jobDb);
    } finally {
      jobDb.close();
    }
  }

  const jobHandlers: JobHandlers = {
    'demo.build': ({ scale }, { signal, onProgress }) =>
      withJobConnection((jobDb) => buildDemo(jobDb, { scale, signal, onProgress, now: options.now, appVersion })),
    'import.files': ({ files, format, caseId }, { signal, onProgress }) => {
      if (caseId !== undefined && getCase(db, caseId) === null) notFound(caseId);
      return withJobConnection((jobDb) =>
        importFiles(jobDb, files, { format, caseId, signal, onProgress, now: options.now }),
      );
    },
    'export.caseData': ({ caseId, what, format, out, minConfidence }) =>
      withJobConnection(async (jobDb) => {
        const kase = getCase(jobDb, caseId) ?? notFound(caseId);
        return exportCaseData(jobDb, kase, what, format, out, {
          incidents: (id) => call('incident.list', { caseId: id }),
          graph: (id) => call('graph.get', { caseId: id }),
          summaries: (id) =>
            caseSummaries(jobDb, id, call('incident.list', { caseId: id }), minConfidence, (input) =>
              call('summary.get', input),
            ),
        });
      }),
    'export.tagpack': ({ out, caseId, title, creator, description }) => {
      if (caseId !== undefined && getCase(db, caseId) === null) notFound(caseId);
      return withJobConnection((jobDb) => exportTagPack(jobDb, out, { caseId, title, creator, description }));
    },
    'trace.run': (input) =>
      withJobConnection(async (jobDb) => {
        if (input.caseId !== undefined && getCase(jobDb, input.caseId) === null) notFound(input.caseId);
        const report = runTrace(jobDb, input);
        if (!input.save) return report;
        const id = saveTrace(jobDb, input, report, { createdAt: now(), appVersion });
        return { id, ...report };
      }),
    'trace.rerun': ({ id }) =>
      withJobConnection(async (jobDb) => {
        const stored = getTrace(jobDb, id) ?? traceNotFound(id);
        return compareRerun(jobDb, stored, runTrace(jobDb, parseJobInput('trace.run', stored.parameters)), now());
      }),
    'report.export': (input, { signal, onProgress }) =>
      withJobConnection(async (jobDb) => {
        const kase = getCase(jobDb, input.caseId) ?? notFound(input.caseId);
        return exportReport(
          jobDb,
          kase,
          input.out,
          {
            caseId: input.caseId,
            sections: input.sections ?? REPORT_SECTIONS,
            minConfidence: input.minConfidence,
            method: input.method ?? null,
            redact: input.redact,
            classification: input.classification,
          },
          {
            // Through the handlers themselves, so the report's figures are those the API and CLI give.
            sources: {
              incidents: (caseId) => call('incident.list', { caseId }),
              summary: (summaryInput) => call('summary.get', summaryInput),
            },
            print: options.printPdf ?? printWithChromium,
            now,
            appVersion,
            signal,
            onProgress,
          },
        );
      }),
    'import.text': ({ text, name, format, caseId }, { signal, onProgress }) => {
      if (caseId !== undefined && getCase(db, caseId) === null) notFound(caseId);
      return withJobConnection((jobDb) =>
        importText(jobDb, text, name, { format, caseId, signal, onProgress, now: options.now }),
      );
    },
  };

  function call<M extends Method>(method: M, input: unknown): Output<M> {
    const handler = handlers[method] as (parsed: ParsedInput<M>) => Output<M>;
    return handler(parseInput(method, input));
  }

  async function runJob<J extends JobName>(name: J, input: unknown, jobOptions: JobOptions<J> = {}) {
    const handler = jobHandlers[name] as (parsed: ParsedJobInput<J>, o: JobOptions<J>) => Promise<JobOutput<J>>;
    try {
      return await handler(parseJobInput(name, input), jobOptions);
    } catch (error) {
      if (error instanceof ImportCancelledError) throw new ApiError('cancelled', error.message);
      throw error;
    }
  }

  async function streamJob(name: unknown, input: unknown, signal: AbortSignal, emit: (event: JobEvent) => void) {
    try {
      const result = await runJob(assertJob(name), input, {
        signal,
        onProgress: (progress) => emit({ type: 'progress', progress }),
      });
      emit({ type: 'done', result });
    } catch (error) {
      emit({ type: 'failed', error: toErrorShape(error) });
    }
  }

  return {
    call,
    runJob,
    streamJob,
    dispatch(method, input) {
      try {
        return { ok: true, result: call(assertMethod(method), input) };
      } catch (error) {
        return { ok: false, error: toErrorShape(error) };
      }
    },
  };
}
