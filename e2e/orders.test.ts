import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeImei } from '@aftersale/domain';
import { TestE2eCustomerAndModelDocument, TestE2eUpdateOrderDocument } from '@aftersale/graphql';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { barcodeOf } from './support/barcode.js';
import { signedIn } from './support/console.js';
import { submit } from './support/dialog.js';
import { LOGINS } from './support/logins.js';
import { graphql, startServer, token as signInToken, type RunningServer } from './support/server.js';

/**
 * An order through the console: the agent creates it, records its receipt
 * and sees the policy's spare-parts allowance (S1, S2), imports its units
 * from CSV (a bad file first: every bad row reported, nothing imported) and
 * finds a unit by IMEI. Then a technician receives parts into stock and is
 * refused taking more than is on hand. Only the choice of customer and model
 * (and the model's barcode pattern, for the file) uses the API.
 */

let server: RunningServer;
let browser: Browser;
let agent: Page;
let tech: Page;
let files: string;
let catalogue: { customer: string; model: string; barcodePattern: string; token: string };
let orderUrl: string;
let imeis: string[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  catalogue = await demoCustomerAndModel(server.url);
  files = await mkdtemp(join(tmpdir(), 'aftersale-orders-'));
  [agent, tech] = await Promise.all([signedIn(browser, server.url, LOGINS.agent.email), signedIn(browser, server.url, LOGINS.tech.email)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an order in the console', () => {
  it('the agent creates an order of 1200 units and records its receipt with the policy allowance', async () => {
    await agent.getByRole('menuitem', { name: 'Orders' }).click();
    await agent.getByTestId('order-row-number').first().or(agent.getByTestId('orders-empty')).first().waitFor();
    await agent.getByTestId('order-create').click();
    await choose(agent, 'Customer', catalogue.customer);
    await choose(agent, 'Model', catalogue.model);
    await agent.getByLabel('Quantity').fill('1200');
    await agent.getByLabel('Shipped on').fill(daysAgo(10));
    await screenshot(agent, 'orders-01-create');
    await agent.getByRole('button', { name: 'Save' }).click();

    await agent.getByTestId('order-number').waitFor();
    orderUrl = agent.url();
    expect(await agent.getByTestId('order-status').getAttribute('data-received')).toBe('false');
    await agent.getByTestId('order-record-receipt').click();
    const dialog = agent.getByTestId('order-record-receipt-dialog');
    await submit(dialog);
    await expect.poll(() => agent.getByTestId('order-status').getAttribute('data-received')).toBe('true');

    // S1, S2: 2 % of 1200 = 24 of every eligible part, and the same shipped with the goods.
    expect(await agent.getByTestId('order-allowance-panel').getAttribute('data-within-limit')).toBe('true');
    const allowance = await lineQuantities(agent.getByTestId('order-allowance-line'));
    expect(allowance.length).toBeGreaterThan(0);
    expect(new Set(allowance)).toEqual(new Set(['24']));
    expect(await lineQuantities(agent.getByTestId('order-spare-shipment-line'))).toEqual(allowance);
    await screenshot(agent, 'orders-02-received');
  });

  it('a file with bad rows is refused line by line, and nothing is imported', async () => {
    const [first, second] = newImeis(2);
    const bad = await csv('units-bad.csv', [
      `imei,barcode`,
      `${first!.slice(0, 14)}${(Number(first![14]) + 1) % 10},${barcodeOf(catalogue.barcodePattern, 1)}`,
      `${second},NOT-A-BARCODE`,
    ]);
    const dialog = await openImport();
    await dialog.getByTestId('import-units-file').setInputFiles(bad);
    await dialog.getByTestId('import-problem').first().waitFor();
    const problems = await dialog
      .getByTestId('import-problem')
      .evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-row')}:${row.getAttribute('data-field')}`));
    expect(problems).toEqual(expect.arrayContaining(['2:imei', '3:barcode']));
    await screenshot(agent, 'orders-03-import-refused');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await agent.getByTestId('order-units-empty').waitFor();
  });

  it('the good file imports every unit, and one is found by its IMEI on the order and in the units list', async () => {
    imeis = newImeis(5);
    const good = await csv('units.csv', ['imei,barcode', ...imeis.map((imei, index) => `${imei},${barcodeOf(catalogue.barcodePattern, 90_000_000 + index)}`)]);
    const dialog = await openImport();
    await dialog.getByTestId('import-units-file').setInputFiles(good);
    const refused = dialog.getByTestId('import-units-refused');
    await agent.getByText('5 units imported').or(refused).first().waitFor();
    expect((await refused.isVisible()) ? await refused.textContent() : 'imported').toBe('imported');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => agent.getByTestId('order-unit-imei').count()).toBe(5);
    await agent.getByTestId('order-import').filter({ hasText: 'units.csv' }).waitFor();

    await agent.getByTestId('order-units-search').fill(imeis[3]!);
    await expect.poll(() => agent.getByTestId('order-unit-imei').allTextContents()).toEqual([imeis[3]]);
    await screenshot(agent, 'orders-04-units');

    await agent.getByRole('menuitem', { name: 'Devices' }).click();
    await agent.getByPlaceholder('IMEI (or its first digits)').fill(imeis[2]!);
    await expect.poll(() => agent.getByTestId('device-row-imei').allTextContents()).toEqual([imeis[2]]);
    const [download] = await Promise.all([agent.waitForEvent('download'), agent.getByTestId('devices-export').click()]);
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported.trim().split('\n')).toEqual([expect.stringMatching(/^imei,barcode/), expect.stringContaining(imeis[2]!)]);
    await screenshot(agent, 'orders-05-device-found');
  });
});

