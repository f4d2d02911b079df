/**
 * The Summary story in a real browser: an investigator picks an actor and sees the losses attributed to it per
 * victim jurisdiction and per year with their charts, and the cash-out exposure; clicking a figure lists the
 * incidents behind it with the basis of each attribution. Labels and sources with markup stay text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eth, fixture } from '../summary/fixture';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

const STORY_MS = 90_000;
const suite = e2eSuite();

const MARKUP = '<img src=x onerror=alert(1)>';

/** Lazarus Group's thefts in two cases: Japan (two exchanges), Vietnam, the US and Hong Kong. */
function seed(file: string) {
  const f = fixture(file);
  const lazarus = f.entity({ key: 'lazarusgroup', label: 'Lazarus Group', kind: 'actor', jurisdictions: ['KP'] });
  f.entity({ key: 'andariel', label: 'Andariel', kind: 'actor' });
  const coincheck = f.entity({ key: 'coincheck', label: 'Coincheck', kind: 'victim', jurisdictions: ['JP'] });
  const zaif = f.entity({ key: 'zaif', label: 'Zaif', kind: 'victim', jurisdictions: ['JP'] });
  const ronin = f.entity({ key: 'ronin', label: 'Ronin Network', kind: 'victim', jurisdictions: ['VN'] });
  const harmony = f.entity({ key: 'harmony', label: 'Harmony Bridge', kind: 'victim', jurisdictions: ['US'] });
  const hk = f.entity({ label: `Exchange ${MARKUP}`, kind: 'victim', jurisdictions: ['HK'] });
  const wallet = f.tag(eth('a'), { actor: 'lazarusgroup', label: 'Lazarus consolidation wallet' });
  const main = f.caseId('DPRK thefts 2018–2022');
  const other = f.caseId('Hong Kong exchange');
  const trace = f.trace({
    caseId: main,
    addresses: [{ address: wallet, tainted: '5230000000000000000000' }],
    endpoints: [
      { entity: 'Huobi', jurisdiction: 'SC', kind: 'exchange', usd: '12500000.00' },
      { entity: 'Tornado Cash', jurisdiction: null, kind: 'mixer', usd: '4000000.50' },
    ],
  });
  const coincheckTheft = f.incident({
    caseId: main,
    victimId: coincheck,
    jurisdiction: 'JP',
    time: '2018-01-26T03:00:00Z',
    usd: '534000000',
    title: 'Coincheck NEM theft',
  });
  f.attribute(coincheckTheft, lazarus, 'forensic_investigation', 'UN Panel of Experts S/2019/171');
  f.incident({
    caseId: main,
    victimId: zaif,
    jurisdiction: 'JP',
    time: '2018-09-14T08:00:00Z',
    usd: '187000000',
    title: 'Zaif hot wallet',
    traceId: trace,
  });
  const roninTheft = f.incident({
    caseId: main,
    victimId: ronin,
    jurisdiction: 'VN',
    time: '2022-03-23T12:00:00Z',
    usd: '540000000',
    basis: 'typed',
    title: 'Ronin bridge',
  });
  f.attribute(roninTheft, lazarus, 'authority_data', 'FBI press release 2022-04-14');
  const harmonyTheft = f.incident({
    caseId: main,
    victimId: harmony,
    jurisdiction: 'US',
    time: '2022-06-24T00:00:00Z',
    usd: '497000000',
    title: 'Harmony Horizon bridge',
  });
  f.attribute(harmonyTheft, lazarus, 'authority_data', 'FBI press release 2023-01-23');
  const hkTheft = f.incident({
    caseId: other,
    victimId: hk,
    jurisdiction: 'HK',
    time: '2019-05-01T00:00:00Z',
    usd: '281000000',
    title: `HK ${MARKUP}`,
  });
  f.attribute(hkTheft, lazarus, 'forensic', `report ${MARKUP}`);
  f.db.close();
}

async function pickActor(page: Page, text: string, label: string) {
  await page.getByRole('tab', { name: 'Summary' }).click();
  const actor = page.getByRole('combobox', { name: 'Actor' });
  await actor.click();
  await actor.fill(text);
  await page.getByRole('option', { name: new RegExp(label) }).click();
  await page.getByTestId('summary-total').waitFor();
}

const jurisdictionTable = (page: Page) => page.getByRole('table', { name: 'Losses by victim jurisdiction' });

async function tableRows(page: Page, name: string): Promise<string[][]> {
  return page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
}

