import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@aftersale/api/embedded-postgres';
import { createTestDatabase } from '@aftersale/api/test-database';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built server exactly as `npm start` does (`node
 * apps/api/dist/main.js`) and waits for the line that announces its URL.
 * By default it gets a fresh database of the test cluster (with the demo
 * data); `{ embedded: dataDir }` runs its own embedded PostgreSQL instead.
 */
export async function startServer(options: { embedded?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const db = options.embedded ? undefined : await createTestDatabase();
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const database = db ? { DATABASE_URL: db.url } : { AFTERSALE_DATA_DIR: options.embedded!, AFTERSALE_PG_PORT: String(await freePort()) };
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
  };
}

export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Signs in through the API and returns the session's token; throws when the login fails. */
export async function token(url: string, email: string, password: string): Promise<string> {
  const result = await graphql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  const value: unknown = result.data?.login?.token;
  if (result.errors || typeof value !== 'string') throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors ?? result.data)}`);
  return value;
}
