import { MeDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../platform/clock.js';
import { aStaffUser } from '../testing/factories.js';
import { statementsOf } from '../testing/statements.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { CALLER_CACHE_MS } from './auth.service.js';

let now = Date.parse('2026-06-01T12:00:00Z');
const clock: Clock = { now: () => new Date(now), today: () => new Date(now).toISOString().slice(0, 10) };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock, deliverWebhooks: false });
});
afterAll(() => t?.close());

describe('the signed-in caller is trusted for a few seconds', () => {
  it('does not read the user again on every request', async () => {
    const token = await t.login();
    await t.gql('{ me { id } }', {}, token);
    const statements = await statementsOf(() => t.gql('{ policyClauses { code } }', {}, token));
    expect(statements.filter((s) => s.includes('app_user'))).toEqual([]);
  });

  it(`shuts a user deactivated elsewhere out within ${CALLER_CACHE_MS / 1000} s`, async () => {
    const em = t.app.orm.em.fork();
    const agent = await aStaffUser(em, 'AGENT');
    const token = await t.login(agent.email, agent.password);
    expect((await t.gql(MeDocument, {}, token)).data?.me.email).toBe(agent.email);

    // Another instance (or a person at the SQL prompt) deactivates the user: this one still trusts its recent check…
    await t.app.orm.em.fork().getConnection().execute('update app_user set active = false where id = ?', [agent.id]);
    now += CALLER_CACHE_MS - 1;
    expect((await t.gql(MeDocument, {}, token)).data?.me.email).toBe(agent.email);

    // …until it is CALLER_CACHE_MS old.
    now += 1;
    expect((await t.gql(MeDocument, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shuts a user deactivated through this instance out at once', async () => {
    const em = t.app.orm.em.fork();
    const agent = await aStaffUser(em, 'AGENT');
    const token = await t.login(agent.email, agent.password);
    expect((await t.gql(MeDocument, {}, token)).errors).toBeUndefined();
    const admin = await t.login();
    const user = await t.gql<{ user: { version: number } }>('query ($id: ID!) { user(id: $id) { version } }', { id: String(agent.id) }, admin);
    const update = await t.gql(
      'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { active } }',
      { input: { id: String(agent.id), version: user.data!.user.version, active: false } },
      admin,
    );
    expect(update.errors).toBeUndefined();
    expect((await t.gql(MeDocument, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
