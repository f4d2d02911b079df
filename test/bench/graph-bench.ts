/**
 * `npm run bench:graph [-- --runs N] [-- --screenshots DIR] [-- --profile DIR]`: how the case graph canvas renders a large graph, against a bare Cytoscape page.
 *
 * One run: (a) a fresh workspace with two cases, 1,000 nodes / 2,000 edges and 5,000 nodes / 10,000 edges, made
 * of real transfers (a generated transfers CSV through the real importer) and put on each case's graph through
 * the engine's `graph.apply`, every node with a precomputed layered position so no layout runs; (b) the headless
 * host on it and the real UI in Chromium: open the case, wait for
 * `[data-testid="graph-canvas"][data-graph-ready="true"]`; (c) a bare page: Cytoscape with default options, the
 * same elements and positions, preset layout; (d) for both, first-render time, frames per second while panning
 * (mouse drag) and zooming (wheel) for about 3 s, and the page's JS heap after a garbage collection.
 *
 * First render: ours from the click that opens the case until the whole graph is on screen, the
 * `data-graph-drawn` mark (a large graph's preview, painted from the stored positions while Cytoscape builds, or
 * Cytoscape's own first frame; the app shell is already loaded); bare from navigation start to its first drawn
 * frame (loading its page and data included). Time to interactive: until ours is marked `data-graph-ready`
 * (Cytoscape has drawn; pan, zoom and select work); the bare page is interactive when it first draws.
 * Frames: requestAnimationFrame callbacks counted in the page while Playwright drives the mouse.
 * A third page, the bare one with Cytoscape's WebGL renderer, is measured for reference (with SwiftShader, WebGL
 * is drawn on the CPU too), outside the ratios.
 * Each page is measured --runs times (3 by default), ours and bare interleaved, and the medians printed.
 * Targets at 5k/10k: ours fps / bare fps ≥ 5, ours first render / bare first render ≤ 0.5; the
 * time-to-interactive ratio is printed beside them.
 * `--profile DIR`: CPU profiles of the pan/zoom phases and of our first render (see profile.ts).
 * `BENCH_EXTRA='--flag …'`: extra Chromium flags for every page, for experiments (the figures then are not the
 * targets' conditions).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createEngine } from '../../db/api/engine';
import { toChecksumAddress } from '../../db/chains/evm';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { random } from './generate';
import { profiled } from './profile';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';
import { option } from './options';

const ROOT = process.cwd();
const SERVE = path.join(ROOT, 'dist', 'node', 'serve.cjs');
const CYTOSCAPE = path.join(ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js');
const CANVAS = '[data-testid="graph-canvas"]';
const READY = `${CANVAS}[data-graph-ready="true"]`;
const DRAWN = `${CANVAS}[data-graph-drawn="true"]`;
const READY_MS = 180_000;
/** How long the UI gets to show a canvas after the case opens before the bench calls it not ready. */
const UI_MS = 20_000;
const PAN_MS = 1500;
const ZOOM_MS = 1500;
const TARGET_FPS_RATIO = 5;
const DEFAULT_RUNS = 3;
const TARGET_RENDER_RATIO = 0.5;

const SCALES = [
  { name: '1k/2k', nodes: 1000, edges: 2000, layers: 20 },
  { name: '5k/10k', nodes: 5000, edges: 10_000, layers: 50 },
] as const;
type Scale = (typeof SCALES)[number];

interface BenchNode {
  id: string;
  hex: string;
  x: number;
  y: number;
}
interface BenchEdge {
  source: number;
  target: number;
  asset: 'ETH' | 'USDT';
}
interface BenchGraph {
  scale: Scale;
  nodes: BenchNode[];
  edges: BenchEdge[];
}

/**
 * A layered fund flow: nodes in `layers` columns, each edge from one column to the next (or the one after),
 * ETH mostly and some USDT, so some address pairs have two edges (one per asset). Deterministic.
 */
