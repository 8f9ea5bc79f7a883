import {
  TestAuthChangePasswordDocument,
  TestAuthClaimIdDocument,
  TestAuthClaimsTotalDocument,
  TestAuthDeviceIdDocument,
  TestAuthLoginDocument,
  TestAuthMeDocument,
  TestAuthSignInDocument,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('login', () => {
  it('signs the first administrator in with the credentials from the environment', async () => {
    const res = await t.gql(TestAuthSignInDocument, { email: 'ADMIN@test.local', password: 'admin-password' });
    expect(res.data!.login.user).toEqual({ email: 'admin@test.local', role: 'ADMIN' });
    const me = await t.gql(TestAuthMeDocument, {}, res.data!.login.token);
    expect(me.data!.me).toEqual({ email: 'admin@test.local', role: 'ADMIN' });
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const wrong = await t.gql(TestAuthLoginDocument, { email: 'admin@test.local', password: 'nope-nope' });
    const unknown = await t.gql(TestAuthLoginDocument, { email: 'ghost@test.local', password: 'nope-nope' });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('refuses a deactivated user and their existing token', async () => {
    const em = t.app.orm.em.fork();
    const agent = await aStaffUser(em, 'AGENT');
    const token = await t.login(agent.email, agent.password);
    agent.active = false;
    await em.flush();
    expect((await t.gql(TestAuthMeDocument, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(TestAuthLoginDocument, { email: agent.email, password: agent.password })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('errors', () => {
  it('never sends a stack trace or SQL to the client', async () => {
    const token = await t.login();
    const responses = await Promise.all([
      t.gql(TestAuthClaimIdDocument, { id: '99999999999' }, token),
      t.gql(TestAuthClaimsTotalDocument, { offset: -1, limit: 1 }, token),
      // Not valid GraphQL on purpose: an unknown field.
      t.gql<unknown>('{ nope }', {}, token),
      t.gql(TestAuthDeviceIdDocument, { id: 'abc' }, token),
    ]);
    for (const res of responses) {
      expect(res.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.errors);
      expect(text).not.toMatch(/stacktrace|at .*\.(js|ts):\d+|select |insert |from "/i);
    }
  });
});

describe('changePassword', () => {
  const CHANGE = TestAuthChangePasswordDocument;

  it('lets a signed-in user change their own password: the new one signs in, the old one no longer does', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const token = await t.login(agent.email, agent.password);
    const res = await t.gql(CHANGE, { current: agent.password, next: 'Lantern-Meadow-Orbit-77' }, token);
    expect(res.data).toEqual({ changePassword: { token: expect.any(String) as unknown } });
    await expect(t.login(agent.email, agent.password)).rejects.toThrow();
    expect(await t.login(agent.email, 'Lantern-Meadow-Orbit-77')).toEqual(expect.any(String));
  });

  it('refuses a wrong current password and a too short new one, naming the field', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const token = await t.login(agent.email, agent.password);
    const wrong = await t.gql(CHANGE, { current: 'not-my-password', next: 'Lantern-Meadow-Orbit-77' }, token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await t.gql(CHANGE, { current: agent.password, next: 'short' }, token);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(await t.login(agent.email, agent.password)).toEqual(expect.any(String));
    expect((await t.gql(CHANGE, { current: 'x', next: 'y' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
