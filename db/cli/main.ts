/**
 * The `ariadne` command line. Every command goes through the same engine and contract as the app, so a bad
 * value is refused with the same message. Errors: one line on stderr, exit 2 for usage, 1 otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Incident } from '../api/attribution';
import type {
  AddressCheckResult,
  AddressDetails,
  Case,
  CaseGraph,
  DemoProgress,
  DemoResult,
  EntityDetails,
  ImportBatchReport,
  ImportProgress,
  JobName,
  LossSummary,
  Method,
  ReportExportResult,
  StoredTrace,
  StoredTraceSummary,
  TraceReport,
  TraceRerun,
} from '../api/contract';
import { createEngine, type Engine } from '../api/engine';
import { ApiError } from '../api/errors';
import { IMPORT_FORMATS } from '../import/registry';
import { openDb, WorkspaceError } from '../open';
import { defaultUserDataDir, defaultWorkspacePath } from '../workspace-path';
import {
  formatAddressChecks,
  formatAddressDetails,
  formatCase,
  formatDemo,
  formatCaseTable,
  formatGraph,
  formatImport,
  formatProblem,
  formatRerun,
  formatStoredTrace,
  formatTrace,
  formatTraceList,
} from './format';
import { formatEntity } from './format-entity';
import { formatIncident, formatIncidentTable } from './format-incidents';
import { formatSummary } from './format-summary';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress of long work; only given when stderr is a terminal. */
  progress?: (text: string) => void;
  now?: () => Date;
}

class UsageError extends Error {}

export const USAGE = `usage: ariadne [--db FILE] <command> [options]

Commands:
  case create --title T [--reference R] [--investigator I] [--description D] [--json]
  case list [--query Q] [--status open|closed|archived] [--json]
  case show ID [--json]
  case update ID [--title T] [--reference R] [--investigator I] [--description D] [--status S] [--json]
  case delete ID [--json]
  import FILE... [--format ${IMPORT_FORMATS.join('|')}] [--case ID] [--json]
  export summary|incidents|graph|transfers --case ID --out FILE [--format csv|json] [--min-confidence N] [--json]
  export tagpack --out FILE [--case ID] [--title T] [--creator C] [--description D] [--json]
  trace (--seed CHAIN:ADDRESS[@ISO-TIME] | --tx CHAIN:TXHASH | --incident ID)... --method poison|haircut|fifo --hops N
        [--direction forward|backward] [--min-amount BASE-UNITS] [--stop-at exchange,service] [--actor-endpoints]
        [--exclude CHAIN:ADDRESS]... [--asset ASSET]... [--from T] [--to T] [--case ID] [--save] [--json]
  trace list [--case ID] [--json]
  trace show ID [--json]
  trace rerun ID [--json]                         (exit 1 if the report differs from the stored one)
  graph show --case ID [--json]
  report --case ID --out FILE.pdf [--min-confidence N] [--method poison|haircut|fifo] [--redact]
        [--sections summary,incidents,…] [--classification TEXT] [--json]   (FILE.manifest.json beside it)
  incident list --case ID [--json]
  incident show ID [--json]
  incident create --case ID --victim ENTITY --time T --asset A --amount X [--usd X] [--tx CHAIN:TXHASH]...
        [--address CHAIN:ADDRESS]... [--jurisdiction CC] [--source S] [--title T] [--note N] [--json]
  incident attribute ID --actor ENTITY --confidence ID --source S [--json]
  incident link-trace ID (--trace TRACEID | --none) [--json]
  address check CHAIN:ADDRESS... [--json]        (no workspace needed; exit 1 if any is invalid)
  address show CHAIN:ADDRESS [--json]
  summary --actor ID|KEY [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--min-confidence N] [--case ID] [--json]
  demo [--scale N] [--json]                      (build the demo workspace "DPRK thefts 2017–2022" into an
                                                  empty workspace; N multiplies the background, default 1)
  entity show ID|KEY [--json]
  entity create --label L --kind actor|victim|service|unknown [--jurisdiction CC]... [--alias A]...
        [--category C]... [--uri U] [--description D] [--json]
  entity update ID|KEY [--label L] [--kind K] [--jurisdiction CC]... [--alias A]... [--category C]...
        [--uri U] [--description D] [--json]       (a list given is replaced whole; --alias '' empties it)
  entity merge INTO FROM... [--json]              (IDs or keys; FROM's tags, incidents and names move to INTO)

Options:
  --db FILE   the workspace (default: ${defaultWorkspacePath()})
  --json      print one JSON document on stdout
  --help      this text
  --version   the version`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  title: { type: 'string' },
  reference: { type: 'string' },
  investigator: { type: 'string' },
  description: { type: 'string' },
  status: { type: 'string' },
  query: { type: 'string' },
  format: { type: 'string' },
  case: { type: 'string' },
  out: { type: 'string' },
  creator: { type: 'string' },
  seed: { type: 'string', multiple: true },
  tx: { type: 'string', multiple: true },
  direction: { type: 'string' },
  method: { type: 'string' },
  hops: { type: 'string' },
  'min-amount': { type: 'string' },
  'stop-at': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  asset: { type: 'string', multiple: true },
  'actor-endpoints': { type: 'boolean' },
  save: { type: 'boolean' },
  'min-confidence': { type: 'string' },
  redact: { type: 'boolean' },
  sections: { type: 'string' },
  classification: { type: 'string' },
  actor: { type: 'string' },
  scale: { type: 'string' },
  label: { type: 'string' },
  kind: { type: 'string' },
  jurisdiction: { type: 'string', multiple: true },
  alias: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  uri: { type: 'string' },
  incident: { type: 'string', multiple: true },
  victim: { type: 'string' },
  time: { type: 'string' },
  amount: { type: 'string' },
  usd: { type: 'string' },
  address: { type: 'string', multiple: true },
  source: { type: 'string' },
  note: { type: 'string' },
  confidence: { type: 'string' },
  trace: { type: 'string' },
  none: { type: 'boolean' },
} as const;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'string'
      ? string
      : boolean;
};
type Flag = keyof Values;