describe('order edits and large orders', () => {
  it('after receipt the quantity is fixed; a refused number shows under its input; a stale save is refused', async () => {
    await agent.goto(orderUrl);
    const version = Number(await agent.getByTestId('order-page').getAttribute('data-version'));
    await agent.getByTestId('order-edit').click();
    expect(await agent.getByLabel('Quantity').isEditable()).toBe(false);
    const number = agent.getByLabel('Order number');
    await number.fill('not a number!');
    await agent.getByRole('button', { name: 'Save' }).click();
    await agent
      .locator('.ra-input-number')
      .getByText(/letters, digits, dashes or slashes/)
      .waitFor();

    // Someone else saves the order meanwhile: this form's version is stale.
    const id = /#\/orders\/([^/]+)/.exec(orderUrl)![1]!;
    const other = await graphql(server.url, TestE2eUpdateOrderDocument, { input: { id, version, shippedOn: daysAgo(9) } }, catalogue.token);
    expect(other.errors).toBeUndefined();
    await number.fill('SO-E2E-0001');
    await agent.getByRole('button', { name: 'Save' }).click();
    await agent.getByText(/was changed by someone else/).waitFor();
    await screenshot(agent, 'orders-06-stale-edit');

    await agent.reload();
    await agent.getByLabel('Order number').fill('SO-E2E-0001');
    await agent.getByRole('button', { name: 'Save' }).click();
    await agent.getByTestId('order-number').filter({ hasText: 'SO-E2E-0001' }).waitFor();
  });

  it('an order above the limit gets no automatic allowance, and the receipt records a negotiated one (S3)', async () => {
    await agent.goto(`${server.url}#/orders/create`);
    await choose(agent, 'Customer', catalogue.customer);
    await choose(agent, 'Model', catalogue.model);
    await agent.getByLabel('Quantity').fill('3500');
    await agent.getByRole('button', { name: 'Save' }).click();
    await agent.getByTestId('order-number').waitFor();
    expect(await agent.getByTestId('order-allowance-panel').getAttribute('data-within-limit')).toBe('false');

    await agent.getByTestId('order-record-receipt').click();
    const dialog = agent.getByTestId('order-record-receipt-dialog');
    await dialog.getByLabel('An allowance was negotiated with the customer').check();
    await dialog.getByLabel('Reason').fill('Framework agreement 2026');
    const lines = dialog.getByTestId('negotiated-line');
    expect(await lines.count()).toBeGreaterThan(0);
    await lines.first().locator('input').fill('50');
    await screenshot(agent, 'orders-07-negotiated');
    await submit(dialog);
    await agent.getByTestId('order-allowance-reason').filter({ hasText: 'Framework agreement 2026' }).waitFor();
    expect(await lineQuantities(agent.getByTestId('order-spare-shipment-line'))).toContain('50');
  });
});

describe('stock in the console', () => {
  it('a technician receives parts and sees on hand rise; taking more than on hand is refused', async () => {
    await tech.getByRole('menuitem', { name: 'Stock', exact: true }).click();
    await tech.getByTestId('stock-row-sku').first().waitFor();
    await screenshot(tech, 'stock-00-levels');
    await tech.getByTestId('stock-row-sku').first().click();
    await tech.getByTestId('stock-page').waitFor();
    const before = Number(await tech.getByTestId('stock-on-hand').textContent());

    await tech.getByTestId('stock-receive').click();
    let dialog = tech.getByTestId('stock-receive-dialog');
    await dialog.getByLabel('Pieces received').fill('5');
    await dialog.getByLabel('Delivery note').fill('DN-E2E-1');
    await submit(dialog);
    await expect.poll(async () => Number(await tech.getByTestId('stock-on-hand').textContent())).toBe(before + 5);
    await tech.getByTestId('stock-movement-delta').filter({ hasText: '+5' }).first().waitFor();

    await tech.getByTestId('stock-consume').click();
    dialog = tech.getByTestId('stock-consume-dialog');
    await dialog.getByLabel('Pieces taken').fill(String(before + 1000));
    await dialog.getByTestId('dialog-submit').click();
    await dialog
      .getByText(`Only ${before + 5} on hand`)
      .first()
      .waitFor();
    await screenshot(tech, 'stock-01-over-consumption');
    expect(Number(await tech.getByTestId('stock-on-hand').textContent())).toBe(before + 5);
  });
});

/** Picks `name` in a react-admin AutocompleteInput. */
async function choose(page: Page, label: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(name);
  await page.getByRole('option', { name }).first().click();
}

async function openImport(): Promise<Locator> {
  await agent.getByTestId('order-import-units').click();
  const dialog = agent.getByTestId('import-units-dialog');
  await dialog.waitFor();
  return dialog;
}

async function lineQuantities(lines: Locator): Promise<string[]> {
  return lines.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-quantity') ?? ''));
}

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(files, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** Valid IMEIs (check digit included) that no demo unit has, distinct from each other: one random offset, then one after another. */
function newImeis(count: number): string[] {
  const base = `99${String(Date.now()).slice(-9)}`;
  const offset = Math.floor(Math.random() * (1000 - count));
  return Array.from({ length: count }, (_, index) => completeImei(`${base}${String(offset + index).padStart(3, '0')}`));
}

function daysAgo(days: number): string {
  const day = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** A demo customer and model, and the model's barcode pattern (`^PREFIX[0-9]{8}$`). */
async function demoCustomerAndModel(url: string) {
  const token = await signInToken(url, LOGINS.agent.email, LOGINS.agent.password);
  const { data } = await graphql(url, TestE2eCustomerAndModelDocument, {}, token);
  const { customers, productModels } = data!;
  const model = productModels.items[0]!;
  return { customer: customers.items[0]!.name, model: model.name, barcodePattern: model.barcodePattern, token };
}
