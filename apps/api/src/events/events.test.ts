import {
  FormType,
  TestEventsApiKeysDocument,
  TestEventsCancelClaimDocument,
  TestEventsClaimEventsDocument,
  TestEventsClaimUpdatesDocument,
  TestEventsCreateCustomerDocument,
  TestEventsCustomerClaimEventsDocument,
  TestEventsRevokeApiKeyDocument,
  TestEventsStartRemoteDiagnosisDocument,
  TestEventsSubmitClaimDocument,
  type ClaimStepInput,
  type TestEventsClaimUpdatesSubscription,
  type TypedDocumentNode,
  Role,
  TestAuthChangePasswordDocument,
  TestAuthLogoutDocument,
  UpdateUserDocument,
} from '@aftersale/graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aDevice, anApiKey, anOrder, aStaffUser } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';
import { rawSocket, subscriber, type GraphQLAnswer } from '../testing/ws-client.js';

const UPDATES = TestEventsClaimUpdatesDocument;
const EVENTS = TestEventsClaimEventsDocument;
const REMOTE = TestEventsStartRemoteDiagnosisDocument;
const CANCEL = TestEventsCancelClaimDocument;
type ClaimUpdatePayload = GraphQLAnswer<TestEventsClaimUpdatesSubscription>;

let t: TestApp;
let admin: string;
let agent: string;

beforeAll(async () => {
  // No timers: the API's own writes are numbered as they commit, plain-SQL writes when announced (claim_event_pending).
  t = await startTestApp({ clock: fixedClock('2026-06-01'), feed: { maxQueued: 50, pollMs: 60_000, sequencePollMs: 60_000 } });
  admin = await t.login();
  const em = t.app.orm.em.fork();
  const user = await aStaffUser(em, 'AGENT');
  agent = await t.login(user.email, user.password);
});
afterAll(() => t?.close());

/** A customer with an integrator key and `units` units, ready to file claims. */
async function anIntegrator(units = 3) {
  const em = t.app.orm.em.fork();
  const customer = await aCustomer(em);
  const order = await anOrder(em, { customer });
  const devices = [];
  for (let i = 0; i < units; i++) devices.push(await aDevice(em, { order }));
  const apiKey = await anApiKey(em, customer);
  return { customer, apiKey, imeis: devices.map((d) => d.imei) };
}

