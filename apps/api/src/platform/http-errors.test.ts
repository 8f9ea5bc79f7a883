import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  base = t.url.replace(/\/graphql$/, '');
});
afterAll(() => t?.close());

/** Every error answer is JSON with a code, and says nothing of the server's insides. */
async function expectJsonError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  const text = await response.text();
  expect(text).not.toMatch(/<html|<pre|node_modules|\/work\/|\.js:\d+|at [A-Za-z.]+ \(/i);
  const body = JSON.parse(text) as { code?: string; errors?: { extensions?: { code?: string } }[] };
  expect(body.code ?? body.errors?.[0]?.extensions?.code).toBe(code);
  return body;
}

describe('HTTP errors are JSON with a code', () => {
  it('answers a 10 MB body to /graphql with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(10 * 1024 * 1024) } });
    await expectJsonError(await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    await expectJsonError(
      await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me' }),
      400,
      'BAD_REQUEST',
    );
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    await expectJsonError(await fetch(`${base}/api/nothing-here`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${base}/nothing-here`, { method: 'DELETE' }), 404, 'NOT_FOUND');
  });

  it('answers a request with no query with 400 in JSON', async () => {
    await expectJsonError(await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'BAD_REQUEST');
  });

  it('answers a URL that cannot be decoded with 400 in JSON', async () => {
    await expectJsonError(await fetch(`${base}/api/attachments/%E0%A4%A`), 400, 'BAD_REQUEST');
  });
});
