import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  FormType,
  TestE2eCreateApiKeyDocument,
  TestE2eCreateCustomerDocument,
  TestE2eCreateWebhookEndpointDocument,
  TestE2eCustomersDocument,
  TestE2eDevicesDocument,
  TestE2eDisableWebhookEndpointDocument,
  TestE2eRedeliverWebhookDocument,
  TestE2eSubmitClaimDocument,
  TestE2eWebhookDeliveriesDocument,
} from '@aftersale/graphql';
import { followClaimUpdates, type ClaimUpdate } from '@aftersale/integrator/follow-claims';
import { startWebhookReceiver, type WebhookEvent } from '@aftersale/integrator/webhook-receiver';
import { rawSocket } from '@aftersale/api/ws-client';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS } from './support/logins.js';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.js';
import { graphql, startServer, token, type RunningServer } from './support/server.js';

/**
 * Live delivery against real servers: two API instances on one PostgreSQL
 * of their own (so it can be restarted under them), the example integrator
 * of tools/integrator as the client.
 */
const WEBHOOK_ENV = { AFTERSALE_WEBHOOK_ALLOW_LOCAL_HTTP: 'true', AFTERSALE_WEBHOOK_TIME_SCALE: '10000' };

let pg: PostgresCluster;
let a: RunningServer;
let b: RunningServer;
let admin: string;
let dir: string;

interface Integrator {
  customerId: string;
  apiKey: string;
  imeis: string[];
}
let mine: Integrator;
let theirs: Integrator;

async function anIntegrator(server: RunningServer, customerId: string): Promise<Integrator> {
  const created = await graphql(server.url, TestE2eCreateApiKeyDocument, { input: { customerId, name: 'e2e' } }, admin);
  const apiKey = created.data!.createApiKey.secret;
  const devices = await graphql(server.url, TestE2eDevicesDocument, { limit: 200 }, apiKey);
  return { customerId, apiKey, imeis: devices.data!.devices.items.map((d) => d.imei) };
}

/** Files a claim on the integrator's next unit that takes one (some demo units have an open claim or were replaced). */
async function fileClaim(server: RunningServer, who: Integrator): Promise<string> {
  for (;;) {
    const imei = who.imeis.shift();
    if (!imei) throw new Error('no unit left to file a claim on');
    const res = await graphql(
      server.url,
      TestE2eSubmitClaimDocument,
      { input: { imei, formType: FormType.REPAIR, ciNumber: 'E2E', symptoms: 'No power', dataBackupAcknowledged: true } },
      who.apiKey,
    );
    if (res.data?.submitClaim) return res.data.submitClaim.id;
    if (res.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT' && res.errors?.[0]?.extensions?.code !== 'CONFLICT') {
      throw new Error(JSON.stringify(res.errors));
    }
  }
}

