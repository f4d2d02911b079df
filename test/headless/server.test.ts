import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { openDb } from '../../db/open';
import { MAX_BODY_BYTES, startHeadlessHost, type HeadlessHost } from '../../electron/headless/server';
import { graphsense } from '../helpers/shared-data';
import { tempDir } from '../helpers/workspace';

let host: HeadlessHost | null = null;

afterEach(async () => {
  await host?.close();
  host = null;
});

async function start() {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ariadne</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'not for the browser');
  const { db } = openDb(':memory:');
  host = await startHeadlessHost({ engine: createEngine(db), db, staticDir });
  return host;
}

type Json = { ok: boolean; result?: unknown; error?: { code: string; message: string } };
const json = async (res: Response) => (await res.json()) as Json;

function call(h: HeadlessHost, method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${h.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('headless host', () => {
  it('listens on 127.0.0.1 on a free port and prints a URL carrying the token', async () => {
    const h = await start();
    expect(h.port).toBeGreaterThan(0);
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/#token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const h = await start();
    const page = await fetch(`http://127.0.0.1:${h.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`http://127.0.0.1:${h.port}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('does not serve files outside the renderer folder', async () => {
    const h = await start();
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/nope.html']) {
      const res = await fetch(`http://127.0.0.1:${h.port}${p}`);
      expect(res.status, p).toBe(404);
    }
  });

  it('answers API calls with the envelope, through the contract', async () => {
    const h = await start();
    const created = await call(h, 'case.create', { title: 'Over HTTP' });
    expect(created.status).toBe(200);
    const body = await created.json();
    expect(body).toMatchObject({ ok: true, result: { id: 1, title: 'Over HTTP', status: 'open' } });
    const listed = await json(await call(h, 'case.list', {}));
    expect(listed.result).toHaveLength(1);
  });

  it('refuses a bad payload at the boundary with a clear error', async () => {
    const h = await start();
    const res = await call(h, 'case.create', { title: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'case.create: title: must not be empty' },
    });
    const notJson = await call(h, 'case.create', '{title:');
    expect(notJson.status).toBe(400);
    expect((await json(notJson)).error?.message).toBe('case.create: the request body is not valid JSON');
    const unknown = await call(h, 'case.explode', {});
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error?.code).toBe('unknown_method');
  });

  it('requires the per-launch token', async () => {
    const h = await start();
    for (const authorization of ['', 'Bearer ', 'Bearer wrong', `Basic ${h.token}`, `Bearer ${h.token}x`]) {
      const res = await call(h, 'case.list', {}, { authorization });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('refuses cross-origin calls, foreign Host headers, GET calls and oversized bodies', async () => {
    const h = await start();
    expect((await call(h, 'case.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(h, 'case.list', {}, { origin: `http://127.0.0.1:${h.port}` })).status).toBe(200);
    expect((await call(h, 'case.list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const get = await fetch(`http://127.0.0.1:${h.port}/api/case.list`, {
      headers: { authorization: `Bearer ${h.token}` },
    });
    expect(get.status).toBe(405);
    const big = await call(h, 'case.create', { title: 'x', description: 'y'.repeat(MAX_BODY_BYTES) });
    expect(big.status).toBe(413);
    // Under the limit, a payload the contract allows travels in one request, however large.
    const addresses = Array.from({ length: 30_000 }, (_, i) => `ETH:0x${i.toString(16).padStart(40, '0')}`);
    const checked = await call(h, 'address.check', { addresses });
    expect(checked.status).toBe(200);
    expect(((await checked.json()) as { result: unknown[] }).result).toHaveLength(30_000);
  });

  it('refuses a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    const h = await start();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: h.port, path: '/', headers: { host: `rebind.example:${h.port}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('headless host jobs', () => {
  async function startWithWorkspace() {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ariadne</title>');
    const file = path.join(tempDir(), 'w.db');
    const { db } = openDb(file);
    host = await startHeadlessHost({
      engine: createEngine(db, { jobConnection: () => openDb(file).db }),
      db,
      staticDir,
    });
    return { h: host, db };
  }

  function job(h: HeadlessHost, name: string, body: unknown, signal?: AbortSignal) {
    return fetch(`http://127.0.0.1:${h.port}/api/jobs/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
      body: JSON.stringify(body),
      signal,
    });
  }

  const events = async (res: Response) =>
    (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; result?: { inserted: number }; error?: { code: string } });

  it('streams a job as JSON lines ending in its result', async () => {
    const { h, db } = await startWithWorkspace();
    const res = await job(h, 'import.files', { files: [graphsense('packs', 'lazarus.yaml')] });
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const list = await events(res);
    expect(list.at(-1)).toMatchObject({ type: 'done', result: { inserted: 21 } });
    expect(list.slice(0, -1).every((e) => e.type === 'progress')).toBe(true);
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(21);
  });

  it('ends a refused job with a failed event, and requires the token', async () => {
    const { h } = await startWithWorkspace();
    expect(await events(await job(h, 'import.everything', {}))).toEqual([
      { type: 'failed', error: { code: 'unknown_method', message: 'unknown job: import.everything' } },
    ]);
    expect((await events(await job(h, 'import.files', { files: [] })))[0]).toMatchObject({
      type: 'failed',
      error: { code: 'invalid_input' },
    });
    const noToken = await fetch(`http://127.0.0.1:${h.port}/api/jobs/import.files`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
  });

  it('cancels a job when the client goes away, leaving the workspace as it was', async () => {
    const { h, db } = await startWithWorkspace();
    const big = path.join(tempDir(), 'big.yaml');
    const lines = ['title: Big', 'creator: test', 'source: https://example.org', 'currency: ETH', 'label: L', 'tags:'];
    for (let i = 0; i < 60_000; i++) lines.push(`- address: '0x${i.toString(16).padStart(40, '0')}'`);
    fs.writeFileSync(big, `${lines.join('\n')}\n`);
    const controller = new AbortController();
    const res = await job(h, 'import.files', { files: [big] }, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    // The engine sees the closed request and rolls back. Had it gone on, the next import would wait for its
    // write lock and the workspace would end with its 60,000 tags as well.
    const after = await events(await job(h, 'import.files', { files: [graphsense('packs', 'lazarus2.yaml')] }));
    expect(after.at(-1)).toMatchObject({ type: 'done', result: { inserted: 6 } });
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(6);
    expect(db.prepare('SELECT count(*) FROM import_sources').pluck().get()).toBe(1);
  });

  it('answers a write made during a job once the job lets go of the workspace, and keeps it', async () => {
    const { h, db } = await startWithWorkspace();
    const big = path.join(tempDir(), 'big.yaml');
    const lines = ['title: Big', 'creator: test', 'source: https://example.org', 'currency: ETH', 'label: L', 'tags:'];
    for (let i = 0; i < 60_000; i++) lines.push(`- address: '0x${i.toString(16).padStart(40, '0')}'`);
    fs.writeFileSync(big, `${lines.join('\n')}\n`);
    const controller = new AbortController();
    const res = await job(h, 'import.files', { files: [big] }, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    // A read is answered at once, a write waits for the job's transaction to end: here, its cancel.
    expect((await json(await call(h, 'case.list', {}))).result).toEqual([]);
    const created = call(h, 'case.create', { title: 'Made during an import' });
    controller.abort();
    expect(await json(await created)).toMatchObject({ ok: true, result: { title: 'Made during an import' } });
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0);
  });
});

describe('headless host uploads', () => {
  it('stores an uploaded file under its own name for import.files, and only with the token', async () => {
    const h = await start();
    const bytes = fs.readFileSync(graphsense('packs', 'lazarus2.yaml'));
    const res = await fetch(`http://127.0.0.1:${h.port}/api/uploads?name=${encodeURIComponent('../lazarus 2.yaml')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${h.token}` },
      body: bytes,
    });
    const body = (await res.json()) as { ok: boolean; result: { path: string; size: number } };
    expect(body.ok).toBe(true);
    expect(path.basename(body.result.path)).toBe('lazarus 2.yaml');
    expect(body.result.size).toBe(bytes.length);
    expect(fs.readFileSync(body.result.path).equals(bytes)).toBe(true);
    const imported = await json(
      await call(h, 'address.check', { addresses: ['BTC:3LU8wRu4ZnXP4UM8Yo6kkTiGHM9BubgyiG'] }),
    );
    expect(imported.ok).toBe(true);

    const refused = await fetch(`http://127.0.0.1:${h.port}/api/uploads?name=x.yaml`, { method: 'POST', body: 'x' });
    expect(refused.status).toBe(401);
    await h.close();
    host = null;
    expect(fs.existsSync(body.result.path)).toBe(false);
  });
});
