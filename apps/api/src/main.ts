import 'reflect-metadata';
import { startApp } from './app.js';
import { loadConfig } from './platform/config.js';
import { startEmbeddedPostgres } from './platform/embedded-postgres.js';
import { createLogger } from './platform/logger.js';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);

/** Says what failed and what to do, plainly (for the person who typed `npm start`) and in the log, then exits 1. */
function fail(error: unknown): never {
  log.fatal({ err: error }, 'could not start');
  console.error(`\nAftersale could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
try {
  embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.AFTERSALE_DATA_DIR, config.AFTERSALE_PG_PORT, log);
} catch (error) {
  fail(error);
}
const databaseUrl = config.DATABASE_URL ?? embedded!.url;

let app: Awaited<ReturnType<typeof startApp>>;
try {
  app = await startApp({ config, databaseUrl, log });
} catch (error) {
  await embedded?.stop();
  fail(error);
}

const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${app.port}/`;
log.info({ url, database: embedded ? 'embedded' : 'DATABASE_URL' }, 'ready');
// Printed plainly as well, for the person who just typed `npm start`.
console.log(`\nAftersale is running at ${url}  (GraphQL: ${url}graphql)\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: draining requests');
  const force = setTimeout(() => process.exit(1), 15_000).unref();
  try {
    await app.close();
    await embedded?.stop();
    clearTimeout(force);
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'unclean shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