function makeGraph(scale: Scale, seed: number): BenchGraph {
  const next = random(seed);
  const perLayer = Math.ceil(scale.nodes / scale.layers);
  const nodes = Array.from({ length: scale.nodes }, (_, i) => {
    let hex = '';
    while (hex.length < 40) hex += next().toString(16).padStart(8, '0');
    hex = hex.slice(0, 40);
    const layer = Math.floor(i / perLayer);
    return { id: `ETH:${toChecksumAddress(hex)}`, hex, x: layer * 160, y: (i % perLayer) * 60 + (layer % 2) * 30 };
  });
  const inLayer = (layer: number) => layer * perLayer + (next() % Math.min(perLayer, scale.nodes - layer * perLayer));
  const seen = new Set<string>();
  const edges: BenchEdge[] = [];
  while (edges.length < scale.edges) {
    const layer = next() % (scale.layers - 1);
    const reach = layer + 2 < scale.layers && next() % 5 === 0 ? 2 : 1;
    const edge: BenchEdge = {
      source: inLayer(layer),
      target: inLayer(layer + reach),
      asset: next() % 7 === 0 ? 'USDT' : 'ETH',
    };
    const key = `${edge.source}>${edge.target}>${edge.asset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(edge);
  }
  return { scale, nodes, edges };
}

/** One or two transfers per edge, as a transfers CSV the importer reads. */
function transfersCsv(graphs: BenchGraph[]): string {
  const next = random(777);
  let csv = 'chain,tx_hash,index,time,block,from,to,asset,amount\n';
  let n = 0;
  for (const graph of graphs) {
    for (const edge of graph.edges) {
      const times = next() % 5 === 0 ? 2 : 1;
      for (let t = 0; t < times; t++) {
        n++;
        const hash = `0x${n.toString(16).padStart(64, '0')}`;
        const from = `0x${(graph.nodes[edge.source] as BenchNode).hex}`;
        const to = `0x${(graph.nodes[edge.target] as BenchNode).hex}`;
        const amount = edge.asset === 'ETH' ? `${1 + (next() % 1000)}000000000000000` : `${next() % 100000}.25`;
        csv += `ETH,${hash},0,${1_650_000_000 + n * 12},${15_000_000 + n},${from},${to},${edge.asset},${amount}\n`;
      }
    }
  }
  return csv;
}

interface Workspace {
  file: string;
  cases: { caseId: number; title: string; graph: BenchGraph; assetIds: Record<'ETH' | 'USDT', number> }[];
  /** Why the cases have no graph, when the engine cannot put one. */
  graphProblem: string | null;
}

async function buildWorkspace(dir: string, graphs: BenchGraph[]): Promise<Workspace> {
  const file = path.join(dir, 'workspace.db');
  const csv = path.join(dir, 'transfers.csv');
  fs.writeFileSync(csv, transfersCsv(graphs));
  const { db } = openDb(file);
  const report = await importFile(db, csv, { format: 'transfers-csv' });
  if (report.rejected !== 0) throw new Error(`the importer rejected ${report.rejected} generated transfers`);
  const assetId = (symbol: string) =>
    db.prepare("SELECT id FROM assets WHERE chain = 'ETH' AND symbol = ?").pluck().get(symbol) as number;
  const assetIds = { ETH: assetId('ETH'), USDT: assetId('USDT') };
  const engine = createEngine(db);
  let graphProblem: string | null = null;
  const cases = graphs.map((graph) => {
    const title = `Graph bench ${graph.scale.name}`;
    const { id: caseId } = engine.call('case.create', { title });
    const put = {
      op: 'put' as const,
      nodes: graph.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, pinned: true })),
      edges: graph.edges.map((edge) => ({
        source: (graph.nodes[edge.source] as BenchNode).id,
        target: (graph.nodes[edge.target] as BenchNode).id,
        assetId: assetIds[edge.asset],
      })),
    };
    const result = engine.dispatch('graph.apply', { caseId, ops: [put] });
    if (!result.ok) graphProblem = `graph.apply failed: ${result.error.message}`;
    return { caseId, title, graph, assetIds };
  });
  db.close();
  fs.rmSync(csv);
  console.log(
    `workspace: ${report.inserted.toLocaleString('en-US')} transfers imported; ` +
      (graphProblem ?? 'both case graphs put through graph.apply'),
  );
  return { file, cases, graphProblem };
}

/** Cytoscape elements with the ids the engine gives them (`SOURCE>TARGET>ASSET_ID`). */
function elements(graph: BenchGraph, assetIds: Record<'ETH' | 'USDT', number>) {
  return [
    ...graph.nodes.map((node) => ({ group: 'nodes', data: { id: node.id }, position: { x: node.x, y: node.y } })),
    ...graph.edges.map((edge) => {
      const source = (graph.nodes[edge.source] as BenchNode).id;
      const target = (graph.nodes[edge.target] as BenchNode).id;
      return { group: 'edges', data: { id: `${source}>${target}>${assetIds[edge.asset]}`, source, target } };
    }),
  ];
}

const BARE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare cytoscape</title>
<style>html, body { margin: 0; height: 100%; } #cy { position: absolute; inset: 0; }</style></head>
<body><div id="cy" data-testid="graph-canvas"></div>
<script src="/cytoscape.min.js"></script>
<script src="/elements.js"></script>
<script>
  const container = document.getElementById('cy');
  const query = new URLSearchParams(location.search);
  // ?size=WxH: the same canvas size as ours, so both draw the same number of pixels.
  const size = /^(\\d+)x(\\d+)$/.exec(query.get('size') || '');
  if (size) Object.assign(container.style, { right: 'auto', bottom: 'auto', width: size[1] + 'px', height: size[2] + 'px' });
  const options = { container, elements: window.ELEMENTS, layout: { name: 'preset' } };
  // ?webgl: the same with Cytoscape's WebGL renderer, for reference (not a target's denominator).
  if (query.has('webgl')) options.renderer = { name: 'canvas', webgl: true };
  const cy = cytoscape(options);
  const ready = () => requestAnimationFrame(() => container.setAttribute('data-graph-ready', 'true'));
  // The WebGL renderer emits no 'render' event; it draws in its first animation frame, so mark the one after.
  if (options.renderer) requestAnimationFrame(ready);
  else cy.one('render', ready);
</script></body></html>`;

/** A static server for the bare page: the page, Cytoscape's own bundle, and the elements as a script. */
async function serveBare(): Promise<{ origin: string; setElements(json: string): void; close(): Promise<void> }> {
  const cytoscape = fs.readFileSync(CYTOSCAPE);
  let elementsJs = 'window.ELEMENTS = [];';
  const server = http.createServer((request, response) => {
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/') send('text/html; charset=utf-8', BARE_PAGE);
    else if (request.url === '/cytoscape.min.js') send('text/javascript', cytoscape);
    else if (request.url === '/elements.js') send('text/javascript', elementsJs);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    setElements: (json) => (elementsJs = `window.ELEMENTS = ${json};`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The headless host on the workspace, resolved with its URL (token included). */
async function startHost(dbFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVE, '--db', dbFile, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed no URL: ${out}`)), 30_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}): ${out}`));
    });
  });
  return { url, child };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Chromium as the e2e tests launch it, but with SwiftShader WebGL instead of --disable-gpu. */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      ...(process.env.BENCH_EXTRA ? process.env.BENCH_EXTRA.split(' ') : []),
    ],
  });
}

