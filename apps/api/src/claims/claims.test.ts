import {
  TestClaimsClaimDocument,
  TestClaimsListDocument,
  TestClaimsSortedDocument,
  TestClaimsSubmitDocument,
  type SubmitClaimInput,
  type TestClaimsSortedQuery,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aDevice, aModel, anApiKey, anOrder, aStaffUser } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

const SUBMIT = TestClaimsSubmitDocument;
const CLAIM = TestClaimsClaimDocument;
const CLAIMS = TestClaimsListDocument;
const SORTED = TestClaimsSortedDocument;
type Sorted = TestClaimsSortedQuery['claims']['items'][number];

let t: TestApp;
let admin: string;
const form = (imei: string, extra: Partial<SubmitClaimInput> = {}): SubmitClaimInput => ({
  imei,
  formType: 'REPAIR',
  ciNumber: 'CI-2026-001',
  symptoms: 'No power',
  dataBackupAcknowledged: true,
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-06-01') });
  admin = await t.login();
});
afterAll(() => t?.close());

describe('submitClaim', () => {
  it('files a claim on a known unit, in status SUBMITTED, with its SUBMITTED event', async () => {
    const device = await aDevice(t.app.orm.em.fork());
    const res = await t.gql(SUBMIT, { input: form(device.imei) }, admin);
    expect(res.errors).toBeUndefined();
    const claim = res.data!.submitClaim;
    expect(claim).toMatchObject({ status: 'SUBMITTED', formType: 'REPAIR', submittedOn: '2026-06-01', device: { imei: device.imei } });
    expect(claim.number).toMatch(/^CL-\d{7}$/);

    const read = await t.gql(CLAIM, { id: claim.id }, admin);
    expect(read.data!.claim.events).toEqual([{ type: 'SUBMITTED', toStatus: 'SUBMITTED', actor: 'admin@test.local' }]);
  });

  it('refuses a claim without the data-backup acknowledgement (H3), naming the field', async () => {
    const device = await aDevice(t.app.orm.em.fork());
    const res = await t.gql(SUBMIT, { input: form(device.imei, { dataBackupAcknowledged: false }) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataBackupAcknowledged' });
    expect(res.errors?.[0]?.message).toContain('dataBackupAcknowledged');
  });

  it.each([
    ['ciNumber', { ciNumber: '   ' }],
    ['symptoms', { symptoms: '' }],
    ['idempotencyKey', { idempotencyKey: 'x'.repeat(200) }],
  ])('refuses a blank or oversized %s', async (field, extra) => {
    const device = await aDevice(t.app.orm.em.fork());
    const res = await t.gql(SUBMIT, { input: form(device.imei, extra) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('gives BAD_USER_INPUT naming imei for a bad check digit, NOT_FOUND for an unknown unit', async () => {
    const bad = await t.gql(SUBMIT, { input: form('490154203237519') }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imei' });
    const unknown = await t.gql(SUBMIT, { input: form('490154203237518') }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('creates one claim for the same idempotency key sent twice, and for concurrent retries', async () => {
    const device = await aDevice(t.app.orm.em.fork());
    const input = form(device.imei, { idempotencyKey: 'retry-1' });
    const first = await t.gql(SUBMIT, { input }, admin);
    const second = await t.gql(SUBMIT, { input }, admin);
    expect(second.data!.submitClaim.id).toBe(first.data!.submitClaim.id);

    const racing = form(device.imei, { idempotencyKey: 'retry-2' });
    const results = await Promise.all(Array.from({ length: 8 }, () => t.gql(SUBMIT, { input: racing }, admin)));
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(results.map((r) => r.data!.submitClaim.id)).size).toBe(1);

    const list = await t.gql(CLAIMS, { filter: { deviceId: String(device.id) }, offset: 0, limit: 50 }, admin);
    expect(list.data!.claims.total).toBe(2);
  });

  it('answers CONFLICT when an idempotency key is reused for a different claim', async () => {
    const device = await aDevice(t.app.orm.em.fork());
    await t.gql(SUBMIT, { input: form(device.imei, { idempotencyKey: 'k-3' }) }, admin);
    const res = await t.gql(SUBMIT, { input: form(device.imei, { idempotencyKey: 'k-3', symptoms: 'Other' }) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('lets an analyst read claims but not submit one', async () => {
    const em = t.app.orm.em.fork();
    const analyst = await aStaffUser(em, 'ANALYST');
    const token = await t.login(analyst.email, analyst.password);
    const device = await aDevice(em);
    const res = await t.gql(SUBMIT, { input: form(device.imei) }, token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await t.gql(CLAIMS, { offset: 0, limit: 1 }, token);
    expect(list.errors).toBeUndefined();
  });
});

describe('an integrator', () => {
  it("submits claims for its own customer's units and never sees another customer's", async () => {
    const em = t.app.orm.em.fork();
    const mine = await aCustomer(em);
    const theirs = await aCustomer(em);
    const key = await anApiKey(em, mine);
    const myDevice = await aDevice(em, { order: await anOrder(em, { customer: mine }) });
    const theirDevice = await aDevice(em, { order: await anOrder(em, { customer: theirs }) });
    const theirClaim = (await t.gql(SUBMIT, { input: form(theirDevice.imei) }, admin)).data!.submitClaim;

    const own = await t.gql(SUBMIT, { input: form(myDevice.imei) }, key);
    expect(own.errors).toBeUndefined();
    expect(own.data!.submitClaim.customer.id).toBe(String(mine.id));

    expect((await t.gql(SUBMIT, { input: form(theirDevice.imei) }, key)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(CLAIM, { id: theirClaim.id }, key)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await t.gql(CLAIMS, { offset: 0, limit: 100 }, key);
    expect(list.data!.claims.items.map((c) => c.customer.id)).toEqual([String(mine.id)]);
  });
});

describe('claims list', () => {
  it('filters by status, customer and date range, sorts, and paginates with a total', async () => {
    const em = t.app.orm.em.fork();
    const customer = await aCustomer(em);
    const order = await anOrder(em, { customer });
    for (let i = 0; i < 5; i++) {
      const device = await aDevice(em, { order });
      await t.gql(SUBMIT, { input: form(device.imei, { ciNumber: `CI-LIST-${i}` }) }, admin);
    }
    const page = await t.gql(
      CLAIMS,
      {
        filter: { customerId: String(customer.id), status: ['SUBMITTED'], submittedFrom: '2026-06-01', submittedTo: '2026-06-01' },
        sort: { field: 'NUMBER', direction: 'DESC' },
        offset: 1,
        limit: 2,
      },
      admin,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.claims.total).toBe(5);
    const numbers = page.data!.claims.items.map((c) => c.number);
    expect(numbers).toHaveLength(2);
    expect([...numbers].sort().reverse()).toEqual(numbers);

    const none = await t.gql(CLAIMS, { filter: { customerId: String(customer.id), status: ['CLOSED'] }, offset: 0, limit: 10 }, admin);
    expect(none.data!.claims).toEqual({ total: 0, items: [] });
  });

  it.each([
    ['MODEL', (c: Sorted) => c.model.name],
    ['CUSTOMER', (c: Sorted) => c.customer.name],
    ['IMEI', (c: Sorted) => c.device.imei],
    ['CI_NUMBER', (c: Sorted) => c.ciNumber],
  ] as const)('sorts by %s both ways', async (field, key) => {
    const em = t.app.orm.em.fork();
    const customers = [await aCustomer(em, { name: 'Zeta Mobile' }), await aCustomer(em, { name: 'Alpha Mobile' })];
    const models = [await aModel(em, { name: 'Yukon 9' }), await aModel(em, { name: 'Bravo 2' })];
    for (const [i, customer] of customers.entries()) {
      const device = await aDevice(em, { order: await anOrder(em, { customer, model: models[i] }) });
      await t.gql(SUBMIT, { input: form(device.imei, { ciNumber: `CI-SORT-${field}-${i}` }) }, admin);
    }
    const filter = { q: `CI-SORT-${field}` };
    for (const direction of ['ASC', 'DESC'] as const) {
      const page = await t.gql(SORTED, { filter, sort: { field, direction } }, admin);
      expect(page.errors).toBeUndefined();
      const values = page.data!.claims.items.map(key);
      const expected = [...values].sort((a, b) => a.localeCompare(b));
      expect(values).toEqual(direction === 'ASC' ? expected : expected.reverse());
      expect(new Set(values).size).toBe(2);
    }
  });

  it('rejects a page larger than 500 and a malformed date, naming the argument', async () => {
    const big = await t.gql(CLAIMS, { offset: 0, limit: 501 }, admin);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toContain('limit');
    const date = await t.gql(CLAIMS, { filter: { submittedFrom: '2026-02-30' }, offset: 0, limit: 1 }, admin);
    expect(date.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('claim numbers', () => {
  // Last: it moves the shared sequence past ten million.
  it('keep every digit past ten million instead of cutting the number to 7 digits (a duplicate of an old claim)', async () => {
    await t.app.orm.em.fork().getConnection().execute(`select setval('claim_number_seq', 9999998)`);
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const device = await aDevice(t.app.orm.em.fork());
      const res = await t.gql(SUBMIT, { input: form(device.imei) }, admin);
      expect(res.errors).toBeUndefined();
      numbers.push(res.data!.submitClaim.number);
    }
    expect(numbers).toEqual(['CL-9999999', 'CL-10000000']);
  });
});
