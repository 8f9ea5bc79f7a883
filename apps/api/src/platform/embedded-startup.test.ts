import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './config.js';
import { freePort, startEmbeddedPostgres } from './embedded-postgres.js';
import { createLogger } from './logger.js';

const log = createLogger('silent');
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hardening-startup-'));
  // initdb runs as the `postgres` user when we are root: it must traverse the folder.
  await chmod(dataDir, 0o755);
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const withoutDatabaseUrl = ({ DATABASE_URL: _, ...env }: NodeJS.ProcessEnv) => env;

async function holdPort(): Promise<{ port: number; server: Server }> {
  const port = await freePort();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, server };
}

describe('starting the embedded PostgreSQL', () => {
  it('with its port taken, refuses naming the port and AFTERSALE_PG_PORT', async () => {
    const { port, server } = await holdPort();
    try {
      await expect(startEmbeddedPostgres(path.join(dataDir, 'taken'), port, log)).rejects.toThrow(
        new RegExp(`127\\.0\\.0\\.1:${port}.*AFTERSALE_PG_PORT=\\d+`, 's'),
      );
    } finally {
      server.close();
    }
  });

  it('recovers the cluster a killed run left running on its data folder (postmaster.pid held by a live process)', async () => {
    const folder = path.join(dataDir, 'orphan');
    const port = await freePort();
    // The first start's cluster is never stopped, as after `kill -9` of the API.
    await startEmbeddedPostgres(folder, port, log);
    const again = await startEmbeddedPostgres(folder, port, log);
    try {
      const client = new pg.Client({ connectionString: again.url });
      await client.connect();
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await again.stop();
    }
  });

  it('`npm start` with the database port taken exits 1 saying what failed and what to do', async () => {
    const { port, server } = await holdPort();
    try {
      const result = spawnSync(process.execPath, ['--conditions=@aftersale/source', '--import', '@swc-node/register/esm-register', 'src/main.ts'], {
        cwd: path.join(repoRoot, 'apps/api'),
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...withoutDatabaseUrl(process.env),
          AFTERSALE_PG_PORT: String(port),
          AFTERSALE_DATA_DIR: path.join(dataDir, 'main'),
          PORT: '0',
          LOG_LEVEL: 'silent',
        },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`could not start.*127\\.0\\.0\\.1:${port}.*AFTERSALE_PG_PORT`, 's'));
      expect(result.stderr).not.toMatch(/triggerUncaughtException|undefined$/m);
    } finally {
      server.close();
    }
  });
});
