import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDevice } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { MAX_TEXT_ARGUMENT } from './text-arguments.js';

let t: TestApp;
let admin: string;
let imei: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  imei = (await aDevice(t.app.orm.em.fork(), { receivedOn: '2026-01-15' })).imei;
});
afterAll(() => t?.close());

const SUBMIT = `mutation ($input: SubmitClaimInput!) { submitClaim(input: $input) { id } }`;

describe('text arguments are checked at the edge', () => {
  it.each([
    ['an anonymous login email', 'mutation ($v: String!) { login(email: $v, password: "whatever-it-is") { token } }', 'email'],
    ['a text filter', 'query ($v: String!) { users(filter: { q: $v }) { total } }', 'q'],
    ['a customer name', 'mutation ($v: String!) { createCustomer(input: { code: "NUL1", name: $v, country: "DE" }) { id } }', 'name'],
  ])('refuses a NUL character in %s as BAD_USER_INPUT naming the field', async (_, query, field) => {
    const res = await t.gql(query, { v: 'abc\u0000def' }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toMatch(/control character U\+0000/);
  });

  it("refuses other control characters in a claim's symptoms, and keeps line breaks and tabs", async () => {
    const input = { imei, formType: 'REPAIR', ciNumber: 'CI-NUL', dataBackupAcknowledged: true };
    const bell = await t.gql(SUBMIT, { input: { ...input, symptoms: 'Rings \u0007 itself' } }, admin);
    expect(bell.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'symptoms' });
    const multiLine = await t.gql(SUBMIT, { input: { ...input, symptoms: 'Line one\r\n\tLine two' } }, admin);
    expect(multiLine.errors).toBeUndefined();
  });

  it(`caps every text argument at ${MAX_TEXT_ARGUMENT} characters`, async () => {
    const res = await t.gql('query ($v: String!) { users(filter: { q: $v }) { total } }', { v: 'x'.repeat(100_000) }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q' });
    expect(res.errors?.[0]?.message).toContain(`at most ${MAX_TEXT_ARGUMENT} characters`);
  });
});
