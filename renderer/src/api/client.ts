/**
 * The renderer's API client. It imports only *types* from the contract; the transport is either the preload
 * bridge (Electron) or HTTP to the headless host with the per-launch token.
 */
import type { Envelope } from '../../../db/api/contract';
import type { Transport } from './typed-client';

export { ClientError, createClient, type Transport } from './typed-client';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge. */
    ariadne?: {
      call(method: string, input: unknown): Promise<Envelope<unknown>>;
      /** Application-menu commands; returns the unsubscribe function. */
      onMenu(cb: (command: 'new-case') => void): () => void;
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
