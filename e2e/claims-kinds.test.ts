import { completeImei } from '@aftersale/domain';
import type { ClaimStatus, Decision, Finding, PartCategory } from '@aftersale/graphql';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { barcodeOf } from './support/barcode.js';
import { actionsShown, expectStatus, openAction } from './support/claim-page.js';
import { signedIn } from './support/console.js';
import { submit } from './support/dialog.js';
import { LOGINS } from './support/logins.js';
import { graphql, startServer, token as signInToken, type RunningServer } from './support/server.js';

/**
 * Every kind of claim of the README's table but the paid repair (which
 * claims-flow.test.ts takes), each to its end through the console only: the
 * agent and the technician each in a browser context of their own, on one
 * server and one browser. The API only picks suitable SUBMITTED demo claims
 * and a service centre holding the parts each path needs.
 */

let server: RunningServer;
let browser: Browser;
let agent: Page;
let tech: Page;
let plan: Plan;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  plan = await demoPlan(server.url);
  [agent, tech] = await Promise.all([signedIn(browser, server.url, LOGINS.agent.email), signedIn(browser, server.url, LOGINS.tech.email)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('each kind of claim, to its end, in the console', () => {
  it('1. in-warranty repair: covered battery, no quote, the removed part retained, shipped and closed', async () => {
    const claim = plan.inWarrantyRepair;
    const battery = claim.sku.BATTERY;
    await sendToInspection(claim);
    expect(await tech.getByTestId('claim-warranty').getAttribute('data-under-warranty')).toBe('true');

    const dialog = await inspect({ faulty: [battery] }, 'WARRANTY_REPAIR');
    await dialog.locator(`[data-testid="preview-line"][data-sku="${battery}"][data-covered="true"]`).waitFor();
    expect(await dialog.getByTestId('preview-total').textContent()).toBe('$0.00');
    await submit(dialog);

    // Nothing charged: straight to the repair, no quote to approve.
    await expectStatus(tech, 'IN_REPAIR');
    expect(await tech.getByTestId('claim-decision').getAttribute('data-decision')).toBe('WARRANTY_REPAIR');
    expect(await tech.getByTestId('claim-decision').textContent()).toBe('Warranty repair');
    expect(await tech.locator(`[data-testid="assessment-line"][data-sku="${battery}"]`).getAttribute('data-covered')).toBe('true');
    expect(await tech.getByTestId('claim-quote-status').count()).toBe(0);
    expect(await tech.getByTestId('claim-quote').count()).toBe(0);
    expect(await actionsShown(tech)).toContain('COMPLETE_REPAIR');
    expect(await actionsShown(tech)).not.toContain('REPLACE_UNIT');

    await submit(await openAction(tech, 'COMPLETE_REPAIR'));
    await expectStatus(tech, 'READY_TO_SHIP');
    // H5: the removed battery stays with the company; nothing to invoice.
    await tech.getByTestId('claim-retained-parts').filter({ hasText: battery }).waitFor();
    expect(await tech.getByTestId('claim-invoice').count()).toBe(0);

    await shipBackAndClose(claim);
    expect(await agent.getByTestId('claim-invoice').count()).toBe(0);
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    await screenshot(agent, 'kinds-1-in-warranty-repair');
  });

  it("2. replacement (W4): a new unit of the same model, with the replaced unit's last covered day", async () => {
    const claim = plan.replacement ?? (await fileReplacementClaim(plan.replacementUnit!));
    const battery = claim.sku.BATTERY;
    await sendToInspection(claim);
    expect(await tech.getByTestId('claim-form-type').textContent()).toContain('Replacement');
    // The replaced unit's warranty end, as the header shows it.
    const warrantyChip = (await tech.getByTestId('claim-warranty').textContent())!;
    expect(warrantyChip).toMatch(/^Under warranty until /);
    const lastCovered = warrantyChip.replace(/^Under warranty until /, '');

    const dialog = await inspect({ faulty: [battery] }, 'WARRANTY_REPLACEMENT');
    await dialog.locator('[data-testid="preview-warning"][data-warning="REPLACEMENT_ALLOWED"]').waitFor();
    await dialog.locator(`[data-testid="preview-line"][data-sku="${battery}"][data-covered="true"]`).waitFor();
    await submit(dialog);
    await expectStatus(tech, 'IN_REPAIR');
    expect(await tech.getByTestId('claim-decision').getAttribute('data-decision')).toBe('WARRANTY_REPLACEMENT');
    expect(await actionsShown(tech)).toContain('REPLACE_UNIT');

    const replace = await openAction(tech, 'REPLACE_UNIT');
    await replace.getByLabel('IMEI of the replacement unit').fill(claim.newImei);
    // A barcode of another model is refused under its input, and the dialog stays open.
    await replace.getByLabel('Barcode of the replacement unit').fill('NOT-THIS-MODEL-1');
    await replace.getByTestId('dialog-submit').click();
    await replace
      .locator('.ra-input-barcode')
      .getByText(/barcode pattern/)
      .waitFor();
    await replace.getByLabel('Barcode of the replacement unit').fill(claim.newBarcode);
    await submit(replace);
    await expectStatus(tech, 'READY_TO_SHIP');
    const replaced = tech.getByTestId('claim-event').last();
    expect(await replaced.getAttribute('data-event-type')).toBe('REPLACE_UNIT');
    expect(await replaced.getByTestId('event-data-imei').textContent()).toContain(claim.newImei);
    expect(await replaced.getByTestId('event-data-replacedImei').textContent()).toContain(claim.imei);
    expect(await replaced.getByTestId('event-data-lastCoveredDay').textContent()).toContain(lastCovered);

    await shipBackAndClose(claim);
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    await screenshot(agent, 'kinds-2-replacement-claim');

    // Devices: the new unit ends its warranty the day the replaced one did (W4).
    await agent.getByRole('menuitem', { name: 'Devices' }).click();
    const oldEnd = await deviceLastCoveredDay(claim.imei);
    const newEnd = await deviceLastCoveredDay(claim.newImei);
    expect(oldEnd).toBe(lastCovered);
    expect(newEnd).toBe(oldEnd);
    await screenshot(agent, 'kinds-2-replacement');
  });

  it('3. partial with a worn housing: only the housing is charged; approved, repaired, invoiced, shipped, closed', async () => {
    const claim = plan.partial;
    const { BATTERY: battery, HOUSING: housing } = claim.sku;
    await sendToInspection(claim);

    const dialog = await inspect({ faulty: [battery, housing], worn: [housing] }, 'PARTIAL');
    await dialog.locator(`[data-testid="preview-line"][data-sku="${battery}"][data-covered="true"]`).waitFor();
    await dialog.locator(`[data-testid="preview-line"][data-sku="${housing}"][data-covered="false"]`).waitFor();
    await dialog.getByTestId('preview-clauses').locator('[data-clause="NATURAL_WEAR"]').waitFor();
    await submit(dialog);

    await expectStatus(tech, 'AWAITING_APPROVAL');
    expect(await tech.getByTestId('claim-decision').textContent()).toBe('Partial');
    // The quote charges the housing's material cost, and only that.
    const quoteLines = await tech.getByTestId('quote-line').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-sku')));
    expect(quoteLines).toEqual([housing]);
    const housingCharge = (await tech.getByTestId('quote-line').locator('td').last().textContent())!;
    expect(housingCharge).toBe(claim.housingCost);
    expect(await tech.getByTestId('claim-quote-total').textContent()).toBe(claim.housingCost);
    expect(await tech.getByTestId('claim-quote-status').getAttribute('data-status')).toBe('PENDING');
    // The technician may not repair before the customer approves.
    expect(await actionsShown(tech)).toEqual([]);

    await openClaim(agent, claim, 'AWAITING_APPROVAL');
    const approve = await openAction(agent, 'APPROVE_QUOTE');
    await approve.getByTestId('claim-quote-total').filter({ hasText: claim.housingCost }).waitFor();
    await submit(approve);
    await expectStatus(agent, 'IN_REPAIR');
    expect(await agent.getByTestId('claim-quote-status').getAttribute('data-status')).toBe('APPROVED');

    await openClaim(tech, claim, 'IN_REPAIR');
    await submit(await openAction(tech, 'COMPLETE_REPAIR'));
    await expectStatus(tech, 'READY_TO_SHIP');
    // The covered battery is retained (H5), the charged housing is not.
    const retained = tech.getByTestId('claim-retained-parts');
    await retained.filter({ hasText: battery }).waitFor();
    expect(await retained.textContent()).not.toContain(housing);

    await openClaim(agent, claim, 'READY_TO_SHIP');
    const invoice = agent.getByTestId('claim-invoice');
    expect(await invoice.getAttribute('data-invoice-status')).toBe('DRAFT');
    expect(await invoice.getByTestId('invoice-total').textContent()).toBe(claim.housingCost);
    await invoice.getByTestId('invoice-action-ISSUE').click();
    await submit(agent.getByTestId('invoice-action-dialog-ISSUE'));
    await expect.poll(() => invoice.getAttribute('data-invoice-status')).toBe('ISSUED');
    expect((await invoice.getByTestId('invoice-number').textContent())!.trim()).toMatch(/^INV-\d{4}-\d{6}$/);

    await shipBackAndClose(claim);
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    await screenshot(agent, 'kinds-3-partial-worn-housing');
  });

  it('4. water damage: no repair step before the signed agreement; then approval, repair, shipped, closed', async () => {
    const claim = plan.waterDamage;
    const mainboard = claim.sku.MAINBOARD;
    await sendToInspection(claim);

    const dialog = await inspect({ findings: ['WATER_DAMAGE'], faulty: [mainboard] }, 'PAID_MAINTENANCE');
    await dialog.locator('[data-testid="preview-warning"][data-warning="AGREEMENT_REQUIRED"]').waitFor();
    await dialog.locator(`[data-testid="preview-line"][data-sku="${mainboard}"][data-covered="false"]`).waitFor();
    await submit(dialog);

    await expectStatus(tech, 'AWAITING_AGREEMENT');
    await tech.getByTestId('claim-agreement').filter({ hasText: 'Not signed yet' }).waitFor();
    // No repair step for the technician, no approval for the agent: only the agreement, either way.
    expect(await actionsShown(tech)).toEqual([]);
    await openClaim(agent, claim, 'AWAITING_AGREEMENT');
    expect(await actionsShown(agent)).toEqual(['RECORD_AGREEMENT', 'DECLINE_AGREEMENT']);
    expect(await agent.getByTestId('claim-action-RECORD_AGREEMENT').textContent()).toBe('Record signed agreement');
    expect(await agent.getByTestId('claim-action-DECLINE_AGREEMENT').textContent()).toBe('Agreement declined');

    const agreement = await openAction(agent, 'RECORD_AGREEMENT');
    await agreement.getByLabel(/Signed by/).fill('Jane Customer');
    await submit(agreement);
    await expectStatus(agent, 'AWAITING_APPROVAL');
    await agent.getByTestId('claim-agreement').filter({ hasText: 'Signed by Jane Customer' }).waitFor();
    expect(await actionsShown(agent)).toEqual(['APPROVE_QUOTE', 'DECLINE_QUOTE']);

    await submit(await openAction(agent, 'APPROVE_QUOTE'));
    await expectStatus(agent, 'IN_REPAIR');

    await openClaim(tech, claim, 'IN_REPAIR');
    expect(await actionsShown(tech)).toContain('COMPLETE_REPAIR');
    await submit(await openAction(tech, 'COMPLETE_REPAIR'));
    await expectStatus(tech, 'READY_TO_SHIP');
    expect(await tech.getByTestId('claim-invoice').getAttribute('data-invoice-status')).toBe('DRAFT');

    await shipBackAndClose(claim);
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    const kinds = await agent.getByTestId('claim-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-event-type')));
    expect(kinds.slice(-6)).toEqual(['RECORD_ASSESSMENT', 'RECORD_AGREEMENT', 'APPROVE_QUOTE', 'COMPLETE_REPAIR', 'SHIP', 'CLOSE']);
    await screenshot(agent, 'kinds-4-water-damage');
  });

  it('5. remote resolution: diagnosed and resolved remotely, closed, the unit never ships', async () => {
    const claim = plan.remote;
    await openClaim(agent, claim, 'SUBMITTED');
    expect(await actionsShown(agent)).toContain('START_REMOTE_DIAGNOSIS');
    await submit(await openAction(agent, 'START_REMOTE_DIAGNOSIS'));
    await expectStatus(agent, 'REMOTE_DIAGNOSIS');
    expect(await actionsShown(agent)).toContain('RESOLVE_REMOTELY');

    const resolve = await openAction(agent, 'RESOLVE_REMOTELY');
    await resolve.getByRole('radio', { name: 'Software update' }).check();
    await resolve.getByLabel('What was done').fill('Guided the customer through the firmware update');
    await submit(resolve);
    await expectStatus(agent, 'RESOLVED_REMOTELY');
    expect(await actionsShown(agent)).toEqual(['CLOSE']);

    await submit(await openAction(agent, 'CLOSE'));
    await expectStatus(agent, 'CLOSED');
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    const resolved = agent.locator('[data-testid="claim-event"][data-event-type="RESOLVE_REMOTELY"]');
    expect(await resolved.getByTestId('event-data-how').textContent()).toContain('Software update');
    // H1: no trip either way, no centre.
    expect(await agent.getByTestId('claim-shipment').count()).toBe(0);
    expect(await agent.getByTestId('claim-service-centre').textContent()).toContain('Not sent to a centre');
    await screenshot(agent, 'kinds-5-remote-resolution');
  });

  it('6. carrier fault: not covered, returned unrepaired, shipped back as it came, closed', async () => {
    const claim = plan.carrierFault;
    await sendToInspection(claim);

    const dialog = await inspect({ findings: ['CARRIER_FAULT'] }, 'NOT_COVERED');
    await dialog.getByTestId('preview-clauses').locator('[data-clause="CARRIER_FAULT"]').waitFor();
    expect(await dialog.getByTestId('preview-line').count()).toBe(0);
    await submit(dialog);

    await expectStatus(tech, 'RETURNED_UNREPAIRED');
    expect(await tech.getByTestId('claim-decision').textContent()).toBe('Not covered');
    expect(await tech.getByTestId('claim-status').textContent()).toBe('Returned unrepaired');
    expect(await actionsShown(tech)).toEqual([]);

    await openClaim(agent, claim, 'RETURNED_UNREPAIRED');
    expect(await actionsShown(agent)).toEqual(['SHIP']);
    await shipBackAndClose(claim, 'RETURNED_UNREPAIRED');
    const directions = await agent.getByTestId('claim-shipment').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-direction')));
    expect(directions).toEqual(['INBOUND', 'OUTBOUND']);
    expect(await agent.getByTestId('claim-invoice').count()).toBe(0);
    expect(await agent.getByTestId('claim-retained-parts').count()).toBe(0);
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    await screenshot(agent, 'kinds-6-carrier-fault');
  });

  it('7. declined quote (out of warranty): returned unrepaired, nothing consumed, no invoice', async () => {
    const claim = plan.declinedQuote;
    const battery = claim.sku.BATTERY;
    await sendToInspection(claim);
    expect(await tech.getByTestId('claim-warranty').getAttribute('data-under-warranty')).toBe('false');

    const dialog = await inspect({ faulty: [battery] }, 'PAID_MAINTENANCE');
    await dialog.getByTestId('preview-clauses').locator('[data-clause="BEYOND_WARRANTY_PERIOD"]').waitFor();
    await submit(dialog);
    await expectStatus(tech, 'AWAITING_APPROVAL');

    await openClaim(agent, claim, 'AWAITING_APPROVAL');
    expect(await agent.getByTestId('claim-quote-status').getAttribute('data-status')).toBe('PENDING');
    await submit(await openAction(agent, 'DECLINE_QUOTE'));
    await expectStatus(agent, 'RETURNED_UNREPAIRED');
    expect(await agent.getByTestId('claim-quote-status').getAttribute('data-status')).toBe('DECLINED');
    expect(await agent.getByTestId('claim-invoice').count()).toBe(0);
    expect(await actionsShown(agent)).toEqual(['SHIP']);

    await shipBackAndClose(claim, 'RETURNED_UNREPAIRED');
    expect(await agent.getByTestId('claim-invoice').count()).toBe(0);
    expect(await agent.getByTestId('claim-retained-parts').count()).toBe(0);
    const kinds = await agent.getByTestId('claim-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-event-type')));
    expect(kinds).not.toContain('COMPLETE_REPAIR');
    await expectLastEvent(agent, 'CLOSE', 'CLOSED');
    await screenshot(agent, 'kinds-7-declined-quote');
  });
});

