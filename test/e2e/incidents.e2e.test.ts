/**
 * Entities and a case's incidents in a real browser. An investigator makes the victim of a theft with two
 * jurisdictions, edits it, merges a duplicate typed in earlier, and finds it all after a reload; a label that
 * looks like markup shows as the text it is. Then, in a case over the Ronin fixture, records the theft of
 * 2,000 ETH on 2022-03-24 (3,100 USD per ETH that day: $6,200,000.00), attributes it, traces it, records a
 * second theft on a day without a price with a typed USD figure, and finds it all after a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvasReady } from './graph-page';
import { ROOT, e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const THEFT_TX = 'ETH:0x0000000000000000000000000000000000000000000000000000000000000003';
const VICTIM_ADDRESS = 'ETH:0x098B716B8Aaf21512996dC57EB0615e2383E2f96';

const STORY_MS = 120_000;
const HOSTILE = '<img src=x onerror=alert(1)>';

const suite = e2eSuite();

function entitiesGrid(page: Page) {
  return page.getByRole('grid', { name: 'Entities', exact: true });
}

function entityPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Entity details' });
}

async function openEntity(page: Page, label: string) {
  await entitiesGrid(page).getByRole('row', { name: label }).first().click();
  await entityPanel(page).getByText(label, { exact: true }).first().waitFor();
}

async function pickCountry(page: Page, dialogName: string, typed: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByRole('combobox', { name: 'Jurisdictions' }).fill(typed);
  await dialog.getByRole('combobox', { name: 'Jurisdictions' }).press('Enter');
}

describe('entities, through the headless host', () => {
  it(
    'creates an entity with two jurisdictions, edits it, merges a duplicate, and shows a hostile label as text',
    async () => {
      const host = await startHost(suite.freshWorkspace());
      // The duplicate an earlier import or a colleague left behind, and a label that looks like markup.
      await host.call('entity.create', { label: 'Coincheck Inc.', kind: 'victim', jurisdictions: ['JP'] });
      await host.call('entity.create', { label: HOSTILE, kind: 'victim', aliases: [HOSTILE] });
      const { page, watch } = await openPage(suite.browser, host.url);
      await page.getByRole('tab', { name: 'Entities', exact: true }).click();
      await entitiesGrid(page).getByRole('row', { name: 'Coincheck Inc.' }).waitFor();

      await page.getByRole('button', { name: 'New entity' }).click();
      const create = page.getByRole('dialog', { name: 'New entity' });
      await create.getByLabel('Label', { exact: true }).fill('Coincheck');
      await create.getByLabel('Kind', { exact: true }).selectOption('victim');
      await pickCountry(page, 'New entity', 'Japan');
      await pickCountry(page, 'New entity', 'us');
      await expect
        .poll(() => create.getByRole('list', { name: 'Jurisdictions chosen' }).getByRole('listitem').allTextContents())
        .toEqual(['Japan JP', 'United States US']);
      await create.getByLabel('Aliases', { exact: true }).fill('Coincheck KK\ncoincheck kk');
      await create.getByLabel('URI', { exact: true }).fill('javascript:alert(2)');
      await screenshot(page, 'entities-new-light');
      await create.getByRole('button', { name: 'Create entity' }).click();
      await create.waitFor({ state: 'detached' });

      const panel = entityPanel(page);
      await panel.getByText('Made in the app').waitFor();
      expect(await panel.getByRole('list', { name: 'Jurisdictions' }).getByRole('listitem').allTextContents()).toEqual([
        'Japan (JP)',
        'United States (US)',
      ]);
      expect(await panel.locator('dd').allTextContents()).toContain('Coincheck KK');
      // The URI is text, never a link that could run script or reach the network.
      expect(await panel.getByText('javascript:alert(2)').evaluate((el) => el.tagName)).toBe('DD');
      expect(await panel.locator('a').count()).toBe(0);

      await panel.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit entity' });
      await edit.getByRole('button', { name: 'Remove United States' }).click();
      await pickCountry(page, 'Edit entity', 'Singapore');
      await edit.getByLabel('Label', { exact: true }).fill('Coincheck (Japan)');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.waitFor({ state: 'detached' });
      await panel.getByText('Coincheck (Japan)', { exact: true }).waitFor();
      expect(await panel.getByRole('list', { name: 'Jurisdictions' }).getByRole('listitem').allTextContents()).toEqual([
        'Japan (JP)',
        'Singapore (SG)',
      ]);

      await panel.getByRole('button', { name: 'Merge duplicates into this…' }).click();
      const pick = page.getByRole('dialog', { name: 'Merge duplicates into Coincheck (Japan)' });
      await pick.getByRole('searchbox', { name: 'Search duplicates' }).fill('coincheck');
      await pick.getByRole('checkbox', { name: /Coincheck Inc\./ }).check();
      await pick.getByRole('button', { name: /Merge 1 entity into this/ }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Merge entities?' });
      await confirm.getByText('0 incidents as victim').waitFor();
      await screenshot(page, 'entities-merge-light');
      await confirm.getByRole('button', { name: 'Merge 1 entity' }).click();
      await confirm.waitFor({ state: 'detached' });
      await expect
        .poll(() => panel.locator('dd').allTextContents())
        .toContain('Coincheck Inc., Coincheck KK, coincheck-inc');
      await expect.poll(() => entitiesGrid(page).getByRole('row', { name: 'Coincheck Inc.' }).count()).toBe(0);

      await openEntity(page, HOSTILE);
      expect(await entityPanel(page).locator('img').count()).toBe(0);
      await screenshot(page, 'entities-details-light');

      // After a reload the workspace still holds every change.
      await page.reload();
      await page.getByRole('tab', { name: 'Entities', exact: true }).click();
      await openEntity(page, 'Coincheck (Japan)');
      expect(
        await entityPanel(page).getByRole('list', { name: 'Jurisdictions' }).getByRole('listitem').allTextContents(),
      ).toEqual(['Japan (JP)', 'Singapore (SG)']);
      expectNothingBroke(watch);

      const dark = await openPage(suite.browser, host.url, { colorScheme: 'dark' });
      await dark.page.getByRole('tab', { name: 'Entities', exact: true }).click();
      await openEntity(dark.page, 'Coincheck (Japan)');
      await screenshot(dark.page, 'entities-details-dark');
      await entityPanel(dark.page).getByRole('button', { name: 'Edit' }).click();
      // Arrow keys move through the matches: "korea" lists North Korea, then South Korea.
      const countries = dark.page
        .getByRole('dialog', { name: 'Edit entity' })
        .getByRole('combobox', { name: 'Jurisdictions' });
      await countries.fill('korea');
      await countries.press('ArrowDown');
      await screenshot(dark.page, 'entities-edit-dark');
      await countries.press('Enter');
      await expect
        .poll(() =>
          dark.page
            .getByRole('dialog', { name: 'Edit entity' })
            .getByRole('list', { name: 'Jurisdictions chosen' })
            .getByRole('listitem')
            .allTextContents(),
        )
        .toEqual(['Japan JP', 'South Korea KR', 'Singapore SG']);
      expectNothingBroke(dark.watch);
    },
    STORY_MS,
  );
});

function incidentRow(page: Page, text: string) {
  return page.getByRole('table', { name: 'Incidents of the case' }).getByRole('row').filter({ hasText: text });
}

function selection(page: Page) {
  return page.getByRole('group', { name: 'Selected incident' });
}

async function openIncidents(page: Page, title: string) {
  await page.getByRole('listbox', { name: 'Cases' }).getByRole('option', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Incidents', exact: true }).click();
}

describe("a case's incidents, through the headless host", () => {
  it(
    'records an incident with an inline victim, attributes it, traces it, types USD where no price exists, and reloads',
    async () => {
      const host = await startHost(suite.freshWorkspace());
      const report = await host.importFiles(
        ['transfers.csv', 'prices.csv', 'tags.yaml'].map((f) => path.join(FIXTURES, 'graph', f)),
      );
      expect(report.failed).toEqual([]);
      await host.call('case.create', { title: 'Ronin' });
      await host.call('entity.create', { label: 'Lazarus Group', kind: 'actor', jurisdictions: ['KP'] });
      const { page, watch } = await openPage(suite.browser, host.url);
      await openIncidents(page, 'Ronin');
      await page.getByText('No incidents yet.').waitFor();

      await page.getByRole('button', { name: 'New incident' }).click();
      const form = page.getByRole('dialog', { name: 'New incident' });
      await form.getByLabel('Title', { exact: true }).fill(HOSTILE);
      await form.getByRole('button', { name: 'New victim…' }).click();
      await form.getByLabel('Victim label', { exact: true }).fill('Ronin Network');
      await form.getByRole('combobox', { name: 'Victim jurisdictions' }).fill('Viet');
      await form.getByRole('combobox', { name: 'Victim jurisdictions' }).press('Enter');
      await form.getByRole('button', { name: 'Create victim' }).click();
      await expect.poll(() => form.getByLabel('Victim', { exact: true }).inputValue()).not.toBe('');
      await form.getByLabel('Time', { exact: true }).fill('2022-03-24T09:00:00Z');
      await form.getByLabel('Asset', { exact: true }).fill('ETH');
      await form.getByLabel('Amount', { exact: true }).fill('2000');
      await form.getByLabel('Theft transactions', { exact: true }).fill(THEFT_TX);
      await form.getByLabel('Victim addresses', { exact: true }).fill(`${VICTIM_ADDRESS}\nETH:0x1234`);
      await form.getByLabel('Source', { exact: true }).fill('Ronin post-mortem');
      await form.getByRole('button', { name: 'Record incident' }).click();
      await form.getByText('line 2: ETH:0x1234').waitFor();
      await screenshot(page, 'incidents-new-light');
      await form.getByLabel('Victim addresses', { exact: true }).fill(VICTIM_ADDRESS);
      await form.getByRole('button', { name: 'Record incident' }).click();
      await form.waitFor({ state: 'detached' });

      const row = incidentRow(page, 'Ronin Network');
      await row.waitFor();
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(0, 6)).toEqual([
        '2022-03-2409:00:00',
        HOSTILE,
        'Ronin Network',
        'VN',
        '2,000 ETH',
        '$6,200,000.00',
      ]);
      expect(await row.locator('img').count()).toBe(0);

      await selection(page).getByRole('button', { name: 'Attribute…' }).click();
      const attribute = page.getByRole('dialog', { name: 'Attribute incident #1' });
      await attribute.getByLabel('Actor', { exact: true }).selectOption({ label: 'Lazarus Group (lazarus-group)' });
      await attribute.getByLabel('Confidence', { exact: true }).selectOption('authority_data');
      await attribute.getByRole('button', { name: 'Attribute' }).click();
      await attribute.getByText('Say where the attribution comes from.').waitFor();
      await attribute.getByLabel('Source', { exact: true }).fill('FBI press release, 2022-04-14');
      await attribute.getByRole('button', { name: 'Attribute' }).click();
      await attribute.waitFor({ state: 'detached' });
      await row.getByText('Lazarus Group').waitFor();
      expect(await row.getByRole('cell').nth(6).textContent()).toMatch(/^Lazarus Groupauthority_data \(\d+\)$/);

      await selection(page).getByRole('button', { name: 'Trace this incident…' }).click();
      const trace = page.getByRole('dialog', { name: 'Trace incident #1' });
      expect(await trace.getByLabel('Method', { exact: true }).inputValue()).toBe('haircut');
      expect(await trace.getByLabel('Hops', { exact: true }).inputValue()).toBe('6');
      expect(await trace.getByLabel('Stop at', { exact: true }).inputValue()).toBe('exchange');
      await trace.getByRole('button', { name: 'Trace', exact: true }).click();
      await trace.waitFor({ state: 'detached', timeout: 30_000 });
      await row.getByRole('button', { name: /^Trace #\d+$/ }).waitFor();
      await expect.poll(() => row.getByRole('cell').nth(7).textContent()).toMatch(/^Trace #\d+haircut$/);

      // A theft on a day the price table does not cover: the engine values it at nothing, and the form offers USD.
      await page.getByRole('button', { name: 'New incident' }).click();
      const second = page.getByRole('dialog', { name: 'New incident' });
      await second.getByLabel('Title', { exact: true }).fill('Later drain');
      await second.getByLabel('Victim', { exact: true }).selectOption({ label: 'Ronin Network (VN)' });
      await second.getByLabel('Time', { exact: true }).fill('2022-05-01T00:00:00Z');
      await second.getByLabel('Asset', { exact: true }).fill('ETH');
      await second.getByLabel('Amount', { exact: true }).fill('1.5');
      await second.getByRole('button', { name: 'Record incident' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit incident #2' });
      await edit.getByText('The price table has no ETH price for 2022-05-01').waitFor();
      await edit.getByLabel('USD at the time', { exact: true }).fill('4200.125');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await edit.waitFor({ state: 'detached' });
      const later = incidentRow(page, 'Later drain');
      expect(await later.getByRole('cell').nth(5).textContent()).toBe('$4,200.13typed');
      expect(await later.getByRole('cell').nth(4).textContent()).toBe('1.5 ETH');
      await screenshot(page, 'incidents-table-light');

      await page.reload();
      await openIncidents(page, 'Ronin');
      await incidentRow(page, 'Later drain').waitFor();
      expect(await incidentRow(page, 'Ronin Network').count()).toBe(2);
      const restored = incidentRow(page, HOSTILE);
      expect(await restored.getByRole('cell').nth(5).textContent()).toBe('$6,200,000.00');
      await restored.getByText('Lazarus Group').waitFor();
      await expect.poll(() => restored.getByRole('cell').nth(7).textContent()).toMatch(/^Trace #\d+haircut$/);

      // The linked trace opens on the case graph, in the Trace panel.
      await restored.getByRole('button', { name: /^Trace #\d+$/ }).click();
      await canvasReady(page);
      await page.getByText('Trace #1: haircut, forward').waitFor();
      await screenshot(page, 'incidents-trace-on-graph-light');
      await page.getByRole('tab', { name: 'Incidents', exact: true }).click();

      // Delete on a selected row asks first.
      await incidentRow(page, 'Later drain').click();
      await page.keyboard.press('Delete');
      const confirm = page.getByRole('alertdialog', { name: 'Delete incident?' });
      await confirm.getByRole('button', { name: 'Delete incident' }).click();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => incidentRow(page, 'Later drain').count()).toBe(0);

      // Import CSV… opens the Import dialog set to incidents CSV and this case; the table shows what came in.
      const csv = suite.file('incidents.csv');
      fs.writeFileSync(
        csv,
        'victim,victim jurisdiction,time,asset,amount,title\nZaif,JP,2018-09-14T08:00:00+09:00,ETH,10.5,Zaif hot wallet\n',
      );
      await page.getByRole('button', { name: 'Import CSV…' }).click();
      const importDialog = page.getByRole('dialog', { name: 'Import files' });
      // The formats and cases arrive from the engine after the dialog opens.
      await expect.poll(() => importDialog.getByLabel('Format', { exact: true }).inputValue()).toBe('incidents-csv');
      await expect.poll(() => importDialog.getByLabel('Into case', { exact: true }).inputValue()).toBe('1');
      await importDialog.getByLabel('Files', { exact: true }).setInputFiles([csv]);
      await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
      await importDialog.getByText('Import finished.').waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await importDialog.waitFor({ state: 'detached' });
      const zaif = incidentRow(page, 'Zaif hot wallet');
      await zaif.waitFor();
      expect((await zaif.getByRole('cell').allTextContents()).slice(0, 6)).toEqual([
        '2018-09-1323:00:00',
        'Zaif hot wallet',
        'Zaif',
        'JP',
        '10.5 ETH',
        'no price',
      ]);
      expectNothingBroke(watch);

      const dark = await openPage(suite.browser, host.url, { colorScheme: 'dark' });
      await openIncidents(dark.page, 'Ronin');
      await incidentRow(dark.page, 'Ronin Network').click();
      await screenshot(dark.page, 'incidents-table-dark');
      await selection(dark.page).getByRole('button', { name: 'Edit' }).click();
      await dark.page.getByRole('dialog', { name: 'Edit incident #1' }).waitFor();
      await screenshot(dark.page, 'incidents-edit-dark');
      // Saving the form unchanged keeps the incident as it was (the asset as CHAIN:SYMBOL, the amount exact).
      await dark.page
        .getByRole('dialog', { name: 'Edit incident #1' })
        .getByRole('button', { name: 'Save changes' })
        .click();
      await dark.page.getByRole('dialog', { name: 'Edit incident #1' }).waitFor({ state: 'detached' });
      expect(await incidentRow(dark.page, 'Ronin Network').getByRole('cell').nth(4).textContent()).toBe('2,000 ETH');
      expectNothingBroke(dark.watch);
    },
    STORY_MS,
  );
});