async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A follower (the example integrator) that keeps what it received in memory and its cursor in a file. */
function follow(server: RunningServer, who: Integrator, cursorFile: string) {
  const received: ClaimUpdate[] = [];
  const follower = followClaimUpdates({ url: `${server.url}graphql`, apiKey: who.apiKey, cursorFile, onUpdate: (update) => void received.push(update) });
  return { received, stop: () => follower.stop() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aftersale-delivery-e2e-'));
  pg = await startPostgresCluster();
  a = await startServer({ databaseUrl: pg.url, env: WEBHOOK_ENV });
  b = await startServer({ databaseUrl: pg.url, env: WEBHOOK_ENV });
  admin = await token(a.url, LOGINS.admin.email, LOGINS.admin.password);
  const customers = await graphql(a.url, TestE2eCustomersDocument, { limit: 2 }, admin);
  const [first, second] = customers.data!.customers.items;
  mine = await anIntegrator(a, first!.id);
  theirs = await anIntegrator(a, second!.id);
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('claim updates across instances, restarts and outages', () => {
  it("delivers every event of the customer's claims in order through the other instance, never another customer's", async () => {
    const cursorFile = path.join(dir, 'in-order.cursor');
    const sub = follow(b, mine, cursorFile);
    // Let the subscription reach the server before the first write.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const filed = [];
    for (let i = 0; i < 3; i++) {
      filed.push(await fileClaim(a, mine));
      await fileClaim(a, theirs);
    }
    await eventually(() => expect(sub.received.length).toBeGreaterThanOrEqual(3), 'three updates');
    await sub.stop();
    expect(sub.received.map((u) => u.claim.id)).toEqual(filed);
    expect(sub.received.every((u) => u.event.type === 'SUBMITTED')).toBe(true);
    expect((await readFile(cursorFile, 'utf8')).trim()).toBe(sub.received.at(-1)!.cursor);
  });

  it('resumes from its stored cursor with exactly the missed events: after a stop, a kill -9 of the API, and a database restart', async () => {
    const cursorFile = path.join(dir, 'resume.cursor');
    const all: ClaimUpdate[] = [];
    const expected: string[] = [];

    let sub = follow(a, mine, cursorFile);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expected.push(await fileClaim(b, mine));
    await eventually(() => expect(sub.received).toHaveLength(1), 'the first update');
    await sub.stop();
    all.push(...sub.received);

    // Stopped: changes happen meanwhile.
    expected.push(await fileClaim(b, mine), await fileClaim(b, mine));
    sub = follow(a, mine, cursorFile);
    await eventually(() => expect(sub.received).toHaveLength(2), 'the two missed updates');

    // kill -9 of the instance it follows; changes through the other; a new start on the same database.
    await a.kill();
    expected.push(await fileClaim(b, mine));
    a = await startServer({ databaseUrl: pg.url, env: WEBHOOK_ENV });
    await sub.stop();
    all.push(...sub.received);
    sub = follow(a, mine, cursorFile);
    expected.push(await fileClaim(b, mine));
    await eventually(() => expect(sub.received).toHaveLength(2), 'the update missed while the API was dead, and a live one');

    // The database restarts under both running instances.
    await pg.restart();
    expected.push(await eventually(() => fileClaim(b, mine), 'a write after the restart'));
    await eventually(() => expect(sub.received).toHaveLength(3), 'the update after the database restart');
    await sub.stop();
    all.push(...sub.received);

    expect(all.map((u) => u.claim.id)).toEqual(expected);
    expect(new Set(all.map((u) => u.cursor)).size).toBe(all.length);
  });
});

describe('webhooks', () => {
  it('signs deliveries, retries a refusing receiver until it accepts, never lets a hanging endpoint delay it, and redelivers', async () => {
    const events: WebhookEvent[] = [];
    let refusals = 2;
    let secret = '';
    const receiver = await startWebhookReceiver({
      secret: () => secret,
      onEvent: (event) => {
        if (refusals-- > 0) throw new Error('not now');
        events.push(event);
      },
    });
    // Accepts and never answers: each attempt holds a slot until the request times out.
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const create = async (url: string) => {
      const res = await graphql(a.url, TestE2eCreateWebhookEndpointDocument, { input: { url } }, mine.apiKey);
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.createWebhookEndpoint;
    };
    const flaky = await create(receiver.url);
    secret = flaky.secret;
    const dead = await create(`http://127.0.0.1:${(hanging.address() as { port: number }).port}/dead`);
    try {
      const claimId = await fileClaim(b, mine);
      const log = async (endpointId: string) => (await graphql(a.url, TestE2eWebhookDeliveriesDocument, { endpointId }, mine.apiKey)).data!.webhookDeliveries;
      await eventually(() => expect(events).toHaveLength(1), 'the delivery after two refusals');
      expect(events[0]!.body).toMatchObject({ event: { type: 'SUBMITTED' }, claim: { id: claimId } });
      // The receiver sees the request before the worker commits its outcome.
      const [delivered] = await eventually(async () => {
        const rows = await log(flaky.endpoint.id);
        expect(rows[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastStatusCode: 200 });
        return rows;
      }, 'the delivery logged');
      const deadLog = await log(dead.endpoint.id);
      expect(deadLog[0]).toMatchObject({ status: 'SENDING' });

      const again = await graphql(a.url, TestE2eRedeliverWebhookDocument, { id: delivered!.id }, mine.apiKey);
      expect(again.data!.redeliverWebhook.status).toBe('PENDING');
      await eventually(() => expect(events).toHaveLength(2), 'the redelivery');
      expect(events[1]!.deliveryId).toBe(events[0]!.deliveryId);
    } finally {
      await receiver.close();
      hanging.close();
      for (const id of [flaky.endpoint.id, dead.endpoint.id]) {
        await graphql(a.url, TestE2eDisableWebhookEndpointDocument, { id }, mine.apiKey);
      }
    }
  });

  it('refuses private and loopback URLs unless the local setting allows http://127.0.0.1', async () => {
    const privateRange = await graphql(a.url, TestE2eCreateWebhookEndpointDocument, { input: { url: 'https://192.168.1.20/hook' } }, mine.apiKey);
    expect(privateRange.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const strict = await startServer({ databaseUrl: pg.url });
    try {
      const loopback = await graphql(strict.url, TestE2eCreateWebhookEndpointDocument, { input: { url: 'http://127.0.0.1:8080/hook' } }, mine.apiKey);
      expect(loopback.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    } finally {
      await strict.stop();
    }
  });
});

describe('graphql-ws abuse', () => {
  const init = async (payload: unknown) => {
    const raw = rawSocket(`${a.url}graphql`);
    await raw.opened;
    raw.send({ type: 'connection_init', payload });
    return raw;
  };

  it('closes with 4408 without connection_init, 4429 on a second one, 4403 on a bad key, 4401 without one, 4400 on a bad message', async () => {
    const silent = rawSocket(`${a.url}graphql`);
    await silent.opened;
    const twice = await init({ apiKey: mine.apiKey });
    await twice.next((m) => m.type === 'connection_ack');
    twice.send({ type: 'connection_init', payload: { apiKey: mine.apiKey } });
    const badKey = await init({ apiKey: 'ask_bad_bad' });
    const noKey = await init({});
    const badMessage = await init({ apiKey: mine.apiKey });
    await badMessage.next((m) => m.type === 'connection_ack');
    badMessage.send({ id: '1', type: 'subscribe', payload: {} });
    expect((await twice.closed).code).toBe(4429);
    expect((await badKey.closed).code).toBe(4403);
    expect((await noKey.closed).code).toBe(4401);
    expect((await badMessage.closed).code).toBe(4400);
    expect((await silent.closed).code).toBe(4408);
  });

  it('refuses another origin, an oversized message and anything but a subscription', async () => {
    expect((await rawSocket(`${a.url}graphql`, { origin: 'https://evil.example' }).closed).code).toBe(403);
    const big = await init({ apiKey: mine.apiKey, padding: 'x'.repeat(1_000_000) });
    expect((await big.closed).code).toBe(1009);
    const staff = await init({ authorization: `Bearer ${admin}` });
    await staff.next((m) => m.type === 'connection_ack');
    staff.send({ id: '1', type: 'subscribe', payload: { query: print(TestE2eCreateCustomerDocument) } });
    const error = await staff.next((m) => m.type === 'error');
    expect(error.payload[0]!.extensions!.code).toBe('FORBIDDEN');
    staff.socket.close();
  });
});
