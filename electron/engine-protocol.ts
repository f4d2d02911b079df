/**
 * What Electron main and the engine's utilityProcess say to each other: the command line that starts the
 * engine and the messages on its parent port. Both sides parse what they receive with zod; this module is
 * free of Electron so both sides and the tests share it.
 */
import { z } from 'zod';
import { ERROR_CODES, type Envelope } from '../db/api/contract';
import type { Engine } from '../db/api/engine';
import type { MigrationReport } from '../db/open';

/**
 * The engine is started with `--ariadne-workspace=<file>` and, when Electron's ABI needs another
 * better-sqlite3 binary than Node's, `--ariadne-native-binding=<file.node>`. Arguments rather than
 * environment variables: utilityProcess.fork's `env` replaces the whole environment, and prefixed flags
 * cannot collide with anything Electron or Node put on the command line.
 */
const WORKSPACE_FLAG = '--ariadne-workspace=';
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
  /** Close the database (checkpointing the WAL) and exit. */
  z.object({ type: z.literal('stop') }).strict(),
]);
export type EngineRequest = z.infer<typeof EngineRequest>;

/** Typed against the contract's Envelope so the wire format and the contract cannot drift apart. */
const EnvelopeSchema: z.ZodType<Envelope<unknown>> = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

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
]);
export type EngineMessage = z.infer<typeof EngineMessage>;

/**
 * The engine's answer to one message from main: a reply to a call (dispatch never throws), 'stop', or null
 * when the message is not one of ours.
 */
export function respond(
  engine: Pick<Engine, 'dispatch'>,
  data: unknown,
): Extract<EngineMessage, { type: 'reply' }> | 'stop' | null {
  const parsed = EngineRequest.safeParse(data);
  if (!parsed.success) return null;
  const request = parsed.data;
  if (request.type === 'stop') return 'stop';
  return { type: 'reply', id: request.id, envelope: engine.dispatch(request.method, request.input) };
}
