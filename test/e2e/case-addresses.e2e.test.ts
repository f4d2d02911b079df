/**
 * Addresses in a case, in a real browser: an investigator pastes a list into the open case, the report says
 * what was added, what the case already held and which lines were refused and why, the text stays to be fixed,
 * and the case's list shows what went in. Text that looks like markup is shown as text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphsense } from '../helpers/shared-data';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

const STORY_MS = 90_000;
const TITLE = 'Hot-wallet drain at Example Exchange';
const LAZARUS_BTC = 'BTC:134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak';
const VITALIK = 'ETH:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
/** One letter's case flipped from VITALIK: the EIP-55 checksum fails, so the engine must refuse it. */
const BAD_CHECKSUM = 'ETH:0xD8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const MARKUP = 'BTC:<img src=x onerror=alert(1)>';

const suite = e2eSuite();

function addDialog(page: Page) {
  return page.getByRole('dialog', { name: `Add addresses to ${TITLE}` });
}

function caseAddresses(page: Page) {
  return page.getByRole('grid', { name: 'Addresses in this case' });
}

async function openCase(page: Page) {
  await page.getByRole('listbox', { name: 'Cases' }).getByRole('option', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
}

async function addLines(page: Page, lines: string[]) {
  const dialog = addDialog(page);
  await dialog.getByLabel('Addresses', { exact: true }).fill(lines.join('\n'));
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  return dialog;
}

/** The visually hidden summary, which is also what a screen reader announces. */
function summary(page: Page) {
  return addDialog(page).getByRole('status').textContent();
}

describe('addresses in a case, through the headless host', () => {
  it(
    'pastes a list into a case, reports each refused line, and lists what was added',
    async () => {
      const host = await startHost(suite.freshWorkspace());
      await host.call('case.create', { title: TITLE, reference: 'CR-2024-0113' });
      const { page, watch } = await openPage(suite.browser, host.url);
      await openCase(page);

      await page.getByRole('heading', { level: 2, name: /^Addresses in this case/ }).waitFor();
      await page.getByText('No addresses in this case yet.').waitFor();
      await screenshot(page, 'light-30-case-no-addresses');

      await page.getByRole('button', { name: 'Add addresses…' }).click();
      const lines = [LAZARUS_BTC, VITALIK, LAZARUS_BTC, BAD_CHECKSUM];
      const dialog = await addLines(page, lines);
      await expect.poll(() => summary(page)).toBe('2 added, 1 already in the case, 1 refused.');
      const refused = dialog.getByRole('grid', { name: 'Refused lines' });
      await refused.getByRole('row', { name: /^4 bad EIP-55 checksum/ }).waitFor();
      expect(await refused.locator('.vtable-body [role="row"]').count()).toBe(1);
      // The text stays, so the refused line can be fixed where it is.
      expect(await dialog.getByLabel('Addresses', { exact: true }).inputValue()).toBe(lines.join('\n'));
      await screenshot(page, 'light-31-paste-report');

      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => summary(page)).toBe('0 added, 3 already in the case, 1 refused.');

      await addLines(page, [...lines, MARKUP]);
      await expect.poll(() => summary(page)).toBe('0 added, 3 already in the case, 2 refused.');
      await refused.getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
      await refused.getByRole('row', { name: /^5 / }).waitFor();
      expect(await page.locator('dialog img, main img').count()).toBe(0);
      await screenshot(page, 'light-32-paste-markup');

      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { level: 2, name: 'Addresses in this case 2' }).waitFor();
      const grid = caseAddresses(page);
      await grid.getByRole('row', { name: /134r8iHv69/ }).waitFor();
      await grid.getByRole('row', { name: /0xd8dA6BF2/ }).waitFor();
      expect(await grid.locator('.vtable-body [role="row"]').count()).toBe(2);
      expect(await grid.locator('[title="0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"]').count()).toBe(1);
      await screenshot(page, 'light-33-case-addresses');

      // Reopened on the same case, the box still holds what was pasted.
      await page.keyboard.press('Control+Shift+A');
      expect(await addDialog(page).getByLabel('Addresses', { exact: true }).inputValue()).toContain(MARKUP);
      await page.keyboard.press('Escape');
      await addDialog(page).waitFor({ state: 'hidden' });

      await grid.getByRole('row', { name: /134r8iHv69/ }).click();
      const details = page.getByRole('complementary', { name: 'Address details' });
      await details.getByText('134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak', { exact: true }).waitFor();

      // An injected <img> would fail to load and fire onerror within a frame or two; give it ample time.
      await page.waitForTimeout(300);
      expectNothingBroke(watch);
    },
    STORY_MS,
  );

  it('follows a dark OS theme', async () => {
    const host = await startHost(suite.freshWorkspace());
    // Tags from a pack, so the case's list shows a label, a confidence and an entity beside the address.
    await host.importFiles([graphsense('actors', 'graphsense.actorpack.yaml'), graphsense('packs', 'lazarus.yaml')]);
    const created = await host.call('case.create', { title: TITLE, reference: 'CR-2024-0113' });
    await host.call('case.update', { id: created.id, description: 'Funds left the hot wallet in 14 transfers.' });
    const { page, watch } = await openPage(suite.browser, host.url, { colorScheme: 'dark' });
    await openCase(page);
    await screenshot(page, 'dark-30-case-no-addresses');

    await page.keyboard.press('Control+Shift+A');
    await addLines(page, ['# from the exchange’s incident report', LAZARUS_BTC, VITALIK, BAD_CHECKSUM, MARKUP]);
    await expect.poll(() => summary(page)).toBe('2 added, 0 already in the case, 2 refused.');
    await screenshot(page, 'dark-31-paste-report');
    await addDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
    await caseAddresses(page)
      .getByRole('row', { name: /134r8iHv69/ })
      .hover();
    await screenshot(page, 'dark-33-case-addresses');
    expectNothingBroke(watch);
  });
});