async function fileClaim(imei: string, credential: string): Promise<{ id: string; version: number }> {
  const res = await t.gql(
    TestEventsSubmitClaimDocument,
    { input: { imei, formType: FormType.REPAIR, ciNumber: 'CI-1', symptoms: 'No power', dataBackupAcknowledged: true } },
    credential,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.claim;
}

/** One step of §4 by the agent; every step document answers under the alias `claim`. */
async function step(
  mutation: TypedDocumentNode<{ claim: { id: string; version: number } }, { input: ClaimStepInput }>,
  claim: { id: string; version: number },
  note?: string,
) {
  const res = await t.gql(mutation, { input: { id: claim.id, version: claim.version, note } }, agent);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.claim;
}

/** A payload's claim update; fails the test when the payload has none (an error instead). */
const updateOf = (payload: ClaimUpdatePayload | undefined) => {
  if (!payload?.data) throw new Error(`no claim update: ${JSON.stringify(payload)}`);
  return payload.data.claimUpdates;
};
const typesOf = (payloads: ClaimUpdatePayload[]) => payloads.map((p) => `${updateOf(p).claim.id}:${updateOf(p).event.type}`);

describe('claimUpdates', () => {
  it("delivers every event of the key's customer in commit order, and never another customer's", async () => {
    const mine = await anIntegrator();
    const theirs = await anIntegrator();
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const a = await fileClaim(mine.imeis[0]!, mine.apiKey);
    await fileClaim(theirs.imeis[0]!, theirs.apiKey);
    const a2 = await step(REMOTE, a);
    const b = await fileClaim(mine.imeis[1]!, mine.apiKey);
    await step(CANCEL, a2, 'customer withdrew');

    const got = await sub.received(4);
    expect(typesOf(got)).toEqual([`${a.id}:SUBMITTED`, `${a.id}:START_REMOTE_DIAGNOSIS`, `${b.id}:SUBMITTED`, `${a.id}:CANCEL`]);
    expect(got.map((p) => updateOf(p).claim.customer.id)).toEqual(Array(4).fill(String(mine.customer.id)));
    const event = updateOf(got[1]).event;
    // An integrator sees that staff acted, not who.
    expect(event).toMatchObject({ fromStatus: 'SUBMITTED', toStatus: 'REMOTE_DIAGNOSIS', actor: 'staff' });
    // The claim as it stands after the event's transaction.
    expect(updateOf(got[3]).claim.status).toBe('CANCELLED');
    // In text frames, as graphql-ws clients expect.
    expect(sub.raw.binaryMessages).toBe(0);
    sub.close();
  });

  it('resumes after a cursor: exactly the events it missed, then live, no duplicate', async () => {
    const mine = await anIntegrator();
    const first = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const a = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const [received] = await first.received(1);
    const cursor = updateOf(received).cursor;
    first.close();

    const a2 = await step(REMOTE, a);
    const b = await fileClaim(mine.imeis[1]!, mine.apiKey);
    const resumed = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, { after: cursor });
    await resumed.received(2);
    await step(CANCEL, a2, 'withdrawn');
    const got = await resumed.received(3);
    expect(typesOf(got)).toEqual([`${a.id}:START_REMOTE_DIAGNOSIS`, `${b.id}:SUBMITTED`, `${a.id}:CANCEL`]);
    resumed.close();
  });

  it('lets staff follow one claim', async () => {
    const mine = await anIntegrator();
    const a = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const sub = await subscriber(t.url, { authorization: `Bearer ${admin}` }, UPDATES, { claimId: a.id, after: null });
    await fileClaim(mine.imeis[1]!, mine.apiKey);
    await step(REMOTE, a);
    const [update] = await sub.received(1);
    expect(updateOf(update)).toMatchObject({ claim: { id: a.id }, event: { type: 'START_REMOTE_DIAGNOSIS' } });
    // Staff see who acted.
    expect(updateOf(update).event.actor).toContain('@');
    sub.close();
  });

  it("lets staff follow one customer's claims", async () => {
    const mine = await anIntegrator();
    const theirs = await anIntegrator();
    const sub = await subscriber(t.url, { authorization: `Bearer ${admin}` }, UPDATES, {
      customerId: String(mine.customer.id),
    });
    await fileClaim(theirs.imeis[0]!, theirs.apiKey);
    const a = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const [update] = await sub.received(1);
    expect(updateOf(update).claim.id).toBe(a.id);
    const foreign = await t.gql(TestEventsCustomerClaimEventsDocument, { customerId: String(theirs.customer.id) }, mine.apiKey);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    sub.close();
  });

  it('shares each answer within an audience only: staff see who acted, every key of the customer sees "staff"', async () => {
    const mine = await anIntegrator();
    const otherKey = await anApiKey(t.app.orm.em.fork(), mine.customer);
    const staff = await subscriber(t.url, { authorization: `Bearer ${admin}` }, UPDATES, { customerId: String(mine.customer.id) });
    const keys = await Promise.all([mine.apiKey, otherKey].map((apiKey) => subscriber(t.url, { apiKey }, UPDATES, {})));
    const a = await fileClaim(mine.imeis[0]!, mine.apiKey);
    await step(REMOTE, a);
    const [staffSees] = (await staff.received(2)).slice(1);
    const keysSee = await Promise.all(keys.map(async (sub) => (await sub.received(2))[1]));
    expect(updateOf(staffSees).event.actor).toContain('@');
    expect(keysSee.map((payload) => updateOf(payload).event.actor)).toEqual(['staff', 'staff']);
    expect(updateOf(keysSee[0]).cursor).toBe(updateOf(staffSees).cursor);
    for (const sub of [staff, ...keys]) sub.close();
  });

  it("refuses another customer's claim as NOT_FOUND, with the HTTP error format", async () => {
    const mine = await anIntegrator();
    const theirs = await anIntegrator();
    const other = await fileClaim(theirs.imeis[0]!, theirs.apiKey);
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, { claimId: other.id });
    const [payload] = await sub.received(1);
    expect(payload!.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const bad = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, { after: 'not-a-cursor' });
    const [badPayload] = await bad.received(1);
    expect(badPayload!.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    sub.close();
    bad.close();
  });
});

