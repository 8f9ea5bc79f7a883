import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@aftersale/api/config';
import { openAppDatabase } from '@aftersale/api/app';
import { startEmbeddedPostgres } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import { systemClock } from '@aftersale/api/clock';
import { seedDemoDataIfEmpty } from '@aftersale/api/seed-demo-data';

const usage = `Usage: npm run db -- <command>

  migrate     apply pending migrations
  seed        seed the demo data set into an empty database

Uses DATABASE_URL when set, else the embedded PostgreSQL in .data/ (stop
\`npm start\` first: one process at a time owns the embedded database).`;

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const command = positionals[0];
if (command !== 'migrate' && command !== 'seed') {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(config.AFTERSALE_DATA_DIR, config.AFTERSALE_PG_PORT, log);
try {
  const orm = await openAppDatabase(config.DATABASE_URL ?? embedded!.url, log);
  try {
    if (command === 'seed') {
      const seeded = await seedDemoDataIfEmpty(orm, systemClock, log);
      console.log(seeded ? 'Demo data seeded.' : 'The database is not empty: nothing seeded.');
    } else {
      console.log('Migrations are up to date.');
    }
  } finally {
    await orm.close();
  }
} finally {
  await embedded?.stop();
}
