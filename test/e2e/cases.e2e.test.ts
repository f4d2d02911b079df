/**
 * The Foundation story in a real browser: cases are created, survive a restart of the host, are renamed,
 * archived and deleted through the UI, and nothing a user types is ever run as markup.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

const STORY_MS = 90_000;

const suite = e2eSuite();

function caseList(page: Page) {
  return page.getByRole('listbox', { name: 'Cases' });
}

function caseOption(page: Page, title: string) {
  return caseList(page).getByRole('option', { name: title });
}

function caseHeading(page: Page, title: string) {
  return page.getByRole('heading', { level: 1, name: title, exact: true });
}

function caseView(page: Page) {
  return page.getByRole('article');
}

async function createCaseThroughUi(page: Page, fields: { title: string; reference?: string; investigator?: string }) {
  await page.getByRole('button', { name: 'New case', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.reference) await dialog.getByLabel('Reference', { exact: true }).fill(fields.reference);
  if (fields.investigator) await dialog.getByLabel('Investigator', { exact: true }).fill(fields.investigator);
  await dialog.getByLabel('Investigator', { exact: true }).press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await caseHeading(page, fields.title).waitFor();
}

describe('cases in the browser, through the headless host', () => {
  it(
    'creates a case that survives a restart, then renames, archives and deletes it',
    async () => {
      const db = suite.freshWorkspace();
      let host = await startHost(db);
      const { page, watch } = await openPage(suite.browser, host.url);

      await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
      await screenshot(page, 'light-01-empty');

      await page.getByRole('button', { name: 'New case', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'New case' });
      await dialog.getByRole('button', { name: 'Create case' }).click();
      await dialog.getByText('Enter a title for the case.').waitFor();
      await screenshot(page, 'light-02-new-case-validation');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await createCaseThroughUi(page, {
        title: 'Hot-wallet drain at Example Exchange',
        reference: 'CR-2024-0113',
        investigator: 'Det. A. Moreau',
      });
      await caseOption(page, 'Hot-wallet drain at Example Exchange').waitFor();
      await screenshot(page, 'light-03-created');

      await host.stop();
      expect(watch.pageErrors).toEqual([]);
      host = await startHost(db);
      await page.goto(host.url);
      await caseOption(page, 'Hot-wallet drain at Example Exchange').click();
      await caseHeading(page, 'Hot-wallet drain at Example Exchange').waitFor();
      await caseView(page).getByText('CR-2024-0113', { exact: true }).waitFor();
      await caseView(page).getByText('Det. A. Moreau', { exact: true }).waitFor();
      await caseView(page).getByText('Open', { exact: true }).waitFor();

      await caseView(page).getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = page.getByRole('dialog', { name: 'Edit case' });
      await edit.getByLabel('Title', { exact: true }).fill('Lazarus: hot-wallet drain at Example Exchange');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.waitFor({ state: 'hidden' });
      await caseHeading(page, 'Lazarus: hot-wallet drain at Example Exchange').waitFor();
      await caseOption(page, 'Lazarus: hot-wallet drain at Example Exchange').waitFor();

      await page.reload();
      await caseOption(page, 'Lazarus: hot-wallet drain at Example Exchange').click();
      await caseHeading(page, 'Lazarus: hot-wallet drain at Example Exchange').waitFor();
      expect(await caseList(page).getByRole('option').count()).toBe(1);

      await caseView(page).getByRole('button', { name: 'Archive', exact: true }).click();
      await caseView(page).getByText('Archived', { exact: true }).waitFor();
      await caseView(page).getByRole('button', { name: 'Reopen', exact: true }).waitFor();
      await caseOption(page, 'Archived').waitFor();
      await screenshot(page, 'light-04-archived');

      await caseView(page).getByRole('button', { name: 'Delete', exact: true }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Delete case?' });
      await confirm.getByText('Lazarus: hot-wallet drain at Example Exchange').waitFor();
      await screenshot(page, 'light-05-delete-confirm');
      await confirm.getByRole('button', { name: 'Delete case', exact: true }).click();
      await confirm.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
      await page.getByRole('button', { name: 'Create your first case' }).waitFor();
      expect(await caseList(page).count()).toBe(0);
      await screenshot(page, 'light-06-deleted');

      expectNothingBroke(watch);
    },
    STORY_MS,
  );

  it('shows a title that looks like markup as text, and runs nothing', async () => {
    const host = await startHost(suite.freshWorkspace());
    const { page, watch } = await openPage(suite.browser, host.url);
    const markup = '<img src=x onerror=alert(1)>';

    await createCaseThroughUi(page, {
      title: markup,
      reference: '<b>R-1</b>',
      investigator: '"><script>alert(2)</script>',
    });
    await caseOption(page, markup).waitFor();
    await caseView(page).getByText('<b>R-1</b>', { exact: true }).waitFor();
    await page.reload();
    await caseOption(page, markup).click();
    await caseHeading(page, markup).waitFor();
    await caseView(page).getByText('"><script>alert(2)</script>', { exact: true }).waitFor();

    expect(await page.locator('main img, aside img, main b, main script').count()).toBe(0);
    // An injected <img> would fail to load and fire onerror within a frame or two; give it ample time.
    await page.waitForTimeout(300);
    await screenshot(page, 'light-07-markup-title');
    expectNothingBroke(watch);
  });

  it('finds cases by title, reference or investigator, most recently updated first', async () => {
    const host = await startHost(suite.freshWorkspace());
    const first = await host.call('case.create', {
      title: 'Bridge exploit, validator keys',
      reference: 'CR-2022-0042',
      investigator: 'Insp. K. Tanaka',
    });
    await pause(5);
    await host.call('case.create', {
      title: 'Phishing of an OTC desk',
      reference: 'CR-2023-0007',
      investigator: 'Det. A. Moreau',
    });
    await pause(5);
    await host.call('case.create', { title: 'Exchange hot wallet, Zaif-style drain', reference: 'JP-0193' });
    const { page, watch } = await openPage(suite.browser, host.url);

    await expectTitles(page, [
      'Exchange hot wallet, Zaif-style drain',
      'Phishing of an OTC desk',
      'Bridge exploit, validator keys',
    ]);

    await pause(5);
    await host.call('case.update', { id: first.id, description: 'Validator keys taken by social engineering.' });
    await page.reload();
    await expectTitles(page, [
      'Bridge exploit, validator keys',
      'Exchange hot wallet, Zaif-style drain',
      'Phishing of an OTC desk',
    ]);

    const search = page.getByRole('searchbox', { name: 'Search cases' });
    await search.fill('moreau');
    await expectTitles(page, ['Phishing of an OTC desk']);
    await search.fill('CR-2022');
    await expectTitles(page, ['Bridge exploit, validator keys']);
    await search.fill('hot wallet');
    await expectTitles(page, ['Exchange hot wallet, Zaif-style drain']);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => optionTitles(page)).toHaveLength(3);

    await search.fill('no such case');
    await page.getByText('No cases match').waitFor();
    await screenshot(page, 'light-08-no-results');
    await page.getByRole('button', { name: 'Show all cases' }).click();
    await expect.poll(() => optionTitles(page)).toHaveLength(3);
    expect(await search.inputValue()).toBe('');
    await caseOption(page, 'Bridge exploit, validator keys').click();
    await screenshot(page, 'light-09-list');
    expectNothingBroke(watch);
  });

  it('works from the keyboard: Ctrl+N, Escape, /, Ctrl+F, arrows and Delete', async () => {
    const host = await startHost(suite.freshWorkspace());
    await host.call('case.create', { title: 'Older case' });
    const { page, watch } = await openPage(suite.browser, host.url);
    await caseOption(page, 'Older case').waitFor();

    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.waitFor();
    await focused(page, 'input[aria-required="true"]').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+n');
    await page.keyboard.type('Typed case');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await caseHeading(page, 'Typed case').waitFor();

    await page.keyboard.press('/');
    await focused(page, 'input[aria-label="Search cases"]').waitFor();
    await page.keyboard.press('Tab');
    await focused(page, '[role="listbox"]').waitFor();
    await page.keyboard.press('Control+f');
    await focused(page, 'input[aria-label="Search cases"]').waitFor();

    await caseOption(page, 'Typed case').click();
    await page.keyboard.press('ArrowDown');
    await caseHeading(page, 'Older case').waitFor();
    await page.keyboard.press('ArrowUp');
    await caseHeading(page, 'Typed case').waitFor();

    await page.keyboard.press('Delete');
    const confirm = page.getByRole('alertdialog', { name: 'Delete case?' });
    await confirm.getByText('Typed case').waitFor();
    await focused(page, 'button:text-is("Cancel")').waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await caseHeading(page, 'Typed case').waitFor();
    expect(await caseList(page).getByRole('option').count()).toBe(2);
    expectNothingBroke(watch);
  });

  it('says so plainly when the host cannot be reached', async () => {
    const host = await startHost(suite.freshWorkspace());
    const { page, watch } = await openPage(suite.browser, host.url);
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
    await host.stop();

    await page.getByRole('button', { name: 'Create your first case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Title', { exact: true }).fill('Will not be saved');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await dialog.getByRole('alert').getByText('The Ariadne host is not reachable').waitFor();
    await screenshot(page, 'light-10-host-gone');

    expect(watch.pageErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    // Chromium itself logs the failed request (refused, or reset if a kept-alive socket was cut); the page must
    // log nothing else.
    const failedRequest = /^Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)$/;
    expect(watch.consoleErrors.filter((m) => !failedRequest.test(m))).toEqual([]);
  });

  it('follows a dark OS theme', async () => {
    const host = await startHost(suite.freshWorkspace());
    const { page, watch } = await openPage(suite.browser, host.url, { colorScheme: 'dark' });
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
    await screenshot(page, 'dark-01-empty');

    const long = await host.call('case.create', {
      title:
        'Coordinated drain of hot wallets at three exchanges through a compromised signing service, followed by layering through bridges and mixers before an OTC cash-out',
      reference: 'INTERPOL-CYBER-2024-000123-ANNEX-B',
      investigator: 'Detective Chief Inspector Alexandra Moreau-Villeneuve',
      description:
        'Reported by the exchange security team on 3 March.\nFirst outflows within 40 minutes of the compromise.\n\nSources: exchange incident report; on-chain data.',
    });
    await pause(5);
    const closed = await host.call('case.create', { title: 'Ronin bridge follow-up', reference: 'CR-2022-0311' });
    await host.call('case.update', { id: closed.id, status: 'closed' });
    await pause(5);
    const archived = await host.call('case.create', { title: 'Phishing, 2021', investigator: 'Sgt. L. Okafor' });
    await host.call('case.update', { id: archived.id, status: 'archived' });
    await page.reload();
    await caseOption(page, long.title).click();
    await caseHeading(page, long.title).waitFor();
    await screenshot(page, 'dark-02-case');

    await caseView(page).getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('dialog', { name: 'Edit case' }).waitFor();
    await screenshot(page, 'dark-03-edit');
    await page.keyboard.press('Escape');

    await caseView(page).getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Delete case?' }).waitFor();
    await screenshot(page, 'dark-04-delete-confirm');
    await page.keyboard.press('Escape');
    expectNothingBroke(watch);
  });
});

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Each option's title, in list order; an option's full text also holds its reference, badge and time. */
function optionTitles(page: Page) {
  return caseList(page).locator('.case-item-title').allTextContents();
}

/** Waits for the list to settle on these titles: a search answer lands a moment after the keystroke. */
async function expectTitles(page: Page, titles: string[]) {
  await expect.poll(() => optionTitles(page)).toEqual(titles);
}

function focused(page: Page, selector: string) {
  return page.locator(`${selector}:focus`);
}