describe('the Summary section in the browser', () => {
  it(
    'shows the loss per jurisdiction and year, and lists the incidents behind a figure',
    async () => {
      const db = suite.freshWorkspace();
      seed(db);
      const host = await startHost(db);
      const { page, watch } = await openPage(suite.browser, host.url);

      await page.getByRole('tab', { name: 'Summary' }).click();
      await page.getByRole('heading', { name: 'Choose an actor' }).waitFor();
      await pickActor(page, 'laz', 'Lazarus Group');

      await expect.poll(() => page.getByTestId('summary-total').textContent()).toBe('$2,039,000,000.00');
      expect(await tableRows(page, 'Losses by victim jurisdiction')).toEqual([
        ['JP', 'Japan', '2', '$721,000,000.00', '35.36%'],
        ['VN', 'Vietnam', '1', '$540,000,000.00', '26.48%'],
        ['US', 'United States', '1', '$497,000,000.00', '24.37%'],
        ['HK', 'Hong Kong SAR China', '1', '$281,000,000.00', '13.78%'],
      ]);
      await page.getByText('1 incident’s USD was typed in (no price that day).', { exact: false }).waitFor();
      // The bars say what they show, for screen readers and on hover.
      await page.getByRole('button', { name: 'Japan: $721,000,000.00, 35.36% of the total, 2 incidents' }).waitFor();
      await page.getByRole('button', { name: '2022: $1,037,000,000.00, 2 incidents' }).waitFor();
      expect(await tableRows(page, 'Cash-out exposure by jurisdiction')).toEqual([
        ['SC', 'Seychelles', '$12,500,000.00', 'Huobi'],
        ['—', 'Unknown', '$4,000,000.50', 'Tornado Cash'],
      ]);
      await screenshot(page, 'summary-light-01-lazarus');

      await jurisdictionTable(page).getByRole('row', { name: /Japan/ }).click();
      const details = page.getByRole('complementary', { name: 'Japan (JP)' });
      await details.waitFor();
      const incidents = details.getByRole('list', { name: 'Incidents' }).locator(':scope > li');
      await expect.poll(() => incidents.count()).toBe(2);
      await details.getByText('Coincheck NEM theft').waitFor();
      await details.getByText('UN Panel of Experts S/2019/171').waitFor();
      await details.getByText('Zaif hot wallet').waitFor();
      await details.getByText(/^Trace #\d+$/).waitFor();
      await details.getByText('Lazarus consolidation wallet', { exact: false }).waitFor();
      await screenshot(page, 'summary-light-02-japan');

      // A year bar lists that year's incidents; a cash-out row its entities and traces.
      await page.getByRole('button', { name: /^2019:/ }).click();
      const year = page.getByRole('complementary', { name: 'Year 2019' });
      await year.getByText(`HK ${MARKUP}`).waitFor();
      await year.getByText(`report ${MARKUP}`).waitFor();
      await page
        .getByRole('table', { name: 'Cash-out exposure by jurisdiction' })
        .getByRole('row', { name: /Seychelles/ })
        .click();
      await page
        .getByRole('complementary', { name: 'Cash-out: Seychelles (SC)' })
        .getByText(/^Trace #\d+$/)
        .waitFor();
      await page.getByRole('heading', { name: 'Cash-out exposure' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'summary-light-03-cashout');

      // A higher threshold leaves out the attributions below it; one case narrows it further.
      await page.getByLabel('Minimum confidence', { exact: true }).selectOption('70');
      await expect.poll(() => page.getByTestId('summary-total').textContent()).toBe('$534,000,000.00');
      await page.getByLabel('Minimum confidence', { exact: true }).selectOption('50');
      await page.getByLabel('Case', { exact: true }).selectOption({ label: '#2 Hong Kong exchange' });
      await expect.poll(() => page.getByTestId('summary-total').textContent()).toBe('$281,000,000.00');
      await page.getByLabel('Case', { exact: true }).selectOption('');
      await page.getByLabel('From', { exact: true }).fill('2022-06-24');
      await expect.poll(() => page.getByTestId('summary-total').textContent()).toBe('$497,000,000.00');
      await page.getByLabel('From', { exact: true }).fill('2023-01-01');
      await page.getByRole('heading', { name: 'No attributed incidents' }).waitFor();

      // An actor with nothing attributed says so.
      await pickActor(page, 'andar', 'Andariel');
      await page.getByRole('heading', { name: 'No attributed incidents' }).waitFor();
      expect(await page.locator('img').count()).toBe(0);
      expectNothingBroke(watch);
    },
    STORY_MS,
  );

  it(
    'follows a dark OS theme',
    async () => {
      const db = suite.freshWorkspace();
      seed(db);
      const host = await startHost(db);
      const { page, watch } = await openPage(suite.browser, host.url, { colorScheme: 'dark' });
      // The keyboard way in: once the app is up (its case list loaded), Ctrl+4 opens the Summary.
      await page.getByRole('listbox', { name: 'Cases' }).getByRole('option').first().waitFor();
      await page.keyboard.press('Control+4');
      await expect.poll(() => page.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('heading', { name: 'Choose an actor' }).waitFor();
      await screenshot(page, 'summary-dark-00-empty');
      await pickActor(page, 'Lazarus', 'Lazarus Group');
      await jurisdictionTable(page).getByRole('row', { name: /Japan/ }).click();
      await page.getByRole('complementary', { name: 'Japan (JP)' }).waitFor();
      await screenshot(page, 'summary-dark-01-japan');
      expectNothingBroke(watch);
    },
    STORY_MS,
  );
});
