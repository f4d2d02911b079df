/** What the graph and trace end-to-end tests share to reach the case graph in the real UI. */
import type { Page } from 'playwright-core';

/** Opens the case of that title and its Graph tab, and waits until the canvas is drawn and laid out. */
export async function openGraph(page: Page, title: string) {
  await page.getByRole('listbox', { name: 'Cases' }).getByRole('option', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
  await canvasReady(page);
}

export async function canvasReady(page: Page) {
  await page.locator('[data-testid="graph-canvas"][data-graph-ready="true"][data-layout-busy="false"]').waitFor();
}

/** The side panel beside the canvas: details, notes, paths, trace. */
export function details(page: Page) {
  return page.getByRole('complementary', { name: 'Graph details' });
}