describe('commit order', () => {
  it('orders events by commit, not by id: a transaction that inserted first and committed last is not skipped', async () => {
    const mine = await anIntegrator();
    const claim = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, { claimId: claim.id });
    const early = new pg.Client({ connectionString: t.db.url });
    const late = new pg.Client({ connectionString: t.db.url });
    await Promise.all([early.connect(), late.connect()]);
    const insert = `insert into claim_event (claim_id, customer_id, type, actor_label) values ($1, $2, $3, 'test') returning id`;
    try {
      await early.query('begin');
      const [first] = (await early.query<{ id: string }>(insert, [claim.id, mine.customer.id, 'FIRST_INSERTED'])).rows;
      await late.query('begin');
      const [second] = (await late.query<{ id: string }>(insert, [claim.id, mine.customer.id, 'SECOND_INSERTED'])).rows;
      expect(Number(first!.id)).toBeLessThan(Number(second!.id));
      await late.query('commit');
      await late.query('notify claim_event_pending');
      const [live] = await sub.received(1);
      await early.query('commit');
      await early.query('notify claim_event_pending');
      const got = await sub.received(2);
      expect(got.map((p) => updateOf(p).event.type)).toEqual(['SECOND_INSERTED', 'FIRST_INSERTED']);
      // A poller that stopped at the later-inserted event still gets the earlier one.
      const page = await t.gql(EVENTS, { after: updateOf(live).cursor }, mine.apiKey);
      expect(page.data!.claimEvents.edges.map((e) => e.node.event.type)).toEqual(['FIRST_INSERTED']);
    } finally {
      await Promise.all([early.end(), late.end()]);
      sub.close();
    }
  });

  it('starts "from now" at the subscription: an event committed before it but numbered after it is left out', async () => {
    const mine = await anIntegrator(2);
    const claim = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      // Committed, not announced: it waits for the next numbering.
      await client.query(`insert into claim_event (claim_id, customer_id, type, actor_label) values ($1, $2, 'BEFORE', 'test')`, [claim.id, mine.customer.id]);
    } finally {
      await client.end();
    }
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const after = await fileClaim(mine.imeis[1]!, mine.apiKey);
    const [update] = await sub.received(1);
    expect(updateOf(update)).toMatchObject({ claim: { id: after.id }, event: { type: 'SUBMITTED' } });
    const polled = await t.gql(EVENTS, { first: 500 }, mine.apiKey);
    expect(polled.data!.claimEvents.edges.map((e) => e.node.event.type)).toEqual(['SUBMITTED', 'BEFORE', 'SUBMITTED']);
    sub.close();
  });

  it('delivers every event of concurrent writers once, in the order the log returns them', async () => {
    const mine = await anIntegrator(12);
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const before = await t.gql(EVENTS, { first: 500 }, mine.apiKey);
    const start = before.data!.claimEvents.pageInfo.endCursor;
    await Promise.all(mine.imeis.map((imei) => fileClaim(imei, mine.apiKey).then((c) => step(REMOTE, c))));
    const got = await sub.received(24);
    const polled = await t.gql(EVENTS, { after: start, first: 100 }, mine.apiKey);
    const cursors = got.map((p) => updateOf(p).cursor);
    expect(new Set(cursors).size).toBe(24);
    expect(polled.data!.claimEvents.edges.map((e) => e.cursor)).toEqual(cursors);
    // Per claim, SUBMITTED comes before the step that followed it.
    const seen = new Map<string, string[]>();
    for (const p of got) seen.set(updateOf(p).claim.id, [...(seen.get(updateOf(p).claim.id) ?? []), updateOf(p).event.type]);
    for (const types of seen.values()) expect(types).toEqual(['SUBMITTED', 'START_REMOTE_DIAGNOSIS']);
    sub.close();
  });
});

