import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, Method } from '../../db/api/contract';
import { CALL_CHANNEL, registerIpc, validateCall } from '../../electron/ipc';

const APP_URL = pathToFileURL('/opt/Ariadne/dist/renderer/index.html').href;
const TOP = { url: APP_URL, parent: null };

describe('validateCall', () => {
  it('passes a good call from the app window', () => {
    expect(validateCall(TOP, APP_URL, 'case.create', { title: 'Coincheck 2018' })).toEqual({
      ok: true,
      method: 'case.create',
    });
    expect(validateCall(TOP, APP_URL, 'case.list', undefined)).toEqual({ ok: true, method: 'case.list' });
  });

  it('refuses untrusted senders before looking at the call', () => {
    for (const frame of [null, { url: APP_URL, parent: {} }, { url: 'https://evil.example/', parent: null }]) {
      const check = validateCall(frame, APP_URL, 'case.list', {});
      expect(check.ok).toBe(false);
      if (!check.ok)
        expect(check.error).toMatchObject({
          code: 'forbidden',
          message: expect.stringMatching(/only the Ariadne window/),
        });
    }
  });

  it('refuses a sender whose frame is gone (reading it throws)', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(validateCall(disposed, APP_URL, 'case.list', {}).ok).toBe(false);
  });

  it('refuses unknown methods with unknown_method', () => {
    for (const method of ['case.drop', '__proto__', 42, undefined, { toString: () => 'case.list' }]) {
      const check = validateCall(TOP, APP_URL, method, {});
      expect(check).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('refuses bad payloads with invalid_input, naming the field', () => {
    expect(validateCall(TOP, APP_URL, 'case.create', { title: '' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'case.create: title: must not be empty' },
    });
    expect(validateCall(TOP, APP_URL, 'case.get', { id: '1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(validateCall(TOP, APP_URL, 'case.create', { title: 'ok', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('registerIpc', () => {
  function setup() {
    let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) | undefined;
    const ipc = {
      handle: vi.fn((channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
        expect(channel).toBe(CALL_CHANNEL);
        handler = listener;
      }),
    };
    const answer: Envelope<unknown> = { ok: true, result: { id: 1 } };
    const engine = { call: vi.fn((_method: Method, _input: unknown) => Promise.resolve(answer)) };
    registerIpc(ipc, engine, APP_URL);
    const invoke = (frame: unknown, method: unknown, input: unknown) =>
      handler?.({ senderFrame: frame } as IpcMainInvokeEvent, method, input) as Promise<Envelope<unknown>>;
    return { engine, invoke, answer };
  }

  it('forwards a good call to the engine with the payload as sent', async () => {
    const { engine, invoke, answer } = setup();
    await expect(invoke(TOP, 'case.create', { title: '  Zaif  ' })).resolves.toBe(answer);
    expect(engine.call).toHaveBeenCalledExactlyOnceWith('case.create', { title: '  Zaif  ' });
  });

  it('answers refusals itself: the engine never sees them', async () => {
    const { engine, invoke } = setup();
    await expect(invoke({ url: 'https://evil.example/', parent: null }, 'case.list', {})).resolves.toMatchObject({
      ok: false,
    });
    await expect(invoke(TOP, 'case.drop', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(invoke(TOP, 'case.create', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(engine.call).not.toHaveBeenCalled();
  });
});
