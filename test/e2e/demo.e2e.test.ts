/**
 * The first-run offer: an empty workspace offers the demo workspace; building it shows its steps with a
 * progress bar, Cancel leaves the workspace empty, and a finished build opens the case.
 */
import { describe, expect, it } from 'vitest';
import { canvasReady } from './graph-page';
import { e2eSuite, expectNothingBroke, openPage, screenshot, startHost } from './harness';

const suite = e2eSuite();

describe('the demo workspace offer', () => {
  it('builds "DPRK thefts 2017–2022" from the empty Cases section, after a cancel that left nothing behind', async () => {
    const host = await startHost(suite.freshWorkspace());
    const { page, watch } = await openPage(suite.browser, host.url);
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
    const offer = page.getByRole('button', { name: 'Build the demo workspace (DPRK thefts 2017–2022)' });
    await offer.waitFor();
    await screenshot(page, 'demo-01-offer');

    await offer.click();
    const bar = page.getByRole('progressbar', { name: 'Demo build progress' });
    await bar.waitFor();
    await page.getByText(/Importing .* \(step \d of 9\)/).waitFor();
    await screenshot(page, 'demo-02-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled; the workspace is empty again.').waitFor({ timeout: 30_000 });
    expect(await host.call('case.list', {})).toEqual([]);
    expect((await host.call('entity.list', {})).total).toBe(0);

    await offer.click();
    const heading = page.getByRole('heading', { level: 1, name: 'DPRK thefts 2017–2022' });
    await heading.waitFor({ timeout: 120_000 });
    await screenshot(page, 'demo-03-case');
    // The case graph shows the largest theft as its trace followed it.
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    await canvasReady(page);
    await screenshot(page, 'demo-04-graph');
    const [demoCase] = await host.call('case.list', {});
    expect(demoCase?.reference).toBe('DEMO-DPRK-2017-2022');
    const incidents = await host.call('incident.list', { caseId: demoCase?.id as number });
    expect(incidents).toHaveLength(28);
    expect(incidents.every((i) => i.traceId !== null && i.actors.length === 0)).toBe(true);
    expectNothingBroke(watch);
    await host.stop();
  }, 240_000);
});
