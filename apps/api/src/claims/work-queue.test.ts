import { ClaimsDocument, ClaimStatusCountsDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClaim } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: string;
const page = { offset: 0, limit: 500 };

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-11-25') });
  admin = await t.login();
  // The queue this file reads: statuses and decisions in several numbers, on both sides of 90 days before today.
  const em = t.app.orm.em.fork();
  for (const submittedOn of ['2026-11-20', '2026-11-02', '2026-08-28']) await aClaim(em, { status: 'SUBMITTED', submittedOn });
  for (const submittedOn of ['2026-08-27', '2026-03-15']) await aClaim(em, { status: 'IN_REPAIR', decision: 'PAID_MAINTENANCE', submittedOn });
  await aClaim(em, { status: 'AWAITING_APPROVAL', decision: 'PAID_MAINTENANCE', submittedOn: '2026-10-01' });
  for (const submittedOn of ['2026-07-01', '2026-10-30']) await aClaim(em, { status: 'CLOSED', decision: 'WARRANTY_REPAIR', submittedOn });
  await aClaim(em, { status: 'RETURNED_UNREPAIRED', decision: 'NOT_COVERED', submittedOn: '2026-09-09' });
});
afterAll(() => t?.close());

describe('the claims work queue', () => {
  it('counts claims per status for the other filters, matching the list', async () => {
    const counts = await t.gql(ClaimStatusCountsDocument, {}, admin);
    const byStatus = Object.fromEntries(counts.data!.claimStatusCounts.map((c) => [c.status, c.count]));
    const total = (await t.gql(ClaimsDocument, page, admin)).data!.claims.total;
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(total);
    const submitted = await t.gql(ClaimsDocument, { ...page, filter: { status: ['SUBMITTED'] } }, admin);
    expect(byStatus['SUBMITTED']).toBe(submitted.data!.claims.total);
    expect(byStatus).toMatchObject({ SUBMITTED: 3, IN_REPAIR: 2, AWAITING_APPROVAL: 1, CLOSED: 2, RETURNED_UNREPAIRED: 1 });
    // The counts ignore the status filter itself, so every chip keeps its number.
    const filtered = await t.gql(ClaimStatusCountsDocument, { filter: { status: ['CLOSED'] } }, admin);
    expect(filtered.data!.claimStatusCounts).toEqual(counts.data!.claimStatusCounts);
  });

  it('filters by age and decision', async () => {
    const old = await t.gql(ClaimsDocument, { ...page, filter: { olderThanDays: 90 } }, admin);
    expect(old.data!.claims.items.length).toBeGreaterThan(0);
    expect(old.data!.claims.items.every((c) => c.submittedOn <= '2026-08-27')).toBe(true);
    expect(old.data!.claims.items.map((c) => c.submittedOn).sort()).toEqual(['2026-03-15', '2026-07-01', '2026-08-27']);
    const paid = await t.gql(ClaimsDocument, { ...page, filter: { decision: ['PAID_MAINTENANCE'] } }, admin);
    expect(paid.data!.claims.items.length).toBeGreaterThan(0);
    expect(paid.data!.claims.items.every((c) => c.decision === 'PAID_MAINTENANCE')).toBe(true);
    expect(paid.data!.claims.total).toBe(3);
  });
});
