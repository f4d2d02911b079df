/**
 * The case graph in a real browser: an investigator adds the exploiter's address, expands it (through the
 * expansion dialog, since it has more counterparties than the threshold) and its neighbours, annotates a node
 * and an edge, writes a case note, groups two addresses and collapses them, finds a path and reads its hops,
 * undoes and redoes, and reloads the page to find everything as it was. A tag label written as markup shows as
 * text.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphsense } from '../helpers/shared-data';
import { ROOT, e2eSuite, expectNothingBroke, openPage, screenshot, startHost, type Host } from './harness';
import { canvasReady, details, openGraph } from './graph-page';

const STORY_MS = 150_000;
const TITLE = 'Ronin bridge drain';
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'graph');
const EXPLOITER = 'ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const H1 = 'ETH:0x35fB6f6DB4fb05e6A4cE86f2C93691425626d4b1';
const H2 = 'ETH:0x4f3a120E72C76c22ae802D129F599BFDbc31cb81';
const H3 = 'ETH:0xe708f17240732bBfa1BaA8513F66b665Fbc7ce10';
const BINANCE = 'ETH:0x28C6c06298d514Db089934071355E5743bf21d60';
const MARKUP = '<img src=x onerror=alert(1)>';

const suite = e2eSuite();

async function arrange(host: Host): Promise<number> {
  const report = await host.importFiles([
    graphsense('actors', 'graphsense.actorpack.yaml'),
    ...['transfers.csv', 'prices.csv', 'utxo.json', 'tags.yaml'].map((f) => path.join(FIXTURES, f)),
  ]);
  expect(report.failed).toEqual([]);
  expect(report.rejected).toBe(0);
  const created = await host.call('case.create', { title: TITLE, reference: 'RON-2022-03' });
  return created.id;
}

/** Selects nodes through the canvas search box, as an investigator would find them by address or label. */
async function find(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: 'Search the graph' });
  await box.fill(query);
  await box.press('Enter');
  // Out of the box, so the next key is a graph shortcut rather than typing.
  await box.blur();
}

/** The graph as the workspace holds it, for assertions that the picture was stored, not only drawn. */
function stored(host: Host, caseId: number) {
  return host.call('graph.get', { caseId });
}

