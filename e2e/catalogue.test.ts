import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { signIn } from './support/console.js';
import { LOGINS } from './support/logins.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Opens a console route (a hash route) and waits for react-admin to render it. */
async function open(target: Page, route: string) {
  // A hash route keeps the page: a pointer left on a header of the last screen
  // would raise that header's tooltip over the new screen's first row.
  await target.mouse.move(0, 0);
  await target.goto(`${server.url}#/${route}`);
}

/** A form input by its label (react-admin adds " *" to a required one's). */
const input = (target: Page, label: string) => target.getByLabel(new RegExp(`^${label}(\\s*\\*)?$`));

/** The helper text under an input: where react-admin shows a field's error. */
const underInput = (target: Page, label: string) => target.locator('.MuiFormControl-root', { has: input(target, label) }).locator('.MuiFormHelperText-root');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // One context: the pages share the session in localStorage, like two tabs.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // A step that cannot happen fails in seconds, not after playwright's 30 s default.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  await page.goto(server.url);
  await signIn(page, LOGINS.admin.email, LOGINS.admin.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the catalogue and staff screens, as the demo admin', () => {
  let customerId: string;

  it('shows every catalogue and staff entry in the menu of an administrator', async () => {
    for (const entry of ['Customers', 'Models', 'Parts', 'Service centres', 'Users']) {
      await page.getByRole('menuitem', { name: entry }).waitFor();
    }
  });

  it('creates a service centre', async () => {
    await open(page, 'service-centres/create');
    await input(page, 'Code').fill('SC-BER');
    await input(page, 'Name').fill('Service Centre Berlin');
    await input(page, 'Address').fill('Storkower Straße 99, 10407 Berlin');
    await input(page, 'City').fill('Berlin');
    await input(page, 'Country').fill('de');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Service Centre Berlin' }).waitFor();
    // The API upper-cases the country.
    await expect.poll(() => page.getByRole('row', { name: /Service Centre Berlin/ }).textContent()).toContain('DE');
    await screenshot(page, 'catalogue-01-service-centres');
  });

  it('finds a customer and edits its name', async () => {
    await open(page, 'customers');
    await page.getByPlaceholder('Code or name').fill('kestrel');
    await page.getByRole('cell', { name: 'Kestrel Telecom Ltd' }).click();
    await page.getByTestId('customer-page').waitFor();
    customerId = /#\/customers\/([^/]+)\/show/.exec(page.url())![1]!;

    await page.getByRole('link', { name: 'Edit' }).click();
    await input(page, 'Name').fill('Kestrel Telecom Group Ltd');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('customer-name').filter({ hasText: 'Kestrel Telecom Group Ltd' }).waitFor();
    await screenshot(page, 'catalogue-02-customer');
  });

  it('refuses a stale edit with a conflict message, and overwrites nothing', async () => {
    const other = await context.newPage();
    await Promise.all([open(page, `customers/${customerId}`), open(other, `customers/${customerId}`)]);
    await input(page, 'Name').fill('Kestrel Telecom (first tab)');
    await input(other, 'Name').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('customer-name').filter({ hasText: 'Kestrel Telecom (first tab)' }).waitFor();

    await input(other, 'Name').fill('Kestrel Telecom (second tab)');
    await other.getByRole('button', { name: 'Save' }).click();
    await other.getByText(/changed by someone else.*reload/).waitFor();
    // The second tab keeps what its user typed, and stays on the form.
    expect(await input(other, 'Name').inputValue()).toBe('Kestrel Telecom (second tab)');
    await screenshot(other, 'catalogue-03-conflict');
    await other.close();

    await open(page, `customers/${customerId}/show`);
    await page.getByTestId('customer-name').filter({ hasText: 'Kestrel Telecom (first tab)' }).waitFor();
  });

  it("shows the form's and the API's refusals under the field they are about", async () => {
    await open(page, `customers/${customerId}`);
    await input(page, 'Name').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => underInput(page, 'Name').textContent()).toContain('Required');

    await input(page, 'Name').fill('Kestrel Telecom Ltd');
    await input(page, 'Country').fill('Britain');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => underInput(page, 'Country').textContent()).toContain('must be an ISO 3166-1 alpha-2 code');
    await screenshot(page, 'catalogue-04-field-error');
  });

  it('creates an API key, shows its secret once, and revokes it', async () => {
    await open(page, `customers/${customerId}/show`);
    await page.getByTestId('create-api-key').click();
    await page.getByTestId('create-api-key-dialog').getByLabel(/^Name/).fill('ERP integration');
    await page.getByTestId('dialog-submit').click();

    const secret = (await page.getByTestId('api-key-secret').textContent())!.trim();
    expect(secret).toMatch(/^ask_/);
    await page.getByTestId('api-key-secret-dialog').getByText('you will not see it again').waitFor();
    await screenshot(page, 'catalogue-05-api-key-secret');
    await page.getByRole('button', { name: 'I have stored it' }).click();

    const row = page.getByTestId('api-keys').getByRole('row', { name: /ERP integration/ });
    await row.waitFor();
    // Once closed, the secret is nowhere on the page: only its public prefix.
    expect(await page.content()).not.toContain(secret);

    await row.getByTestId('revoke-api-key').click();
    await page.getByTestId('revoke-api-key-dialog').getByTestId('dialog-submit').click();
    await expect.poll(() => row.getByTestId('revoke-api-key').count()).toBe(0);
    await screenshot(page, 'catalogue-06-api-key-revoked');
  });

  it('creates a staff user', async () => {
    await open(page, 'users/create');
    await input(page, 'Email').fill('lena.berger@aftersale.test');
    await input(page, 'Name').fill('Lena Berger');
    await input(page, 'Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'lena.berger@aftersale.test' }).waitFor();
    await screenshot(page, 'catalogue-07-users');
  });

  it('shows why the last administrator cannot be demoted', async () => {
    await page.getByRole('cell', { name: 'admin@aftersale.test' }).click();
    await page.getByRole('combobox', { name: /^Role/ }).click();
    await page.getByRole('option', { name: 'Agent' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => underInput(page, 'Role').textContent()).toContain('last active administrator');
    await screenshot(page, 'catalogue-08-last-admin');
  });

  it("lists a model's parts with their material cost as money", async () => {
    await open(page, 'models');
    await page.getByRole('row').nth(1).click();
    const parts = page.getByRole('region', { name: 'Parts' });
    await parts.getByRole('row').nth(1).waitFor();
    const cost = await parts.getByRole('row').nth(1).getByRole('cell').nth(3).textContent();
    // Cents shown in the part's currency, e.g. "€12.50" or "USD 12.50".
    expect(cost).toMatch(/\d[.,]\d{2}/);
    expect(cost).toMatch(/[^\d\s.,]/);
    await screenshot(page, 'catalogue-09-model');
  });

  it('filters the parts by category', async () => {
    await open(page, `parts?filter=${encodeURIComponent(JSON.stringify({ category: ['BATTERY'] }))}`);
    await page.getByRole('row').nth(1).waitFor();
    const categories = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(['Battery']));
    await screenshot(page, 'catalogue-10-parts');
  });

  it('sorts the parts by a column header, both ways', async () => {
    await open(page, 'parts');
    await page.getByRole('row').nth(1).waitFor();
    const skus = () => page.locator('tbody tr td:nth-child(1)').allTextContents();
    await page.getByRole('columnheader', { name: 'SKU' }).getByRole('button').click();
    await expect
      .poll(async () => {
        const shown = await skus();
        return shown.length > 1 && shown.join() === [...shown].sort().join();
      })
      .toBe(true);
    const ascending = await skus();
    await page.getByRole('columnheader', { name: 'SKU' }).getByRole('button').click();
    await expect.poll(async () => (await skus())[0]).not.toBe(ascending[0]);
    const descending = await skus();
    expect(descending).toEqual([...descending].sort().reverse());
  });

  it("takes a part's cost in units of its currency and keeps it in cents", async () => {
    await open(page, `parts?filter=${encodeURIComponent(JSON.stringify({ category: ['BATTERY'] }))}`);
    await page.getByRole('cell', { name: 'AX120-BAT' }).click();
    await input(page, 'Material cost').fill('12.34');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /AX120-BAT/ });
    await expect.poll(() => row.textContent()).toMatch(/12\.34/);
  });
});

describe('what other roles are offered', () => {
  it.each([
    { ...LOGINS.agent, managesCustomers: true },
    { ...LOGINS.tech, managesCustomers: false },
  ])('$email reads the catalogue, sees no users, and may create customers: $managesCustomers', async ({ email, password, managesCustomers }) => {
    const staff = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    staff.setDefaultTimeout(10_000);
    const other = await staff.newPage();
    try {
      await other.goto(server.url);
      await signIn(other, email, password);
      await other.getByRole('menuitem', { name: 'Parts' }).waitFor();
      expect(await other.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);

      await other.getByRole('menuitem', { name: 'Service centres' }).click();
      await other.getByRole('row').nth(1).waitFor();
      expect(await other.getByRole('link', { name: 'Create' }).count()).toBe(0);

      await other.getByRole('menuitem', { name: 'Customers' }).click();
      // The rows of the customers list, not the last ones of the service centres.
      await other.waitForURL(/#\/customers/);
      await other.getByRole('row').nth(1).waitFor();
      await expect.poll(() => other.getByRole('link', { name: 'Create' }).count()).toBe(managesCustomers ? 1 : 0);
    } finally {
      await staff.close();
    }
  });
});
