import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlappingItems, pdfText, pdfTextItems } from '@aftersale/api/pdf-text';
import { contrastProblems, scrollsSideways } from './support/axe.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { signIn } from './support/console.js';
import { LOGINS } from './support/logins.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The console as staff meet it on any screen and in any language (issue 15):
 * finance's invoices, phones and small laptops, Spanish, contrast, sorting.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The elements that reach past the window's right edge (none when the page does not scroll sideways). */
async function widerThanTheWindow(page: Page): Promise<string[]> {
  if (!(await scrollsSideways(page))) return [];
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      // The innermost ones: what pushes the page, not every box around it.
      .filter((element, _, all) => !all.some((other) => other !== element && element.contains(other)))
      .slice(0, 8)
      .map(
        (element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 3).join('.')} ${Math.round(element.getBoundingClientRect().right)}px`,
      ),
  );
}

async function adminAt(width: number, height = 900, colorScheme: 'light' | 'dark' = 'light', bypassCSP = false): Promise<Page> {
  // Signed in on a wide window (where the menu shows), then at the size under test.
  const context = await browser.newContext({ viewport: { width: 1400, height }, acceptDownloads: true, colorScheme, bypassCSP });
  const page = await context.newPage();
  await page.goto(server.url);
  await signIn(page, LOGINS.admin.email, LOGINS.admin.password);
  await page.setViewportSize({ width, height });
  return page;
}

/** Opens a console route and waits until react-admin has rendered a list or a record. */
async function open(page: Page, route: string, ready: string): Promise<void> {
  await page.goto(`${server.url}#/${route}`);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  // Until the list has loaded, react-admin shows the previous rows faded (and so at a lower contrast).
  await page.waitForLoadState('networkidle');
}

describe('invoices', () => {
  it('finds an unpaid invoice, marks it paid, and downloads its PDF with the clauses in words', async () => {
    const page = await adminAt(1400);
    await page.getByRole('menuitem', { name: 'Invoices' }).click();
    await page.getByTestId('invoice-row-number').first().waitFor();
    await screenshot(page, 'invoices-01-list');
    // Unpaid: the status filter on ISSUED.
    await open(page, 'invoices?filter=' + encodeURIComponent(JSON.stringify({ status: ['ISSUED'] })), '[data-testid="invoice-row-status"]');
    await expect
      .poll(() => page.getByTestId('invoice-row-status').evaluateAll((chips) => [...new Set(chips.map((c) => c.getAttribute('data-status')))]))
      .toEqual(['ISSUED']);
    const number = (await page.getByTestId('invoice-row-number').first().textContent())!.trim();
    expect(number).toMatch(/^INV-\d{4}-\d{6}$/);
    await page.getByTestId('invoice-row-number').first().click();
    await page.getByTestId('invoice-page-number').filter({ hasText: number }).waitFor();
    expect(await page.getByTestId('invoice-customer-address').textContent()).not.toBe('');
    await screenshot(page, 'invoices-02-page');

    const download = page.waitForEvent('download');
    await page.getByTestId('invoice-pdf').click();
    const pdf = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of pdf) chunks.push(chunk as Buffer);
    const items = await pdfTextItems(new Uint8Array(Buffer.concat(chunks)));
    const text = pdfText(items);
    expect(text).toContain(number);
    expect(text).toContain('Aftersale Devices Ltd (demo)');
    expect(text).not.toMatch(/BEYOND_WARRANTY_PERIOD|HUMAN_DAMAGE|NATURAL_WEAR/);
    expect(overlappingItems(items)).toEqual([]);

    await page.getByTestId('invoice-action-PAY').click();
    const dialog = page.getByTestId('invoice-action-dialog-PAY');
    await dialog.getByTestId('dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('invoice-page-status').getAttribute('data-status')).toBe('PAID');
    expect(await page.getByTestId('invoice-action-PAY').count()).toBe(0);
    await page.context().close();
  });
});