// ---------------------------------------------------------------------------
// Steps in the console, shared by the paths

/** Opens the claim page (reloading it when it is already open) and waits for the status. */
async function openClaim(page: Page, claim: Picked, status: ClaimStatus): Promise<void> {
  const target = `${server.url}#/claims/${claim.id}/show`;
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await page.getByTestId('claim-number').filter({ hasText: claim.number }).waitFor();
  await expectStatus(page, status);
}

/** The first steps of every kind that ships a unit: agent requests it at the picked centre, technician receives and inspects it. */
async function sendToInspection(claim: Picked): Promise<void> {
  await openClaim(agent, claim, 'SUBMITTED');
  const request = await openAction(agent, 'REQUEST_UNIT');
  await request.getByRole('combobox', { name: /Service centre/ }).click();
  await agent.getByRole('option', { name: new RegExp(`\\(${claim.centre},`) }).click();
  await submit(request);
  await expectStatus(agent, 'AWAITING_UNIT');

  await openClaim(tech, claim, 'AWAITING_UNIT');
  const receive = await openAction(tech, 'RECEIVE_UNIT');
  await receive.getByLabel('Carrier').fill('DHL Express');
  await receive.getByLabel('Tracking number').fill(`IN-${claim.number}`);
  await submit(receive);
  await expectStatus(tech, 'RECEIVED');
  await submit(await openAction(tech, 'START_INSPECTION'));
  await expectStatus(tech, 'INSPECTION');
}