/**
 * Records in the page, from its first script on, when the canvas is marked drawn (the whole graph on screen)
 * and ready (drawn by Cytoscape, which answers the pointer), in ms since navigation start.
 */
const WATCH_READY = `(() => {
  const check = () => {
    if (window.__drawnAt === undefined && document.querySelector(${JSON.stringify(DRAWN)})) {
      window.__drawnAt = performance.now();
    }
    if (window.__readyAt === undefined && document.querySelector(${JSON.stringify(READY)})) {
      window.__readyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

interface Figures {
  /** Until the whole graph is on screen (a page without a separate drawn mark: until ready). */
  firstRenderMs: number;
  /** Until Cytoscape has drawn and pan, zoom and select work. */
  interactiveMs: number;
  /** Ours: until graph.get was asked, and until its answer had arrived. */
  graphAskedMs?: number;
  graphGetMs?: number;
  fps: number;
  heapMb: number;
  webgl: string;
  /** What the canvas says it draws with (`data-renderer`), when it says. */
  renderer: string;
  /** The canvas's size in CSS pixels, as `WxH`. */
  size: string;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(WATCH_READY);
  if (SHOTS) await page.addInitScript(KEEP_PREVIEW);
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  return page;
}

/** When the page was drawn and when ready (see WATCH_READY), once it is ready. */
const readyAt = (page: Page) =>
  page
    .waitForFunction(
      'window.__readyAt && { drawn: window.__drawnAt ?? window.__readyAt, ready: window.__readyAt }',
      null,
      {
        timeout: READY_MS,
      },
    )
    .then((handle) => handle.jsonValue() as Promise<{ drawn: number; ready: number }>);

/** What WebGL the page can get: the renderer string, or why not. */
function webgl(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
    if (!gl) return 'unavailable';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return gl.getParameter(gl.VERSION) + '; ' + (info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'renderer hidden');
  })()`);
}

