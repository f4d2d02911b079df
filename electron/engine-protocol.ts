/**
 * What Electron main and the engine's utilityProcess say to each other: the command line that starts the
 * engine and the messages on its parent port. Both sides parse what they receive with zod; this module is
 * free of Electron so both sides and the tests share it.
 */
import { z } from 'zod';
import {
  ERROR_CODES,
  type Envelope,
  type JobEvent,
  type JobName,
  type JobOutput,
  type JobProgress,
} from '../db/api/contract';
import type { MigrationReport } from '../db/open';

/**
 * The engine is started with `--ariadne-workspace=<file>` and, when Electron's ABI needs another
 * better-sqlite3 binary than Node's, `--ariadne-native-binding=<file.node>`. Arguments rather than
 * environment variables: utilityProcess.fork's `env` replaces the whole environment, and prefixed flags
 * cannot collide with anything Electron or Node put on the command line.
 */
const WORKSPACE_FLAG = '--ariadne-workspace=';

/** The largest report document the engine may ask main to print. */
export const MAX_PRINT_HTML = 64 * 1024 * 1024;
const NATIVE_BINDING_FLAG = '--ariadne-native-binding=';

export interface EngineArgs {
  workspace: string;
  nativeBinding?: string;
}

export function engineArgs({ workspace, nativeBinding }: EngineArgs): string[] {
  const args = [WORKSPACE_FLAG + workspace];
  if (nativeBinding !== undefined) args.push(NATIVE_BINDING_FLAG + nativeBinding);
  return args;
}

/** Reads the flags wherever they sit in argv (Electron puts its own entries before them). */
export function parseEngineArgs(argv: readonly string[]): EngineArgs {
  const valueOf = (flag: string) => argv.find((arg) => arg.startsWith(flag))?.slice(flag.length);
  const workspace = valueOf(WORKSPACE_FLAG);
  if (!workspace) throw new Error(`The engine was started without ${WORKSPACE_FLAG}<file>`);
  const nativeBinding = valueOf(NATIVE_BINDING_FLAG);
  return nativeBinding ? { workspace, nativeBinding } : { workspace };
}

/** main → engine. */
export const EngineRequest = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('call'), id: z.number().int().nonnegative(), method: z.unknown(), input: z.unknown() })
    .strict(),
  /** Start a job under an id main chose; the engine checks name and input again, as it does for calls. */
  z.object({ type: z.literal('job'), id: z.string().min(1).max(100), name: z.unknown(), input: z.unknown() }).strict(),
  /** Cancel a job; an id that is unknown or already finished is ignored (the cancel crossed its end). */
  z.object({ type: z.literal('cancel'), id: z.string().min(1).max(100) }).strict(),
  /** Cancel every job, close the database (checkpointing the WAL) and exit. */
  z.object({ type: z.literal('stop') }).strict(),
  /** The answer to a 'print' message: the PDF, or why it could not be printed. */
  z
    .object({
      type: z.literal('printed'),
      id: z.number().int().nonnegative(),
      outcome: z.union([
        z.object({ ok: z.literal(true), pdf: z.instanceof(Uint8Array) }).strict(),
        z.object({ ok: z.literal(false), error: z.string().max(2000) }).strict(),
      ]),
    })
    .strict(),
]);
export type EngineRequest = z.infer<typeof EngineRequest>;

const ErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

/** Typed against the contract's Envelope so the wire format and the contract cannot drift apart. */
const EnvelopeSchema: z.ZodType<Envelope<unknown>> = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorSchema }),
]);

/** Progress and results come from our own engine and are passed through as they are; only the frame is checked. */
const payload = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

const JobEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: payload<JobProgress<JobName>>() }),
  z.object({ type: z.literal('done'), result: payload<JobOutput<JobName>>() }),
  z.object({ type: z.literal('failed'), error: ErrorSchema }),
]);

/** Fails tsc when the contract's JobEvent gains, loses or changes a case that the schema above does not. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const jobEventMatchesContract: Same<z.infer<typeof JobEventSchema>, JobEvent> = true;
void jobEventMatchesContract;

const MigrationSchema: z.ZodType<MigrationReport> = z.object({
  from: z.number(),
  to: z.number(),
  backup: z.string().nullable(),
});

/** engine → main. */
export const EngineMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), migration: MigrationSchema }),
  /** The workspace could not be opened; the text is for the user (e.g. "written by a newer version"). */
  z.object({ type: z.literal('startup-error'), message: z.string() }),
  z.object({ type: z.literal('reply'), id: z.number(), envelope: EnvelopeSchema }),
  /** Every event of a job, in order: progress any number of times, then one done or failed. */
  z.object({ type: z.literal('job-event'), id: z.string(), event: JobEventSchema }),
  /** A report export asks main to print its HTML with Electron's Chromium (electron/print.ts). */
  z.object({
    type: z.literal('print'),
    id: z.number().int().nonnegative(),
    html: z.string().max(MAX_PRINT_HTML),
    options: z.object({ header: z.string().max(1000), title: z.string().max(1000), footer: z.string().max(1000) }),
  }),
]);
export type EngineMessage = z.infer<typeof EngineMessage>;
