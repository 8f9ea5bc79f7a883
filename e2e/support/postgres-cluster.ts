import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@aftersale/api/embedded-postgres';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL binary as the `postgres` user (these machines run tests as root, which PostgreSQL refuses). */
const asPostgres = (binary: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', path.join(BIN, binary), ...args]) : run(path.join(BIN, binary), args);

export interface PostgresCluster {
  url: string;
  /** Stops and starts the server under whatever is connected to it. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of its own (Debian's 15) in a temporary folder, for tests that
 * restart the database under a running API: the shared test cluster cannot be.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aftersale-pg15-'));
  await chmod(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const ctl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', ...args]);
  const options = ['-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`];
  await ctl(...options, 'start');
  await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'aftersale']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/aftersale`,
    restart: async () => {
      await ctl('-m', 'fast', 'stop');
      await ctl(...options, 'start');
    },
    stop: async () => {
      await ctl('-m', 'immediate', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
