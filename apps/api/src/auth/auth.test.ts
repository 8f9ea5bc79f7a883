import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printAppSchema } from '../emit-schema.js';
import { aStaffUser } from '../platform/testing/factories.js';
import { startTestApp, type TestApp } from '../platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('login', () => {
  it('signs the first administrator in with the credentials from the environment', async () => {
    const res = await t.gql(`mutation { login(email: "ADMIN@test.local", password: "admin-password") { token user { email role } } }`);
    expect(res.data!.login.user).toEqual({ email: 'admin@test.local', role: 'ADMIN' });
    const me = await t.gql('{ me { email role } }', {}, res.data!.login.token);
    expect(me.data!.me).toEqual({ email: 'admin@test.local', role: 'ADMIN' });
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const wrong = await t.gql(`mutation { login(email: "admin@test.local", password: "nope-nope") { token } }`);
    const unknown = await t.gql(`mutation { login(email: "ghost@test.local", password: "nope-nope") { token } }`);
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('refuses a deactivated user and their existing token', async () => {
    const em = t.app.orm.em.fork();
    const agent = await aStaffUser(em, 'AGENT');
    const token = await t.login(agent.email, agent.password);
    agent.active = false;
    await em.flush();
    expect((await t.gql('{ me { email } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(`mutation { login(email: "${agent.email}", password: "${agent.password}") { token } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('access control', () => {
  const operations = [
    '{ me { email } }',
    '{ claims(offset: 0, limit: 1) { total } }',
    '{ claim(id: "1") { id } }',
    '{ devices(offset: 0, limit: 1) { total } }',
    '{ device(id: "1") { id } }',
    '{ warrantyStatus(imei: "490154203237518") { imei } }',
    '{ customers(offset: 0, limit: 1) { total } }',
    '{ productModels(offset: 0, limit: 1) { total } }',
    '{ serviceCentres(offset: 0, limit: 1) { total } }',
    `mutation { submitClaim(input: { imei: "490154203237518", formType: REPAIR, ciNumber: "x", symptoms: "y", dataBackupAcknowledged: true }) { id } }`,
  ];

  it.each(operations)('answers UNAUTHENTICATED without a token: %s', async (op) => {
    const res = await t.gql(op);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it.each(operations)('answers UNAUTHENTICATED with a forged token: %s', async (op) => {
    const res = await t.gql(op, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('declares an access rule on every operation of the schema', async () => {
    const sdl = await printAppSchema();
    const { buildSchema } = await import('graphql');
    const schema = buildSchema(sdl);
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    // Every root field here must be covered by the table above (or be login).
    const tested = operations.join('\n');
    expect(rootFields.filter((f) => f !== 'login' && !tested.includes(f))).toEqual([]);
  });
});

describe('errors', () => {
  it('never sends a stack trace or SQL to the client', async () => {
    const token = await t.login();
    const responses = await Promise.all([
      t.gql('{ claim(id: "99999999999") { id } }', {}, token),
      t.gql('{ claims(offset: -1, limit: 1) { total } }', {}, token),
      t.gql('{ nope }', {}, token),
      t.gql('{ device(id: "abc") { id } }', {}, token),
    ]);
    for (const res of responses) {
      expect(res.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.errors);
      expect(text).not.toMatch(/stacktrace|at .*\.(js|ts):\d+|select |insert |from "/i);
    }
  });
});
