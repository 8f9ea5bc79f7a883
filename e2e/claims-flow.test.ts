import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { actionsShown, expectStatus, openAction } from './support/claim-page.js';
import { signedIn } from './support/console.js';
import { submit } from './support/dialog.js';
import { LOGINS } from './support/logins.js';
import { graphql, startServer, token as signInToken, type RunningServer } from './support/server.js';

/**
 * A paid repair of an out-of-warranty unit, through the console only: the
 * agent files the claim and requests the unit, the technician receives,
 * inspects and assesses it, the agent approves the quote, the technician
 * repairs, the agent invoices, ships and closes. Each user has a browser
 * context (a session) of their own. Only the choice of unit uses the API.
 */

let server: RunningServer;
let browser: Browser;
let agent: Page;
let tech: Page;
let imei: string;
let claimUrl: string;

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  imei = await outOfWarrantyUnitWithoutClaims(server.url);
  agent = await signedIn(browser, server.url, LOGINS.agent.email);
  tech = await signedIn(browser, server.url, LOGINS.tech.email);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a paid repair of an out-of-warranty unit, in the console', () => {
  it('the agent files the claim and asks for the unit', async () => {
    await agent.getByRole('menuitem', { name: 'Claims' }).click();
    // The work queue: a count on every status chip.
    await expect.poll(() => agent.getByTestId('status-filter-SUBMITTED').getAttribute('data-count')).toMatch(/^\d+$/);
    const submittedBefore = Number(await agent.getByTestId('status-filter-SUBMITTED').getAttribute('data-count'));
    await screenshot(agent, 'flow-00-work-queue');
    await agent.getByRole('link', { name: 'Submit a claim' }).first().click();
    await agent.waitForURL(/#\/claims\/create/);
    await agent.getByRole('textbox', { name: /^IMEI/ }).fill(imei);
    await agent.getByTestId('warranty-hint').filter({ hasText: 'out of warranty' }).waitFor();
    await agent.getByLabel('CI number').fill('CI-E2E-0001');
    await agent.getByLabel('Symptoms').fill('Does not charge any more');
    await agent.getByRole('checkbox', { name: /backed up and deleted/ }).check();
    await screenshot(agent, 'flow-01-file-claim');
    await agent.getByRole('button', { name: 'Submit the claim' }).click();

    await expectStatus(agent, 'SUBMITTED');
    await agent.getByTestId('claim-imei').filter({ hasText: imei }).waitFor();
    expect(await agent.getByTestId('claim-warranty').getAttribute('data-under-warranty')).toBe('false');
    claimUrl = agent.url();
    await agent.getByRole('menuitem', { name: 'Claims' }).click();
    await expect.poll(() => agent.getByTestId('status-filter-SUBMITTED').getAttribute('data-count')).toBe(String(submittedBefore + 1));
    await agent.goto(claimUrl);
    await expectStatus(agent, 'SUBMITTED');
    expect(claimUrl).toMatch(/#\/claims\/\d+\/show$/);
    // The agent may take exactly the API's availableActions.
    expect(await actionsShown(agent)).toEqual(expect.arrayContaining(['REQUEST_UNIT', 'CANCEL']));

    const dialog = await openAction(agent, 'REQUEST_UNIT');
    await dialog.getByRole('combobox', { name: /Service centre/ }).click();
    await agent.getByRole('option', { name: /\(/ }).first().click();
    await screenshot(agent, 'flow-02-request-unit');
    await submit(dialog);
    await expectStatus(agent, 'AWAITING_UNIT');
    // Receiving is the technician's step, not the agent's.
    expect(await actionsShown(agent)).not.toContain('RECEIVE_UNIT');
  });

  it('the technician receives the unit, inspects it and records a faulty part in stock at the centre', async () => {
    await tech.goto(claimUrl);
    await expectStatus(tech, 'AWAITING_UNIT');

    let dialog = await openAction(tech, 'RECEIVE_UNIT');
    await dialog.getByLabel('Carrier').fill('DHL Express');
    await dialog.getByLabel('Tracking number').fill('IN-4711');
    await dialog.getByLabel(/Shipping cost/).fill('12.5');
    // The API's BAD_USER_INPUT shows under the input it names, and the dialog stays open.
    const shippedOn = dialog.getByLabel('Shipped on');
    const today = await shippedOn.inputValue();
    await shippedOn.fill('2099-01-01');
    await dialog.getByTestId('dialog-submit').click();
    await dialog
      .locator('.ra-input-shippedOn')
      .getByText(/in the future/)
      .waitFor();
    await shippedOn.fill(today);
    await submit(dialog);
    await expectStatus(tech, 'RECEIVED');

    dialog = await openAction(tech, 'START_INSPECTION');
    await submit(dialog);
    await expectStatus(tech, 'INSPECTION');

    // A photo of the unit, attached and downloaded again.
    await tech.getByTestId('attachment-file').setInputFiles({ name: 'unit-front.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    const attachment = tech.getByTestId('claim-attachment').filter({ hasText: 'unit-front.png' });
    await attachment.waitFor();
    const [photo] = await Promise.all([tech.waitForEvent('download'), attachment.getByRole('button', { name: 'Download unit-front.png' }).click()]);
    expect(photo.suggestedFilename()).toBe('unit-front.png');

    dialog = await openAction(tech, 'RECORD_ASSESSMENT');
    await dialog.getByTestId('finding-HUMAN_DAMAGE').waitFor();
    const parts = dialog.getByTestId('inspection-part');
    await parts.first().waitFor();
    const inStock = dialog.locator('[data-testid="inspection-part"]:not([data-on-hand="0"])').first();
    const sku = await inStock.getAttribute('data-sku');
    await inStock.getByTestId('part-faulty').locator('input').check();
    // The engine's preview, before anything is recorded: the line charged, paid maintenance, its total.
    const preview = dialog.getByTestId('assessment-preview');
    await preview.locator(`[data-testid="preview-line"][data-sku="${sku}"][data-covered="false"]`).waitFor();
    await preview.getByTestId('preview-decision').filter({ hasText: 'Paid maintenance' }).waitFor();
    const previewTotal = (await preview.getByTestId('preview-total').textContent())!;
    expect(previewTotal).toMatch(/\$\d/);
    await screenshot(tech, 'flow-03-inspection');
    await submit(dialog);

    await expectStatus(tech, 'AWAITING_APPROVAL');
    await expect.poll(() => tech.getByTestId('assessment-decision').getAttribute('data-decision')).toBe('PAID_MAINTENANCE');
    // A: the claim came after the warranty period, so the line is charged.
    const line = tech.locator(`[data-testid="assessment-line"][data-sku="${sku}"]`);
    expect(await line.getAttribute('data-covered')).toBe('false');
    expect(await tech.getByTestId('assessment-total').textContent()).toBe(previewTotal);
    await tech.getByTestId('assessment-clauses').locator('[data-clause="BEYOND_WARRANTY_PERIOD"]').waitFor();
    expect(await tech.getByTestId('claim-quote-status').getAttribute('data-status')).toBe('PENDING');
    await screenshot(tech, 'flow-04-assessed');
  });

  it("a step on a stale page gets the API's CONFLICT, and the page catches up", async () => {
    // The agent's page still shows the claim awaiting the unit, when cancelling was open.
    await expectStatus(agent, 'AWAITING_UNIT');
    const dialog = await openAction(agent, 'CANCEL');
    await dialog.getByLabel(/Why is the claim cancelled/).fill('Customer changed their mind');
    await dialog.getByTestId('dialog-submit').click();
    await agent.getByText(/was changed by someone else/).waitFor();
    await expectStatus(agent, 'AWAITING_APPROVAL');
    await dialog.waitFor({ state: 'detached' });
    expect(await actionsShown(agent)).toEqual(['APPROVE_QUOTE', 'DECLINE_QUOTE']);
  });

  it('the agent approves the quote and the technician completes the repair', async () => {
    await expectStatus(agent, 'AWAITING_APPROVAL');
    const total = await agent.getByTestId('claim-quote-total').textContent();
    expect(total).toMatch(/\$\d/);
    const dialog = await openAction(agent, 'APPROVE_QUOTE');
    await dialog.getByTestId('claim-quote-total').filter({ hasText: total! }).waitFor();
    await submit(dialog);
    await expectStatus(agent, 'IN_REPAIR');

    await tech.reload();
    await expectStatus(tech, 'IN_REPAIR');
    await submit(await openAction(tech, 'COMPLETE_REPAIR'));
    await expectStatus(tech, 'READY_TO_SHIP');
    expect(await actionsShown(tech)).toEqual([]);
    await screenshot(tech, 'flow-05-repaired');
  });

  it('the agent issues the invoice, records the payment, ships the unit back and closes the claim', async () => {
    await agent.reload();
    await expectStatus(agent, 'READY_TO_SHIP');
    const invoice = agent.getByTestId('claim-invoice');
    expect(await invoice.getAttribute('data-invoice-status')).toBe('DRAFT');

    await invoice.getByTestId('invoice-action-ISSUE').click();
    await submit(agent.getByTestId('invoice-action-dialog-ISSUE'));
    await expect.poll(() => invoice.getAttribute('data-invoice-status')).toBe('ISSUED');
    const number = (await invoice.getByTestId('invoice-number').textContent())!.trim();
    expect(number).toMatch(/^INV-\d{4}-\d{6}$/);

    const [download] = await Promise.all([agent.waitForEvent('download'), invoice.getByTestId('invoice-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);

    await invoice.getByTestId('invoice-action-PAY').click();
    await submit(agent.getByTestId('invoice-action-dialog-PAY'));
    await expect.poll(() => invoice.getAttribute('data-invoice-status')).toBe('PAID');
    await screenshot(agent, 'flow-06-invoice-paid');

    const dialog = await openAction(agent, 'SHIP');
    await dialog.getByLabel('Carrier').fill('UPS');
    await dialog.getByLabel('Tracking number').fill('OUT-0815');
    await submit(dialog);
    await expectStatus(agent, 'SHIPPED');

    await submit(await openAction(agent, 'CLOSE'));
    await expectStatus(agent, 'CLOSED');
    expect(await actionsShown(agent)).toEqual([]);
  });

  it('the timeline tells the whole story', async () => {
    const kinds = await agent.getByTestId('claim-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-event-type')));
    expect(kinds).toEqual([
      'SUBMITTED',
      'REQUEST_UNIT',
      'RECEIVE_UNIT',
      'START_INSPECTION',
      'ATTACHMENT_ADDED',
      'RECORD_ASSESSMENT',
      'APPROVE_QUOTE',
      'COMPLETE_REPAIR',
      'INVOICE_ISSUED',
      'INVOICE_PAID',
      'SHIP',
      'CLOSE',
    ]);
    const timeline = agent.getByTestId('claim-timeline');
    await timeline.getByTestId('event-data-trackingNumber').filter({ hasText: 'OUT-0815' }).waitFor();
    await timeline.getByTestId('event-data-decision').filter({ hasText: 'Paid maintenance' }).waitFor();
    await timeline.getByTestId('event-data-number').first().waitFor();
    expect(await timeline.getByText(LOGINS.tech.email).count()).toBeGreaterThanOrEqual(4);
    await screenshot(agent, 'flow-07-closed');
  });
});

/** A unit whose warranty is over (received, out of warranty) and that has no claim yet. */
async function outOfWarrantyUnitWithoutClaims(url: string): Promise<string> {
  const token = await signInToken(url, LOGINS.agent.email, LOGINS.agent.password);
  const devices = await graphql(
    url,
    `
      {
        devices(limit: 200, sort: { field: RECEIVED_ON, direction: ASC }) {
          items {
            id
            imei
            receivedOn
            underWarranty
          }
        }
      }
    `,
    {},
    token,
  );
  const candidates = (
    devices.data as { devices: { items: { id: string; imei: string; receivedOn: string | null; underWarranty: boolean }[] } }
  ).devices.items.filter((device) => device.receivedOn !== null && !device.underWarranty);
  for (const device of candidates) {
    const claims = await graphql(url, 'query($id: ID!) { claims(filter: { deviceId: $id }) { total } }', { id: device.id }, token);
    if ((claims.data as { claims: { total: number } }).claims.total === 0) return device.imei;
  }
  throw new Error('The demo data has no out-of-warranty unit without a claim.');
}