describe('claimEvents', () => {
  it('pages through the same stream with Relay cursors', async () => {
    const mine = await anIntegrator();
    const a = await fileClaim(mine.imeis[0]!, mine.apiKey);
    await step(REMOTE, a);
    await fileClaim(mine.imeis[1]!, mine.apiKey);
    const first = await t.gql(EVENTS, { first: 2 }, mine.apiKey);
    expect(first.errors).toBeUndefined();
    expect(first.data!.claimEvents.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(EVENTS, { first: 2, after: first.data!.claimEvents.pageInfo.endCursor }, mine.apiKey);
    const all = [...first.data!.claimEvents.edges, ...second.data!.claimEvents.edges].map((e) => e.node.event.type);
    expect(all).toEqual(['SUBMITTED', 'START_REMOTE_DIAGNOSIS', 'SUBMITTED']);
    expect(second.data!.claimEvents.pageInfo).toMatchObject({ hasNextPage: false });
  });

  it('names the field of a bad page size or cursor', async () => {
    const mine = await anIntegrator(0);
    expect((await t.gql(EVENTS, { first: 501 }, mine.apiKey)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await t.gql(EVENTS, { after: 'abc' }, mine.apiKey)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('fan-out', () => {
  it('catches up after the LISTEN connection is dropped', async () => {
    const mine = await anIntegrator();
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const admin = new pg.Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      const killed = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen claim_event%'`,
      );
      expect(killed.rowCount).toBe(1);
      await fileClaim(mine.imeis[0]!, mine.apiKey);
      await fileClaim(mine.imeis[1]!, mine.apiKey);
      const got = await sub.received(2);
      expect(got.map((p) => updateOf(p).event.type)).toEqual(['SUBMITTED', 'SUBMITTED']);
    } finally {
      await admin.end();
      sub.close();
    }
  });

  it('closes a subscriber that falls too far behind with 4413, and it resumes from its cursor', async () => {
    const mine = await anIntegrator(1);
    const claim = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const start = (await t.gql(EVENTS, { first: 500 }, mine.apiKey)).data!.claimEvents.pageInfo.endCursor;
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      // One transaction of 200 events: more than the 50 a subscriber may have waiting.
      await client.query(
        `insert into claim_event (claim_id, customer_id, type, actor_label) select $1, $2, 'BULK_' || n, 'test' from generate_series(1, 200) n`,
        [claim.id, mine.customer.id],
      );
      await client.query('notify claim_event_pending');
    } finally {
      await client.end();
    }
    expect(await sub.raw.closed).toMatchObject({ code: 4413 });
    const last = sub.payloads().at(-1)?.data?.claimUpdates.cursor;
    const resumed = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, { after: last ?? start, claimId: claim.id });
    const got = await resumed.received(200 - sub.payloads().length);
    expect(updateOf(got.at(-1)).event.type).toBe('BULK_200');
    expect(new Set([...sub.payloads(), ...got].map((p) => updateOf(p).cursor)).size).toBe(200);
    resumed.close();
  });
});

describe('graphql-ws protocol and abuse', () => {
  it('closes with 4408 when connection_init does not come', async () => {
    const raw = rawSocket(t.url);
    await raw.opened;
    expect((await raw.closed).code).toBe(4408);
  });

  it('closes with 4429 on a second connection_init', async () => {
    const { apiKey } = await anIntegrator(0);
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.send({ type: 'connection_init', payload: { apiKey } });
    await raw.next((m) => m.type === 'connection_ack');
    raw.send({ type: 'connection_init', payload: { apiKey } });
    expect((await raw.closed).code).toBe(4429);
  });

  it.each([
    ['a bad key', { apiKey: 'ask_nope_nope' }, 4403],
    ['a bad token', { authorization: 'Bearer nope' }, 4403],
    ['no credential', {}, 4401],
  ])('closes on %s', async (_what, payload, code) => {
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.send({ type: 'connection_init', payload });
    expect((await raw.closed).code).toBe(code);
  });

  it('closes with 4400 on an invalid subscribe message', async () => {
    const { apiKey } = await anIntegrator(0);
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.send({ type: 'connection_init', payload: { apiKey } });
    await raw.next((m) => m.type === 'connection_ack');
    raw.send({ id: '1', type: 'subscribe', payload: { query: 42 } });
    expect((await raw.closed).code).toBe(4400);
  });

  it('answers an invalid subscription with a coded error and keeps the socket', async () => {
    const { apiKey } = await anIntegrator(0);
    const sub = await subscriber(t.url, { apiKey }, 'subscription { claimUpdates { nope } }');
    const error = await sub.raw.next((m) => m.type === 'error');
    expect(error.payload[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(sub.raw.socket.readyState).toBe(sub.raw.socket.OPEN);
    sub.close();
  });

  it('runs subscriptions only: a mutation over WebSocket is FORBIDDEN and changes nothing', async () => {
    const sub = await subscriber(t.url, { authorization: `Bearer ${admin}` }, TestEventsCreateCustomerDocument, {});
    const error = await sub.raw.next((m) => m.type === 'error');
    expect(error.payload[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const [row] = await t.app.orm.em.fork().getConnection().execute<{ count: number }[]>(`select count(*)::int as count from customer where code = 'WS1'`);
    expect(row!.count).toBe(0);
    sub.close();
  });

  it('applies the HTTP limits: too many aliases are refused before anything runs', async () => {
    const { apiKey } = await anIntegrator(0);
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: cursor`).join(' ');
    const sub = await subscriber(t.url, { apiKey }, `subscription { claimUpdates { ${aliases} } }`);
    const error = await sub.raw.next((m) => m.type === 'error');
    expect(error.payload[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(error.payload[0]!.message).toMatch(/alias/i);
    sub.close();
  });

  it('refuses a browser page from another origin', async () => {
    const raw = rawSocket(t.url, { origin: 'https://evil.example' });
    expect((await raw.closed).code).toBe(403);
  });

  it('closes on a message larger than the limit (1009)', async () => {
    const { apiKey } = await anIntegrator(0);
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.send({ type: 'connection_init', payload: { apiKey, padding: 'x'.repeat(200_000) } });
    expect((await raw.closed).code).toBe(1009);
  });

  it("closes a revoked key's open subscriptions", async () => {
    const mine = await anIntegrator(0);
    const sub = await subscriber(t.url, { apiKey: mine.apiKey }, UPDATES, {});
    const keys = await t.gql(TestEventsApiKeysDocument, { customerId: String(mine.customer.id) }, admin);
    const revoke = await t.gql(TestEventsRevokeApiKeyDocument, { id: keys.data!.apiKeys[0]!.id }, admin);
    expect(revoke.errors).toBeUndefined();
    expect(await sub.raw.closed).toMatchObject({ code: 4403 });
  });

  it("closes a deactivated staff user's open subscriptions", async () => {
    const user = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const token = await t.login(user.email, user.password);
    const sub = await subscriber(t.url, { authorization: `Bearer ${token}` }, UPDATES, {});
    const deactivate = await t.gql(UpdateUserDocument, { input: { id: String(user.id), version: user.version, active: false } }, admin);
    expect(deactivate.errors).toBeUndefined();
    const closed = await sub.raw.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toContain('deactivated');
  });

  // Each loses what the socket was opened with: a session (signed out, or every session after a password change or reset) or a role.
  it.each([
    ['signs out', (user: { token: string }) => t.gql(TestAuthLogoutDocument, {}, user.token)],
    [
      'changes their password',
      (user: { token: string; password: string }) =>
        t.gql(TestAuthChangePasswordDocument, { current: user.password, next: 'a-new-Passphrase-for-2027' }, user.token),
    ],
    [
      'has their password reset',
      (user: { id: number; version: number }) =>
        t.gql(UpdateUserDocument, { input: { id: String(user.id), version: user.version, password: 'a-reset-Passphrase-for-2027' } }, admin),
    ],
    [
      'is given another role',
      (user: { id: number; version: number }) =>
        t.gql(UpdateUserDocument, { input: { id: String(user.id), version: user.version, role: Role.TECHNICIAN } }, admin),
    ],
  ])("closes a staff user's open subscriptions when the user %s", async (_what, change) => {
    const user = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const token = await t.login(user.email, user.password);
    const sub = await subscriber(t.url, { authorization: `Bearer ${token}` }, UPDATES, {});
    const answer = await change({ id: user.id, version: user.version, password: user.password, token });
    expect(answer.errors).toBeUndefined();
    expect(await sub.raw.closed).toMatchObject({ code: 4403 });
  });

  it("leaves a user's other sessions' subscriptions open when one session signs out", async () => {
    const user = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const leaving = await t.login(user.email, user.password);
    const staying = await t.login(user.email, user.password);
    const closing = await subscriber(t.url, { authorization: `Bearer ${leaving}` }, UPDATES, {});
    const open = await subscriber(t.url, { authorization: `Bearer ${staying}` }, UPDATES, {});
    expect((await t.gql(TestAuthLogoutDocument, {}, leaving)).errors).toBeUndefined();
    expect(await closing.raw.closed).toMatchObject({ code: 4403 });
    const mine = await anIntegrator(1);
    await fileClaim(mine.imeis[0]!, mine.apiKey);
    expect(updateOf((await open.received(1))[0]).event.type).toBe('SUBMITTED');
    open.close();
  });
});
