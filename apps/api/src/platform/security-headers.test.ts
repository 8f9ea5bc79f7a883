import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anApiKey, aCustomer } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let base: string;
let admin: string;
let integrator: string;
beforeAll(async () => {
  const consoleDir = await mkdtemp(path.join(tmpdir(), 'hardening-console-'));
  await writeFile(path.join(consoleDir, 'index.html'), '<!doctype html><title>Aftersale</title><script type="module" src="/assets/app.js"></script>');
  t = await startTestApp({ env: { AFTERSALE_CONSOLE_DIR: consoleDir } });
  base = t.url.replace(/\/graphql$/, '');
  admin = await t.login();
  integrator = await anApiKey(t.app.orm.em.fork(), await aCustomer(t.app.orm.em.fork()));
});
afterAll(() => t?.close());

describe('security headers', () => {
  it.each([['/'], ['/claims/1'], ['/graphql?query=%7B__typename%7D'], ['/healthz'], ['/api/attachments/1']])('are served on %s', async (url) => {
    const response = await fetch(`${base}${url}`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('GET /graphql from a browser loads no third-party script', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<script[^>]+src="https?:/i);
  });
});

describe('schema details', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('answers introspection to signed-in staff only', async () => {
    expect((await t.gql(INTROSPECT, {}, admin)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await t.gql(INTROSPECT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ __type(name: "Claim") { name } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(INTROSPECT, {}, integrator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives no "Did you mean" suggestions', async () => {
    const res = await t.gql('{ claimz { id } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});