describe('the case graph, through the headless host', () => {
  it(
    'builds, annotates, groups, finds a path, undoes and redoes, and comes back the same after a reload',
    async () => {
      const host = await startHost(suite.freshWorkspace());
      const caseId = await arrange(host);
      const { page, watch } = await openPage(suite.browser, host.url);
      await openGraph(page, TITLE);
      await page.getByText('The graph is empty').waitFor();

      // Add the seed by pasting it, with a bad line beside it that is refused with its reason.
      await page.getByRole('button', { name: 'Search or paste addresses…' }).click();
      const add = page.getByRole('dialog', { name: 'Add addresses to the graph' });
      await add.getByRole('tab', { name: 'Paste' }).click();
      await add.getByLabel('Addresses, one per line as CHAIN:ADDRESS').fill(`${EXPLOITER}\nETH:0x12`);
      await add.getByRole('button', { name: 'Check and add' }).click();
      await add.getByText('1 address added, 1 line refused.').waitFor();
      await add.getByRole('table', { name: 'Refused lines' }).getByText('ETH:0x12').waitFor();
      await add.getByRole('button', { name: 'Close' }).click();
      await canvasReady(page);

      // The exploiter has more counterparties than the threshold: the dialog lists them, top 5 are chosen.
      await find(page, 'exploiter');
      await details(page).getByRole('heading', { name: 'Ronin bridge exploiter' }).waitFor();
      await details(page).getByText('Sanctioned').waitFor();
      await details(page).getByText('authority_data', { exact: false }).first().waitFor();
      await details(page).getByRole('button', { name: 'Expand out' }).click();
      const expand = page.getByRole('dialog', { name: 'Expand Ronin bridge exploiter' });
      await expand.getByText(/25 counterparty flows sent to this address/).waitFor();
      await expand.getByLabel('Top by value').fill('3');
      await expand.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => expand.getByRole('table', { name: 'Candidates' }).locator('tbody tr').count()).toBe(3);
      await screenshot(page, 'graph-light-expand');
      await expand.getByRole('button', { name: 'Add 3 counterparties' }).click();
      await expand.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await stored(host, caseId)).nodes.length).toBe(4);

      // Follow the money: H1 out (few counterparties, added at once), then H2 and H3 out.
      const expansions: [string, string][] = [
        [H1, `${H1}>${H3}`],
        [H2, `${H2}>${BINANCE}`],
        [H3, `${H3}>${BINANCE}`],
      ];
      for (const [next, expected] of expansions) {
        await find(page, next.slice(4, 14).toLowerCase());
        await expect.poll(() => details(page).locator('.details-address .mono').textContent()).toBe(next);
        await page.keyboard.press('e');
        await expect
          .poll(async () => (await stored(host, caseId)).edges.map((e) => `${e.source}>${e.target}`))
          .toContain(expected);
        await canvasReady(page);
      }
      const built = await stored(host, caseId);
      expect(built.edges.map((e) => `${e.source}>${e.target}`)).toEqual(
        expect.arrayContaining([`${EXPLOITER}>${H1}`, `${H1}>${H2}`, `${H2}>${BINANCE}`, `${H3}>${BINANCE}`]),
      );
      expect(built.nodes.every((n) => n.position !== null)).toBe(true);

      // The markup label is plain text in the details, and no element was injected.
      await find(page, H2.slice(4, 14));
      await details(page).getByRole('heading', { name: MARKUP }).waitFor();
      expect(await page.locator('main img').count()).toBe(0);

      // Annotate a node: note, highlight, flags.
      await find(page, 'Binance');
      await details(page).getByRole('heading', { name: 'Binance 14' }).waitFor();
      await details(page).getByLabel('Note on this node').fill('Deposit address: send a freezing request.');
      await details(page).getByRole('button', { name: 'Save note' }).click();
      await details(page).getByRole('button', { name: 'Highlight Yellow' }).click();
      await details(page).getByRole('checkbox', { name: 'cash-out' }).click();
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === BINANCE)?.flags)
        .toEqual(['cash-out']);

      // A case note.
      await page.getByRole('tab', { name: 'Case notes' }).click();
      await details(page).getByLabel('New case note').fill('Funds split at H1; both branches end at Binance 14.');
      await details(page).getByRole('button', { name: 'Add note' }).click();
      await details(page).getByText('Funds split at H1; both branches end at Binance 14.').waitFor();

      // Path from the exploiter to Binance: two routes of three hops, hop by hop.
      await page.getByRole('tab', { name: 'Paths' }).click();
      await setPathEnds(page, EXPLOITER, BINANCE);
      await details(page).getByRole('button', { name: 'Find paths' }).click();
      await details(page).getByRole('button', { name: 'Path 1 · 3 hops' }).waitFor();
      await details(page).getByRole('button', { name: 'Path 2 · 3 hops' }).waitFor();
      const hops = details(page).getByRole('list', { name: 'Hops of the path shown' }).getByRole('listitem');
      expect(await hops.count()).toBe(3);
      expect(await hops.nth(0).textContent()).toContain('Ronin bridge exploiter → 0x35fB…d4b1');
      expect(await hops.nth(1).textContent()).toContain(`0x35fB…d4b1 → ${MARKUP}`);
      expect(await hops.nth(2).textContent()).toContain(`${MARKUP} → Binance 14`);
      await screenshot(page, 'graph-light-path');

      // Annotate the last hop's edge, opened from the path, and page through its transfers.
      await hops.nth(2).getByRole('button').click();
      await details(page).getByLabel('Note on this edge').fill('Structured deposit.');
      await details(page).getByRole('button', { name: 'Save note' }).click();
      await details(page).getByRole('checkbox', { name: 'suspect' }).click();
      const edgeId = built.edges.find((e) => e.source === H2 && e.target === BINANCE)?.id;
      await expect
        .poll(async () => (await stored(host, caseId)).edges.find((e) => e.id === edgeId)?.flags)
        .toEqual(['suspect']);
      expect((await stored(host, caseId)).edges.find((e) => e.id === edgeId)?.note).toBe('Structured deposit.');
      await details(page)
        .getByRole('grid', { name: 'Transfers of this edge' })
        .getByRole('row', { name: /1,000 ETH/ })
        .waitFor();

      // Flag the two branch addresses, find them by the flag, and group them.
      for (const branch of [H1, H3]) {
        await find(page, branch.slice(4, 14).toLowerCase());
        await details(page).getByLabel('Custom flag').fill('branch');
        await details(page).getByRole('button', { name: 'Add flag' }).click();
        await expect
          .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === branch)?.flags)
          .toEqual(['branch']);
      }
      await find(page, 'branch');
      await details(page).getByRole('heading', { name: '2 nodes, 0 edges selected' }).waitFor();
      await details(page).getByRole('button', { name: 'Group…' }).click();
      const group = page.getByRole('dialog', { name: 'Group addresses' });
      await group.getByLabel('Name').fill('Peel chain');
      await group.getByLabel('Kind').selectOption('actor');
      await group.getByRole('button', { name: 'Group', exact: true }).click();
      await group.waitFor({ state: 'hidden' });
      await find(page, 'Peel');
      await details(page).getByText('Group of 2 addresses, expanded.').waitFor();
      await screenshot(page, 'graph-light-group-expanded');
      await details(page).getByRole('button', { name: 'Collapse group' }).click();
      await details(page).getByText('Group of 2 addresses, collapsed.').waitFor();
      await screenshot(page, 'graph-light-grouped');

      // Undo the collapse with the keyboard, redo it with the toolbar.
      await page.keyboard.press('Control+z');
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === 'group:Peel-chain')?.collapsed)
        .toBe(false);
      await page.getByRole('button', { name: 'Redo' }).click();
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === 'group:Peel-chain')?.collapsed)
        .toBe(true);

      // Reload: the same graph from the workspace, positions and all.
      const before = await stored(host, caseId);
      await page.reload();
      await openGraph(page, TITLE);
      const after = await stored(host, caseId);
      expect(after).toEqual(before);
      await find(page, 'Binance');
      await details(page).getByRole('heading', { name: 'Binance 14' }).waitFor();
      expect(await details(page).getByLabel('Note on this node').inputValue()).toBe(
        'Deposit address: send a freezing request.',
      );
      await page.getByRole('tab', { name: 'Case notes' }).click();
      await details(page).getByText('Funds split at H1; both branches end at Binance 14.').waitFor();
      await page.getByRole('tab', { name: 'Details' }).click();
      await find(page, 'Peel');
      await details(page).getByText('Group of 2 addresses, collapsed.').waitFor();
      await page.keyboard.press('Escape');
      await screenshot(page, 'graph-light-reloaded');

      await page.waitForTimeout(300);
      expectNothingBroke(watch);
    },
    STORY_MS,
  );

  it(
    'follows a dark OS theme, lays out, exports PNG and SVG, hides and shows, and offers a context menu',
    async () => {
      const host = await startHost(suite.freshWorkspace());
      const caseId = await arrange(host);
      // A graph written without positions: the canvas lays it out on first sight and stores where things went.
      const flows = await Promise.all(
        [EXPLOITER, H1, H2, H3].map((address) =>
          host.call('graph.neighbours', { caseId, address, direction: 'out', top: 6 }),
        ),
      );
      const sources = [EXPLOITER, H1, H2, H3];
      const rows = flows.flatMap((f, i) => f.rows.map((row) => ({ source: sources[i] ?? '', row })));
      const ids = [...new Set([...sources, ...rows.map((r) => r.row.address)])];
      await host.call('graph.apply', {
        caseId,
        ops: [
          {
            op: 'put',
            nodes: ids.map((id) => ({ id })),
            edges: rows.map(({ source, row }) => ({ source, target: row.address, assetId: row.asset.id })),
          },
        ],
      });
      const { page, watch } = await openPage(suite.browser, host.url, { colorScheme: 'dark' });
      await openGraph(page, TITLE);
      await expect.poll(async () => (await stored(host, caseId)).nodes.every((n) => n.position !== null)).toBe(true);

      await page.getByRole('button', { name: 'Force' }).click();
      await canvasReady(page);
      await page.getByRole('button', { name: 'Legend' }).click();
      await find(page, 'Binance');
      await screenshot(page, 'graph-dark');

      const png = page.waitForEvent('download');
      await page.getByRole('button', { name: 'PNG' }).click();
      const pngFile = await png;
      expect(pngFile.suggestedFilename()).toBe('Ronin-bridge-drain-graph.png');
      const pngBytes = fs.readFileSync(await pngFile.path());
      expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

      const svg = page.waitForEvent('download');
      await page.getByRole('button', { name: 'SVG' }).click();
      const svgText = fs.readFileSync(await (await svg).path(), 'utf8');
      expect(svgText).toContain('<svg');
      expect(svgText).toContain('Binance 14');
      expect(svgText).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(svgText).not.toContain('<img');

      // A found node sits at the centre of the canvas: drag it, and where it was left is stored.
      const canvas = page.locator('[data-testid="graph-canvas"]');
      const box = await canvas.boundingBox();
      if (!box) throw new Error('no canvas');
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const placed = (await stored(host, caseId)).nodes.find((n) => n.id === BINANCE)?.position;
      await page.getByRole('button', { name: 'Hide legend' }).click();
      await find(page, 'Binance');
      await page.mouse.move(centre.x, centre.y);
      await page.mouse.down();
      await page.mouse.move(centre.x + 60, centre.y + 40, { steps: 6 });
      await page.mouse.up();
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === BINANCE)?.position?.x)
        .toBeGreaterThan((placed?.x ?? 0) + 10);

      // Right-click on the node: its actions; pin it.
      await page.mouse.click(centre.x + 60, centre.y + 40, { button: 'right' });
      const nodeMenu = page.getByRole('menu', { name: 'Graph actions' });
      await nodeMenu.getByRole('menuitem', { name: 'Expand in' }).waitFor();
      await nodeMenu.getByRole('menuitem', { name: 'Pin in place' }).click();
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === BINANCE)?.pinned)
        .toBe(true);

      // Delete removes the selection from the graph; undo brings it back.
      const mixer = 'Tornado Cash Router';
      await find(page, mixer);
      await page.keyboard.press('Delete');
      await expect.poll(async () => (await stored(host, caseId)).nodes.some((n) => n.label === mixer)).toBe(false);
      await page.keyboard.press('Delete');
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await stored(host, caseId)).nodes.some((n) => n.label === mixer)).toBe(true);
      await find(page, 'Binance');

      // H hides the selection; the Hidden tab brings it back.
      await page.keyboard.press('h');
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === BINANCE)?.hidden)
        .toBe(true);
      await page.getByRole('tab', { name: /^Hidden/ }).click();
      await details(page).getByRole('button', { name: 'Show all (1)' }).click();
      await expect
        .poll(async () => (await stored(host, caseId)).nodes.find((n) => n.id === BINANCE)?.hidden)
        .toBe(false);

      // Right-click on empty canvas: the canvas's own actions.
      await page.mouse.click(box.x + box.width - 8, box.y + 8, { button: 'right' });
      const menu = page.getByRole('menu', { name: 'Graph actions' });
      await menu.getByRole('menuitem', { name: 'Fit to view' }).click();
      await menu.waitFor({ state: 'hidden' });

      // A time window dims what lies outside it, and clears.
      await page.getByRole('slider', { name: 'From' }).fill('500');
      await page.getByRole('group', { name: 'Filters' }).getByText('2022-03-29 – 2022-04-04').waitFor();
      await screenshot(page, 'graph-dark-filtered');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('group', { name: 'Filters' }).getByText('2022-03-24 – 2022-04-04').waitFor();

      // The help popover lists the shortcuts.
      await page.keyboard.press('?');
      await page
        .getByRole('dialog', { name: 'Graph shortcuts' })
        .getByText('Remove the selection from the graph')
        .waitFor();
      await screenshot(page, 'graph-dark-help');
      expectNothingBroke(watch);
    },
    STORY_MS,
  );
});

async function setPathEnds(page: Page, from: string, to: string) {
  await find(page, from.slice(4, 14).toLowerCase());
  await details(page).getByRole('button', { name: 'Use selected' }).first().click();
  await find(page, to.slice(4, 14).toLowerCase());
  await details(page).getByRole('button', { name: 'Use selected' }).nth(1).click();
}
