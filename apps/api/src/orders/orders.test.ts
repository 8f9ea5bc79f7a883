import type { PartCategory } from '@aftersale/domain';
import {
  TestOrdersCreateDocument,
  TestOrdersListDocument,
  TestOrdersNumbersDocument,
  TestOrdersOrderDocument,
  TestOrdersRecordReceiptDocument,
  TestOrdersUpdateQuantityDocument,
  TestOrdersUpdateShippedOnDocument,
  type CreateOrderInput,
  type TestOrdersOrderFieldsFragment,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Part } from '../catalogue/part.entity.js';
import { aCustomer, aModel, aStaffUser } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let agent: string;
let analyst: string;
let customerId: string;
let modelId: string;
const partIds: Partial<Record<PartCategory, string>> = {};

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-06-30') });
  const em = t.app.orm.em.fork();
  const [agentUser, analystUser] = [await aStaffUser(em, 'AGENT'), await aStaffUser(em, 'ANALYST')];
  agent = await t.login(agentUser.email, agentUser.password);
  analyst = await t.login(analystUser.email, analystUser.password);
  customerId = String((await aCustomer(em)).id);
  const model = await aModel(em);
  modelId = String(model.id);
  for (const category of ['BATTERY', 'HOUSING', 'LCD', 'MAINBOARD'] as const) {
    em.create(Part, { model, sku: `P-${category}`, name: category, category, materialCost: 1000, currency: 'USD' });
  }
  await em.flush();
  for (const part of await em.find(Part, { model })) partIds[part.category] = String(part.id);
});
afterAll(() => t?.close());

const CREATE = TestOrdersCreateDocument;
const RECEIVE = TestOrdersRecordReceiptDocument;

async function createOrder(quantity: number, extra: Partial<CreateOrderInput> = {}) {
  const res = await t.gql(CREATE, { input: { customerId, modelId, quantity, shippedOn: '2026-06-01', ...extra } }, agent);
  expect(res.errors).toBeUndefined();
  return res.data!.createOrder;
}

const shipped = (order: TestOrdersOrderFieldsFragment) => Object.fromEntries(order.spareShipment.map((line) => [line.part.category, line.quantity]));

describe('orders and their spare-parts allowance (S1–S3)', () => {
  it.each([
    [49, 0],
    [50, 1],
    [1000, 20],
    [2999, 59],
    [3000, 60],
  ])('an order of %i pieces ships %i of each eligible part, none of the excluded categories', async (quantity, each) => {
    const order = await createOrder(quantity);
    expect(order.allowance.withinLimit).toBe(true);
    expect(order.spareShipment).toEqual([]);
    const received = await t.gql(RECEIVE, { input: { id: order.id, version: order.version, receivedOn: '2026-06-10' } }, agent);
    expect(received.errors).toBeUndefined();
    expect(received.data!.recordOrderReceipt.receivedOn).toBe('2026-06-10');
    expect(shipped(received.data!.recordOrderReceipt)).toEqual({ BATTERY: each, HOUSING: each });
  });

  it('an order of 3001 pieces gets no automatic allowance, and a negotiated one needs a reason', async () => {
    const order = await createOrder(3001);
    expect(order.allowance).toMatchObject({ withinLimit: false, maxOrderQuantity: 3000, lines: [] });
    const plain = await t.gql(RECEIVE, { input: { id: order.id, version: order.version, receivedOn: '2026-06-10' } }, agent);
    expect(plain.data!.recordOrderReceipt.spareShipment).toEqual([]);

    const big = await createOrder(5000);
    const lines = [{ partId: partIds.BATTERY!, quantity: 40 }];
    const noReason = await t.gql(
      RECEIVE,
      { input: { id: big.id, version: big.version, receivedOn: '2026-06-10', negotiatedAllowance: { reason: ' ', lines } } },
      agent,
    );
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'negotiatedAllowance.reason' });
    const negotiated = await t.gql(
      RECEIVE,
      { input: { id: big.id, version: big.version, receivedOn: '2026-06-10', negotiatedAllowance: { reason: 'Framework contract 2026', lines } } },
      agent,
    );
    expect(negotiated.errors).toBeUndefined();
    expect(negotiated.data!.recordOrderReceipt).toMatchObject({
      allowanceNegotiated: true,
      allowanceReason: 'Framework contract 2026',
      spareShipment: [{ part: { category: 'BATTERY' }, quantity: 40, negotiated: true }],
    });
  });

  it('refuses a negotiated allowance within the limit, and a part of another model', async () => {
    const small = await createOrder(100);
    const within = await t.gql(
      RECEIVE,
      { input: { id: small.id, version: small.version, receivedOn: '2026-06-10', negotiatedAllowance: { reason: 'x', lines: [] } } },
      agent,
    );
    expect(within.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'negotiatedAllowance' });
    const big = await createOrder(4000);
    const other = await aModel(t.app.orm.em.fork());
    const em = t.app.orm.em.fork();
    const foreign = em.create(Part, { model: other.id, sku: 'FOREIGN', name: 'Battery', category: 'BATTERY', materialCost: 1, currency: 'USD' });
    await em.flush();
    const res = await t.gql(
      RECEIVE,
      {
        input: {
          id: big.id,
          version: big.version,
          receivedOn: '2026-06-10',
          negotiatedAllowance: { reason: 'x', lines: [{ partId: String(foreign.id), quantity: 1 }] },
        },
      },
      agent,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'negotiatedAllowance.lines[0].partId' });
  });

  it('a receipt is recorded once, not in the future and not before shipping; a stale version is a CONFLICT', async () => {
    const order = await createOrder(100);
    const future = await t.gql(RECEIVE, { input: { id: order.id, version: order.version, receivedOn: '2026-07-01' } }, agent);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedOn' });
    const early = await t.gql(RECEIVE, { input: { id: order.id, version: order.version, receivedOn: '2026-05-31' } }, agent);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedOn' });
    const stale = await t.gql(RECEIVE, { input: { id: order.id, version: order.version + 1, receivedOn: '2026-06-10' } }, agent);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const ok = await t.gql(RECEIVE, { input: { id: order.id, version: order.version, receivedOn: '2026-06-10' } }, agent);
    const again = await t.gql(RECEIVE, { input: { id: order.id, version: ok.data!.recordOrderReceipt.version, receivedOn: '2026-06-11' } }, agent);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'receivedOn' });
  });

  it('two agents recording the same receipt at once: one wins, the other gets CONFLICT and nothing is shipped twice', async () => {
    const order = await createOrder(1000);
    const input = { id: order.id, version: order.version, receivedOn: '2026-06-10' };
    const results = await Promise.all([t.gql(RECEIVE, { input }, agent), t.gql(RECEIVE, { input }, agent)]);
    expect(results.filter((r) => r.data?.recordOrderReceipt).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const read = await t.gql(TestOrdersOrderDocument, { id: order.id }, analyst);
    expect(shipped(read.data!.order)).toEqual({ BATTERY: 20, HOUSING: 20 });
  });
});

