import { TestClaimsDeviceOrderDocument, TestClaimsEventsDocument, TestClaimsShipmentsDocument, TestClaimsSubmitIdDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aDevice, anApiKey, anOrder, aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let key: string;
let agent: string;
let claimId: string;
let imei: string;
beforeAll(async () => {
  t = await startTestApp();
  const em = t.app.orm.em.fork();
  const customer = await aCustomer(em);
  key = await anApiKey(em, customer);
  const user = await aStaffUser(em, 'AGENT');
  agent = await t.login(user.email, user.password);
  imei = (await aDevice(em, { order: await anOrder(em, { customer }), receivedOn: '2026-01-15' })).imei;
  const res = await t.gql(
    TestClaimsSubmitIdDocument,
    { input: { imei, formType: 'REPAIR', ciNumber: 'CI-1', symptoms: 'Cracked', dataBackupAcknowledged: true } },
    agent,
  );
  claimId = res.data!.submitClaim.id;
});
afterAll(() => t?.close());

describe('what an API key may read', () => {
  it('sees "staff" instead of a staff email in claim events; staff see who it was', async () => {
    const query = TestClaimsEventsDocument;
    const asKey = await t.gql(query, { id: claimId }, key);
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data!.claim.events).toEqual([{ type: 'SUBMITTED', actor: 'staff' }]);
    expect((await t.gql(query, { id: claimId }, agent)).data!.claim.events[0]!.actor).toMatch(/@test\.local$/);
  });

  it("gets FORBIDDEN for a unit's order (internal, as the order query is) and so for who imported its units", async () => {
    const res = await t.gql(TestClaimsDeviceOrderDocument, { imei }, key);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data)).not.toMatch(/SO-T-/);
  });

  it('gets FORBIDDEN for the internal shipping cost, and the rest of a shipment', async () => {
    const res = await t.gql(TestClaimsShipmentsDocument, { id: claimId }, key);
    expect(res.errors).toBeUndefined(); // no shipment yet: nothing to refuse
    const staff = await t.gql(TestClaimsShipmentsDocument, { id: claimId }, agent);
    expect(staff.errors).toBeUndefined();
  });
});
