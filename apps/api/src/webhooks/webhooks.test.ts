import {
  FormType,
  TestWebhooksCreateEndpointDocument,
  TestWebhooksCustomerEndpointsDocument,
  TestWebhooksDeliveriesDocument,
  TestWebhooksEnableEndpointDocument,
  TestWebhooksEndpointFieldsDocument,
  TestWebhooksEndpointsDocument,
  TestWebhooksRedeliverDocument,
  TestWebhooksRotateSecretDocument,
  TestWebhooksStartRemoteDiagnosisDocument,
  TestWebhooksSubmitClaimDocument,
  type CreateWebhookEndpointInput,
} from '@aftersale/graphql';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../platform/clock.js';
import { aCustomer, aDevice, anApiKey, anOrder } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { RETRY, retryDelayMs } from './retry-schedule.js';
import { verifySignature } from './webhook-signature.js';
import { checkWebhookUrl } from './webhook-url.js';

/** A clock the test moves: retries due in hours come due when the test says so. */
function manualClock(start = '2026-06-01T12:00:00Z') {
  let now = new Date(start).getTime();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(now),
    today: () => new Date(now).toISOString().slice(0, 10),
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
}

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on 127.0.0.1: `/ok` answers 200, `/fail/<n>` 500 the first n times, `/hang` never answers. */
async function aReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, body });
      if (req.url === '/hang') return;
      const fail = /^\/fail\/(\d+)/.exec(req.url!);
      if (fail) {
        const seen = (failures.get(req.url!) ?? 0) + 1;
        failures.set(req.url!, seen);
        if (seen <= Number(fail[1])) return void res.writeHead(500).end('boom');
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const CREATE = TestWebhooksCreateEndpointDocument;

let t: TestApp;
let admin: string;
const clock = manualClock();
let receiver: Awaited<ReturnType<typeof aReceiver>>;

beforeAll(async () => {
  t = await startTestApp({ clock, env: { AFTERSALE_WEBHOOK_ALLOW_LOCAL_HTTP: 'true', AFTERSALE_WEBHOOK_TIMEOUT_MS: '30000' } });
  admin = await t.login();
  receiver = await aReceiver();
});
afterAll(async () => {
  receiver?.close();
  await t?.close();
});

async function anIntegrator(units = 2) {
  const em = t.app.orm.em.fork();
  const customer = await aCustomer(em);
  const order = await anOrder(em, { customer });
  const imeis: string[] = [];
  for (let i = 0; i < units; i++) imeis.push((await aDevice(em, { order })).imei);
  return { customer, apiKey: await anApiKey(em, customer), imeis };
}

async function anEndpoint(credential: string, url: string, extra: Omit<CreateWebhookEndpointInput, 'url'> = {}) {
  const res = await t.gql(CREATE, { input: { url, ...extra } }, credential);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createWebhookEndpoint;
}

async function fileClaim(imei: string, apiKey: string) {
  const res = await t.gql(
    TestWebhooksSubmitClaimDocument,
    { input: { imei, formType: FormType.REPAIR, ciNumber: 'CI-9', symptoms: 'Cracked', dataBackupAcknowledged: true } },
    apiKey,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.submitClaim;
}

const deliveriesOf = async (endpointId: string, credential = admin) =>
  (await t.gql(TestWebhooksDeliveriesDocument, { id: endpointId }, credential)).data!.webhookDeliveries;

describe('webhook deliveries', () => {
  it('POSTs each event as JSON, signed over the timestamp and the raw body, with a delivery id', async () => {
    const mine = await anIntegrator();
    const { secret, endpoint } = await anEndpoint(mine.apiKey, receiver.url('/ok/signed'));
    expect(secret).toMatch(/^whsec_/);
    const claim = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const [delivery] = await eventually(() => {
      const got = receiver.at('/ok/signed');
      expect(got).toHaveLength(1);
      return got;
    }, 'the delivery');
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['aftersale-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    const signature = String(delivery!.headers['aftersale-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, delivery!.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('whsec_other', delivery!.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifySignature(secret, `${delivery!.body} `, signature, Math.floor(Date.now() / 1000))).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: { type: 'SUBMITTED', toStatus: 'SUBMITTED' }, claim: { id: claim.id, status: 'SUBMITTED' } });
    const [logged] = await eventually(async () => {
      const log = await deliveriesOf(endpoint.id, mine.apiKey);
      expect(log[0]).toMatchObject({ status: 'SUCCEEDED', lastStatusCode: 200, attempts: 1 });
      return log;
    }, 'the delivery log');
    expect(logged!.deliveryId).toBe(delivery!.headers['aftersale-delivery']);
  });

  it('retries a failing receiver with growing delays, the same delivery id each time, then succeeds', async () => {
    const mine = await anIntegrator();
    const { endpoint } = await anEndpoint(admin, receiver.url('/fail/3'), { customerId: String(mine.customer.id) });
    await fileClaim(mine.imeis[0]!, mine.apiKey);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [log] = await eventually(async () => {
        const rows = await deliveriesOf(endpoint.id);
        expect(rows[0]).toMatchObject({ status: 'PENDING', attempts: attempt, lastStatusCode: 500 });
        return rows;
      }, `failed attempt ${attempt}`);
      const delay = new Date(log!.nextAttemptAt).getTime() - new Date(log!.lastAttemptAt!).getTime();
      delays.push(delay);
      clock.advance(delay);
    }
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays[2]).toBeGreaterThan(delays[1]!);
    await eventually(
      async () => expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 4, lastStatusCode: 200 }),
      'the success',
    );
    const ids = new Set(receiver.at('/fail/3').map((r) => r.headers['aftersale-delivery']));
    expect(receiver.at('/fail/3')).toHaveLength(4);
    expect(ids.size).toBe(1);
  });

  it("keeps a claim's events in order: the next waits until the one before it is delivered", async () => {
    const mine = await anIntegrator();
    const { endpoint } = await anEndpoint(admin, receiver.url('/fail/1/order'), { customerId: String(mine.customer.id) });
    const claim = await fileClaim(mine.imeis[0]!, mine.apiKey);
    const agentStep = await t.gql(TestWebhooksStartRemoteDiagnosisDocument, { input: { id: claim.id, version: claim.version } }, admin);
    expect(agentStep.errors).toBeUndefined();
    await eventually(
      async () => expect((await deliveriesOf(endpoint.id)).find((d) => d.eventType === 'SUBMITTED')).toMatchObject({ status: 'PENDING', attempts: 1 }),
      'the first failure',
    );
    clock.advance(RETRY.maxDelaySeconds * 1000);
    await eventually(async () => expect((await deliveriesOf(endpoint.id)).every((d) => d.status === 'SUCCEEDED')).toBe(true), 'both delivered');
    expect(receiver.at('/fail/1/order').map((r) => (JSON.parse(r.body) as { event: { type: string } }).event.type)).toEqual([
      'SUBMITTED',
      'SUBMITTED',
      'START_REMOTE_DIAGNOSIS',
    ]);
  });

  it('a receiver that never answers does not delay another endpoint', async () => {
    const mine = await anIntegrator(3);
    await anEndpoint(admin, receiver.url('/hang'), { customerId: String(mine.customer.id) });
    const { endpoint } = await anEndpoint(admin, receiver.url('/ok/healthy'), { customerId: String(mine.customer.id) });
    for (const imei of mine.imeis) await fileClaim(imei, mine.apiKey);
    // The receiver sees a request before the worker commits its outcome: wait for the log, not the receiver.
    await eventually(
      async () => expect((await deliveriesOf(endpoint.id)).map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']),
      'the healthy endpoint got every event',
    );
    expect(receiver.at('/ok/healthy')).toHaveLength(3);
    expect(receiver.at('/hang').length).toBeGreaterThan(0);
  });

  it('redelivers on request, with the same delivery id', async () => {
    const mine = await anIntegrator();
    const { endpoint } = await anEndpoint(mine.apiKey, receiver.url('/ok/again'));
    await fileClaim(mine.imeis[0]!, mine.apiKey);
    const [first] = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id, mine.apiKey);
      expect(rows[0]).toMatchObject({ status: 'SUCCEEDED' });
      return rows;
    }, 'the first delivery');
    const again = await t.gql(TestWebhooksRedeliverDocument, { id: first!.id }, mine.apiKey);
    expect(again.data!.redeliverWebhook).toEqual({ status: 'PENDING' });
    await eventually(() => expect(receiver.at('/ok/again')).toHaveLength(2), 'the redelivery');
    const [a, b] = receiver.at('/ok/again');
    expect(b!.headers['aftersale-delivery']).toBe(a!.headers['aftersale-delivery']);
  });

  it('marks the endpoint failing after the last retry (about a day), and enabling it sends again', async () => {
    const mine = await anIntegrator();
    const { endpoint } = await anEndpoint(admin, receiver.url(`/fail/${RETRY.maxAttempts}`), { customerId: String(mine.customer.id) });
    await fileClaim(mine.imeis[0]!, mine.apiKey);
    let scheduled = 0;
    for (let attempt = 1; attempt < RETRY.maxAttempts; attempt++) {
      const [log] = await eventually(async () => {
        const rows = await deliveriesOf(endpoint.id);
        expect(rows[0]).toMatchObject({ attempts: attempt, status: 'PENDING' });
        return rows;
      }, `attempt ${attempt}`);
      const delay = new Date(log!.nextAttemptAt).getTime() - new Date(log!.lastAttemptAt!).getTime();
      scheduled += delay;
      clock.advance(delay);
    }
    await eventually(
      async () => expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'FAILED', attempts: RETRY.maxAttempts }),
      'the last failure',
    );
    // 30 s doubling to 8 h, ±20 %: the whole schedule spans about a day.
    expect(scheduled / 3_600_000).toBeGreaterThan(16);
    expect(scheduled / 3_600_000).toBeLessThan(30);
    const listed = await t.gql(TestWebhooksCustomerEndpointsDocument, { customerId: String(mine.customer.id) }, admin);
    expect(listed.data!.webhookEndpoints[0]!.failingSince).not.toBeNull();
    const enabled = await t.gql(TestWebhooksEnableEndpointDocument, { id: endpoint.id }, admin);
    expect(enabled.data!.enableWebhookEndpoint).toEqual({ enabled: true, failingSince: null });
  });
});

