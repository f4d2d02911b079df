/**
 * The renderer's API client. It imports only *types* from the contract; the transport is either the preload
 * bridge (Electron) or HTTP to the headless host with the per-launch token.
 */
import type { Envelope, JobEvent, MenuCommand } from '../../../db/api/contract';
import type { JobTransport, Transport } from './typed-client';

import { ClientError } from './typed-client';

export { ClientError, createClient, createJobClient, type JobTransport, type Transport } from './typed-client';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge. */
    ariadne?: {
      call(method: string, input: unknown): Promise<Envelope<unknown>>;
      /** Application-menu commands; returns the unsubscribe function. */
      onMenu(cb: (command: MenuCommand) => void): () => void;
      /** Starts a job; its events arrive through onJobEvent under the returned id. */
      startJob(name: string, input: unknown): Promise<Envelope<{ jobId: string }>>;
      cancelJob(jobId: string): Promise<void>;
      onJobEvent(cb: (jobId: string, event: JobEvent) => void): () => void;
      /** The path of a file the user picked or dropped (Electron's webUtils.getPathForFile). */
      pathForFile(file: File): string;
    };
  }
}

const TOKEN_KEY = 'ariadne.token';

/** Takes the token from `#token=…` once, keeps it for this tab, and removes it from the address bar. */
export function readToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string | null): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'The Ariadne host is not reachable. Is it still running?' },
      };
    }
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `The Ariadne host answered ${response.status} without a result` },
      };
    }
  };
}

export function defaultTransport(): Transport {
  const bridge = window.ariadne;
  if (bridge) return (method, input) => bridge.call(method, input);
  return httpTransport(readToken());
}

const CANCELLED: Envelope<never> = {
  ok: false,
  error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' },
};

/** Reads the host's newline-delimited JSON events until done or failed. */
export function httpJobTransport(token: string | null): JobTransport {
  return async (name, input, { onProgress, signal }) => {
    let response: Response;
    try {
      response = await fetch(`/api/jobs/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
        signal,
      });
    } catch {
      if (signal?.aborted) return CANCELLED;
      return {
        ok: false,
        error: { code: 'internal', message: 'The Ariadne host is not reachable. Is it still running?' },
      };
    }
    if (!response.ok || !response.body) {
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The Ariadne host answered ${response.status}` } };
      }
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) !== -1) {
          const event = JSON.parse(buffered.slice(0, newline)) as JobEvent;
          buffered = buffered.slice(newline + 1);
          if (event.type === 'progress') onProgress?.(event.progress);
          else if (event.type === 'done') return { ok: true, result: event.result };
          else return { ok: false, error: event.error };
        }
      }
    } catch {
      if (signal?.aborted) return CANCELLED;
      return { ok: false, error: { code: 'internal', message: 'The connection to the Ariadne host broke off.' } };
    }
    return signal?.aborted
      ? CANCELLED
      : { ok: false, error: { code: 'internal', message: 'The job ended without a result.' } };
  };
}

/** Jobs through the preload bridge: events for all jobs arrive on one listener and are sorted by id. */
export function bridgeJobTransport(bridge: NonNullable<Window['ariadne']>): JobTransport {
  const listeners = new Map<string, (event: JobEvent) => void>();
  const early = new Map<string, JobEvent[]>();
  bridge.onJobEvent((jobId, event) => {
    const listener = listeners.get(jobId);
    if (listener) listener(event);
    // An event can overtake the reply that names its job; keep it until the job's listener exists.
    else early.set(jobId, [...(early.get(jobId) ?? []), event]);
  });
  return async (name, input, { onProgress, signal }) => {
    const started = await bridge.startJob(name, input);
    if (!started.ok) return started;
    const { jobId } = started.result;
    return new Promise((resolve) => {
      const onAbort = () => void bridge.cancelJob(jobId);
      signal?.addEventListener('abort', onAbort, { once: true });
      const listener = (event: JobEvent) => {
        if (event.type === 'progress') return onProgress?.(event.progress);
        listeners.delete(jobId);
        signal?.removeEventListener('abort', onAbort);
        resolve(event.type === 'done' ? { ok: true, result: event.result } : { ok: false, error: event.error });
      };
      listeners.set(jobId, listener);
      for (const event of early.get(jobId) ?? []) listener(event);
      early.delete(jobId);
      if (signal?.aborted) onAbort();
    });
  };
}

export function defaultJobTransport(): JobTransport {
  const bridge = window.ariadne;
  return bridge ? bridgeJobTransport(bridge) : httpJobTransport(readToken());
}

/**
 * What import.files needs for a file the user picked or dropped: its path. Electron knows it; a browser only
 * has the bytes, which go to the headless host first.
 */
export async function importablePath(file: File): Promise<string> {
  const bridge = window.ariadne;
  if (bridge) {
    const path = bridge.pathForFile(file);
    // Electron has no path for a file that is not on disk (e.g. dragged out of an archive viewer).
    if (path === '') throw new ClientError({ code: 'invalid_input', message: `${file.name} is not a file on disk` });
    return path;
  }
  let response: Response;
  try {
    response = await fetch(`/api/uploads?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${readToken() ?? ''}` },
      body: file,
    });
  } catch {
    throw new ClientError({ code: 'internal', message: 'The Ariadne host is not reachable. Is it still running?' });
  }
  const envelope = (await response.json()) as Envelope<{ path: string }>;
  if (!envelope.ok) throw new ClientError(envelope.error);
  return envelope.result.path;
}
