/**
 * The headless host: the same renderer and the same API as the desktop app, over HTTP on 127.0.0.1 only, for
 * browsers and end-to-end tests. Every API call needs the per-launch token; the engine runs in-process.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createCallQueue } from '../../db/api/call-queue';
import type { Engine } from '../../db/api/engine';
import { createJobRunner } from '../../db/api/job-runner';
import type { Db } from '../../db/open';
import type { ApiErrorShape, Envelope, JobEvent } from '../../db/api/contract';
import { CONTENT_SECURITY_POLICY } from '../security';

export const LOOPBACK = '127.0.0.1';
/**
 * Enough for the largest payload the contract accepts (address.check: 100,000 addresses of up to 400
 * characters; a graph.apply put of 20,000 nodes), so every call the contract allows travels in one request and
 * one transaction; the contract's own limits do the rest.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Chain-data exports run to gigabytes; beyond this a file belongs on the command line. */
const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const STATUS_BY_CODE: Record<ApiErrorShape['code'], number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  forbidden: 403,
  workspace: 500,
  cancelled: 409,
  internal: 500,
};

export interface HeadlessHostOptions {
  engine: Engine;
  /** The engine's own connection: calls stop waiting for locks while a job writes (db/api/call-queue.ts). */
  db: Db;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Fixed only in tests; otherwise 32 random bytes per launch. */
  token?: string;
}

export interface HeadlessHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function sendEnvelope(res: http.ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code];
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');
}

/** Answers with an error envelope; returns null so a reader of input can `return refuse(…)`. */
function refuse(res: http.ServerResponse, status: number, code: ApiErrorShape['code'], message: string): null {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8');
  return null;
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves null for a body over the limit; the rest is drained, not kept, so the 413 reaches the client. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: http.ServerResponse, staticDir: string, pathname: string): void {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const root = path.resolve(staticDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'Not found', 'text/plain');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    send(res, 200, data, type);
  });
}

export function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (!fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    return Promise.reject(
      new Error(
        `The renderer is not built: ${path.join(options.staticDir, 'index.html')} is missing. Run npm run build.`,
      ),
    );
  }
  let port = 0;
  // Calls are answered in order, and writes wait (without freezing the host) while a job holds the lock.
  const answers = new Map<number, http.ServerResponse>();
  let nextCall = 1;
  const calls = createCallQueue(options.engine, options.db, (id, envelope) => {
    const res = answers.get(id);
    answers.delete(id);
    if (res && !res.writableEnded) sendEnvelope(res, envelope);
  });
  const jobStreams = new Map<string, (event: JobEvent) => void>();
  let nextJob = 1;
  const jobs = createJobRunner(options.engine, {
    emit: (id, event) => jobStreams.get(id)?.(event),
    running: (running) => calls.jobsRunning(running),
  });
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-uploads-'));

  /**
   * A browser cannot hand over a file's path, only its bytes: they are streamed to a folder of this host's
   * own, under the file's own name (reports cite it), and the answer is the path to give to import.files.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!checkCaller(req, res)) return;
    const name = path.basename(url.searchParams.get('name') ?? '').replace(/[^\w.\- ()]/g, '_');
    if (name === '' || name === '.' || name === '..') {
      refuse(res, 400, 'invalid_input', 'uploads need ?name=<file name>');
      return;
    }
    const folder = await fs.promises.mkdtemp(path.join(uploadsDir, 'u-'));
    const file = path.join(folder, name);
    let size = 0;
    const out = fs.createWriteStream(file);
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) throw new Error(`upload over ${MAX_UPLOAD_BYTES} bytes`);
        if (!out.write(chunk)) await new Promise<void>((resume) => out.once('drain', () => resume()));
      }
      await new Promise<void>((done, fail) => out.end((err?: Error | null) => (err ? fail(err) : done())));
    } catch (error) {
      out.destroy();
      await fs.promises.rm(folder, { recursive: true, force: true });
      refuse(res, 413, 'invalid_input', error instanceof Error ? error.message : String(error));
      return;
    }
    sendEnvelope(res, { ok: true, result: { path: file, size } });
  }

  /** POST, same origin, the token: what every API request must show. False when it was refused. */
  function checkCaller(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'API calls must be POST') !== null;
    // A page on another origin may send a simple POST to loopback; the token already stops it, and so does this.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${LOOPBACK}:${port}` && origin !== `http://localhost:${port}`) {
      return refuse(res, 403, 'forbidden', 'cross-origin API calls are refused') !== null;
    }
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!tokensEqual(given, token)) return refuse(res, 401, 'forbidden', 'missing or wrong API token') !== null;
    return true;
  }

  /** Everything a call and a job share: POST, same origin, the token, a JSON body. Null when refused. */
  async function readApiInput(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ): Promise<{ input: unknown } | null> {
    if (!checkCaller(req, res)) return null;
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'invalid_input', 'API calls must send application/json');
    }
    const body = await readBody(req);
    if (body === null) return refuse(res, 413, 'invalid_input', `request body over ${MAX_BODY_BYTES} bytes`);
    try {
      return { input: body.length === 0 ? {} : JSON.parse(body) };
    } catch {
      return refuse(res, 400, 'invalid_input', `${name}: the request body is not valid JSON`);
    }
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const read = await readApiInput(req, res, method);
    if (!read) return;
    const id = nextCall++;
    answers.set(id, res);
    calls.call({ id, method, input: read.input });
  }

  /**
   * A job answers with one JSON event per line (progress…, then done or failed) as it runs. Closing the
   * request cancels the job, so a browser's AbortController is the cancel button.
   */
  async function handleJob(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const read = await readApiInput(req, res, name);
    if (!read) return;
    const id = String(nextJob++);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
    });
    const ended = new Promise<void>((done) => {
      jobStreams.set(id, (event) => {
        res.write(`${JSON.stringify(event)}\n`);
        if (event.type === 'progress') return;
        jobStreams.delete(id);
        res.end();
        done();
      });
    });
    res.on('close', () => {
      if (jobStreams.has(id)) jobs.cancel(id);
    });
    jobs.start(id, name, read.input);
    await ended;
  }

  const server = http.createServer((req, res) => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 would carry its own Host header.
    const host = req.headers.host ?? '';
    if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) {
      return refuse(res, 421, 'forbidden', 'unexpected Host header');
    }
    const { pathname } = new URL(req.url ?? '/', `http://${host}`);
    if (pathname.startsWith('/api/')) {
      const route = decodeURIComponent(pathname.slice('/api/'.length));
      const handled = route.startsWith('jobs/')
        ? handleJob(req, res, route.slice('jobs/'.length))
        : route === 'uploads'
          ? handleUpload(req, res, new URL(req.url ?? '/', `http://${host}`))
          : handleCall(req, res, route);
      handled.catch((err: unknown) => {
        if (!res.headersSent) refuse(res, 500, 'internal', err instanceof Error ? err.message : String(err));
        else res.end();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    serveStatic(res, options.staticDir, pathname);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${LOOPBACK}:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          jobs.cancelAll().then(
            () =>
              new Promise<void>((done) => {
                server.closeAllConnections();
                server.close(() => {
                  fs.rmSync(uploadsDir, { recursive: true, force: true });
                  done();
                });
              }),
          ),
      });
    });
  });
}
