import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login();
});
afterAll(() => t?.close());

// graphql-http's audit suite of the GraphQL-over-HTTP specification: every
// MUST, SHOULD and MAY it checks, each one a test.
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  // As signed-in staff: several audits read `__type`, which anonymous callers may not (introspection is for staff).
  const fetchFn = (input: string | URL | Request, init: RequestInit = {}) =>
    fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${staff}` } });
  for (const audit of serverAudits({ url: () => t.url, fetchFn })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});
