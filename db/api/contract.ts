/**
 * The one API contract. Every method that crosses a process boundary is listed here with a zod schema for
 * its input and a type for its output; Electron IPC, the headless host, the CLI and the renderer's client are
 * all derived from it. This file must stay free of Node imports: the renderer type-checks against it.
 */
import { z } from 'zod';
import type { ImportProgress, ImportReport } from '../import/report';
import type { TraceReport } from '../trace/report';

export type { ImportProblem, ImportProgress, ImportReport } from '../import/report';
export type { TraceReport } from '../trace/report';

export const CASE_STATUSES = ['open', 'closed', 'archived'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export interface Case {
  id: number;
  title: string;
  reference: string | null;
  investigator: string | null;
  description: string;
  status: CaseStatus;
  /** ISO-8601 UTC with milliseconds. */
  createdAt: string;
  updatedAt: string;
}

/** One address as the investigator wrote it (`CHAIN:ADDRESS`), judged by the chain's rules. */
export interface AddressCheckResult {
  input: string;
  valid: boolean;
  chain: string;
  /** `CHAIN:ADDRESS` in the normal form; null when invalid. */
  normalized: string | null;
  kind: string | null;
  reason: string | null;
}

export interface TagView {
  label: string;
  source: string;
  confidence: string;
  confidenceLevel: number;
  category: string | null;
  abuse: string | null;
  actor: string | null;
  /** The TagPack or file it came from; null for tags made in the app. */
  origin: { title: string | null; file: string; sha256: string; importedAt: string } | null;
}

export interface EntityView {
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string[];
}

export interface AddressDetails {
  /** `CHAIN:ADDRESS` in the normal form. */
  address: string;
  chain: string;
  normalized: string;
  kind: string;
  /** Whether the workspace holds anything about it. */
  known: boolean;
  tags: TagView[];
  /** The actors and services its tags name. */
  entities: EntityView[];
  transfers: { in: number; out: number };
  utxo: { inputs: number; outputs: number };
}

/** One page of a long list, with the number of rows that match in all. */
export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export interface AddressRow {
  /** `CHAIN:ADDRESS` in the normal form. */
  address: string;
  chain: string;
  /** The label of its most confident tag. */
  label: string | null;
  confidence: string | null;
  confidenceLevel: number | null;
  tags: number;
  /** The actor or service its most confident tag names. */
  entity: string | null;
}

export interface EntityRow {
  id: number;
  key: string | null;
  label: string;
  kind: string;
  jurisdictions: string[];
  categories: string[];
  /** Tags naming it as their actor. */
  tags: number;
}

export interface ImportFormat {
  format: string;
  description: string;
}

/** Totals over several files, with each file's own report. */
export interface ImportBatchReport {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: ImportReport['errors'];
  warnings: ImportReport['warnings'];
  files: ImportReport[];
  /** Files refused as a whole (unreadable, unknown format); nothing of them was written. */
  failed: { file: string; line: number; reason: string }[];
}

export const LIMITS = { title: 200, reference: 100, investigator: 200, description: 20_000, query: 200 } as const;

const pageFields = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};

const caseId = z.number({ error: 'must be a case id (a positive whole number)' }).int().positive();
const title = z.string().trim().min(1, 'must not be empty').max(LIMITS.title);
/** Optional free text: empty or blank becomes null so "no reference" has one representation. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));

const caseFields = {
  title,
  reference: optionalText(LIMITS.reference),
  investigator: optionalText(LIMITS.investigator),
  description: z.string().max(LIMITS.description),
  status: CaseStatus,
};

/** Phantom marker for a method's output type; nothing is validated at runtime on the way out. */
function returns<T>(): T {
  return undefined as T;
}

function method<I extends z.ZodType, O>(input: I, output: () => O, summary: string) {
  return { input, output, summary };
}

