/**
 * The Trace panel in a real browser: an investigator selects the first hop of the Ronin exploiter's funds on the
 * graph, traces it forward with haircut to the exchange, reads the hand-computed amount, adds the traced
 * subgraph and shows a path on it, runs poison beside it, re-runs the stored trace, and after a reload reopens
 * it from the case's stored traces.
 *
 * By hand (test/fixtures/graph/transfers.csv and test/fixtures/trace/clean-deposit.csv): H1 holds 2,000 tainted
 * ETH and sends 1,500 to H2 and 400 to H3. H2 already held 500 clean ETH, so its 2,000 are 75% tainted and the
 * 1,000 it sends to Binance 14 carry 750 under haircut, all 1,000 under poison. H3 sends 390 of its 400. Binance:
 * haircut 750 + 390 = 1,140 ETH (57% of the 2,000 seeded), poison 1,000 + 390 = 1,390 ETH.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, e2eSuite, expectNothingBroke, openPage, screenshot, startHost, type Host } from './harness';
import { canvasReady, details, openGraph } from './graph-page';

const STORY_MS = 150_000;
const TITLE = 'Ronin trace';
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const EXPLOITER = 'ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const H1 = 'ETH:0x35fB6f6DB4fb05e6A4cE86f2C93691425626d4b1';
const H2 = 'ETH:0x4f3a120E72C76c22ae802D129F599BFDbc31cb81';
const H3 = 'ETH:0xe708f17240732bBfa1BaA8513F66b665Fbc7ce10';
const BINANCE = 'ETH:0x28C6c06298d514Db089934071355E5743bf21d60';

const suite = e2eSuite();

async function arrange(host: Host): Promise<number> {
  const report = await host.importFiles([
    ...['transfers.csv', 'prices.csv', 'tags.yaml'].map((f) => path.join(FIXTURES, 'graph', f)),
    path.join(FIXTURES, 'trace', 'clean-deposit.csv'),
  ]);
  expect(report.failed).toEqual([]);
  expect(report.rejected).toBe(0);
  const { id: caseId } = await host.call('case.create', { title: TITLE });
  // The graph so far: the exploiter and the first hop of its funds.
  const flows = await host.call('graph.neighbours', { caseId, address: EXPLOITER, direction: 'out', top: 1 });
  const row = flows.rows.find((r) => r.address === H1);
  expect(row).toBeDefined();
  await host.call('graph.apply', {
    caseId,
    ops: [
      {
        op: 'put',
        nodes: [
          { id: EXPLOITER, position: { x: 0, y: 0 } },
          { id: H1, position: { x: 240, y: 0 } },
        ],
        edges: [{ source: EXPLOITER, target: H1, assetId: row?.asset.id ?? 0 }],
      },
    ],
  });
  return caseId;
}

describe('the Trace panel, through the headless host', () => {
  it(
    'traces a selected seed with haircut, adds the traced subgraph, compares with poison, and reopens it after a reload',
    async () => {
      const host = await startHost(suite.freshWorkspace());
      const caseId = await arrange(host);
      const { page, watch } = await openPage(suite.browser, host.url);
      await openGraph(page, TITLE);

      // Select H1 on the graph through the search box, and make it the seed.
      const box = page.getByRole('searchbox', { name: 'Search the graph' });
      await box.fill(H1.slice(4, 14).toLowerCase());
      await box.press('Enter');
      await box.blur();
      await page.getByRole('tab', { name: 'Trace' }).click();
      const form = details(page).getByRole('form', { name: 'Trace parameters' });
      await form.getByRole('button', { name: 'Use selected' }).click();
      await form.getByRole('button', { name: /^Remove seed/ }).waitFor();
      expect(await form.getByLabel('Method').inputValue()).toBe('haircut');
      expect(await form.getByLabel('Hops').inputValue()).toBe('6');
      expect(await form.getByRole('checkbox', { name: 'exchange' }).isChecked()).toBe(true);
      // Only ETH: the stored parameters carry the filter.
      await form.getByLabel(/^Assets/).fill('ETH');
      await screenshot(page, 'trace-form');
      await form.getByRole('button', { name: 'Run trace' }).click();

      // The endpoint: Binance 14 with the hand-computed 1,140 ETH, 57% of the 2,000 seeded.
      const endpoints = details(page).getByRole('table', { name: 'Endpoints of the trace' });
      const binance = endpoints.getByRole('row').filter({ hasText: 'Binance 14' }).first();
      await binance.waitFor();
      expect(await binance.textContent()).toContain('1,140 ETH');
      expect(await binance.textContent()).toContain('57.00%');
      await details(page)
        .getByRole('heading', { name: /^Trace #1: haircut, forward/ })
        .waitFor();
      await page.getByLabel('Taint legend').waitFor();
      const reached = details(page).getByRole('grid', { name: 'Reached addresses' });
      await reached.getByRole('row', { name: /1,140 ETH/ }).waitFor();
      await screenshot(page, 'trace-result');
      expect((await host.call('trace.get', { id: 1 })).parameters).toMatchObject({ assets: ['ETH'] });

      // Add the traced subgraph: one edit, the reached addresses and the edges between them, undoable.
      await details(page).getByRole('button', { name: 'Add traced subgraph (3)' }).click();
      await expect
        .poll(async () => (await host.call('graph.get', { caseId })).nodes.map((n) => n.id).sort())
        .toEqual([BINANCE, EXPLOITER, H1, H2, H3].sort());
      const graph = await host.call('graph.get', { caseId });
      expect(graph.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(
        [`${EXPLOITER}>${H1}`, `${H1}>${H2}`, `${H1}>${H3}`, `${H2}>${BINANCE}`, `${H3}>${BINANCE}`].sort(),
      );
      // Left to right by hop distance.
      const x = (id: string) => graph.nodes.find((n) => n.id === id)?.position?.x ?? NaN;
      expect(x(H1)).toBeLessThan(x(H2));
      expect(x(H2)).toBeLessThan(x(BINANCE));
      expect(x(H2)).toBe(x(H3));
      await canvasReady(page);
      expect(await details(page).getByRole('button', { name: 'Add traced subgraph' }).isDisabled()).toBe(true);

      // The first path to Binance, hop by hop, highlighted on the graph.
      await binance.waitFor();
      await endpoints.getByRole('button', { name: /^Path 1 · 2 hops · 750 ETH/ }).click();
      const hops = details(page).getByRole('list', { name: 'Hops of the traced path shown' }).getByRole('listitem');
      await expect.poll(() => hops.count()).toBe(2);
      expect(await hops.nth(1).textContent()).toContain('Binance 14');
      // H2's imported label is markup: it shows as text, and no element was made of it.
      expect(await hops.nth(0).textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await page.locator('main img').count()).toBe(0);
      await page.waitForTimeout(400);
      await screenshot(page, 'trace-subgraph-path');

      // Poison beside haircut: Binance 1,390 ETH, 250 more.
      await details(page).getByLabel('Method to compare with').selectOption('poison');
      await details(page).getByRole('button', { name: 'Run beside' }).click();
      const compared = details(page).getByRole('table', { name: 'Endpoints by method' });
      const row = compared.getByRole('row').filter({ hasText: 'Binance 14' });
      await row.waitFor();
      expect(await compared.getByRole('columnheader').allTextContents()).toEqual([
        '',
        'haircut #1',
        'poison #2',
        'Difference',
      ]);
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(1)).toEqual(['1,140 ETH', '1,390 ETH', '+250 ETH']);
      await screenshot(page, 'trace-compare');

      // Re-running the stored trace gives the same report, byte for byte.
      await details(page).getByRole('button', { name: 'Re-run' }).click();
      await details(page).getByText('Re-run: identical').waitFor();

      // Undo takes the traced subgraph away again, redo brings it back.
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(async () => (await host.call('graph.get', { caseId })).nodes.length).toBe(2);
      await page.getByRole('button', { name: 'Redo' }).click();
      await expect.poll(async () => (await host.call('graph.get', { caseId })).nodes.length).toBe(5);

      // Reload: both traces are stored with the case; the haircut one reopens with its figures.
      await page.reload();
      await openGraph(page, TITLE);
      await page.getByRole('tab', { name: 'Trace' }).click();
      const stored = details(page).getByRole('region', { name: 'Stored traces' });
      await stored.getByRole('button', { name: /^#2 · poison forward/ }).waitFor();
      await stored.getByRole('button', { name: /^#1 · haircut forward/ }).click();
      await endpoints.getByRole('row').filter({ hasText: 'Binance 14' }).getByText('1,140 ETH').waitFor();
      await canvasReady(page);
      await page.waitForTimeout(400);
      await screenshot(page, 'trace-reopened');

      // Closing the trace view gives the graph its usual look back.
      await page.getByLabel('Taint legend').getByRole('button', { name: 'Close trace view' }).click();
      await page.getByLabel('Taint legend').waitFor({ state: 'detached' });

      await page.waitForTimeout(300);
      expectNothingBroke(watch);
    },
    STORY_MS,
  );
});
