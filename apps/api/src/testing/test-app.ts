import { LoginDocument, type TypedDocumentNode } from '@aftersale/graphql';
import { print } from 'graphql';
import { startApp, type App } from '../app.js';
import type { FeedOptions } from '../events/claim-event-feed.js';
import type { Clock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password' };

// A raw query string answers untyped data; a typed document from @aftersale/graphql types it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestApp {
  app: App;
  db: TestDatabase;
  url: string;
  /**
   * POSTs one operation to /graphql with an optional bearer credential: a typed
   * document from @aftersale/graphql (its answer typed from the schema), or a raw query string.
   */
  gql<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, credential?: string): Promise<GraphQLResponse<TResult>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw query strings, until every test uses typed documents
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, credential?: string): Promise<GraphQLResponse<T>>;
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API on a real HTTP port and a fresh database of its own. */
export async function startTestApp(
  options: { clock?: Clock; demoData?: boolean; feed?: FeedOptions; env?: Record<string, string>; deliverWebhooks?: boolean } = {},
): Promise<TestApp> {
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
  const app = await startApp({
    config,
    databaseUrl: db.url,
    log: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
    clock: options.clock,
    feed: options.feed,
    deliverWebhooks: options.deliverWebhooks,
  });
  const url = `http://127.0.0.1:${app.port}/graphql`;
  const gql: TestApp['gql'] = async (query: string | TypedDocumentNode<unknown, unknown>, variables?: unknown, credential?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(credential && { authorization: `Bearer ${credential}` }) },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };
  return {
    app,
    db,
    url,
    gql,
    async login(email = ADMIN.email, password = ADMIN.password) {
      const res = await gql(LoginDocument, { email, password });
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
