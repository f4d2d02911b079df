/**
 * Entities and a case's incidents in a real browser. An investigator makes the victim of a theft with two
 * jurisdictions, edits it, merges a duplicate typed in earlier, and finds it all after a reload; a label that
 * looks like markup shows as the text it is.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

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
      await pickCountry(dark.page, 'Edit entity', 'kor');
      await screenshot(dark.page, 'entities-edit-dark');
      expectNothingBroke(dark.watch);
    },
    STORY_MS,
  );
});
