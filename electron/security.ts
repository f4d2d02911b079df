/**
 * Every security rule of the Electron hosts, as plain functions and values so they are unit-tested without
 * Electron. Numbers refer to the checklist in Electron's security tutorial
 * (https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations).
 * Electron is imported for types only: this module must load under plain Node.
 */
import type { Session, WebPreferences, WindowOpenHandlerResponse } from 'electron';

/**
 * Electron security checklist #7: a restrictive Content-Security-Policy with `script-src 'self'`.
 * The app is fully offline: nothing may be fetched, framed or posted anywhere but its own files.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The graph's layout worker is a file of the app's own build; no blob: or data: workers.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The policy as an HTTP header (Electron's response headers, the headless host). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The same policy for a `<meta http-equiv>` tag, which is how a file:// page gets one; browsers ignore
 * frame-ancestors there (and warn), so it is left out. */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // Electron security checklist #3: enable context isolation, so page scripts cannot reach the preload's
    // world or Electron internals.
    contextIsolation: true,
    // Electron security checklist #4: enable process sandboxing.
    sandbox: true,
    // Electron security checklist #2: no Node.js integration in any renderer, worker or subframe.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Electron security checklist #6: do not disable webSecurity (same-origin policy stays on).
    webSecurity: true,
    // Electron security checklist #8: do not enable allowRunningInsecureContent.
    allowRunningInsecureContent: false,
    // Electron security checklist #9: do not enable experimental features (and #10: enableBlinkFeatures
    // is deliberately never set).
    experimentalFeatures: false,
    // Electron security checklist #12: no <webview> at all, so there are no guest options to verify.
    webviewTag: false,
    // The spellchecker may download dictionaries from Google's CDN; the app must never touch the network.
    spellcheck: false,
  };
}

/**
 * A URL reduced to what identifies a file: query and fragment dropped, so in-page routing does not count as
 * leaving the app, and a Windows drive letter upper-cased, since Windows ignores its case and Chromium's and
 * Node's URL code need not agree on it.
 */
function comparable(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  parsed.search = '';
  parsed.hash = '';
  if (parsed.protocol === 'file:') {
    parsed.pathname = parsed.pathname.replace(/^\/([a-z]):/, (_match, drive: string) => `/${drive.toUpperCase()}:`);
  }
  return parsed;
}

/** True when `url` is the app's own page. Compared as parsed URLs, never by prefix: a prefix test lets
 * `file:///app/index.html.evil` or another host through. */
export function isAppPage(url: string, appUrl: string): boolean {
  const page = comparable(url);
  const app = comparable(appUrl);
  return page !== null && app !== null && page.href === app.href;
}

/** Electron security checklist #13: disable or limit navigation — the app has one page and never leaves it. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppPage(url, appUrl);
}

/** The parts of a WebFrameMain the sender check needs; a WebFrameMain is one. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: object | null;
}

/**
 * Electron security checklist #17: validate the sender of all IPC messages. Only the top frame showing the
 * app's own page may call the engine; subframes and anything that navigated elsewhere are refused.
 * Electron gives a null frame when the sender navigated or was destroyed since sending.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  return frame?.parent === null && isAppPage(frame.url, appUrl);
}

/** Electron security checklist #14: disable creation of new windows (and so #15: nothing is ever handed
 * to shell.openExternal). */
export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

/** Electron security checklist #5: handle permission requests — Electron grants every permission unless a
 * handler says otherwise, and the app needs none (camera, notifications, geolocation, …). */
export const denyPermissionRequest: PermissionRequestHandler = (_webContents, _permission, callback) => {
  callback(false);
};

/** Electron security checklist #5, for the synchronous checks (e.g. navigator.permissions.query, HID, serial). */
export const denyPermissionCheck: PermissionCheckHandler = () => false;

/** Schemes that never leave the machine: inline images and DevTools in development. */
const INLINE_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Electron security checklist #1 (only load secure content), at its strictest: an offline app loads no
 * remote content at all, and of the local disk only the folder its page ships in — so neither a missing CSP
 * nor an injected `<img src="file:///…">` can reach anything else.
 */
export function isAllowedRequest(url: string, appUrl: string): boolean {
  const target = comparable(url);
  if (target === null) return false;
  if (INLINE_SCHEMES.has(target.protocol)) return true;
  const app = comparable(appUrl);
  if (target.protocol !== 'file:' || app?.protocol !== 'file:') return false;
  // An escaped separator survives URL normalisation and would be decoded by the file loader.
  if (/%2f|%5c/i.test(target.pathname)) return false;
  const folder = new URL('.', app);
  return target.host === folder.host && target.pathname.startsWith(folder.pathname);
}

/** Electron security checklist #7: the app page's response gets the CSP as a header, replacing any other. */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** The events and setter hardenWebContents uses; a WebContents is one. */
export interface HardenableContents {
  on(event: 'will-frame-navigate', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-redirect', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => WindowOpenHandlerResponse): void;
}

/**
 * Applies the per-page rules to a webContents. Meant for app 'web-contents-created', so no webContents,
 * however it came to exist, is left without them.
 */
export function hardenWebContents(contents: HardenableContents, appUrl: string): void {
  const refuseUnlessAllowed = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url, appUrl)) event.preventDefault();
  };
  // Electron security checklist #13: 'will-frame-navigate' covers the main frame (what 'will-navigate'
  // sees) and every subframe; server redirects are a navigation too.
  contents.on('will-frame-navigate', refuseUnlessAllowed);
  contents.on('will-redirect', refuseUnlessAllowed);
  // Electron security checklist #14.
  contents.setWindowOpenHandler(denyWindowOpen);
  // Electron security checklist #12: refuse any <webview>, even if webviewTag were switched on by mistake.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The session setters hardenSession uses; a Session is one. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/** Applies the per-session rules (permissions, network, CSP header). */
export function hardenSession(session: HardenableSession, appUrl: string): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appUrl) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType === 'mainFrame' && isAppPage(details.url, appUrl)) {
      callback({ responseHeaders: withCspHeader(details.responseHeaders) });
    } else {
      callback({});
    }
  });
}
