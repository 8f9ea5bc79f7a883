import { completeImei, type FormType } from '@aftersale/domain';
import {
  TestApproveQuoteDocument,
  TestClaimActionsDocument,
  TestClaimStoryDocument,
  TestCloseClaimDocument,
  TestCompleteRepairDocument,
  TestDeclineMaintenanceAgreementDocument,
  TestDeclineQuoteDocument,
  TestInvoiceActionsDocument,
  TestIssueInvoiceDocument,
  TestPayInvoiceDocument,
  TestProposeAssessmentDocument,
  TestReceiveUnitDocument,
  TestRecordAssessmentDocument,
  TestRecordMaintenanceAgreementDocument,
  TestReplaceUnitDocument,
  TestReplacedDeviceDocument,
  TestRequestUnitDocument,
  TestResolveClaimRemotelyDocument,
  TestShipClaimDocument,
  TestStartInspectionDocument,
  TestStartRemoteDiagnosisDocument,
  TestStockOnHandDocument,
  TestSubmitClaimDocument,
  TestWarrantyStatusDocument,
  type AssessmentInput,
  type TestClaimStateFragment as ClaimState,
  type TypedDocumentNode,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../catalogue/customer.entity.js';
import { Part } from '../catalogue/part.entity.js';
import type { ProductModel } from '../catalogue/product-model.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import type { Order } from '../orders/order.entity.js';
import { aCustomer, aDevice, aModel, anApiKey, anOrder, aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const TODAY = '2026-06-30';
let today = TODAY;
let t: TestApp;
let agent: string;
let technician: string;
let centreId: string;
let customer: Customer;
let model: ProductModel;
let inWarranty: Order;
let outOfWarranty: Order;
const part = {} as Record<'BATTERY' | 'HOUSING' | 'LCD' | 'MAINBOARD', string>;
let serial = 0;

beforeAll(async () => {
  // "Today" moves only where a test says so (a replacement after the warranty ran out).
  t = await startTestApp({ clock: { today: () => today, now: () => new Date(`${today}T12:00:00Z`) } });
  const em = t.app.orm.em.fork();
  const [a, b] = [await aStaffUser(em, 'AGENT'), await aStaffUser(em, 'TECHNICIAN')];
  [agent, technician] = [await t.login(a.email, a.password), await t.login(b.email, b.password)];
  customer = await aCustomer(em);
  model = await aModel(em);
  inWarranty = await anOrder(em, { customer, model, receivedOn: '2026-01-10', quantity: 500 });
  outOfWarranty = await anOrder(em, { customer, model, receivedOn: '2025-01-10', quantity: 500 });
  const centre = em.create(ServiceCentre, { code: 'SC-W', name: 'Workshop', city: 'Porto', country: 'PT', address: '1 Rua' });
  const costs = { BATTERY: 1200, HOUSING: 800, LCD: 3000, MAINBOARD: 5000 } as const;
  for (const [category, materialCost] of Object.entries(costs)) {
    em.create(Part, { model, sku: `W-${category}`, name: category.toLowerCase(), category: category as keyof typeof costs, materialCost, currency: 'USD' });
  }
  await em.flush();
  centreId = String(centre.id);
  for (const p of await em.find(Part, { model })) part[p.category as keyof typeof part] = String(p.id);
  for (const id of Object.values(part)) {
    await em.getConnection().execute('insert into stock (service_centre_id, part_id, on_hand) values (?, ?, 20)', [centre.id, Number(id)]);
  }
});
afterAll(() => t?.close());

async function submit(order: Order, formType: FormType = 'REPAIR'): Promise<ClaimState> {
  const device = await aDevice(t.app.orm.em.fork(), { order });
  const res = await t.gql(
    TestSubmitClaimDocument,
    { input: { imei: device.imei, formType, ciNumber: `CI-${++serial}`, symptoms: 'Does not charge', dataBackupAcknowledged: true } },
    agent,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.claim;
}

/** A step of §4: each answers the claim's new state under the alias `claim` (operations/api-tests.graphql). */
type StepDocument<Variables> = TypedDocumentNode<{ claim: ClaimState }, Variables>;
interface StepVariables {
  input: { id: string | number; version: number };
}
type StepInput<Variables extends StepVariables> = NoInfer<Omit<Variables['input'], 'id' | 'version'>>;

/** Takes one step; returns the claim's new state, or the error. */
async function step<Variables extends StepVariables>(document: StepDocument<Variables>, claim: ClaimState, input: StepInput<Variables>, credential: string) {
  const res = await t.gql(document, { input: { id: claim.id, version: claim.version, ...input } } as Variables, credential);
  return { claim: res.data?.claim, error: res.errors?.[0] };
}
async function ok<Variables extends StepVariables>(
  document: StepDocument<Variables>,
  claim: ClaimState,
  input: StepInput<Variables>,
  credential: string,
): Promise<ClaimState> {
  const { claim: next, error } = await step(document, claim, input, credential);
  expect(error).toBeUndefined();
  return next!;
}

const shipment = { carrier: 'DHL', trackingNumber: 'JD0001', shippedOn: '2026-06-20', cost: 1500 };
/** SUBMITTED → AWAITING_UNIT → RECEIVED → INSPECTION. */
async function atInspection(claim: ClaimState): Promise<ClaimState> {
  claim = await ok(TestRequestUnitDocument, claim, { serviceCentreId: centreId }, agent);
  claim = await ok(TestReceiveUnitDocument, claim, shipment, technician);
  return ok(TestStartInspectionDocument, claim, {}, technician);
}
const assess = (claim: ClaimState, input: Partial<Omit<AssessmentInput, 'id' | 'version'>>) =>
  ok(TestRecordAssessmentDocument, claim, { findings: [], lines: [], ...input }, technician);
const shipBack = async (claim: ClaimState) =>
  ok(TestCloseClaimDocument, await ok(TestShipClaimDocument, claim, { ...shipment, trackingNumber: 'JD0002' }, agent), {}, agent);

const onHand = async (category: keyof typeof part) =>
  (await t.gql(TestStockOnHandDocument, { id: `${centreId}:${part[category]}` }, technician)).data!.stockLevel.onHand;

async function details(id: string) {
  const res = await t.gql(TestClaimStoryDocument, { id }, agent);
  expect(res.errors).toBeUndefined();
  return res.data!.claim;
}

describe('claims handled end to end (POLICY.md §4)', () => {
  it('in-warranty repair: free, parts from stock, removed parts retained (H4, H5), shipping recorded not charged (H7)', async () => {
    const before = await onHand('BATTERY');
    let claim = await atInspection(await submit(inWarranty));
    // What the caller (the technician) may do now, from the domain's state machine.
    expect(claim.availableActions).toEqual(['RECORD_ASSESSMENT']);
    claim = await assess(claim, { lines: [{ partId: part.BATTERY }] });
    expect(claim).toMatchObject({ status: 'IN_REPAIR', decision: 'WARRANTY_REPAIR', quoteStatus: null });
    claim = await ok(TestCompleteRepairDocument, claim, {}, technician);
    expect(claim.status).toBe('READY_TO_SHIP');
    claim = await shipBack(claim);
    expect(claim.status).toBe('CLOSED');
    expect(await onHand('BATTERY')).toBe(before - 1);
    const story = await details(claim.id);
    expect(story.retainedParts).toEqual([{ part: { category: 'BATTERY' } }]);
    expect(story.invoices).toEqual([]);
    expect(story.shipments).toEqual([
      { direction: 'INBOUND', cost: 1500 },
      { direction: 'OUTBOUND', cost: 1500 },
    ]);
    expect(story.events.map((e) => `${e.type}→${e.toStatus}`)).toEqual([
      'SUBMITTED→SUBMITTED',
      'REQUEST_UNIT→AWAITING_UNIT',
      'RECEIVE_UNIT→RECEIVED',
      'START_INSPECTION→INSPECTION',
      'RECORD_ASSESSMENT→IN_REPAIR',
      'COMPLETE_REPAIR→READY_TO_SHIP',
      'SHIP→SHIPPED',
      'CLOSE→CLOSED',
    ]);
  });

  it('replacement on a Replacement Form: a new unit of the same model inherits the remaining warranty (W4)', async () => {
    let claim = await atInspection(await submit(inWarranty, 'REPLACEMENT'));
    claim = await assess(claim, { lines: [{ partId: part.MAINBOARD }] });
    expect(claim.decision).toBe('WARRANTY_REPLACEMENT');
    expect(claim.availableActions).toEqual(['RECORD_ASSESSMENT', 'COMPLETE_REPAIR', 'REPLACE_UNIT']);
    const imei = completeImei('35999900000001');
    claim = await ok(TestReplaceUnitDocument, claim, { imei, barcode: '999900000001' }, technician);
    expect(claim.status).toBe('READY_TO_SHIP');
    const status = await t.gql(TestWarrantyStatusDocument, { imei }, agent);
    expect(status.data!.warrantyStatus).toEqual({ receivedOn: '2026-01-10', lastCoveredDay: '2027-01-09', underWarranty: true });
    // The replaced unit is covered no more: its warranty went on with the replacement, and no new claim is filed for it.
    const replaced = await t.gql(TestReplacedDeviceDocument, { id: claim.id }, agent);
    expect(replaced.data!.claim.device).toMatchObject({ underWarranty: false, replacedByImei: imei });
    const again = await t.gql(
      TestSubmitClaimDocument,
      { input: { imei: replaced.data!.claim.device.imei, formType: 'REPAIR', ciNumber: 'CI-X', symptoms: 'Again', dataBackupAcknowledged: true } },
      agent,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imei' });
  });

  it('a claim filed in time may be replaced after the warranty ran out: the new unit has none left (W4)', async () => {
    const lastYear = await anOrder(t.app.orm.em.fork(), { customer, model, receivedOn: '2025-07-10', quantity: 10 });
    let claim = await atInspection(await submit(lastYear, 'REPLACEMENT'));
    claim = await assess(claim, { lines: [{ partId: part.MAINBOARD }] });
    expect(claim.decision).toBe('WARRANTY_REPLACEMENT');
    today = '2026-07-20';
    try {
      const imei = completeImei('35999900000003');
      await ok(TestReplaceUnitDocument, claim, { imei, barcode: '999900000003' }, technician);
      const status = await t.gql(TestWarrantyStatusDocument, { imei }, agent);
      expect(status.data!.warrantyStatus).toEqual({ receivedOn: '2025-07-10', lastCoveredDay: '2026-07-09', underWarranty: false });
    } finally {
      today = TODAY;
    }
  });

  it('a repair claim cannot be answered with a replacement (R3)', async () => {
    let claim = await atInspection(await submit(inWarranty));
    claim = await assess(claim, { lines: [{ partId: part.MAINBOARD }] });
    const { error } = await step(TestReplaceUnitDocument, claim, { imei: completeImei('35999900000002'), barcode: '999900000002' }, technician);
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPLACEMENT_NOT_ALLOWED' });
  });

  it('partial: a worn housing is charged at material cost after the quote is approved; the battery is free (F, H6)', async () => {
    let claim = await atInspection(await submit(inWarranty));
    claim = await assess(claim, { lines: [{ partId: part.BATTERY }, { partId: part.HOUSING, worn: true }] });
    expect(claim).toMatchObject({ status: 'AWAITING_APPROVAL', decision: 'PARTIAL', quoteStatus: 'PENDING' });
    const early = await step(TestCompleteRepairDocument, claim, {}, technician);
    expect(early.error?.extensions?.code).toBe('CONFLICT');
    claim = await ok(TestApproveQuoteDocument, claim, {}, agent);
    claim = await ok(TestCompleteRepairDocument, claim, {}, technician);
    const story = await details(claim.id);
    expect(story.lines).toEqual([
      { part: { category: 'BATTERY' }, covered: true, clauses: [], charge: 0 },
      { part: { category: 'HOUSING' }, covered: false, clauses: ['NATURAL_WEAR'], charge: 800 },
    ]);
    expect(story.invoices).toEqual([
      expect.objectContaining({ status: 'DRAFT', total: 800, number: null, lines: [{ kind: 'MATERIAL_COST', amount: 800, clauses: ['NATURAL_WEAR'] }] }),
    ]);
    expect(story.retainedParts).toEqual([{ part: { category: 'BATTERY' } }]);
  });

  it('water damage: no repair until the maintenance agreement is on record (H9, R4)', async () => {
    let claim = await atInspection(await submit(inWarranty));
    claim = await assess(claim, { findings: ['WATER_DAMAGE'], lines: [{ partId: part.MAINBOARD }] });
    expect(claim).toMatchObject({ status: 'AWAITING_AGREEMENT', decision: 'PAID_MAINTENANCE' });
    for (const [document, who] of [
      [TestApproveQuoteDocument, agent],
      [TestCompleteRepairDocument, technician],
    ] as const) {
      expect((await step(document, claim, {}, who)).error?.extensions?.code).toBe('CONFLICT');
    }
    claim = await ok(TestRecordMaintenanceAgreementDocument, claim, { signedOn: '2026-06-25', signedBy: 'J. Customer' }, agent);
    expect(claim.status).toBe('AWAITING_APPROVAL');
    claim = await ok(TestApproveQuoteDocument, claim, {}, agent);
    expect(claim.status).toBe('IN_REPAIR');
    expect((await details(claim.id)).assessment).toMatchObject({ clauses: ['HUMAN_DAMAGE'], agreementRequired: true, total: 5000, policyVersion: '2020.1' });
  });

  it('the agreement declined: the unit goes back unrepaired, no quote left pending (H9)', async () => {
    let claim = await atInspection(await submit(inWarranty));
    claim = await assess(claim, { findings: ['SERIOUS_DAMAGE', 'HUMAN_DAMAGE'], lines: [{ partId: part.LCD }] });
    expect(claim).toMatchObject({ status: 'AWAITING_AGREEMENT', quoteStatus: 'PENDING' });
    claim = await ok(TestDeclineMaintenanceAgreementDocument, claim, { note: 'Will not sign' }, agent);
    expect(claim).toMatchObject({ status: 'RETURNED_UNREPAIRED', quoteStatus: null });
  });

  it('remote resolution: no unit shipped (H1)', async () => {
    let claim = await ok(TestStartRemoteDiagnosisDocument, await submit(inWarranty), { note: 'Called the customer' }, agent);
    claim = await ok(TestResolveClaimRemotelyDocument, claim, { how: 'SOFTWARE_UPDATE', resolution: 'Firmware 2.1 fixes charging' }, agent);
    expect(claim.status).toBe('RESOLVED_REMOTELY');
    claim = await ok(TestCloseClaimDocument, claim, {}, agent);
    const story = await details(claim.id);
    expect(story.shipments).toEqual([]);
    expect(story.events.map((e: { type: string }) => e.type)).toEqual(['SUBMITTED', 'START_REMOTE_DIAGNOSIS', 'RESOLVE_REMOTELY', 'CLOSE']);
  });

  it('carrier fault: nothing to repair, the unit goes back unrepaired (Others B)', async () => {
    let claim = await atInspection(await submit(inWarranty));
    claim = await assess(claim, { findings: ['CARRIER_FAULT'] });
    expect(claim).toMatchObject({ status: 'RETURNED_UNREPAIRED', decision: 'NOT_COVERED' });
    claim = await shipBack(claim);
    expect(claim.status).toBe('CLOSED');
  });

  it('out of warranty: paid repair with quote, invoice issued with its number, paid, PDF with clauses (A, H6–H8)', async () => {
    let claim = await atInspection(await submit(outOfWarranty));
    for (const amount of [0, -5, 12.5]) {
      const bad = await step(
        TestRecordAssessmentDocument,
        claim,
        { findings: [], lines: [{ partId: part.LCD }], serviceCharge: { description: 'Express', amount } },
        technician,
      );
      expect(bad.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceCharge.amount' });
    }
    claim = await assess(claim, { lines: [{ partId: part.LCD }], serviceCharge: { description: 'Express handling', amount: 2500 } });
    expect(claim).toMatchObject({ status: 'AWAITING_APPROVAL', decision: 'PAID_MAINTENANCE' });
    claim = await ok(TestApproveQuoteDocument, claim, {}, agent);
    claim = await ok(TestCompleteRepairDocument, claim, {}, technician);
    const [draft] = (await details(claim.id)).invoices;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      total: 5500,
      lines: [
        { kind: 'MATERIAL_COST', amount: 3000, clauses: ['BEYOND_WARRANTY_PERIOD'] },
        { kind: 'SERVICE_CHARGE', amount: 2500, clauses: [] },
      ],
    });
    const actionsOf = async (credential: string) => (await t.gql(TestInvoiceActionsDocument, { id: draft!.id }, credential)).data!.invoice.availableActions;
    expect([await actionsOf(agent), await actionsOf(technician)]).toEqual([['ISSUE'], []]);
    const issued = await t.gql(TestIssueInvoiceDocument, { input: { id: draft!.id, version: draft!.version } }, agent);
    expect(await actionsOf(agent)).toEqual(['PAY', 'VOID']);
    expect(issued.data!.issueInvoice).toMatchObject({ status: 'ISSUED', issuedOn: TODAY });
    expect(issued.data!.issueInvoice.number).toMatch(/^INV-2026-\d{6}$/);
    const paid = await t.gql(TestPayInvoiceDocument, { input: { id: draft!.id, version: issued.data!.issueInvoice.version, paidOn: TODAY } }, agent);
    expect(paid.data!.markInvoicePaid).toEqual({ status: 'PAID', paidOn: TODAY });
    const pdf = await fetch(t.url.replace('/graphql', `/api/invoices/${draft!.id}.pdf`), { headers: { authorization: `Bearer ${agent}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    claim = await shipBack(claim);
    const types = (await details(claim.id)).events.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['INVOICE_ISSUED', 'INVOICE_PAID', 'CLOSE']));
  });

  it('declined quote: the unit goes back unrepaired, nothing consumed, no invoice', async () => {
    const before = await onHand('LCD');
    let claim = await atInspection(await submit(outOfWarranty));
    claim = await assess(claim, { lines: [{ partId: part.LCD }] });
    claim = await ok(TestDeclineQuoteDocument, claim, { note: 'Too expensive' }, agent);
    expect(claim).toMatchObject({ status: 'RETURNED_UNREPAIRED', quoteStatus: 'DECLINED' });
    claim = await shipBack(claim);
    expect(await onHand('LCD')).toBe(before);
    expect((await details(claim.id)).invoices).toEqual([]);
  });

  it('an override needs a reason and is kept beside the proposal', async () => {
    let claim = await atInspection(await submit(outOfWarranty));
    const preview = await t.gql(TestProposeAssessmentDocument, { id: claim.id, input: { findings: [], lines: [{ partId: part.LCD }] } }, technician);
    expect(preview.data!.proposeAssessment).toEqual({
      decision: 'PAID_MAINTENANCE',
      total: 3000,
      clauses: ['BEYOND_WARRANTY_PERIOD'],
      lines: [{ part: { category: 'LCD' }, charge: 3000 }],
    });
    expect((await details(claim.id)).assessment).toBeNull(); // a preview records nothing
    const { error } = await step(TestRecordAssessmentDocument, claim, { findings: [], lines: [{ partId: part.LCD }], decision: 'WARRANTY_REPAIR' }, technician);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'overrideReason' });
    claim = await assess(claim, { lines: [{ partId: part.LCD }], decision: 'WARRANTY_REPAIR', overrideReason: 'Goodwill: known LCD batch issue' });
    expect(claim).toMatchObject({ status: 'IN_REPAIR', decision: 'WARRANTY_REPAIR' });
    expect((await details(claim.id)).assessment).toMatchObject({ proposedDecision: 'PAID_MAINTENANCE', decision: 'WARRANTY_REPAIR', total: 0 });
  });
});

describe('rules enforced by the API', () => {
  it('refuses a step to the wrong role (FORBIDDEN), out of order (CONFLICT), and a part of another model', async () => {
    const claim = await submit(inWarranty);
    expect((await step(TestReceiveUnitDocument, claim, shipment, agent)).error?.extensions?.code).toBe('FORBIDDEN');
    expect((await step(TestCloseClaimDocument, claim, {}, agent)).error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const inspecting = await atInspection(claim);
    const foreign = await aModel(t.app.orm.em.fork());
    const em = t.app.orm.em.fork();
    const other = em.create(Part, { model: foreign.id, sku: `X-${++serial}`, name: 'x', category: 'LCD', materialCost: 1, currency: 'USD' });
    await em.flush();
    const res = await step(TestRecordAssessmentDocument, inspecting, { findings: [], lines: [{ partId: String(other.id) }] }, technician);
    expect(res.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines[0].partId' });
  });

  it('two technicians assessing the same claim at once: one wins, the other gets CONFLICT', async () => {
    const claim = await atInspection(await submit(inWarranty));
    const input = { findings: [], lines: [{ partId: part.BATTERY }] };
    const results = await Promise.all([
      step(TestRecordAssessmentDocument, claim, input, technician),
      step(TestRecordAssessmentDocument, claim, input, technician),
    ]);
    expect(results.filter((r) => r.claim).length).toBe(1);
    expect(results.find((r) => r.error)?.error?.extensions?.code).toBe('CONFLICT');
    expect((await details(claim.id)).events.filter((e: { type: string }) => e.type === 'RECORD_ASSESSMENT')).toHaveLength(1);
  });

  it('a repair with a part out of stock is a CONFLICT and changes nothing', async () => {
    let claim = await atInspection(await submit(inWarranty));
    claim = await assess(claim, { lines: [{ partId: part.HOUSING }] });
    const em = t.app.orm.em.fork();
    await em.getConnection().execute('update stock set on_hand = 0 where service_centre_id = ? and part_id = ?', [Number(centreId), Number(part.HOUSING)]);
    const { error } = await step(TestCompleteRepairDocument, claim, {}, technician);
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', field: 'quantity' });
    const story = await details(claim.id);
    expect(story.status).toBe('IN_REPAIR');
    expect(story.retainedParts).toEqual([]);
    await em.getConnection().execute('update stock set on_hand = 20 where service_centre_id = ? and part_id = ?', [Number(centreId), Number(part.HOUSING)]);
  });

  it("a customer's API key never reads another customer's claim", async () => {
    const claim = await submit(inWarranty);
    const stranger = await anApiKey(t.app.orm.em.fork(), await aCustomer(t.app.orm.em.fork()));
    expect((await t.gql(TestClaimActionsDocument, { id: claim.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await anApiKey(t.app.orm.em.fork(), customer);
    const mine = await t.gql(TestClaimActionsDocument, { id: claim.id }, own);
    expect(mine.data!.claim).toEqual({ id: claim.id, availableActions: [] });
  });

  it('50 invoices issued in parallel get 50 consecutive numbers, no gap, no repeat', async () => {
    const em = t.app.orm.em.fork();
    const conn = em.getConnection();
    const device = await aDevice(em, { order: outOfWarranty });
    const drafts: number[] = [];
    for (let i = 0; i < 50; i++) {
      const [claim] = await conn.execute<{ id: number }[]>(
        `insert into claim (device_id, customer_id, model_id, form_type, ci_number, symptoms, data_backup_acknowledged, status, submitted_on)
         values (?, ?, ?, 'REPAIR', 'CI', 'x', true, 'READY_TO_SHIP', ?) returning id`,
        [device.id, customer.id, model.id, TODAY],
      );
      const [invoice] = await conn.execute<{ id: number }[]>(
        `insert into invoice (claim_id, customer_id, status, currency, total) values (?, ?, 'DRAFT', 'USD', 100) returning id`,
        [claim!.id, customer.id],
      );
      drafts.push(invoice!.id);
    }
    const results = await Promise.all(drafts.map((id) => t.gql(TestIssueInvoiceDocument, { input: { id: String(id), version: 1 } }, agent)));
    expect(results.every((r) => !r.errors)).toBe(true);
    const sequences = results.map((r) => Number(r.data!.issueInvoice.number!.slice(-6))).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(50);
    expect(sequences.at(-1)! - sequences[0]!).toBe(49);
  });
});
