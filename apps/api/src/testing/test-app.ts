import { startApp, type App } from '../app.js';
import type { Clock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password' };

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestApp {
  app: App;
  db: TestDatabase;
  url: string;
  /** POSTs one operation to /graphql with an optional bearer credential. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, credential?: string): Promise<GraphQLResponse<T>>;
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API on a real HTTP port and a fresh database of its own. */
export async function startTestApp(options: { clock?: Clock; demoData?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    PORT: '0',
    AFTERSALE_ADMIN_EMAIL: ADMIN.email,
    AFTERSALE_ADMIN_PASSWORD: ADMIN.password,
    AFTERSALE_DEMO_DATA: options.demoData ? 'auto' : 'off',
    AFTERSALE_CONSOLE_DIR: '/nonexistent',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ...options.env,
  });
  const app = await startApp({ config, databaseUrl: db.url, log: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'), clock: options.clock });
  const url = `http://127.0.0.1:${app.port}/graphql`;
  const gql: TestApp['gql'] = async (query, variables, credential) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(credential && { authorization: `Bearer ${credential}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  return {
    app,
    db,
    url,
    gql,
    async login(email = ADMIN.email, password = ADMIN.password) {
      const res = await gql<{ login: { token: string } }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password },
      );
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** A fixed calendar for tests that depend on "today". */
export const fixedClock = (today: string): Clock => ({ today: () => today, now: () => new Date(`${today}T12:00:00Z`) });