describe('creating and editing orders', () => {
  it('numbers orders SO-YYYY-NNNN when no number is given', async () => {
    const first = await createOrder(10);
    const second = await createOrder(10);
    expect(first.number).toMatch(/^SO-2026-\d{4}$/);
    expect(Number(second.number.slice(-4))).toBe(Number(first.number.slice(-4)) + 1);
  });

  it('names the bad field: quantity, number, unknown customer', async () => {
    const zero = await t.gql(CREATE, { input: { customerId, modelId, quantity: 0 } }, agent);
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    const number = await t.gql(CREATE, { input: { customerId, modelId, quantity: 5, number: 'no spaces' } }, agent);
    expect(number.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    const customer = await t.gql(CREATE, { input: { customerId: '999999', modelId, quantity: 5 } }, agent);
    expect(customer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await createOrder(5, { number: 'PO-4711' });
    const dup = await t.gql(CREATE, { input: { customerId, modelId, quantity: 5, number: 'po-4711' } }, agent);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'number' });
  });

  it('changes the quantity only while in transit', async () => {
    const order = await createOrder(10);
    const UPDATE = TestOrdersUpdateQuantityDocument;
    const edited = await t.gql(UPDATE, { input: { id: order.id, version: order.version, quantity: 12 } }, agent);
    expect(edited.data!.updateOrder).toEqual({ quantity: 12, version: order.version + 1 });
    const received = await t.gql(RECEIVE, { input: { id: order.id, version: order.version + 1, receivedOn: '2026-06-10' } }, agent);
    const late = await t.gql(UPDATE, { input: { id: order.id, version: received.data!.recordOrderReceipt.version, quantity: 20 } }, agent);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
  });

  it('clears the shipped date with null while in transit, never after receipt', async () => {
    const order = await createOrder(10);
    const UPDATE = TestOrdersUpdateShippedOnDocument;
    const cleared = await t.gql(UPDATE, { input: { id: order.id, version: order.version, shippedOn: null } }, agent);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateOrder).toEqual({ shippedOn: null, version: order.version + 1 });
    const received = await t.gql(RECEIVE, { input: { id: order.id, version: order.version + 1, receivedOn: '2026-06-10' } }, agent);
    const late = await t.gql(UPDATE, { input: { id: order.id, version: received.data!.recordOrderReceipt.version, shippedOn: null } }, agent);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shippedOn' });
  });

  it('lists orders by customer, receipt state and number, newest first', async () => {
    const res = await t.gql(TestOrdersListDocument, { filter: { customerId, received: false }, limit: 500 }, analyst);
    expect(res.data!.orders.total).toBeGreaterThan(0);
    expect(res.data!.orders.items.every((o) => o.receivedOn === null)).toBe(true);
    const byNumber = await t.gql(TestOrdersNumbersDocument, { filter: { q: '4711' } }, analyst);
    expect(byNumber.data!.orders.items).toEqual([{ number: 'PO-4711' }]);
  });

  it('keeps orders to agents and admins', async () => {
    const res = await t.gql(CREATE, { input: { customerId, modelId, quantity: 5 } }, analyst);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