describe('any screen size', () => {
  it.each([390, 1024])('the claims list and a claim page fit %i px without scrolling sideways', async (width) => {
    const page = await adminAt(width, 844);
    await open(page, 'claims', '[data-testid="claim-row-status"]');
    expect(await widerThanTheWindow(page)).toEqual([]);
    await screenshot(page, `narrow-${width}-claims`);
    const claimId = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('a[href*="#/claims/"][href$="/show"]');
      return link?.href.match(/claims\/(\d+)\/show/)?.[1];
    });
    await open(page, `claims/${claimId ?? 1}/show`, '[data-testid="claim-status"]');
    await page.getByTestId('claim-event').first().waitFor();
    expect(await widerThanTheWindow(page)).toEqual([]);
    await screenshot(page, `narrow-${width}-claim`);
    for (const route of ['invoices', 'devices', 'orders', 'stock', 'customers', 'models', 'parts', 'service-centres', 'users', 'stock-movements']) {
      await open(page, route, '.RaList-main');
      await page.locator('.RaList-content').first().waitFor();
      expect({ route, sideways: await scrollsSideways(page), wider: await widerThanTheWindow(page) }).toEqual({ route, sideways: false, wider: [] });
      // A phone gets react-admin's simple list (a MUI list: SimpleList sets no class of its own), not a table squeezed into the window.
      const layout = async () => ({
        route,
        simpleList: await page.locator('.RaList-content ul.MuiList-root').count(),
        table: await page.locator('.RaList-content table').count(),
      });
      await expect.poll(layout).toEqual(width < 600 ? { route, simpleList: 1, table: 0 } : { route, simpleList: 0, table: 1 });
      if (width < 600) await screenshot(page, `narrow-${width}-${route}`);
    }
    await page.context().close();
  });
});

describe('languages', () => {
  it('shows Spanish labels and Spanish dates once chosen, and keeps them after a reload', async () => {
    const page = await adminAt(1400);
    await open(page, 'claims', '[data-testid="claim-row-number"]');
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByTestId('user-menu-language-es').click();
    await page.getByRole('menuitem', { name: 'Reclamaciones' }).waitFor();
    const spanishScreen = async () => {
      await page.getByRole('columnheader', { name: 'Presentada' }).waitFor();
      await page.getByRole('link', { name: 'Presentar una reclamación' }).first().waitFor();
      // es-ES writes a day as D/M/YYYY (a US browser would write M/D/YYYY).
      const dates = await page.locator('td.column-submittedAt').allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date.trim()).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
    };
    await spanishScreen();
    await screenshot(page, 'language-es-claims');
    await page.reload();
    await page.getByRole('menuitem', { name: 'Reclamaciones' }).waitFor();
    await spanishScreen();
    await page.getByRole('menuitem', { name: 'Facturas' }).click();
    await page.getByRole('columnheader', { name: 'Importe' }).waitFor();
    // Money in Spanish: a decimal comma.
    const amount = (await page.locator('td.column-total').first().textContent())!;
    expect(amount).toMatch(/\d,\d{2}/);
    await page.context().close();
  });

  it('has a Spanish word for every text of the main screens: nothing falls back to a label written in the code', async () => {
    const page = await adminAt(1400);
    await open(page, 'claims', '[data-testid="claim-row-number"]');
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByTestId('user-menu-language-es').click();
    await page.getByRole('menuitem', { name: 'Reclamaciones' }).waitFor();
    const missing = () => page.evaluate(() => (window as unknown as { aftersaleMissingTranslations: string[] }).aftersaleMissingTranslations);
    const screens: [string, string][] = [
      ['', '.RaLayout-content'],
      ['claims', '[data-testid="claim-row-number"]'],
      ['invoices', '[data-testid="invoice-row-number"]'],
      ['devices', '[data-testid="device-row-imei"]'],
      ['orders', '[data-testid="order-row-number"]'],
      ['stock', '[data-testid="stock-row-sku"]'],
      ['stock-movements', '.RaList-content'],
      ['customers', '.RaList-content'],
      ['models', '.RaList-content'],
      ['parts', '.RaList-content'],
      ['service-centres', '.RaList-content'],
      ['users', '.RaList-content'],
      ['analytics', '[data-testid="chart-claim-rate"]'],
    ];
    for (const [route, ready] of screens) {
      await open(page, route, ready);
      expect({ route, missing: await missing() }).toEqual({ route, missing: [] });
    }
    // Record pages: a claim far along its flow (its panels and history), a unit, an order, a model, a customer, a stock level.
    const records: [string, string][] = [
      ['claims', '[data-testid="claim-event"]'],
      ['devices', '[data-testid="device-imei"]'],
      ['orders', '[data-testid="order-page"]'],
      ['models', '[data-testid="model-barcode-format"]'],
      ['customers', '[data-testid="customer-page"]'],
      ['stock', '[data-testid="stock-page"]'],
    ];
    for (const [resource, ready] of records) {
      await open(page, resource, '.RaList-content');
      await page.locator('.RaList-content tbody tr').first().click();
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      expect({ resource, missing: await missing() }).toEqual({ resource, missing: [] });
    }
    // A workflow dialog and a claim's statuses, steps and clauses, all in Spanish.
    await open(page, 'claims?filter=' + encodeURIComponent(JSON.stringify({ status: ['INSPECTION'] })), '[data-testid="claim-row-number"]');
    await page.getByTestId('claim-row-number').first().click();
    await page.getByTestId('claim-action-RECORD_ASSESSMENT').click();
    await page.getByTestId('claim-action-dialog-RECORD_ASSESSMENT').getByTestId('inspection-part').first().waitFor();
    await screenshot(page, 'language-es-assessment');
    expect({ dialog: 'RECORD_ASSESSMENT', missing: await missing() }).toEqual({ dialog: 'RECORD_ASSESSMENT', missing: [] });
    // The English words a forgotten label would show are gone from the dialog.
    const dialogText = (await page.getByTestId('claim-action-dialog-RECORD_ASSESSMENT').textContent())!;
    expect(dialogText).not.toMatch(/\b(Findings|Faulty parts|Material cost|Service charge|Cancel|The policy decides)\b/);
    await page.context().close();
  });
});

