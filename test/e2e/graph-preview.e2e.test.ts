/**
 * A large case graph (600 addresses, 1,100 edges, every node placed) in a real browser: the whole graph is on
 * screen as a preview, painted from the stored positions, before Cytoscape has built it; the preview is gone
 * once Cytoscape has drawn, and the graph then answers the investigator (search selects, details show).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../db/api/engine';
import { toChecksumAddress } from '../../db/chains/evm';
import { importFile } from '../../db/import/run';
import { openDb } from '../../db/open';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';
import { details, openGraph } from './graph-page';

const TITLE = 'Large laundering graph';
const LAYERS = 20;
const PER_LAYER = 30;
const EDGES = 1100;

const suite = e2eSuite();

/** Deterministic addresses in columns, and edges from each column to the next. */
function layeredGraph() {
  const nodes = Array.from({ length: LAYERS * PER_LAYER }, (_, i) => {
    const hex = (i + 1).toString(16).padStart(8, '0').repeat(5);
    const layer = Math.floor(i / PER_LAYER);
    return { hex, id: `ETH:${toChecksumAddress(hex)}`, x: layer * 160, y: (i % PER_LAYER) * 60 };
  });
  const edges: { from: number; to: number }[] = [];
  const seen = new Set<string>();
  for (let k = 0; edges.length < EDGES; k++) {
    const layer = k % (LAYERS - 1);
    const from = layer * PER_LAYER + ((k * 7) % PER_LAYER);
    const to = (layer + 1) * PER_LAYER + ((k * 13 + Math.floor(k / LAYERS)) % PER_LAYER);
    if (seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    edges.push({ from, to });
  }
  return { nodes, edges };
}

/** Keeps the preview's picture as the canvas is marked drawn, and the order of the drawn and ready marks. */
const WATCH = `(() => {
  window.__marks = [];
  new MutationObserver(() => {
    const canvas = document.querySelector('[data-testid="graph-canvas"]');
    if (!canvas) return;
    const preview = document.querySelector('[data-testid="graph-preview"]');
    if (canvas.dataset.graphDrawn === 'true' && !window.__marks.includes('drawn')) {
      window.__marks.push('drawn');
      if (preview) window.__preview = preview.toDataURL('image/png');
    }
    if (canvas.dataset.graphReady === 'true' && !window.__marks.includes('ready')) window.__marks.push('ready');
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

describe('a large case graph', () => {
  it('is on screen as a preview before Cytoscape is built, then answers as usual', async () => {
    const graph = layeredGraph();
    const file = suite.freshWorkspace();
    const csv = `${file}.transfers.csv`;
    fs.writeFileSync(
      csv,
      [
        'chain,tx_hash,index,time,from,to,asset,amount',
        ...graph.edges.map(
          (e, i) =>
            `ETH,0x${(i + 1).toString(16).padStart(64, '0')},0,2022-03-29T00:00:00Z,` +
            `0x${graph.nodes[e.from]?.hex},0x${graph.nodes[e.to]?.hex},ETH,${i + 1}`,
        ),
      ].join('\n'),
    );
    // Arranged through the engine in process, as the graph benchmark does: the test is about opening it.
    const { db } = openDb(file);
    const report = await importFile(db, csv, { format: 'transfers-csv' });
    expect(report.rejected).toBe(0);
    const assetId = db.prepare("SELECT id FROM assets WHERE chain = 'ETH' AND symbol = 'ETH'").pluck().get() as number;
    const engine = createEngine(db);
    const { id: caseId } = engine.call('case.create', { title: TITLE });
    engine.call('graph.apply', {
      caseId,
      ops: [
        {
          op: 'put',
          nodes: graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, pinned: true })),
          edges: graph.edges.map((e) => ({
            source: graph.nodes[e.from]?.id ?? '',
            target: graph.nodes[e.to]?.id ?? '',
            assetId,
          })),
        },
      ],
    });
    db.close();
    fs.rmSync(csv);
    const host = await startHost(file);

    const { page, watch } = await openPage(suite.browser, host.url);
    await page.addInitScript(WATCH);
    await page.reload();
    await openGraph(page, TITLE);

    // Drawn first (the preview), ready after; the preview gave way to Cytoscape's canvases.
    expect(await page.evaluate('window.__marks')).toEqual(['drawn', 'ready']);
    const canvas = page.getByTestId('graph-canvas');
    expect(await canvas.getAttribute('data-renderer')).toMatch(/canvas/);
    expect(await page.getByTestId('graph-preview').count()).toBe(0);

    // The preview showed the graph: grey unknown-kind nodes and edges across the whole canvas, not a blank.
    const picture = await page.evaluate<{ nodePixels: number; spread: number; width: number }>(`(async () => {
      const image = new Image();
      image.src = window.__preview;
      await image.decode();
      const c = document.createElement('canvas');
      c.width = image.width;
      c.height = image.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let nodePixels = 0;
      let left = c.width;
      let right = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 200) continue;
        const x = (i / 4) % c.width;
        left = Math.min(left, x);
        right = Math.max(right, x);
        // The unknown kind's fill, #8a94a3.
        if (Math.abs(data[i] - 0x8a) < 6 && Math.abs(data[i + 1] - 0x94) < 6 && Math.abs(data[i + 2] - 0xa3) < 6) nodePixels++;
      }
      return { nodePixels, spread: right - left, width: c.width };
    })()`);
    expect(picture.nodePixels).toBeGreaterThan(LAYERS * PER_LAYER);
    expect(picture.spread).toBeGreaterThan(picture.width * 0.7);

    // Cytoscape answers: the search selects an address and the details show it.
    const target = graph.nodes[PER_LAYER * 10 + 5]?.id ?? '';
    const box = page.getByRole('searchbox', { name: 'Search the graph' });
    await box.fill(target.slice(4));
    await box.press('Enter');
    await details(page).getByText(target, { exact: true }).waitFor();
    await screenshot(page, 'graph-preview-large');
    expectNothingBroke(watch);
  }, 120_000);
});