/**
 * A point just inside a corner of the canvas that the canvas itself receives: inside the fit padding, so on the
 * background rather than a node, and not under an overlay (a search box, a legend) laid over the canvas.
 */
async function backgroundPoint(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const inset = 12;
  const corners = [
    [box.x + box.width - inset, box.y + inset],
    [box.x + box.width - inset, box.y + box.height - inset],
    [box.x + inset, box.y + inset],
    [box.x + inset, box.y + box.height - inset],
  ] as const;
  for (const [x, y] of corners) {
    const onCanvas = await page.evaluate<boolean>(
      `(() => {
        const hit = document.elementFromPoint(${x}, ${y});
        return !!hit && hit.tagName === 'CANVAS' && !!hit.closest(${JSON.stringify(CANVAS)});
      })()`,
    );
    if (onCanvas) return { x, y };
  }
  throw new Error('every corner of the graph canvas is covered: nowhere to start a pan');
}

/** Pans by dragging from a background corner and zooms with the wheel at the canvas's centre. */
async function canvasSize(page: Page): Promise<string> {
  const box = await page.locator(CANVAS).first().boundingBox();
  return box ? `${Math.round(box.width)}x${Math.round(box.height)}` : 'unknown';
}

async function framesPerSecond(page: Page): Promise<number> {
  const box = await page.locator(CANVAS).boundingBox();
  if (!box) throw new Error('the graph canvas has no box');
  const start = await backgroundPoint(page, box);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Circles around the point halfway to the centre, so the pointer stays over the canvas.
  const orbit = { x: (start.x + centre.x) / 2, y: (start.y + centre.y) / 2 };
  const radius = Math.min(box.width, box.height) / 4;
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      window.__frames++;
      if (window.__counting) requestAnimationFrame(tick);
    };
    window.__t0 = performance.now();
    requestAnimationFrame(tick);
  })()`);
  const pace = () => new Promise((resolve) => setTimeout(resolve, 16));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 0, end = Date.now() + PAN_MS; Date.now() < end; i++) {
    await page.mouse.move(orbit.x + radius * Math.sin(i / 8), orbit.y + radius * Math.cos(i / 8));
    await pace();
  }
  await page.mouse.up();
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0, end = Date.now() + ZOOM_MS; Date.now() < end; i++) {
    await page.mouse.wheel(0, i % 30 < 15 ? -120 : 120);
    await pace();
  }
  const { frames, ms } = await page.evaluate<{ frames: number; ms: number }>(`(() => {
    window.__counting = false;
    return { frames: window.__frames, ms: performance.now() - window.__t0 };
  })()`);
  return frames / (ms / 1000);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / 1024 / 1024;
}

/** With `--screenshots DIR`: what each page shows once ready and after the pan and zoom, to check what was driven. */
const SHOTS = process.argv.includes('--screenshots') ? process.argv[process.argv.indexOf('--screenshots') + 1] : null;
let shots = 0;
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${String(++shots).padStart(2, '0')}-${name}.png`) });
}