export const contract = {
  'case.list': method(
    z
      .object({
        query: z.string().max(LIMITS.query).optional(),
        status: CaseStatus.optional(),
      })
      .strict(),
    returns<Case[]>,
    'Cases, most recently updated first; query matches title, reference or investigator.',
  ),
  'case.get': method(z.object({ id: caseId }).strict(), returns<Case>, 'One case by id.'),
  'case.create': method(
    z
      .object({
        title,
        reference: caseFields.reference.optional(),
        investigator: caseFields.investigator.optional(),
        description: caseFields.description.optional(),
      })
      .strict(),
    returns<Case>,
    'Create an open case.',
  ),
  'case.update': method(
    z
      .object({
        id: caseId,
        title: caseFields.title.optional(),
        reference: caseFields.reference.optional(),
        investigator: caseFields.investigator.optional(),
        description: caseFields.description.optional(),
        status: caseFields.status.optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change: give at least one field besides id' }),
    returns<Case>,
    'Change some fields of a case.',
  ),
  'case.delete': method(z.object({ id: caseId }).strict(), returns<{ id: number }>, 'Delete a case.'),
  'address.check': method(
    z.object({ addresses: z.array(z.string().max(400)).min(1).max(100_000) }).strict(),
    returns<AddressCheckResult[]>,
    'Validate and normalise CHAIN:ADDRESS strings; never touches the workspace.',
  ),
  'address.show': method(
    z.object({ address: z.string().min(1).max(400) }).strict(),
    returns<AddressDetails>,
    'What the workspace knows of one CHAIN:ADDRESS: tags with source and confidence, entities, transfer counts.',
  ),
  'address.list': method(
    z
      .object({
        query: z.string().max(LIMITS.query).optional(),
        chain: z.string().max(12).optional(),
        ...pageFields,
      })
      .strict(),
    returns<Page<AddressRow>>,
    'Addresses of the workspace, tagged ones first; query matches the address, a tag label or an actor.',
  ),
  'entity.list': method(
    z
      .object({
        query: z.string().max(LIMITS.query).optional(),
        kind: z.enum(['actor', 'victim', 'service', 'unknown']).optional(),
        jurisdiction: z.string().length(2).optional(),
        ...pageFields,
      })
      .strict(),
    returns<Page<EntityRow>>,
    'Actors, victims and services; query matches the label, key or an alias.',
  ),
  'import.formats': method(z.object({}).strict(), returns<ImportFormat[]>, 'The formats the importer reads.'),
  'case.addresses': method(
    z.object({ id: caseId, ...pageFields }).strict(),
    returns<Page<AddressRow>>,
    'The addresses in a case, in the order they were added, with their best tag.',
  ),
} as const;

/**
 * Long work: runs in the engine, reports progress, can be cancelled, and ends with a result. A job's input is
 * validated like a call's.
 */
function job<I extends z.ZodType, P, O>(input: I, progress: () => P, output: () => O, summary: string) {
  return { input, progress, output, summary };
}

export const jobs = {
  'import.files': job(
    z
      .object({
        files: z.array(z.string().min(1).max(4096)).min(1).max(1000),
        format: z.string().max(40).optional(),
        /** The case that imported addresses go into (address lists). */
        caseId: caseId.optional(),
      })
      .strict(),
    returns<ImportProgress>,
    returns<ImportBatchReport>,
    'Import files, each in one transaction; the report lists every refused record with its file and line.',
  ),
  'import.text': job(
    z
      .object({
        /** Pasted text: an address list, a TagPack, a CSV… */
        text: z
          .string()
          .min(1)
          .max(10 * 1024 * 1024),
        /** What the report calls it, e.g. "pasted addresses.txt"; its extension helps detection. */
        name: z.string().min(1).max(200),
        format: z.string().max(40).optional(),
        caseId: caseId.optional(),
      })
      .strict(),
    returns<ImportProgress>,
    returns<ImportBatchReport>,
    'Import pasted text exactly as a file of that name would be imported.',
  ),
  'export.tagpack': job(
    z
      .object({
        /** The file to write; it appears only once complete. */
        out: z.string().min(1).max(4096),
        /** Only the tags on this case's addresses; all tags when absent. */
        caseId: caseId.optional(),
        title: z.string().trim().min(1).max(200).default('Ariadne tags'),
        creator: z.string().trim().min(1).max(200).default('Ariadne'),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    returns<null>,
    returns<{ file: string; tags: number; sha256: string }>,
    'Write tags as a GraphSense TagPack that imports back with nothing lost.',
  ),
  'trace.run': job(
    z
      .object({
        /** CHAIN:ADDRESS, optionally @ISO-TIME: the coins that reach it from then on are tainted. */
        seeds: z.array(z.string().min(1).max(300)).max(1000).optional(),
        /** CHAIN:TXHASH: the theft transaction's transfers are tainted. */
        txs: z.array(z.string().min(1).max(200)).max(1000).optional(),
        direction: z.enum(['forward', 'backward']),
        method: z.enum(['poison', 'haircut', 'fifo']),
        hops: z.number().int().min(0).max(100),
        /** Base units: taint below it is not followed. */
        minAmount: z
          .string()
          .regex(/^\d{1,80}$/, 'must be a whole number of base units')
          .optional(),
        /** Entity kinds or categories that stop the trace, e.g. exchange, service. */
        stopAt: z.array(z.string().min(1).max(60)).max(50).optional(),
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
      })
      .strict(),
    returns<null>,
    returns<TraceReport>,
    'Trace taint from seeds through the workspace transfers (account chains), with the method and parameters given.',
  ),
} as const;

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<J extends JobName> = z.input<Jobs[J]['input']>;
export type ParsedJobInput<J extends JobName> = z.output<Jobs[J]['input']>;
export type JobProgress<J extends JobName> = ReturnType<Jobs[J]['progress']>;
export type JobOutput<J extends JobName> = ReturnType<Jobs[J]['output']>;

/** What a running job tells its caller, in order: progress any number of times, then done or failed. */
export type JobEvent<J extends JobName = JobName> =
  | { type: 'progress'; progress: JobProgress<J> }
  | { type: 'done'; result: JobOutput<J> }
  | { type: 'failed'; error: ApiErrorShape };

export function isJob(name: unknown): name is JobName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(jobs, name);
}

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller may send (before defaults and trimming). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = ReturnType<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'forbidden',
  'workspace',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** The envelope every transport carries, so errors survive IPC and HTTP with their code intact. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** A client with one async function per method, typed by the contract. */
export type Client = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };

export interface JobRunOptions<J extends JobName> {
  onProgress?: (progress: JobProgress<J>) => void;
  /** Aborting cancels the job; the workspace is left as it was before it. */
  signal?: AbortSignal;
}

/** Long work, typed by the contract: resolves with the job's result, rejects with its error. */
export type JobClient = {
  [J in JobName]: (input: JobInput<J>, options?: JobRunOptions<J>) => Promise<JobOutput<J>>;
};

/** Commands of Electron's application menu, sent to the renderer (which owns what they mean). */
export const MENU_COMMANDS = [
  'new-case',
  'import',
  'add-addresses',
  'show-cases',
  'show-addresses',
  'show-entities',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
