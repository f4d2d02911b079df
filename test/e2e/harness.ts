/**
 * What end-to-end tests need to drive the real UI: the headless host as a child process on a workspace
 * file, Chromium through playwright-core, and a watch on each page for console errors, uncaught exceptions
 * and JavaScript dialogs. Everything started here is tracked so `stopAll()` can end it whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Envelope, ImportBatchReport, Input, JobEvent, Method, Output } from '../../db/api/contract';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVE = path.join(ROOT, 'dist', 'node', 'serve.cjs');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'e2e');

/** Long enough for a cold start on a slow CI machine, short enough to fail well inside a test's timeout. */
const HOST_START_MS = 15_000;
const HOST_STOP_MS = 5_000;
/** Playwright's default of 30 s per action would outlast the test; a UI step taking 10 s is a failure. */
const ACTION_MS = 10_000;

const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/;

export interface Host {
  /** The URL the host printed, token included. */
  url: string;
  origin: string;
  token: string;
  /** Calls the API directly, for arranging data the test is not about. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Imports files the host can read by path, for arranging data the test is not about. */
  importFiles(files: string[]): Promise<ImportBatchReport>;
  /** Ends the host and waits for its process to exit, so the workspace file is closed. */
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const contexts = new Set<BrowserContext>();

/** Starts `node dist/node/serve.cjs --db <dbFile> --port 0` and resolves once it prints its URL. */
export async function startHost(dbFile: string): Promise<Host> {
  if (!fs.existsSync(SERVE)) throw new Error(`${SERVE} is missing: run npm run build first`);
  const child = spawn(process.execPath, [SERVE, '--db', dbFile, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));

  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const { url, port, token } = await new Promise<PrintedUrl>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`the host printed no URL within ${HOST_START_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, HOST_START_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = parsePrintedUrl(stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${signal ?? code}) before printing its URL\nstderr: ${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  return {
    url,
    origin,
    token,
    async call(method, input) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as Envelope<never>;
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.result;
    },
    async importFiles(files) {
      const response = await fetch(`${origin}/api/jobs/import.files`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ files }),
      });
      // The job streams one JSON event per line; only the last one, done or failed, matters here.
      const events = (await response.text())
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as JobEvent<'import.files'>);
      const last = events.at(-1);
      if (last?.type !== 'done') throw new Error(`import.files: ${JSON.stringify(last)}`);
      return last.result;
    },
    stop: () => stopChild(child),
  };
}

interface PrintedUrl {
  url: string;
  port: string;
  token: string;
}

function parsePrintedUrl(text: string): PrintedUrl | null {
  const [url, port, token] = URL_LINE.exec(text) ?? [];
  return url && port && token ? { url, port, token } : null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), HOST_STOP_MS);
  await exited;
  clearTimeout(timer);
}

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium, or set ARIADNE_CHROMIUM to a Chromium or Chrome`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--disable-gpu'],
  });
}

/** What a page did that a user would see as broken, or that shows script ran where it must not. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  /** alert(), confirm() and prompt() calls; each is dismissed so the page never hangs. */
  dialogs: string[];
}

/** Nothing went wrong that a user would notice, and no injected script ran. */
export function expectNothingBroke(watch: PageWatch): void {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
}

export interface OpenedPage {
  page: Page;
  watch: PageWatch;
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  contexts.add(context);
  context.setDefaultTimeout(ACTION_MS);
  const page = await context.newPage();
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, watch };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** A folder for one test file's workspaces; remove it with `removeWorkDir` in afterAll. */
export function makeWorkDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-e2e-'));
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Saves what every open page shows as `failed-<name>-<n>.png`, for a test that has just failed. */
export async function screenshotOpenPages(name: string): Promise<void> {
  const pages = [...contexts].flatMap((context) => context.pages());
  const slug = name.replace(/[^\w-]+/g, '-').slice(0, 80);
  await Promise.all(pages.map((page, i) => screenshot(page, `failed-${slug}-${i + 1}`).catch(() => undefined)));
}

/** Closes every page context and stops every host this module started; safe to call more than once. */
export async function stopAll(): Promise<void> {
  await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
  contexts.clear();
  await Promise.all([...children].map(stopChild));
}

/** What a test file gets from `e2eSuite()`. */
export interface E2eSuite {
  /** The file's browser, launched before its first test. */
  readonly browser: Browser;
  /** A path in the file's work folder. */
  file(name: string): string;
  /** A workspace path in the work folder that no test of the file has used. */
  freshWorkspace(): string;
}

/**
 * The hooks every end-to-end test file needs, registered where it is called (at the top of the file): one
 * browser and one work folder for the file; after each test, a screenshot of the open pages if it failed and
 * every host and page stopped; at the end, the browser closed and the work folder removed.
 */
export function e2eSuite(): E2eSuite {
  let browser: Browser | undefined;
  let workDir: string | undefined;
  let workspaces = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    workDir = makeWorkDir();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshotOpenPages(context.task.name);
    await stopAll();
  });

  afterAll(async () => {
    await stopAll();
    await browser?.close();
    if (workDir) removeWorkDir(workDir);
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the e2e suite starts in beforeAll: use it inside a test');
    return value;
  };
  const file = (name: string) => path.join(started(workDir), name);
  return {
    get browser() {
      return started(browser);
    },
    file,
    freshWorkspace() {
      workspaces += 1;
      return file(`workspace-${workspaces}.db`);
    },
  };
}