/**
 * Opens the technician's assessment, ticks the findings and the faulty (and
 * worn) parts, each in stock at the centre, and waits for the engine's
 * preview to settle on `decision`. Returns the dialog, still open.
 */
async function inspect(ticks: { findings?: Finding[]; faulty?: string[]; worn?: string[] }, decision: Decision): Promise<Locator> {
  const dialog = await openAction(tech, 'RECORD_ASSESSMENT');
  await dialog.getByTestId('inspection-part').first().waitFor();
  for (const finding of ticks.findings ?? []) await dialog.getByTestId(`finding-${finding}`).locator('input').check();
  for (const sku of ticks.faulty ?? []) {
    const row = dialog.locator(`[data-testid="inspection-part"][data-sku="${sku}"]`);
    expect(Number(await row.getAttribute('data-on-hand')), `${sku} on hand`).toBeGreaterThan(0);
    await row.getByTestId('part-faulty').locator('input').check();
  }
  for (const sku of ticks.worn ?? []) {
    await dialog.locator(`[data-testid="inspection-part"][data-sku="${sku}"]`).getByTestId('part-worn').locator('input').check();
  }
  const preview = dialog.getByTestId('assessment-preview');
  await expect.poll(async () => ((await preview.getAttribute('aria-busy')) === 'false' ? preview.getAttribute('data-decision') : 'waiting')).toBe(decision);
  expect(await dialog.getByTestId('preview-decision').getAttribute('data-decision')).toBe(decision);
  return dialog;
}