/**
 * With --screenshots: the preview canvas's picture, copied as it is marked drawn (the page is busy building
 * Cytoscape then, so a screenshot could not catch it), and saved beside the screenshots.
 */
const KEEP_PREVIEW = `(() => {
  new MutationObserver(() => {
    const preview = document.querySelector('[data-testid="graph-preview"]');
    if (window.__previewPng === undefined && preview && document.querySelector(${JSON.stringify(DRAWN)})) {
      window.__previewPng = preview.toDataURL('image/png');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function shootPreview(page: Page): Promise<void> {
  if (!SHOTS) return;
  const png = await page.evaluate<string | undefined>('window.__previewPng');
  if (!png) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${String(++shots).padStart(2, '0')}-ours-preview.png`);
  fs.writeFileSync(file, Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
}

/** `size` (WxH) gives the bare canvas the size of ours; without it the bare canvas fills the window. */
async function measureBare(
  browser: Browser,
  origin: string,
  withWebgl: boolean,
  tag: string,
  size?: string,
): Promise<Figures> {
  const page = await newPage(browser);
  const query = new URLSearchParams();
  if (size) query.set('size', size);
  if (withWebgl) query.set('webgl', '');
  try {
    await page.goto(`${origin}/?${query.toString()}`);
    const { drawn: firstRenderMs, ready: interactiveMs } = await readyAt(page);
    await shoot(page, 'bare');
    const heap = await heapMb(page);
    const fps = await profiled(page, `bare${withWebgl ? '-webgl' : ''}-frames-${tag}`, () => framesPerSecond(page));
    await shoot(page, 'bare-moved');
    return {
      firstRenderMs,
      interactiveMs,
      fps,
      heapMb: heap,
      webgl: await webgl(page),
      renderer: withWebgl ? 'webgl (renderer option)' : 'canvas (Cytoscape default)',
      size: await canvasSize(page),
    };
  } finally {
    await page.context().close();
  }
}

