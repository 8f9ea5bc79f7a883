import { FormType, TestE2eCreateApiKeyDocument, TestE2eCustomersDocument, TestE2eDevicesDocument, TestE2eSubmitClaimDocument } from '@aftersale/graphql';
import { startWebhookReceiver, type WebhookEvent } from '@aftersale/integrator/webhook-receiver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { signIn } from './support/console.js';
import { LOGINS } from './support/logins.js';
import { graphql, startServer, token, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { AFTERSALE_WEBHOOK_ALLOW_LOCAL_HTTP: 'true' } }), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  await page.goto(server.url);
  await signIn(page, LOGINS.admin.email, LOGINS.admin.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a customer's integrations, in the console", () => {
  it('registers a webhook endpoint, shows the live claim events and the delivery log, and redelivers', async () => {
    const admin = await token(server.url, LOGINS.admin.email, LOGINS.admin.password);
    const customerId = (await graphql(server.url, TestE2eCustomersDocument, { limit: 1 }, admin)).data!.customers.items[0]!.id;
    const apiKey = (await graphql(server.url, TestE2eCreateApiKeyDocument, { input: { customerId, name: 'console e2e' } }, admin)).data!.createApiKey.secret;
    let secret = '';
    const received: WebhookEvent[] = [];
    const receiver = await startWebhookReceiver({ secret: () => secret, onEvent: (event) => void received.push(event) });
    try {
      await page.goto(`${server.url}#/customers/${customerId}/show`);
      await page.getByTestId('live-events-state').filter({ hasText: 'live' }).waitFor();
      await page.getByTestId('webhook-url').fill(receiver.url);
      await page.getByTestId('create-webhook').click();
      const shown = await page.getByTestId('webhook-secret').textContent();
      secret = /whsec_\S+/.exec(shown ?? '')![0];

      const devices = await graphql(server.url, TestE2eDevicesDocument, { limit: 50 }, apiKey);
      let number: string | undefined;
      for (const { imei } of devices.data!.devices.items) {
        const filed = await graphql(
          server.url,
          TestE2eSubmitClaimDocument,
          { input: { imei, formType: FormType.REPAIR, ciNumber: 'CONSOLE', symptoms: 'Dead', dataBackupAcknowledged: true } },
          apiKey,
        );
        number = filed.data?.submitClaim?.number;
        if (number) break;
      }
      await page.getByTestId('live-events').getByRole('link', { name: number! }).waitFor();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);

      await page.getByTestId('show-deliveries').click();
      const log = page.getByTestId('webhook-deliveries');
      await log.getByRole('cell', { name: 'SUCCEEDED' }).waitFor();
      await screenshot(page, 'integrations-01-customer');
      await log.getByRole('button', { name: 'Redeliver' }).first().click();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
      expect(received[1]!.deliveryId).toBe(received[0]!.deliveryId);
    } finally {
      await receiver.close();
    }
  });
});