describe('webhook endpoints', () => {
  it("lets an API key manage its own customer's endpoints only, and shows the secret once", async () => {
    const mine = await anIntegrator(0);
    const theirs = await anIntegrator(0);
    const { endpoint } = await anEndpoint(theirs.apiKey, receiver.url('/ok/theirs'));
    const listed = await t.gql(TestWebhooksEndpointsDocument, {}, mine.apiKey);
    expect(listed.data!.webhookEndpoints).toEqual([]);
    const rotate = await t.gql(TestWebhooksRotateSecretDocument, { id: endpoint.id }, mine.apiKey);
    expect(rotate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreign = await t.gql(CREATE, { input: { url: receiver.url('/ok/x'), customerId: String(theirs.customer.id) } }, mine.apiKey);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const schema = await t.gql(TestWebhooksEndpointFieldsDocument, {}, admin);
    expect(schema.data!.__type!.fields!.map((f) => f.name)).not.toContain('secret');
    const rotated = await t.gql(TestWebhooksRotateSecretDocument, { id: endpoint.id }, theirs.apiKey);
    expect(rotated.data!.rotateWebhookSecret.secret).toMatch(/^whsec_/);
  });

  it.each([
    ['http://example.com/hook', 'must be https'],
    ['https://10.1.2.3/hook', 'private'],
    ['https://192.168.0.10/hook', 'private'],
    ['https://[::1]/hook', 'private'],
    ['https://169.254.169.254/latest', 'private'],
    ['ftp://example.com', 'must be https'],
    ['not a url', 'is not a URL'],
  ])('refuses %s as BAD_USER_INPUT on url', async (url, reason) => {
    const mine = await anIntegrator(0);
    const res = await t.gql(CREATE, { input: { url } }, mine.apiKey);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(res.errors?.[0]?.message).toContain(reason);
  });

  it('refuses http://127.0.0.1 unless the local setting allows it, and names that resolve inside the network', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:9/hook', false)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(checkWebhookUrl('http://127.0.0.1:9/hook', true)).resolves.toBe('http://127.0.0.1:9/hook');
    await expect(checkWebhookUrl('https://hooks.example/x', false, () => Promise.resolve(['10.0.0.7']))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(checkWebhookUrl('https://hooks.example/x', false, () => Promise.resolve(['93.184.215.14']))).resolves.toBe('https://hooks.example/x');
  });
});

describe('retry schedule', () => {
  it('doubles from 30 s up to 8 h, within ±20 %', () => {
    expect(retryDelayMs(1, 0.5)).toBe(30_000);
    expect(retryDelayMs(2, 0.5)).toBe(60_000);
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 0.999999)).toBeCloseTo(36_000, -1);
    expect(retryDelayMs(20, 0.5)).toBe(8 * 3_600_000);
  });
});
