/**
 * The call channel between the renderer and main, and the checks every channel shares. Main is the
 * boundary: it checks who is calling and parses the payload against the contract before the engine sees
 * anything, and always answers with an envelope so errors reach the renderer with their code. ipcMain is
 * passed in, so this loads without Electron. Jobs have their own channels (ipc-jobs.ts).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope, JobName, Method } from '../db/api/contract';
import { assertJob, assertMethod, parseInput, parseJobInput } from '../db/api/engine';
import { toErrorShape } from '../db/api/errors';
import type { EngineHost } from './engine-host';
import { isTrustedSender, type SenderFrame } from './security';

/** preload.ts invokes the same literal (checked by tsc). */
export const CALL_CHANNEL = 'ariadne:call';

export type Refusal = Extract<Envelope<never>, { ok: false }>;

function safelyTrusted(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  try {
    return isTrustedSender(frame, appUrl);
  } catch {
    // Reading a WebFrameMain whose frame was disposed throws; such a sender is gone, so not trusted.
    return false;
  }
}

/** Electron security checklist #17: null when the sender is the app's own top frame, else the refusal. */
export function refuseUntrusted(frame: SenderFrame | null | undefined, appUrl: string): Refusal | null {
  if (safelyTrusted(frame, appUrl)) return null;
  return {
    ok: false,
    error: { code: 'forbidden', message: 'Refused: only the Ariadne window may call the Ariadne API.' },
  };
}

/**
 * Everything main checks before forwarding a call: the sender, the method name, and the payload against the
 * method's zod schema.
 */
export function validateCall(
  frame: SenderFrame | null | undefined,
  appUrl: string,
  method: unknown,
  input: unknown,
): { ok: true; method: Method } | Refusal {
  const untrusted = refuseUntrusted(frame, appUrl);
  if (untrusted) return untrusted;
  try {
    const checked = assertMethod(method);
    parseInput(checked, input);
    return { ok: true, method: checked };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

/** The same checks for a job: the sender, the job name, and the input against the job's zod schema. */
export function validateJob(
  frame: SenderFrame | null | undefined,
  appUrl: string,
  name: unknown,
  input: unknown,
): { ok: true; name: JobName } | Refusal {
  const untrusted = refuseUntrusted(frame, appUrl);
  if (untrusted) return untrusted;
  try {
    const checked = assertJob(name);
    parseJobInput(checked, input);
    return { ok: true, name: checked };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, engine: Pick<EngineHost, 'call'>, appUrl: string): void {
  ipc.handle(
    CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
      const check = validateCall(event.senderFrame, appUrl, method, input);
      if (!check.ok) return check;
      return engine.call(check.method, input);
    },
  );
}