const GLOBAL: readonly Flag[] = ['db', 'json', 'help', 'version'];

type Command =
  | {
      kind: 'call';
      method: Method;
      input: unknown;
      /** Input that needs the workspace to be made (an entity named by key or label becomes its id). */
      resolve?: (engine: Engine) => unknown;
      workspace: boolean;
      print: (result: unknown) => string;
      exitCode?: (result: unknown) => number;
    }
  | {
      kind: 'job';
      name: JobName;
      input: unknown;
      /** One line of progress for the terminal; the import report's by default. */
      progress?: (progress: unknown) => string;
      print: (result: unknown) => string;
      exitCode: (result: unknown) => number;
    };

interface Spec {
  flags: readonly Flag[];
  /** How many positional arguments after the command words: [min, max]. */
  args: [number, number];
  build(args: string[], values: Values): Command;
}

function parseId(raw: string | undefined, what = 'case'): number {
  if (raw === undefined) throw new UsageError(`missing ${what} ID`);
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw new UsageError(`${what} ID must be a positive whole number, not "${raw}"`);
  return Number(raw);
}

const list = (values: string[] | undefined) =>
  values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

function pick(values: Values, keys: readonly Flag[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}

const CASE_FIELDS: readonly Flag[] = ['title', 'reference', 'investigator', 'description'];
const ENTITY_FIELDS: readonly Flag[] = ['label', 'kind', 'jurisdiction', 'alias', 'category', 'uri', 'description'];

/** The entity's fields as the contract names them; repeated flags are lists, and `''` empties one. */
function entityInput(values: Values): Record<string, unknown> {
  const fields = pick(values, ['label', 'kind', 'uri', 'description']);
  const lists = { jurisdictions: values.jurisdiction, aliases: values.alias, categories: values.category };
  for (const [name, given] of Object.entries(lists)) if (given !== undefined) fields[name] = list(given);
  return fields;
}

const showEntity = (e: unknown) => formatEntity(e as EntityDetails);

/**
 * An entity as the investigator names it: its id, its key (lazarusgroup) or its label (Lazarus Group), in any
 * case. A label several entities share is refused with their ids.
 */
function entityId(engine: Engine, name: string, what: string): number {
  if (/^[1-9]\d{0,14}$/.test(name)) return Number(name);
  const wanted = name.trim().toLowerCase();
  const { rows } = engine.call('entity.list', { query: name.trim(), limit: 1000 });
  const byKey = rows.filter((e) => e.key?.toLowerCase() === wanted);
  const found = byKey.length > 0 ? byKey : rows.filter((e) => e.label.toLowerCase() === wanted);
  if (found.length === 1) return (found[0] as { id: number }).id;
  if (found.length === 0) throw new ApiError('not_found', `${what} ${name}: no entity has that key or label`);
  const ids = found.map((e) => `${e.id} (${e.kind})`).join(', ');
  throw new ApiError('invalid_input', `${what} ${name} names several entities: give one of the ids ${ids}`);
}

function single(values: string[] | undefined, flag: string): string | undefined {
  if (values && values.length > 1) throw new UsageError(`give --${flag} once`);
  return values?.[0];
}

const INCIDENT_COMMANDS: Record<string, Spec> = {
  'incident list': {
    flags: ['case'],
    args: [0, 0],
    build: (_args, values) => {
      if (values.case === undefined) throw new UsageError('incident list needs --case ID');
      return {
        kind: 'call',
        method: 'incident.list',
        input: { caseId: parseId(values.case) },
        workspace: true,
        print: (r) => formatIncidentTable(r as Incident[]),
      };
    },
  },
  'incident show': {
    flags: [],
    args: [1, 1],
    build: ([id]) => ({
      kind: 'call',
      method: 'incident.get',
      input: { id: parseId(id, 'incident') },
      workspace: true,
      print: (r) => formatIncident(r as Incident),
    }),
  },
  'incident create': {
    flags: [
      'case',
      'victim',
      'time',
      'asset',
      'amount',
      'usd',
      'tx',
      'address',
      'jurisdiction',
      'source',
      'title',
      'note',
    ],
    args: [0, 0],
    build: (_args, values) => {
      for (const flag of ['case', 'victim', 'time', 'asset', 'amount'] as const) {
        if (values[flag] === undefined) throw new UsageError(`incident create needs --${flag}`);
      }
      const input = {
        caseId: parseId(values.case),
        time: values.time,
        asset: single(values.asset, 'asset'),
        amount: values.amount,
        ...pick(values, ['usd', 'source', 'title', 'note']),
        ...(values.jurisdiction === undefined ? {} : { jurisdiction: single(values.jurisdiction, 'jurisdiction') }),
        txs: values.tx ?? [],
        addresses: values.address ?? [],
      };
      const victim = values.victim as string;
      return {
        kind: 'call',
        method: 'incident.create',
        input,
        resolve: (engine) => ({ ...input, victimId: entityId(engine, victim, '--victim') }),
        workspace: true,
        print: (r) => `Created incident ${(r as Incident).id}\n${formatIncident(r as Incident)}`,
      };
    },
  },
  'incident attribute': {
    flags: ['actor', 'confidence', 'source'],
    args: [1, 1],
    build: ([id], values) => {
      for (const flag of ['actor', 'confidence', 'source'] as const) {
        if (values[flag] === undefined) throw new UsageError(`incident attribute needs --${flag}`);
      }
      const input = { id: parseId(id, 'incident'), confidence: values.confidence, source: values.source };
      const actor = values.actor as string;
      return {
        kind: 'call',
        method: 'incident.attribute',
        input,
        resolve: (engine) => ({ ...input, actorId: entityId(engine, actor, '--actor') }),
        workspace: true,
        print: (r) => `Attributed incident ${(r as Incident).id}\n${formatIncident(r as Incident)}`,
      };
    },
  },
  'incident link-trace': {
    flags: ['trace', 'none'],
    args: [1, 1],
    build: ([id], values) => {
      if ((values.trace === undefined) === (values.none === undefined)) {
        throw new UsageError('incident link-trace needs --trace TRACEID or --none');
      }
      const traceId = values.trace === undefined ? null : parseId(values.trace, 'trace');
      return {
        kind: 'call',
        method: 'incident.setTrace',
        input: { id: parseId(id, 'incident'), traceId },
        workspace: true,
        print: (r) => {
          const i = r as Incident;
          return i.traceId === null
            ? `Incident ${i.id} is linked to no trace`
            : `Incident ${i.id} is linked to trace ${i.traceId}`;
        },
      };
    },
  },
};

/** `export summary|incidents|graph|transfers --case ID --out FILE [--format csv|json] [--min-confidence N]`. */
function caseDataCommand(what: 'summary' | 'incidents' | 'graph' | 'transfers'): Spec {
  return {
    flags: ['case', 'out', 'format', ...(what === 'summary' ? (['min-confidence'] as const) : [])],
    args: [0, 0],
    build: (_args, values) => {
      if (values.case === undefined) throw new UsageError(`export ${what} needs --case ID`);
      if (values.out === undefined) throw new UsageError(`export ${what} needs --out FILE`);
      const confidence = values['min-confidence'];
      if (confidence !== undefined && !/^\d{1,3}$/.test(confidence))
        throw new UsageError(`--min-confidence must be a whole number from 0 to 100, not "${confidence}"`);
      return {
        kind: 'job',
        name: 'export.caseData',
        input: {
          caseId: parseId(values.case),
          what,
          out: path.resolve(values.out),
          ...(values.format === undefined ? {} : { format: values.format }),
          ...(confidence === undefined ? {} : { minConfidence: Number(confidence) }),
        },
        print: (r) => {
          const { file, rows, sha256 } = r as { file: string; rows: number; sha256: string };
          return `Wrote ${rows} ${what} rows to ${file}\nSHA-256 ${sha256}`;
        },
        exitCode: () => 0,
      };
    },
  };
}

const COMMANDS: Record<string, Spec> = {
  ...INCIDENT_COMMANDS,
  'case create': {
    flags: CASE_FIELDS,
    args: [0, 0],
    build: (_args, values) => {
      if (values.title === undefined) throw new UsageError('case create needs --title');
      return {
        kind: 'call',
        method: 'case.create',
        input: pick(values, CASE_FIELDS),
        workspace: true,
        print: (c) => `Created case ${(c as Case).id}\n${formatCase(c as Case)}`,
      };
    },
  },
  'case list': {
    flags: ['query', 'status'],
    args: [0, 0],
    build: (_args, values) => ({
      kind: 'call',
      method: 'case.list',
      input: pick(values, ['query', 'status']),
      workspace: true,
      print: (cs) => formatCaseTable(cs as Case[]),
    }),
  },
  'case show': {
    flags: [],
    args: [0, 1],
    build: ([id]) => ({
      kind: 'call',
      method: 'case.get',
      input: { id: parseId(id) },
      workspace: true,
      print: (c) => formatCase(c as Case),
    }),
  },
  'case update': {
    flags: [...CASE_FIELDS, 'status'],
    args: [0, 1],
    build: ([id], values) => ({
      kind: 'call',
      method: 'case.update',
      input: { id: parseId(id), ...pick(values, [...CASE_FIELDS, 'status']) },
      workspace: true,
      print: (c) => `Updated case ${(c as Case).id}\n${formatCase(c as Case)}`,
    }),
  },
  'case delete': {
    flags: [],
    args: [0, 1],
    build: ([raw]) => {
      const id = parseId(raw);
      return { kind: 'call', method: 'case.delete', input: { id }, workspace: true, print: () => `Deleted case ${id}` };
    },
  },
  import: {
    flags: ['format', 'case'],
    args: [1, Infinity],
    build: (files, values) => ({
      kind: 'job',
      name: 'import.files',
      input: {
        files: files.map((f) => path.resolve(f)),
        ...pick(values, ['format']),
        ...(values.case === undefined ? {} : { caseId: parseId(values.case) }),
      },
      print: (r) => formatImport(r as ImportBatchReport),
      exitCode: (r) => ((r as ImportBatchReport).failed.length > 0 ? 1 : 0),
    }),
  },
  'export summary': caseDataCommand('summary'),
  'export incidents': caseDataCommand('incidents'),
  'export graph': caseDataCommand('graph'),
  'export transfers': caseDataCommand('transfers'),
  'export tagpack': {
    flags: ['out', 'case', 'title', 'creator', 'description'],
    args: [0, 0],
    build: (_args, values) => {
      if (values.out === undefined) throw new UsageError('export tagpack needs --out FILE');
      return {
        kind: 'job',
        name: 'export.tagpack',
        input: {
          out: path.resolve(values.out),
          ...pick(values, ['title', 'creator', 'description']),
          ...(values.case === undefined ? {} : { caseId: parseId(values.case) }),
        },
        print: (r) => {
          const { file, tags, sha256 } = r as { file: string; tags: number; sha256: string };
          return `Wrote ${tags} tags to ${file}\nSHA-256 ${sha256}`;
        },
        exitCode: () => 0,
      };
    },
  },
  trace: {
    flags: [
      'seed',
      'tx',
      'incident',
      'direction',
      'method',
      'hops',
      'min-amount',
      'stop-at',
      'from',
      'to',
      'exclude',
      'asset',
      'actor-endpoints',
      'case',
      'save',
    ],
    args: [0, 0],
    build: (_args, values) => {
      if (!values.seed && !values.tx && !values.incident)
        throw new UsageError('trace needs --seed CHAIN:ADDRESS[@TIME], --tx CHAIN:TXHASH or --incident ID');
      if (values.method === undefined) throw new UsageError('trace needs --method poison|haircut|fifo');
      if (values.hops === undefined || !/^\d{1,3}$/.test(values.hops)) throw new UsageError('trace needs --hops N');
      if (values.case !== undefined && !values.save) throw new UsageError('trace --case ID needs --save');
      return {
        kind: 'job',
        name: 'trace.run',
        input: {
          seeds: values.seed,
          txs: values.tx,
          ...(values.incident ? { incidents: values.incident.map((id) => parseId(id, 'incident')) } : {}),
          direction: values.direction ?? 'forward',
          method: values.method,
          hops: Number(values.hops),
          minAmount: values['min-amount'],
          stopAt: list(values['stop-at'] === undefined ? undefined : [values['stop-at']]),
          from: values.from,
          to: values.to,
          exclude: list(values.exclude),
          assets: list(values.asset),
          ...(values['actor-endpoints'] ? { actorEndpoints: true } : {}),
          ...(values.case === undefined ? {} : { caseId: parseId(values.case) }),
          ...(values.save ? { save: true } : {}),
        },
        print: (r) => formatTrace(r as TraceReport),
        exitCode: () => 0,
      };
    },
  },
  report: {
    flags: ['case', 'out', 'min-confidence', 'method', 'redact', 'sections', 'classification'],
    args: [0, 0],
    build: (_args, values) => {
      if (values.case === undefined) throw new UsageError('report needs --case ID');
      if (values.out === undefined) throw new UsageError('report needs --out FILE.pdf');
      const confidence = values['min-confidence'];
      if (confidence !== undefined && !/^\d{1,3}$/.test(confidence))
        throw new UsageError(`--min-confidence must be a whole number from 0 to 100, not "${confidence}"`);
      return {
        kind: 'job',
        name: 'report.export',
        input: {
          caseId: parseId(values.case),
          out: path.resolve(values.out),
          ...(confidence === undefined ? {} : { minConfidence: Number(confidence) }),
          ...pick(values, ['method', 'classification']),
          ...(values.redact ? { redact: true } : {}),
          ...(values.sections === undefined ? {} : { sections: list([values.sections]) }),
        },
        print: (r) => {
          const x = r as ReportExportResult;
          return [
            `Wrote ${x.file} (${x.pages} pages, ${x.bytes} bytes)`,
            `Manifest ${x.manifestFile}`,
            `PDF SHA-256             ${x.sha256}`,
            `Report content SHA-256  ${x.contentSha256}`,
            `Workspace SHA-256       ${x.workspaceSha256}`,
          ].join('\n');
        },
        progress: (p) => `report: ${(p as { stage: string }).stage}`,
        exitCode: () => 0,
      };
    },
  },
  'graph show': {
    flags: ['case'],
    args: [0, 0],
    build: (_args, values) => {
      if (values.case === undefined) throw new UsageError('graph show needs --case ID');
      return {
        kind: 'call',
        method: 'graph.get',
        input: { caseId: parseId(values.case) },
        workspace: true,
        print: (g) => formatGraph(g as CaseGraph),
      };
    },
  },
  'trace list': {
    flags: ['case'],
    args: [0, 0],
    build: (_args, values) => ({
      kind: 'call',
      method: 'trace.list',
      input: values.case === undefined ? {} : { caseId: parseId(values.case) },
      workspace: true,
      print: (r) => formatTraceList(r as StoredTraceSummary[]),
    }),
  },
  'trace show': {
    flags: [],
    args: [1, 1],
    build: ([id]) => ({
      kind: 'call',
      method: 'trace.get',
      input: { id: parseId(id, 'trace') },
      workspace: true,
      print: (r) => formatStoredTrace(r as StoredTrace),
    }),
  },
  'trace rerun': {
    flags: [],
    args: [1, 1],
    build: ([id]) => ({
      kind: 'job',
      name: 'trace.rerun',
      input: { id: parseId(id, 'trace') },
      print: (r) => formatRerun(r as TraceRerun),
      exitCode: (r) => ((r as TraceRerun).identical ? 0 : 1),
    }),
  },
  demo: {
    flags: ['scale'],
    args: [0, 0],
    build: (_args, values) => {
      const scale = values.scale === undefined ? 1 : Number(values.scale);
      if (values.scale !== undefined && !/^\d+(\.\d+)?$/.test(values.scale))
        throw new UsageError(`--scale must be a positive number, not "${values.scale}"`);
      return {
        kind: 'job',
        name: 'demo.build',
        input: { scale },
        progress: (p) => {
          const { step, index, steps, done, total } = p as DemoProgress;
          return `${index}/${steps} ${step}${done !== null && total !== null ? ` ${percent(done, total)}` : ''}`;
        },
        print: (r) => formatDemo(r as DemoResult),
        exitCode: () => 0,
      };
    },
  },
  'address check': {
    flags: [],
    args: [1, Infinity],
    build: (addresses) => ({
      kind: 'call',
      method: 'address.check',
      input: { addresses },
      workspace: false,
      print: (r) => formatAddressChecks(r as AddressCheckResult[]),
      exitCode: (r) => ((r as AddressCheckResult[]).every((c) => c.valid) ? 0 : 1),
    }),
  },
  summary: {
    flags: ['actor', 'from', 'to', 'min-confidence', 'case'],
    args: [0, 0],
    build: (_args, values) => {
      if (values.actor === undefined) throw new UsageError('summary needs --actor ID|KEY');
      const level = values['min-confidence'];
      if (level !== undefined && !/^\d{1,3}$/.test(level))
        throw new UsageError(`--min-confidence must be a level 0-100, not "${level}"`);
      return {
        kind: 'call',
        method: 'summary.get',
        input: {
          // A number is an entity id; anything else is a key (keys such as lazarusgroup are not numbers).
          actor: /^\d+$/.test(values.actor) ? parseId(values.actor, 'entity') : values.actor,
          ...pick(values, ['from', 'to']),
          ...(level === undefined ? {} : { minConfidence: Number(level) }),
          ...(values.case === undefined ? {} : { caseId: parseId(values.case) }),
        },
        workspace: true,
        print: (r) => formatSummary(r as LossSummary),
      };
    },
  },
  'entity show': {
    flags: [],
    args: [1, 1],
    build: ([ref]) => ({
      kind: 'call',
      method: 'entity.get',
      input: null,
      resolve: (engine) => ({ id: entityId(engine, ref ?? '', 'entity') }),
      workspace: true,
      print: showEntity,
    }),
  },
  'entity create': {
    flags: ENTITY_FIELDS,
    args: [0, 0],
    build: (_args, values) => {
      if (values.label === undefined || values.kind === undefined)
        throw new UsageError('entity create needs --label and --kind');
      return {
        kind: 'call',
        method: 'entity.create',
        input: entityInput(values),
        workspace: true,
        print: (e) => `Created entity ${(e as EntityDetails).id}\n${showEntity(e)}`,
      };
    },
  },
  'entity update': {
    flags: ENTITY_FIELDS,
    args: [1, 1],
    build: ([ref], values) => ({
      kind: 'call',
      method: 'entity.update',
      input: null,
      resolve: (engine) => ({ id: entityId(engine, ref ?? '', 'entity'), ...entityInput(values) }),
      workspace: true,
      print: (e) => `Updated entity ${(e as EntityDetails).id}\n${showEntity(e)}`,
    }),
  },
  'entity merge': {
    flags: [],
    args: [2, Infinity],
    build: ([into, ...from]) => ({
      kind: 'call',
      method: 'entity.merge',
      input: null,
      resolve: (engine) => ({
        into: entityId(engine, into ?? '', 'entity'),
        from: from.map((f) => entityId(engine, f, 'entity')),
      }),
      workspace: true,
      print: (e) => `Merged ${from.length} into entity ${(e as EntityDetails).id}\n${showEntity(e)}`,
    }),
  },
  'address show': {
    flags: [],
    args: [1, 1],
    build: ([address]) => ({
      kind: 'call',
      method: 'address.show',
      input: { address },
      workspace: true,
      print: (r) => formatAddressDetails(r as AddressDetails),
    }),
  },
};

const GROUPS = new Set(
  Object.keys(COMMANDS)
    .filter((k) => k.includes(' '))
    .map((k) => k.split(' ')[0]),
);

function toCommand(positionals: string[], values: Values): Command {
  const [noun, verb] = positionals;
  if (noun === undefined) throw new UsageError('missing command');
  // `trace` is a command and a group (trace list, trace show…): a word after it picks the subcommand.
  const grouped = GROUPS.has(noun) && (verb !== undefined || !COMMANDS[noun]);
  if (!grouped && !COMMANDS[noun]) throw new UsageError(`unknown command "${noun}"`);
  if (grouped && verb === undefined) throw new UsageError(`missing ${noun} subcommand`);
  const name = grouped ? `${noun} ${verb}` : noun;
  const spec = COMMANDS[name];
  if (!spec) throw new UsageError(`unknown ${noun} subcommand "${verb}"`);
  for (const key of Object.keys(values) as Flag[]) {
    if (!GLOBAL.includes(key) && !spec.flags.includes(key)) throw new UsageError(`${name} does not take --${key}`);
  }
  const args = positionals.slice(grouped ? 2 : 1);
  const [min, max] = spec.args;
  if (args.length > max) throw new UsageError(`unexpected argument "${args[max]}"`);
  if (args.length < min)
    throw new UsageError(
      `${name} needs ${
        name === 'import'
          ? 'a file'
          : name.startsWith('trace')
            ? 'a trace ID'
            : name.startsWith('incident')
              ? 'an incident ID'
              : name === 'entity merge'
                ? 'the entity to keep and at least one to merge into it (IDs or keys)'
                : name.startsWith('entity')
                  ? 'an entity ID or key'
                  : 'an address'
      }`,
    );
  return spec.build(args, values);
}

function workspaceFile(values: Values): string {
  if (values.db !== undefined) return path.resolve(values.db);
  fs.mkdirSync(defaultUserDataDir(), { recursive: true });
  return defaultWorkspacePath();
}

function percent(done: number, total: number): string {
  return total > 0 ? `${Math.floor((done / total) * 100)}%` : '';
}

function importProgress(progress: unknown): string {
  const p = progress as ImportProgress;
  return `${path.basename(p.file)}: ${percent(p.bytesRead, p.totalBytes)} (${p.records} records)`;
}

async function execute(engine: Engine, command: Command, io: CliIo): Promise<unknown> {
  if (command.kind === 'call') return engine.call(command.method, command.resolve?.(engine) ?? command.input);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    return await engine.runJob(command.name, command.input, {
      signal: controller.signal,
      onProgress: io.progress
        ? (p) => {
            if (p) io.progress?.((command.progress ?? importProgress)(p));
          }
        : undefined,
    });
  } finally {
    process.off('SIGINT', cancel);
  }
}

