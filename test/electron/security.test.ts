import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  webPreferences,
  withCspHeader,
  type HardenableContents,
  type HardenableSession,
} from '../../electron/security';

const APP_URL = pathToFileURL('/opt/Ariadne/resources/app.asar/dist/renderer/index.html').href;

describe('webPreferences', () => {
  const prefs = webPreferences('/opt/Ariadne/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer with no Node.js anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/opt/Ariadne/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and experiments, webviews and the spellchecker off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });
});

describe('Content-Security-Policy', () => {
  const directives = (policy: string) => policy.split(';').map((d) => d.trim());

  it('allows scripts only from the app itself', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("script-src 'self'");
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("default-src 'self'");
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("object-src 'none'");
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("connect-src 'self'");
  });

  it('lets the graph start its layout worker from the app’s own files only', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("worker-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/worker-src[^;]*(blob:|data:)/);
  });

  it('never allows inline or eval’d code, or any remote origin', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META]) {
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
      expect(policy).not.toMatch(/https?:|wss?:|\*/);
    }
  });

  it('puts frame-ancestors only in the header form', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'))).toEqual(
      directives(CONTENT_SECURITY_POLICY_META),
    );
  });

  it('is the policy the renderer page declares in its meta tag', () => {
    const html = fs.readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
  });

  it('replaces any CSP header on the app page, whatever its case', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app page, with any in-page route', () => {
    expect(isAllowedNavigation(APP_URL, APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_URL}#/cases/12`, APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_URL}?case=12`, APP_URL)).toBe(true);
  });

  it('refuses the web', () => {
    expect(isAllowedNavigation('https://evil.example', APP_URL)).toBe(false);
    expect(
      isAllowedNavigation('https://evil.example/opt/Ariadne/resources/app.asar/dist/renderer/index.html', APP_URL),
    ).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', APP_URL)).toBe(false);
  });

  it('refuses every other file, including look-alikes', () => {
    expect(isAllowedNavigation('file:///etc/passwd', APP_URL)).toBe(false);
    expect(
      isAllowedNavigation(pathToFileURL('/opt/Ariadne/resources/app.asar/dist/renderer/other.html').href, APP_URL),
    ).toBe(false);
    expect(isAllowedNavigation(`${APP_URL}.evil.html`, APP_URL)).toBe(false);
    expect(isAllowedNavigation(APP_URL.replace('file:///', 'file://evil-host/'), APP_URL)).toBe(false);
    expect(isAllowedNavigation(pathToFileURL('/home/user/Downloads/index.html').href, APP_URL)).toBe(false);
  });

  it('refuses other schemes and garbage', () => {
    expect(isAllowedNavigation('javascript:alert(1)', APP_URL)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>alert(1)</script>', APP_URL)).toBe(false);
    expect(isAllowedNavigation('not a url', APP_URL)).toBe(false);
    expect(isAllowedNavigation('', APP_URL)).toBe(false);
  });

  it('sees through dot segments and drive-letter case rather than comparing strings', () => {
    const dotted = pathToFileURL('/opt/Ariadne/resources/app.asar/dist/renderer/index.html').href.replace(
      '/renderer/',
      '/x/../renderer/',
    );
    expect(isAllowedNavigation(dotted, APP_URL)).toBe(true);
    expect(
      isAllowedNavigation('file:///C:/Ariadne/dist/renderer/index.html', 'file:///c:/Ariadne/dist/renderer/index.html'),
    ).toBe(true);
    expect(
      isAllowedNavigation('file:///D:/Ariadne/dist/renderer/index.html', 'file:///c:/Ariadne/dist/renderer/index.html'),
    ).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame showing the app page', () => {
    expect(isTrustedSender({ url: APP_URL, parent: null }, APP_URL)).toBe(true);
    expect(isTrustedSender({ url: `${APP_URL}#/cases`, parent: null }, APP_URL)).toBe(true);
  });

  it('refuses subframes, other pages and senders that are gone', () => {
    expect(isTrustedSender({ url: APP_URL, parent: {} }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_URL)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows the app folder, inline images and DevTools', () => {
    expect(isAllowedRequest(APP_URL, APP_URL)).toBe(true);
    expect(isAllowedRequest(new URL('assets/index-abc123.js', APP_URL).href, APP_URL)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', APP_URL)).toBe(true);
    expect(isAllowedRequest('blob:file:///0b6a2c1e-5d1f-4a7e-9a63-1f0e7f7c1d2a', APP_URL)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', APP_URL)).toBe(true);
  });

  it('refuses every network request', () => {
    for (const url of [
      'https://evil.example/x.js',
      'http://127.0.0.1:8080/',
      'wss://evil.example/',
      'ftp://evil.example/',
    ]) {
      expect(isAllowedRequest(url, APP_URL)).toBe(false);
    }
  });

  it('refuses files outside the app folder, however the path is spelled', () => {
    expect(isAllowedRequest('file:///etc/passwd', APP_URL)).toBe(false);
    expect(isAllowedRequest(new URL('../../secret.txt', APP_URL).href, APP_URL)).toBe(false);
    expect(isAllowedRequest(APP_URL.replace('/renderer/index.html', '/renderer-evil/x.js'), APP_URL)).toBe(false);
    expect(isAllowedRequest(APP_URL.replace('/index.html', '/..%2F..%2Fsecret.txt'), APP_URL)).toBe(false);
    expect(isAllowedRequest(APP_URL.replace('/index.html', '/%2e%2e/%2e%2e/secret.txt'), APP_URL)).toBe(false);
    expect(isAllowedRequest(APP_URL.replace('file:///', 'file://evil-host/'), APP_URL)).toBe(false);
    expect(isAllowedRequest('not a url', APP_URL)).toBe(false);
  });
});

describe('window and permission handlers', () => {
  it('denies every window.open', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fileSystem',
    ] as const) {
      const callback = vi.fn();
      denyPermissionRequest(undefined as never, permission, callback, undefined as never);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    for (const permission of ['media', 'hid', 'serial', 'usb', 'notifications', 'clipboard-read'] as const) {
      expect(denyPermissionCheck(null, permission, 'file://', undefined as never)).toBe(false);
    }
  });
});

