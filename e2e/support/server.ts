import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@aftersale/api/embedded-postgres';
import { createTestDatabase } from '@aftersale/api/test-database';
import type { GraphQLAnswer } from '@aftersale/api/ws-client';
import { LoginDocument, type TypedDocumentNode } from '@aftersale/graphql';
import { print } from 'graphql';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** `kill -9`: no shutdown at all, as a crash. */
  kill(): Promise<void>;
}

/**
 * Starts the built server exactly as `npm start` does (`node
 * apps/api/dist/main.js`) and waits for the line that announces its URL.
 * By default it gets a fresh database of the test cluster (with the demo
 * data); `{ embedded: dataDir }` runs its own embedded PostgreSQL instead.
 */
export async function startServer(options: { embedded?: string; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const db = options.embedded || options.databaseUrl ? undefined : await createTestDatabase();
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const database = options.databaseUrl
    ? { DATABASE_URL: options.databaseUrl }
    : db
      ? { DATABASE_URL: db.url }
      : { AFTERSALE_DATA_DIR: options.embedded!, AFTERSALE_PG_PORT: String(await freePort()) };
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: repoRoot,
    env: { ...parentEnv, ...database, PORT: '0', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Aftersale is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    stop: async () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = child.exitCode ?? (await exited);
      await db?.drop();
      return code;
    },
    kill: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await exited;
    },
  };
}

/**
 * POSTs one operation to the server's /graphql with an optional bearer credential: a typed document from
 * @aftersale/graphql (its answer typed from the schema), or raw text (its data `unknown`: the caller says what it expects).
 */
export async function graphql<TResult, TVariables>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<GraphQLAnswer<TResult>>;
export async function graphql(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<unknown>>;
export async function graphql(url: string, query: string | TypedDocumentNode<unknown, unknown>, variables: unknown = {}, token?: string) {
  const response = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
  });
  return (await response.json()) as GraphQLAnswer<unknown>;
}

/** Signs in through the API and returns the session's token; throws when the login fails. */
export async function token(url: string, email: string, password: string): Promise<string> {
  const result = await graphql(url, LoginDocument, { email, password });
  const value = result.data?.login.token;
  if (result.errors || typeof value !== 'string') throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors ?? result.data)}`);
  return value;
}
