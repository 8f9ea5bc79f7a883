import type { ChildProcess } from 'node:child_process';

/** Resolves once `url` answers (any HTTP status); fails as soon as `child`, the server behind it, exits, or after a minute. */
export async function waitUntilAnswering(child: ChildProcess, url: string, name = 'the server'): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not start`);
}

/**
 * The environment a bench runs the API with: production mode (graphql-js
 * without its development-time checks) on `databaseUrl`, loopback, no demo
 * data, warnings only, no console unless `console` is true.
 */
export function benchApiEnv(databaseUrl: string, port: number, options: { console?: boolean } = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    AFTERSALE_DEMO_DATA: 'off',
    ...(!options.console && { AFTERSALE_CONSOLE_DIR: '/nonexistent' }),
    LOG_LEVEL: 'warn',
  };
}