/** Agent ships the unit back (repaired, replaced or as it came) and closes the claim. */
async function shipBackAndClose(claim: Picked, from: 'READY_TO_SHIP' | 'RETURNED_UNREPAIRED' = 'READY_TO_SHIP'): Promise<void> {
  await openClaim(agent, claim, from);
  const ship = await openAction(agent, 'SHIP');
  await ship.getByLabel('Carrier').fill('UPS');
  await ship.getByLabel('Tracking number').fill(`OUT-${claim.number}`);
  await submit(ship);
  await expectStatus(agent, 'SHIPPED');
  await agent
    .getByTestId('claim-timeline')
    .getByTestId('event-data-trackingNumber')
    .filter({ hasText: `OUT-${claim.number}` })
    .waitFor();
  await submit(await openAction(agent, 'CLOSE'));
  await expectStatus(agent, 'CLOSED');
  expect(await actionsShown(agent)).toEqual([]);
}

/** The newest timeline entry is `type`, leading to `status`, by the agent. */
async function expectLastEvent(page: Page, type: string, status: ClaimStatus): Promise<void> {
  const last = page.getByTestId('claim-event').last();
  await expect.poll(() => last.getAttribute('data-event-type')).toBe(type);
  expect(await last.locator('[data-status]').last().getAttribute('data-status')).toBe(status);
  expect(await last.textContent()).toContain(LOGINS.agent.email);
}