/** Runs one CLI invocation and resolves with its exit code; all output goes through io. */
export async function run(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    io.stderr(`ariadne: ${(err as Error).message} (see ariadne --help)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  let command: Command;
  try {
    command = toCommand(positionals, values);
  } catch (err) {
    io.stderr(`ariadne: ${(err as Error).message} (see ariadne --help)\n`);
    return 2;
  }
  let engine: Engine;
  let close = () => {};
  try {
    const needsWorkspace = command.kind === 'job' || command.workspace;
    const { db } = openDb(needsWorkspace ? workspaceFile(values) : ':memory:');
    close = () => db.close();
    engine = createEngine(db, { now: io.now, appVersion: version });
  } catch (err) {
    io.stderr(`ariadne: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const result = await execute(engine, command, io);
    if (command.kind === 'job' && command.name === 'import.files') {
      // Files refused as a whole are errors, and errors go to stderr; the JSON report lists them too.
      for (const failed of (result as ImportBatchReport).failed) io.stderr(`ariadne: ${formatProblem(failed)}\n`);
    }
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${command.print(result)}\n`);
    return command.exitCode?.(result) ?? 0;
  } catch (err) {
    const known = err instanceof ApiError || err instanceof WorkspaceError;
    io.stderr(`ariadne: ${known ? err.message : `internal error: ${(err as Error).message}`}\n`);
    return err instanceof ApiError && err.code === 'invalid_input' ? 2 : 1;
  } finally {
    close();
  }
}
