import { TestE2eClaimsDocument, TestE2eClaimsTotalDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS } from './support/logins.js';
import { graphql, startServer, token as signInToken, type RunningServer } from './support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  if (server.process.exitCode === null) await server.stop();
});

describe('the built server, as `npm start` runs it', () => {
  it('answers /healthz with 200 when the database is reachable', async () => {
    const res = await fetch(`${server.url}healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the console at / and the app shell on client-side routes', async () => {
    for (const path of ['', 'claims']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('seeds the demo data on first start: the admin signs in and sees claims', async () => {
    const token = await signInToken(server.url, LOGINS.admin.email, LOGINS.admin.password);
    const claims = await graphql(server.url, TestE2eClaimsDocument, { limit: 5 }, token);
    expect(claims.errors).toBeUndefined();
    expect(claims.data!.claims.total).toBeGreaterThan(100);
    expect(claims.data!.claims.items).toHaveLength(5);
  });

  it('refuses every operation but login without a token', async () => {
    const res = await graphql(server.url, TestE2eClaimsTotalDocument, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