/** Files a Replacement Form in the console for an in-warranty unit without claims (when the demo has no SUBMITTED one). */
async function fileReplacementClaim(unit: Omit<Picked, 'id' | 'number'>): Promise<Picked> {
  await agent.goto(`${server.url}#/claims/create`);
  await agent.getByRole('textbox', { name: /^IMEI/ }).fill(unit.imei);
  await agent.getByTestId('warranty-hint').waitFor();
  await agent.getByRole('radio', { name: 'Replacement' }).check();
  await agent.getByLabel('CI number').fill('CI-E2E-REPL');
  await agent.getByLabel('Symptoms').fill('Will not boot');
  await agent.getByRole('checkbox', { name: /backed up and deleted/ }).check();
  await agent.getByRole('button', { name: 'Submit the claim' }).click();
  await expectStatus(agent, 'SUBMITTED');
  const id = /#\/claims\/(\d+)\/show$/.exec(agent.url())![1]!;
  const number = (await agent.getByTestId('claim-number').textContent())!.trim();
  return { ...unit, id, number };
}

/** The "Last covered day" the Devices list shows for one IMEI. */
async function deviceLastCoveredDay(imei: string): Promise<string> {
  await agent.getByPlaceholder('IMEI (or its first digits)').fill(imei);
  await expect.poll(() => agent.getByTestId('device-row-imei').evaluateAll((cells) => cells.map((cell) => cell.textContent))).toEqual([imei]);
  return (await agent.locator('td.column-lastCoveredDay').textContent())!.trim();
}