type NavigationEvent = { url: string; preventDefault: () => void };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: (() => WindowOpenHandlerResponse) | undefined;
  const contents: HardenableContents = {
    on: (event: string, listener: (event: NavigationEvent) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const navigate = (event: 'will-frame-navigate' | 'will-redirect', url: string) => {
    const e: NavigationEvent = { url, preventDefault: vi.fn() };
    emitter.emit(event, e);
    return e.preventDefault;
  };
  return { contents, emitter, navigate, openWindow: () => openHandler?.() };
}

describe('hardenWebContents', () => {
  it('stops navigation and redirects away from the app page', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, APP_URL);
    for (const event of ['will-frame-navigate', 'will-redirect'] as const) {
      expect(fake.navigate(event, 'https://evil.example/')).toHaveBeenCalled();
      expect(fake.navigate(event, 'file:///etc/passwd')).toHaveBeenCalled();
      expect(fake.navigate(event, `${APP_URL}#/cases`)).not.toHaveBeenCalled();
    }
  });

  it('denies new windows and refuses webviews', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, APP_URL);
    expect(fake.openWindow()).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    fake.emitter.emit('will-attach-webview', { preventDefault }, {}, { src: APP_URL });
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function harden() {
    const installed: {
      request?: typeof denyPermissionRequest;
      check?: typeof denyPermissionCheck;
      beforeRequest?: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0];
      headers?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
    } = {};
    const session: HardenableSession = {
      setPermissionRequestHandler: (handler) => (installed.request = handler),
      setPermissionCheckHandler: (handler) => (installed.check = handler),
      webRequest: {
        onBeforeRequest: (listener) => (installed.beforeRequest = listener),
        onHeadersReceived: (listener) => (installed.headers = listener),
      },
    };
    hardenSession(session, APP_URL);
    return installed;
  }

  it('installs the deny-all permission handlers', () => {
    const installed = harden();
    expect(installed.request).toBe(denyPermissionRequest);
    expect(installed.check).toBe(denyPermissionCheck);
  });

  it('cancels requests that would leave the app folder', () => {
    const { beforeRequest } = harden();
    const answer = (url: string) => {
      const callback = vi.fn();
      beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('https://evil.example/beacon')).toEqual({ cancel: true });
    expect(answer('file:///etc/passwd')).toEqual({ cancel: true });
    expect(answer(new URL('assets/app.js', APP_URL).href)).toEqual({ cancel: false });
  });

  it('adds the CSP header to the app page only', () => {
    const { headers } = harden();
    const answer = (url: string, resourceType: string) => {
      const callback = vi.fn();
      headers?.({ url, resourceType, responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(answer(APP_URL, 'mainFrame')).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(answer(new URL('assets/app.js', APP_URL).href, 'script')).toEqual({});
  });
});
