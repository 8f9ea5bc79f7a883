import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-11-25'), demoData: true });
  admin = await t.login();
});
afterAll(() => t?.close());

describe('the claims work queue', () => {
  it('counts claims per status for the other filters, matching the list', async () => {
    const counts = await t.gql(`{ claimStatusCounts { status count } }`, {}, admin);
    const byStatus = Object.fromEntries(counts.data!.claimStatusCounts.map((c: { status: string; count: number }) => [c.status, c.count]));
    const total = (await t.gql(`{ claims { total } }`, {}, admin)).data!.claims.total;
    expect(Object.values(byStatus).reduce((a, b) => (a as number) + (b as number), 0)).toBe(total);
    const submitted = await t.gql(`{ claims(filter: { status: [SUBMITTED] }) { total } }`, {}, admin);
    expect(byStatus['SUBMITTED']).toBe(submitted.data!.claims.total);
    // The counts ignore the status filter itself, so every chip keeps its number.
    const filtered = await t.gql(`{ claimStatusCounts(filter: { status: [CLOSED] }) { status count } }`, {}, admin);
    expect(filtered.data!.claimStatusCounts).toEqual(counts.data!.claimStatusCounts);
  });

  it('filters by age and decision', async () => {
    const old = await t.gql(`{ claims(filter: { olderThanDays: 90 }, limit: 500) { items { submittedOn } } }`, {}, admin);
    expect(old.data!.claims.items.length).toBeGreaterThan(0);
    expect(old.data!.claims.items.every((c: { submittedOn: string }) => c.submittedOn <= '2026-08-27')).toBe(true);
    const paid = await t.gql(`{ claims(filter: { decision: [PAID_MAINTENANCE] }, limit: 500) { items { decision } } }`, {}, admin);
    expect(paid.data!.claims.items.length).toBeGreaterThan(0);
    expect(paid.data!.claims.items.every((c: { decision: string }) => c.decision === 'PAID_MAINTENANCE')).toBe(true);
  });
});
