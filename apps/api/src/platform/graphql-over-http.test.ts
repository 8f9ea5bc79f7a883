import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

// graphql-http's audit suite of the GraphQL-over-HTTP specification: every
// MUST, SHOULD and MAY it checks, each one a test.
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  for (const audit of serverAudits({ url: () => t.url })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});