/** Opens the case in the real UI; the clock starts at the click. Answers why not, when the UI cannot show it. */
async function measureOurs(browser: Browser, url: string, title: string, tag = ''): Promise<Figures | string> {
  const page = await newPage(browser);
  try {
    await page.goto(url);
    const option = page.getByRole('listbox', { name: 'Cases' }).getByRole('option', { name: title });
    await option.waitFor({ timeout: 30_000 });
    const opened = await profiled(page, `ours-first-render-${tag}`, async () => {
      const clickedAt = await page.evaluate<number>('performance.now()');
      await option.click();
      const tab = page.getByRole('tab', { name: /graph/i });
      if (await tab.count()) await tab.first().click();
      try {
        await page.locator(CANVAS).first().waitFor({ state: 'attached', timeout: UI_MS });
      } catch {
        return null;
      }
      const { drawn, ready } = await readyAt(page);
      // When graph.get was asked and answered, to tell the engine's and the network's share from the page's.
      const get = await page.evaluate<{ asked: number; answered: number }>(
        `(() => {
          const entry = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/graph.get')).pop();
          return entry ? { asked: entry.startTime, answered: entry.responseEnd } : { asked: NaN, answered: NaN };
        })()`,
      );
      return {
        firstRenderMs: drawn - clickedAt,
        interactiveMs: ready - clickedAt,
        graphAskedMs: get.asked - clickedAt,
        graphGetMs: get.answered - clickedAt,
      };
    });
    if (opened === null) return `UI NOT READY: no ${CANVAS} within ${UI_MS / 1000} s of opening the case`;
    const { firstRenderMs, interactiveMs, graphAskedMs, graphGetMs } = opened;
    await shootPreview(page);
    await shoot(page, 'ours');
    const heap = await heapMb(page);
    const fps = await profiled(page, `ours-frames-${tag}`, () => framesPerSecond(page));
    await shoot(page, 'ours-moved');
    const renderer = (await page.locator(CANVAS).first().getAttribute('data-renderer')) ?? 'not stated';
    return {
      firstRenderMs,
      interactiveMs,
      graphAskedMs,
      graphGetMs,
      fps,
      heapMb: heap,
      webgl: await webgl(page),
      renderer,
      size: await canvasSize(page),
    };
  } finally {
    await page.context().close();
  }
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** Each figure's median over the runs, so one run slowed by the other processes on the machine counts less. */
function median(runs: Figures[]): Figures {
  const mid = (pick: (f: Figures) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
  };
  const first = runs[0] as Figures;
  return {
    firstRenderMs: mid((f) => f.firstRenderMs),
    interactiveMs: mid((f) => f.interactiveMs),
    graphAskedMs: mid((f) => f.graphAskedMs ?? Number.NaN),
    graphGetMs: mid((f) => f.graphGetMs ?? Number.NaN),
    fps: mid((f) => f.fps),
    heapMb: mid((f) => f.heapMb),
    webgl: first.webgl,
    renderer: first.renderer,
    size: first.size,
  };
}

/** graph.get straight from the host, to show how much of our first render is the engine's answer. */
async function timeGraphGet(url: string, caseId: number): Promise<{ ms: number; bytes: number }> {
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const started = performance.now();
  const response = await fetch(`${origin}/api/graph.get`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ caseId }),
  });
  const body = await response.text();
  return { ms: performance.now() - started, bytes: Buffer.byteLength(body) };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const runs = option('runs', DEFAULT_RUNS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ariadne-graph-bench-'));
  const graphs = SCALES.map((scale, i) => makeGraph(scale, 4242 + i));
  const started = performance.now();
  const workspace = await buildWorkspace(dir, graphs);
  console.log(`workspace: built in ${((performance.now() - started) / 1000).toFixed(1)} s at ${workspace.file}`);
  console.log(`load average before: ${load()} (${os.cpus().length} CPUs); ${runs} runs per page, medians shown`);

  const bare = await serveBare();
  const browser = await launch();
  const host = fs.existsSync(SERVE) ? await startHost(workspace.file) : null;
  const rows: {
    scale: Scale;
    bare: Figures;
    bareWebgl: Figures;
    ours: Figures | string;
    graphGet?: { ms: number; bytes: number };
  }[] = [];
  try {
    for (const { caseId, title, graph, assetIds } of workspace.cases) {
      bare.setElements(JSON.stringify(elements(graph, assetIds)));
      const bareRuns: Figures[] = [];
      const bareWebglRuns: Figures[] = [];
      const oursRuns: Figures[] = [];
      let oursProblem: string | null = workspace.graphProblem
        ? `ENGINE NOT READY: ${workspace.graphProblem}`
        : host
          ? null
          : `no ${SERVE}: run npm run build`;
      // Interleaved, so a busy spell on the shared machine falls on both pages alike.
      for (let run = 0; run < runs; run++) {
        const tag = `${graph.scale.nodes}-${run + 1}`;
        // Ours first: the bare page then gets a canvas of the same size.
        let size: string | undefined;
        if (!oursProblem && host) {
          const ours = await measureOurs(browser, host.url, title, tag);
          if (typeof ours === 'string') oursProblem = ours;
          else {
            oursRuns.push(ours);
            if (/^\d+x\d+$/.test(ours.size)) size = ours.size;
          }
        }
        bareRuns.push(await measureBare(browser, bare.origin, false, tag, size));
        bareWebglRuns.push(await measureBare(browser, bare.origin, true, tag, size));
      }
      const graphGet = host && !oursProblem ? await timeGraphGet(host.url, caseId) : undefined;
      rows.push({
        scale: graph.scale,
        bare: median(bareRuns),
        bareWebgl: median(bareWebglRuns),
        ours: oursProblem ?? median(oursRuns),
        graphGet,
      });
      console.log(`measured ${graph.scale.name}`);
    }
  } finally {
    await browser.close();
    await bare.close();
    if (host) await stopHost(host.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average after: ${load()}`);

  console.log(
    `\nWebGL in headless Chromium (--use-angle=swiftshader --enable-unsafe-swiftshader): ${rows[0]?.bare.webgl}`,
  );
  console.log(
    '\n| graph  | page       | first render ms | interactive ms | fps  | heap MB | fps ratio | first-render ratio | interactive ratio |',
  );
  console.log(
    '|--------|------------|-----------------|----------------|------|---------|-----------|--------------------|-------------------|',
  );
  const verdicts: string[] = [];
  for (const row of rows) {
    const name = row.scale.name.padEnd(6);
    const line = (page: string, f: Figures, ratios = ['', '', '']) =>
      `| ${name} | ${page.padEnd(10)} | ${fixed(f.firstRenderMs).padStart(15)} | ${fixed(f.interactiveMs).padStart(14)} | ${fixed(f.fps, 1).padStart(4)} | ${fixed(f.heapMb, 1).padStart(7)} | ${ratios[0]!.padStart(9)} | ${ratios[1]!.padStart(18)} | ${ratios[2]!.padStart(17)} |`;
    console.log(line('bare', row.bare));
    console.log(line('bare+webgl', row.bareWebgl));
    if (typeof row.ours === 'string') {
      console.log(`| ${name} | ours       | ${row.ours}`);
      if (row.scale.name === '5k/10k') verdicts.push(`5k/10k targets: MISSED (not measured: ${row.ours})`);
      continue;
    }
    const fpsRatio = row.ours.fps / row.bare.fps;
    const renderRatio = row.ours.firstRenderMs / row.bare.firstRenderMs;
    const interactiveRatio = row.ours.interactiveMs / row.bare.interactiveMs;
    console.log(line('ours', row.ours, [fixed(fpsRatio, 2), fixed(renderRatio, 2), fixed(interactiveRatio, 2)]));
    if (row.scale.name === '5k/10k') {
      verdicts.push(
        `5k/10k fps ratio ${fixed(fpsRatio, 2)} (target ≥ ${TARGET_FPS_RATIO}): ${fpsRatio >= TARGET_FPS_RATIO ? 'MET' : 'MISSED'}`,
        `5k/10k first-render ratio ${fixed(renderRatio, 2)} (target ≤ ${TARGET_RENDER_RATIO}): ${renderRatio <= TARGET_RENDER_RATIO ? 'MET' : 'MISSED'}`,
        `5k/10k time-to-interactive ratio ${fixed(interactiveRatio, 2)} (no target; the bare page is interactive when it first draws)`,
      );
    }
  }
  console.log(
    '\nfirst render: ours from the click opening the case until the whole graph is on screen (data-graph-drawn: a preview\n' +
      'painted from the stored positions while Cytoscape builds, or Cytoscape itself); bare from navigation start to its\n' +
      'first frame. interactive: until Cytoscape has drawn and pan, zoom and select work (data-graph-ready); the same\n' +
      'moment as the first render for the bare page.',
  );
  console.log(
    'bare+webgl: the bare page with renderer { webgl: true }, for reference; ratios use the default bare page.',
  );
  for (const row of rows) {
    const ours = typeof row.ours === 'string' ? 'not measured' : row.ours.renderer;
    const oursSize = typeof row.ours === 'string' ? '' : ` on ${row.ours.size}`;
    console.log(
      `renderer at ${row.scale.name}: ours ${ours}${oursSize}; bare ${row.bare.renderer} on ${row.bare.size}`,
    );
    if (typeof row.ours !== 'string') {
      console.log(
        `ours at ${row.scale.name}: graph.get asked ${fixed(row.ours.graphAskedMs ?? Number.NaN)} ms and answered ${fixed(row.ours.graphGetMs ?? Number.NaN)} ms after the click (medians)`,
      );
    }
    if (row.graphGet) {
      console.log(
        `graph.get at ${row.scale.name} over HTTP (after the runs): ${fixed(row.graphGet.ms)} ms, ` +
          `${fixed(row.graphGet.bytes / 1024 / 1024, 1)} MB of JSON`,
      );
    }
  }
  for (const verdict of verdicts) console.log(verdict);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
