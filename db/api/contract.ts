/**
 * The one API contract. Every method that crosses a process boundary is listed here with a zod schema for
 * its input and a type for its output; Electron IPC, the headless host, the CLI and the renderer's client are
 * all derived from it. This file must stay free of Node imports: the renderer type-checks against it.
 */
import { z } from 'zod';

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

export const LIMITS = { title: 200, reference: 100, investigator: 200, description: 20_000, query: 200 } as const;

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
} as const;

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
