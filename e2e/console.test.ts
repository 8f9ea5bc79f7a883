import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { expectStatus } from './support/claim-page.js';
import { signIn } from './support/console.js';
import { LOGINS } from './support/logins.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console in a real browser', () => {
  it('shows the login page and signs the demo admin in', async () => {
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.goto(server.url);
    await page.getByLabel('Username').waitFor();
    // Straight to the login page, not thousands of bounces between / and /login.
    expect(navigations).toBeLessThan(5);
    await screenshot(page, '01-login');
    await signIn(page, LOGINS.admin.email, LOGINS.admin.password);
  });

  it('lists the seeded claims and filters them by status', async () => {
    await page.getByRole('menuitem', { name: 'Claims' }).click();
    await page.getByTestId('claim-row-number').first().waitFor();
    expect(await page.getByTestId('claim-row-number').count()).toBeGreaterThan(5);
    await screenshot(page, '02-claims');

    await page.getByTestId('status-filter-CLOSED').click();
    await page.waitForFunction(() => {
      const chips = [...document.querySelectorAll('[data-testid="claim-row-status"]')];
      return chips.length > 0 && chips.every((c) => c.getAttribute('data-status') === 'CLOSED');
    });
    const statuses = await page.getByTestId('claim-row-status').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['CLOSED']));
    await screenshot(page, '03-claims-closed');
  });

  it("opens a claim and shows its unit's IMEI and its timeline", async () => {
    const imei = (await page.getByTestId('claim-row-imei').first().textContent())!.trim();
    expect(imei).toMatch(/^\d{15}$/);
    await page.getByTestId('claim-row-number').first().click();
    await page.getByTestId('claim-imei').filter({ hasText: imei }).waitFor();
    await expectStatus(page, 'CLOSED');
    expect(await page.getByTestId('claim-event').count()).toBeGreaterThan(2);
    await screenshot(page, '04-claim');
  });

  it('says why when the API refuses a list, instead of claiming that nothing matches', async () => {
    // A filter the API refuses (an id that is not one), as a hand-edited or stale link carries.
    const params = new URLSearchParams({ filter: JSON.stringify({ modelId: 'x' }), order: 'DESC', page: '1', perPage: '25', sort: 'submittedAt' });
    await page.goto(`${server.url}#/claims?${params}`);
    const error = page.getByTestId('list-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/could not be loaded.*not a valid id/i);
    expect(await page.getByTestId('claims-none-match').count()).toBe(0);
    expect(await page.getByText(/\d+-\d+ of \d+/).count()).toBe(0);
    // Clearing the filter brings the list back.
    await page.goto(`${server.url}#/claims?${new URLSearchParams({ filter: '{}', order: 'DESC', page: '1', perPage: '25', sort: 'submittedAt' })}`);
    await page.getByTestId('claim-row-number').first().waitFor();
    expect(await page.getByTestId('list-error').count()).toBe(0);
  });
});