// ---------------------------------------------------------------------------
// Setup through the API: which demo claims, which centre

interface Picked {
  id: string;
  number: string;
  imei: string;
  /** A service centre (its code) holding every part the path ticks. */
  centre: string;
  /** The SKU of the model's part in each category. */
  sku: Partial<Record<PartCategory, string>> & Record<'BATTERY' | 'HOUSING' | 'MAINBOARD', string>;
  /** The housing's material cost, as the console writes money. */
  housingCost: string;
  /** For a replacement: a free valid IMEI and a barcode of the model's pattern. */
  newImei: string;
  newBarcode: string;
}

interface Plan {
  inWarrantyRepair: Picked;
  /** A SUBMITTED in-warranty Replacement Form, or else a unit to file one for. */
  replacement: Picked | null;
  replacementUnit: Omit<Picked, 'id' | 'number'> | null;
  partial: Picked;
  waterDamage: Picked;
  remote: Picked;
  carrierFault: Picked;
  declinedQuote: Picked;
}

interface DemoClaim {
  id: string;
  number: string;
  formType: 'REPAIR' | 'REPLACEMENT';
  device: { id: string; imei: string; underWarranty: boolean };
  model: { id: string; code: string; barcodePattern: string };
}

async function demoPlan(url: string): Promise<Plan> {
  const token = await signInToken(url, LOGINS.agent.email, LOGINS.agent.password);
  const query = async <T>(text: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await graphql(url, text, variables, token);
    if (result.errors) throw new Error(`setup query failed: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };

  const { claims } = await query<{ claims: { items: DemoClaim[] } }>(
    `{ claims(limit: 100, filter: { status: [SUBMITTED] }, sort: { field: NUMBER, direction: ASC }) {
        items { id number formType device { id imei underWarranty } model { id code barcodePattern } } } }`,
  );
  const pool = [...claims.items];

  const details = async (claim: Omit<DemoClaim, 'id' | 'number'>, needs: PartCategory[]): Promise<Omit<Picked, 'id' | 'number'>> => {
    const { stockLevels } = await query<{
      stockLevels: {
        items: { onHand: number; serviceCentre: { code: string }; part: { sku: string; category: PartCategory; materialCost: number; currency: string } }[];
      };
    }>(
      `query($modelId: ID!) { stockLevels(limit: 100, filter: { modelId: $modelId }) {
          items { onHand serviceCentre { code } part { sku category materialCost currency } } } }`,
      { modelId: claim.model.id },
    );
    const sku: Partial<Record<PartCategory, string>> = {};
    let housingCost = '';
    for (const level of stockLevels.items) {
      sku[level.part.category] ??= level.part.sku;
      // As the console writes money (the browser's locale is en-US).
      const { materialCost, currency } = level.part;
      if (level.part.category === 'HOUSING') housingCost = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(materialCost / 100);
    }
    const centres = [...new Set(stockLevels.items.map((level) => level.serviceCentre.code))].sort();
    const centre = centres.find((code) =>
      needs.every((category) => stockLevels.items.some((l) => l.serviceCentre.code === code && l.part.category === category && l.onHand > 0)),
    );
    if (!centre || !sku.BATTERY || !sku.HOUSING || !sku.MAINBOARD) throw new Error(`No centre holds ${needs.join(', ')} of ${claim.model.code}`);
    return {
      imei: claim.device.imei,
      centre,
      sku: sku as Picked['sku'],
      housingCost,
      newImei: await freeImei(claim.device.imei.slice(0, 8)),
      newBarcode: barcodeOf(claim.model.barcodePattern, 99_999_999),
    };
  };
  const freeImei = async (tac: string): Promise<string> => {
    for (let serial = 990_001; serial < 990_100; serial += 1) {
      const imei = completeImei(`${tac}${serial}`);
      const { devices } = await query<{ devices: { total: number } }>('query($imei: String!) { devices(filter: { imei: $imei }) { total } }', { imei });
      if (devices.total === 0) return imei;
    }
    throw new Error(`No free IMEI after ${tac}990001`);
  };
  const take = async (what: string, fits: (claim: DemoClaim) => boolean, needs: PartCategory[]): Promise<Picked> => {
    const index = pool.findIndex(fits);
    if (index < 0) throw new Error(`The demo data has no SUBMITTED claim for the ${what} path.`);
    const [claim] = pool.splice(index, 1) as [DemoClaim];
    return { id: claim.id, number: claim.number, ...(await details(claim, needs)) };
  };
  const inWarrantyRepair = (claim: DemoClaim) => claim.formType === 'REPAIR' && claim.device.underWarranty;

  const replacementClaim = pool.some((claim) => claim.formType === 'REPLACEMENT' && claim.device.underWarranty)
    ? await take('replacement', (claim) => claim.formType === 'REPLACEMENT' && claim.device.underWarranty, [])
    : null;
  const plan: Omit<Plan, 'replacementUnit'> = {
    replacement: replacementClaim,
    inWarrantyRepair: await take('in-warranty repair', inWarrantyRepair, ['BATTERY']),
    partial: await take('partial', inWarrantyRepair, ['BATTERY', 'HOUSING']),
    declinedQuote: await take('declined quote', (claim) => !claim.device.underWarranty, ['BATTERY']),
    waterDamage: await take('water damage', () => true, ['MAINBOARD']),
    carrierFault: await take('carrier fault', () => true, []),
    remote: await take('remote resolution', () => true, []),
  };
  return { ...plan, replacementUnit: replacementClaim ? null : await unitForReplacement() };

  /** An in-warranty unit with no claim, to file a Replacement Form for. */
  async function unitForReplacement(): Promise<Omit<Picked, 'id' | 'number'>> {
    const { devices } = await query<{ devices: { items: (DemoClaim['device'] & { model: DemoClaim['model'] })[] } }>(
      `{ devices(limit: 100, sort: { field: RECEIVED_ON, direction: DESC }) { items { id imei underWarranty model { id code barcodePattern } } } }`,
    );
    for (const device of devices.items.filter((d) => d.underWarranty)) {
      const { claims } = await query<{ claims: { total: number } }>('query($id: ID!) { claims(filter: { deviceId: $id }) { total } }', { id: device.id });
      if (claims.total === 0) return details({ formType: 'REPLACEMENT', device, model: device.model }, []);
    }
    throw new Error('The demo data has no in-warranty unit without a claim.');
  }
}
