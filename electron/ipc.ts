/**
 * The one IPC channel between the renderer and main. Main is the boundary: it checks who is calling and
 * parses the payload against the contract before the engine sees anything, and always answers with an
 * envelope so errors reach the renderer with their code. ipcMain is passed in, so this loads without Electron.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope, Method } from '../db/api/contract';
import { assertMethod, parseInput } from '../db/api/engine';
import { toErrorShape } from '../db/api/errors';
import type { EngineHost } from './engine-host';
import { isTrustedSender, type SenderFrame } from './security';

/** preload.ts invokes the same literal (checked by tsc). */
export const CALL_CHANNEL = 'ariadne:call';

type Refusal = Extract<Envelope<never>, { ok: false }>;

function safelyTrusted(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  try {
    return isTrustedSender(frame, appUrl);
  } catch {
    // Reading a WebFrameMain whose frame was disposed throws; such a sender is gone, so not trusted.
    return false;
  }
}

/**
 * Everything main checks before forwarding a call: the sender (Electron security checklist #17), the method
 * name, and the payload against the method's zod schema.
 */
export function validateCall(
  frame: SenderFrame | null | undefined,
  appUrl: string,
  method: unknown,
  input: unknown,
): { ok: true; method: Method } | Refusal {
  if (!safelyTrusted(frame, appUrl)) {
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Refused: only the Ariadne window may call the Ariadne API.' },
    };
  }
  try {
    const checked = assertMethod(method);
    parseInput(checked, input);
    return { ok: true, method: checked };
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
