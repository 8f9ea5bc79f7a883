import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentStatements } from '../testing/statements.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

/** Everything a client may read of a claim that a step answers, relations included. */
const CLAIM = `id number status version formType ciNumber symptoms decision quoteStatus submittedOn updatedAt currency availableActions
  device { id imei barcode receivedOn replacedByImei underWarranty lastCoveredDay order { id number receivedOn } model { id name } customer { id name } }
  model { id code name } customer { id code name } serviceCentre { id code name city }`;

let t: TestApp;
let admin: string;

beforeAll(async () => {
  // The demo data has claims awaiting their unit. Webhook deliveries wait and the feed's safety-net poll is off:
  // only the request's own statements are counted.
  t = await startTestApp({ clock: fixedClock('2026-11-25'), demoData: true, deliverWebhooks: false, feed: { pollMs: 3_600_000 } });
  admin = await t.login();
  // The caller is verified once, then trusted for a few seconds: the counts below are of the step alone.
  await t.gql('{ me { id } }', {}, admin);
});
afterAll(() => t?.close());

async function awaitingUnit(count: number): Promise<{ id: string; version: number }[]> {
  const res = await t.gql<{ claims: { items: { id: string; version: number }[] } }>(
    `query ($n: Int!) { claims(limit: $n, filter: { status: [AWAITING_UNIT] }) { items { id version } } }`,
    { n: count },
    admin,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.claims.items).toHaveLength(count);
  return res.data!.claims.items;
}

const cancel = (claim: { id: string; version: number }, selection = 'id version status') =>
  t.gql<{ cancelClaim: Record<string, unknown> }>(
    `mutation ($id: ID!, $v: Int!) { cancelClaim(input: { id: $id, version: $v, note: "customer withdrew" }) { ${selection} } }`,
    { id: claim.id, v: claim.version },
    admin,
  );

describe('a claim step', () => {
  it('runs five statements: the claim with what its guards read (prepared, before the transaction), begin, the event, the update checked against the version, commit', async () => {
    const [claim] = await awaitingUnit(1);
    const sent = await sentStatements(async () => {
      const res = await cancel(claim!);
      expect(res.errors).toBeUndefined();
      expect(res.data!.cancelClaim).toEqual({ id: claim!.id, version: claim!.version + 1, status: 'CANCELLED' });
    });
    // The instance numbers the log after the commit (migration 0013), beside the request: not one of the step's statements.
    const step = sent.filter((s) => !s.text.includes('claim_event_sequence'));
    expect(step.map((s) => s.text)).toHaveLength(5);
    // Read before the transaction, as a prepared statement: its plan took longer than its run, and the transaction is shorter.
    expect(step[0]!.text).toMatch(/^select .*from assessment .*from maintenance_agreement .* from claim c /is);
    expect(step[0]!.name).toBeDefined();
    expect(step[1]!.text).toMatch(/^begin/i);
    // The unit of work writes new rows first: the event, then the claim's update, which fails the step if the version moved.
    expect(step[2]!.text).toMatch(/^insert into "claim_event"/i);
    expect(step[3]!.text).toMatch(/^update "claim" set .* where "id" = \S+ and "version" = /is);
    expect(step[4]!.text).toMatch(/^commit/i);
  });

  it('answers the claim as a read of it afterwards does, without reading it again', async () => {
    const [claim] = await awaitingUnit(1);
    const res = await cancel(claim!, CLAIM);
    expect(res.errors).toBeUndefined();
    const read = await t.gql<{ claim: Record<string, unknown> }>(`query ($id: ID!) { claim(id: $id) { ${CLAIM} } }`, { id: claim!.id }, admin);
    expect(read.errors).toBeUndefined();
    expect(res.data!.cancelClaim).toEqual(read.data!.claim);
    expect(res.data!.cancelClaim).toMatchObject({ status: 'CANCELLED', version: claim!.version + 1, availableActions: [] });
  });

  it('writes nothing for a stale version: CONFLICT, the claim and its log as they were', async () => {
    const [claim] = await awaitingUnit(1);
    const events = async () =>
      Number(
        (
          await t.app.orm.em
            .fork()
            .getConnection()
            .execute<{ n: string }[]>('select count(*) as n from claim_event where claim_id = ?', [Number(claim!.id)])
        )[0]!.n,
      );
    const before = await events();
    const res = await cancel({ id: claim!.id, version: claim!.version - 1 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version', currentVersion: claim!.version });
    expect(await events()).toBe(before);
    const now = await t.gql<{ claim: { status: string; version: number } }>(`query ($id: ID!) { claim(id: $id) { status version } }`, { id: claim!.id }, admin);
    expect(now.data!.claim).toEqual({ status: 'AWAITING_UNIT', version: claim!.version });
  });

  it('takes two steps of one claim in one request, each from what the claim is when it starts', async () => {
    const submitted = await t.gql<{ claims: { items: { id: string; version: number }[] }; serviceCentres: { items: { id: string }[] } }>(
      `{ claims(limit: 1, filter: { status: [SUBMITTED] }) { items { id version } } serviceCentres(limit: 1) { items { id } } }`,
      {},
      admin,
    );
    expect(submitted.errors).toBeUndefined();
    const [claim] = submitted.data!.claims.items;
    const res = await t.gql<{ a: { status: string; version: number }; b: { status: string; version: number } }>(
      `mutation ($id: ID!, $v: Int!, $next: Int!, $centre: ID!) {
        a: requestUnit(input: { id: $id, version: $v, serviceCentreId: $centre }) { status version }
        b: cancelClaim(input: { id: $id, version: $next, note: "sent to the wrong centre" }) { status version }
      }`,
      { id: claim!.id, v: claim!.version, next: claim!.version + 1, centre: submitted.data!.serviceCentres.items[0]!.id },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { status: 'AWAITING_UNIT', version: claim!.version + 1 }, b: { status: 'CANCELLED', version: claim!.version + 2 } });
  });
});
