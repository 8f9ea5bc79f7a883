import {
  TestAuthChangePasswordDocument,
  TestAuthCreateUserIdDocument,
  TestAuthLoginDocument,
  TestAuthLogoutDocument,
  TestAuthMeDocument,
  TestAuthMeVersionDocument,
  TestAuthRefreshSessionDocument,
  TestAuthSignInAttemptsDocument,
  TestAuthUpdateUserDocument,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
});
afterAll(() => t?.close());

const login = (email: string, password: string) => t.gql(TestAuthLoginDocument, { email, password });

describe('sign-in throttling', () => {
  it('locks an account after repeated wrong passwords: even the right one is refused for a while', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    for (let i = 0; i < 5; i++) expect((await login(agent.email, `wrong-${i}`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const locked = await login(agent.email, agent.password);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors?.[0]?.message).toMatch(/too many failed sign-ins/i);
  });

  it('throttles an unknown email exactly as a known one (the answer does not tell which exists)', async () => {
    for (let i = 0; i < 5; i++) await login('ghost@test.local', `wrong-${i}`);
    expect((await login('ghost@test.local', 'whatever')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('records failed sign-ins for the administrator to see', async () => {
    const res = await t.gql(TestAuthSignInAttemptsDocument, { failedOnly: true, limit: 50 }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.signInAttempts.total).toBeGreaterThanOrEqual(10);
    expect(res.data!.signInAttempts.items[0]).toMatchObject({ succeeded: false, clientAddress: expect.stringMatching(/127\.0\.0\.1/) as unknown });
    expect(res.data!.signInAttempts.items.map((a) => a.email)).toContain('ghost@test.local');
  });
});

describe('sessions', () => {
  it('logout revokes the token at once', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const { token } = (await login(agent.email, agent.password)).data!.login;
    expect((await t.gql(TestAuthMeDocument, {}, token)).data?.me.email).toBe(agent.email);
    expect((await t.gql(TestAuthLogoutDocument, {}, token)).data?.logout).toBe(true);
    expect((await t.gql(TestAuthMeDocument, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a refresh token gives a new access token once (rotated), and no more after logout', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const first = (await login(agent.email, agent.password)).data!.login;
    const REFRESH = TestAuthRefreshSessionDocument;
    const second = await t.gql(REFRESH, { refreshToken: first.refreshToken });
    expect(second.errors).toBeUndefined();
    expect((await t.gql(TestAuthMeDocument, {}, second.data!.refreshSession.token)).data?.me.email).toBe(agent.email);
    expect((await t.gql(REFRESH, { refreshToken: first.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await t.gql(TestAuthLogoutDocument, {}, second.data!.refreshSession.token);
    expect((await t.gql(REFRESH, { refreshToken: second.data!.refreshSession.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("an administrator's password reset ends every session of that user", async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const { token } = (await login(agent.email, agent.password)).data!.login;
    const { id, version } = (await t.gql(TestAuthMeVersionDocument, {}, token)).data!.me;
    const reset = await t.gql(TestAuthUpdateUserDocument, { input: { id, version, password: 'Quartz-Violin-Harbor-42' } }, admin);
    expect(reset.errors).toBeUndefined();
    expect((await t.gql(TestAuthMeDocument, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changing your own password ends your other sessions and returns a new one', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const elsewhere = (await login(agent.email, agent.password)).data!.login.token;
    const here = (await login(agent.email, agent.password)).data!.login.token;
    const changed = await t.gql(TestAuthChangePasswordDocument, { current: agent.password, next: 'Lantern-Meadow-Orbit-77' }, here);
    expect(changed.errors).toBeUndefined();
    expect((await t.gql(TestAuthMeDocument, {}, elsewhere)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(TestAuthMeDocument, {}, changed.data!.changePassword.token)).data?.me.email).toBe(agent.email);
  });
});

describe('password strength', () => {
  it.each([
    ['digits in a row', '1234567890'],
    ['ten spaces', '          '],
    ['a common password', 'password123'],
    ["the user's own email", 'strong.user@test.local'],
    ["the user's name", 'Strongfellow2026'],
    ['the product', 'Aftersale2026!'],
  ])('refuses %s', async (_, password) => {
    const res = await t.gql(TestAuthCreateUserIdDocument, { input: { email: 'strong.user@test.local', name: 'Strongfellow', role: 'AGENT', password } }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('accepts a long passphrase', async () => {
    const res = await t.gql(
      TestAuthCreateUserIdDocument,
      { input: { email: 'strong.user@test.local', name: 'Strongfellow', role: 'AGENT', password: 'Quartz-Violin-Harbor-42' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
  });
});
