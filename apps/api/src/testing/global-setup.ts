import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openAppDatabase } from '../app.js';
import { freePort, startEmbeddedPostgres } from '../platform/embedded-postgres.js';
import './test-database.js';
import { createLogger } from '../platform/logger.js';

/**
 * One real PostgreSQL for the whole run (the embedded one, in a temporary
 * folder), with a template database migrated once. Each test file clones the
 * template into a fresh database of its own.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aftersale-test-'));
  const log = createLogger('warn');
  const pg = await startEmbeddedPostgres(dataDir, await freePort(), log);
  const orm = await openAppDatabase(pg.url);
  await orm.close();
  project.provide('templateDatabaseUrl', pg.url);
  return async () => {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
