import {
  TestAuthApiKeysDocument,
  TestAuthCreateApiKeyDocument,
  TestAuthCreateUserDocument,
  TestAuthCreateUserIdDocument,
  TestAuthCustomersTotalDocument,
  TestAuthMeDocument,
  TestAuthRevokeApiKeyDocument,
  TestAuthUpdateUserDocument,
  TestAuthUsersDocument,
  TestAuthUsersTotalDocument,
  TestAuthWarrantyStatusDocument,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aDevice, anOrder, aStaffUser } from '../testing/factories.js';
import { ADMIN, startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
});
afterAll(() => t?.close());

const UPDATE_USER = TestAuthUpdateUserDocument;

describe('staff users', () => {
  it('an admin creates a user who can then sign in with their role', async () => {
    const res = await t.gql(
      TestAuthCreateUserDocument,
      { input: { email: 'New.Tech@Test.local', name: 'New Tech', role: 'TECHNICIAN', password: 'long-enough-1' } },
      admin,
    );
    expect(res.data!.createUser).toEqual({ email: 'new.tech@test.local', role: 'TECHNICIAN' });
    const token = await t.login('new.tech@test.local', 'long-enough-1');
    expect((await t.gql(TestAuthMeDocument, {}, token)).data!.me.role).toBe('TECHNICIAN');
  });

  it('refuses a short password, naming it', async () => {
    const res = await t.gql(TestAuthCreateUserIdDocument, { input: { email: 'x@test.local', name: 'X', role: 'AGENT', password: 'short' } }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('refuses null for a field that cannot be empty, and a duplicate email naming the field (bugs: null crashed or counted as a demotion)', async () => {
    const me = (await t.gql(TestAuthUsersDocument, { filter: { role: 'ADMIN' } }, admin)).data!.users.items.find((u) => u.email === ADMIN.email)!;
    for (const field of ['role', 'name', 'active']) {
      const res = await t.gql(UPDATE_USER, { input: { id: me.id, version: me.version, [field]: null } }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const dup = await t.gql(TestAuthCreateUserIdDocument, { input: { email: ADMIN.email, name: 'Twin', role: 'AGENT', password: 'long-enough-1' } }, admin);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('never demotes or deactivates the last active administrator, even when two admins race', async () => {
    const me = (await t.gql(TestAuthUsersDocument, { filter: { role: 'ADMIN' } }, admin)).data!.users.items.find((u) => u.email === ADMIN.email)!;
    const alone = await t.gql(UPDATE_USER, { input: { id: me.id, version: me.version, role: 'AGENT' } }, admin);
    expect(alone.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'role' });

    const other = await aStaffUser(t.app.orm.em.fork(), 'ADMIN');
    const [a, b] = await Promise.all([
      t.gql(UPDATE_USER, { input: { id: me.id, version: me.version, active: false } }, admin),
      t.gql(UPDATE_USER, { input: { id: String(other.id), version: other.version, active: false } }, admin),
    ]);
    expect([a, b].filter((r) => r.errors === undefined)).toHaveLength(1);
    // Whoever is left is the one active admin; they bring the other back for the next tests.
    const survivorToken = a.errors ? admin : await t.login(other.email, other.password);
    const admins = await t.gql(TestAuthUsersDocument, { filter: { role: 'ADMIN' } }, survivorToken);
    const items = admins.data!.users.items;
    expect(items.filter((u) => u.active)).toHaveLength(1);
    for (const u of items.filter((u) => !u.active)) {
      expect((await t.gql(UPDATE_USER, { input: { id: u.id, version: u.version, active: true } }, survivorToken)).errors).toBeUndefined();
    }
    // Deactivating a user ends their sessions: the first admin signs in again for the next tests.
    admin = await t.login();
  });

  it('keeps users and keys to administrators', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const token = await t.login(agent.email, agent.password);
    for (const op of [
      () => t.gql(TestAuthUsersTotalDocument, {}, token),
      () => t.gql(TestAuthApiKeysDocument, { customerId: '1' }, token),
      () => t.gql(TestAuthRevokeApiKeyDocument, { id: '1' }, token),
    ]) {
      expect((await op()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('integrator API keys', () => {
  it('shows the secret once, lets the integrator in for its customer only, and stops working when revoked', async () => {
    const em = t.app.orm.em.fork();
    const customer = await aCustomer(em);
    const device = await aDevice(em, { order: await anOrder(em, { customer }) });
    const created = await t.gql(TestAuthCreateApiKeyDocument, { input: { customerId: String(customer.id), name: 'ERP' } }, admin);
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(new RegExp(`^ask_${apiKey.prefix}_`));
    expect(JSON.stringify(await t.gql(TestAuthApiKeysDocument, { customerId: String(customer.id) }, admin))).not.toContain(secret);

    const status = TestAuthWarrantyStatusDocument;
    expect((await t.gql(status, { imei: device.imei }, secret)).data!.warrantyStatus.imei).toBe(device.imei);
    // Integrators are not staff: staff-only operations are refused.
    expect((await t.gql(TestAuthCustomersTotalDocument, {}, secret)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await t.gql(TestAuthRevokeApiKeyDocument, { id: apiKey.id }, admin);
    expect((await t.gql(status, { imei: device.imei }, secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