describe('contrast', () => {
  it.each(['light', 'dark'] as const)('every text and chip meets WCAG AA on the main screens (%s)', async (scheme) => {
    // The console's CSP refuses inline scripts: only this checker's session lets axe-core in.
    const page = await adminAt(1400, 900, scheme, true);
    if (scheme === 'dark') {
      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByTestId('user-menu-theme').click();
      await page.keyboard.press('Escape');
    }
    const screens: [string, string][] = [
      ['claims', '[data-testid="claim-row-status"]'],
      [
        'claims?filter=' + encodeURIComponent(JSON.stringify({ status: ['AWAITING_UNIT', 'AWAITING_APPROVAL', 'AWAITING_AGREEMENT'] })),
        '[data-testid="claim-row-status"]',
      ],
      ['invoices', '[data-testid="invoice-row-status"]'],
      ['devices', '[data-testid="device-row-imei"]'],
      ['orders', '.RaList-content'],
      ['stock', '.RaList-content'],
    ];
    for (const [route, ready] of screens) {
      await open(page, route, ready);
      await page.mouse.move(0, 0);
      expect({ route, problems: await contrastProblems(page) }).toEqual({ route, problems: [] });
    }
    await open(page, 'claims', '[data-testid="claim-row-number"]');
    await page.getByTestId('claim-row-number').first().click();
    await page.getByTestId('claim-event').first().waitFor();
    expect({ route: 'a claim', problems: await contrastProblems(page) }).toEqual({ route: 'a claim', problems: [] });
    await page.context().close();
  });
});

describe('sorting', () => {
  /** The rows' ids in the order shown (react-admin gives each row its record's id). */
  const rowIds = (page: Page) => page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? row.textContent));

  it.each([
    ['claims', '[data-testid="claim-row-number"]'],
    ['invoices', '[data-testid="invoice-row-number"]'],
    ['devices', '[data-testid="device-row-imei"]'],
    ['orders', '.RaList-content'],
  ])('every column of %s that offers a sort sorts both ways', async (route, ready) => {
    const page = await adminAt(1600);
    await open(page, route, ready);
    const fields = await page
      .locator('thead th:has(.MuiTableSortLabel-root)')
      .evaluateAll((cells) => cells.map((cell) => [...cell.classList].find((name) => name.startsWith('column-'))?.slice('column-'.length) ?? ''));
    expect(fields.length).toBeGreaterThan(1);
    const rowsSortedBy = async (field: string, order: 'ASC' | 'DESC') => {
      await page.goto(`${server.url}#/${route}?sort=${encodeURIComponent(field)}&order=${order}&page=1&perPage=25&filter=%7B%7D`);
      await page.reload();
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      return JSON.stringify(await rowIds(page));
    };
    for (const field of fields) {
      // The header is wired to the sort...
      await open(page, route, ready);
      await page.locator(`thead th.column-${field.replace(/\./g, '\\.')} .MuiTableSortLabel-root`).click();
      await expect.poll(() => decodeURIComponent(page.url())).toContain(`sort=${field}`);
      // ...and the API sorts by it: the first page differs between the two directions.
      expect({ field, same: (await rowsSortedBy(field, 'ASC')) === (await rowsSortedBy(field, 'DESC')) }).toEqual({ field, same: false });
    }
    await page.context().close();
  });
});
