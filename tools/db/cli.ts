import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { generateLargeDataSet, type LoadProgress } from '@aftersale/demo-data';
import { loadConfig } from '@aftersale/api/config';
import { openAppDatabase } from '@aftersale/api/app';
import { BULK_LOAD_FLAGS, startEmbeddedPostgres } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import { systemClock } from '@aftersale/api/clock';
import { demoStaffPasswordHash, registerPolicyVersionsIn, seedDemoDataIfEmpty } from '@aftersale/api/seed-demo-data';
import { duration } from './duration.js';

const usage = `Usage: npm run db -- <command> [options]

  migrate     apply pending migrations
  seed        seed the demo data set into an empty database
  generate    fill an empty database with a large realistic data set
                --claims N     how many claims (required)
                --devices N    units on record (default: 4 per claim)
                --seed N       another deterministic data set (default 1)
                --no-defects   without the planted bad batch
                --today DATE   the last day of the history (default: today)

Uses DATABASE_URL when set, else the embedded PostgreSQL in .data/ (or
AFTERSALE_DATA_DIR). Stop \`npm start\` first: one process at a time owns the
embedded database.`;

const progress = { phase: '', shownAt: 0 };

const { positionals, values } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: {
    claims: { type: 'string' },
    devices: { type: 'string' },
    defects: { type: 'boolean', default: true },
    seed: { type: 'string' },
    today: { type: 'string' },
  },
});
const command = positionals[0];
const wholeNumber = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text.replaceAll('_', ''))) fail(`--${name}: a whole number, got ${text}`);
  return Number(text.replaceAll('_', ''));
};
function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
if (command !== 'migrate' && command !== 'seed' && command !== 'generate') fail(command ? `Unknown command: ${command}` : 'No command given.');
const claims = wholeNumber(values.claims, 'claims');
if (command === 'generate' && claims === undefined) fail('generate: --claims is required');

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
// A generate run starts the embedded cluster with bulk-load settings; its next start has the usual ones.
const embedded = config.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres(config.AFTERSALE_DATA_DIR, config.AFTERSALE_PG_PORT, log, command === 'generate' ? BULK_LOAD_FLAGS : []);
try {
  const url = config.DATABASE_URL ?? embedded!.url;
  const orm = await openAppDatabase(url, log);
  try {
    await registerPolicyVersionsIn(orm);
    if (command === 'seed') {
      const seeded = await seedDemoDataIfEmpty(orm, systemClock, log);
      console.log(seeded ? 'Demo data seeded.' : 'The database is not empty: nothing seeded.');
    } else if (command === 'migrate') {
      console.log('Migrations are up to date.');
    }
  } finally {
    await orm.close();
  }
  if (command === 'generate') {
    const report = await generateLargeDataSet(url, {
      claims: claims!,
      seed: wholeNumber(values.seed, 'seed'),
      devices: wholeNumber(values.devices, 'devices'),
      defects: values.defects,
      today: values.today,
      passwordHash: await demoStaffPasswordHash(),
      onProgress: showProgress,
    });
    process.stderr.write('\n');
    const width = Math.max(...Object.keys(report.rows).map((t) => t.length));
    for (const [table, n] of Object.entries(report.rows)) console.log(`${table.padEnd(width)} ${n.toLocaleString('en').padStart(12)}`);
    console.log(
      report.phases.map(({ phase, ms }) => `${phase} ${duration(ms)}`).join(', ') +
        `, total ${duration(report.phases.reduce((sum, p) => sum + p.ms, 0))}${report.rollupsRebuilt ? ' (analytics rollups rebuilt)' : ''}`,
    );
    const cpu = (ms: (p: (typeof report.phases)[number]) => number | undefined) =>
      `${report.phases.map((p) => `${p.phase} ${duration(ms(p) ?? 0)}`).join(', ')}, total ${duration(report.phases.reduce((sum, p) => sum + (ms(p) ?? 0), 0))}`;
    console.log(`CPU of this process (all threads): ${cpu((p) => p.cpuMs)}`);
    if (report.phases.every((p) => p.postgresCpuMs !== undefined)) console.log(`CPU of PostgreSQL (all its processes): ${cpu((p) => p.postgresCpuMs)}`);
    for (const d of report.defects)
      console.log(`Planted bad batch: ${d.modelCode} units received in ${d.receivedMonth}, claimed for ${d.factor}× as often (${d.category}).`);
  }
} catch (error) {
  // What went wrong, without a stack trace: a non-empty database, missing rights, a refused row.
  console.error(`\n${command}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}

/** One line per phase, rewritten in place on a terminal; in a log, a line every 5 s. */
function showProgress(p: LoadProgress): void {
  const tty = process.stderr.isTTY;
  if (p.phase !== progress.phase && progress.phase !== '' && tty) process.stderr.write('\n');
  const last = (p.phase === 'load' && p.claims === p.totalClaims) || (p.built !== undefined && p.built.done === p.built.total);
  if (!tty && p.phase === progress.phase && p.elapsedMs - progress.shownAt < 5000 && !last) return;
  if (p.phase !== progress.phase) progress.shownAt = 0;
  progress.phase = p.phase;
  progress.shownAt = p.elapsedMs;
  let line = `${p.phase.padEnd(8)} ${duration(p.elapsedMs)}`;
  if (p.phase === 'load') {
    const rate = p.elapsedMs > 0 ? (p.rows * 1000) / p.elapsedMs : 0;
    const done = p.totalClaims > 0 ? p.claims / p.totalClaims : 1;
    const left = done > 0 ? (p.elapsedMs * (1 - done)) / done : 0;
    line +=
      `  ${p.rows.toLocaleString('en')} rows  ${p.claims.toLocaleString('en')}/${p.totalClaims.toLocaleString('en')} claims` +
      `  ${Math.round(rate).toLocaleString('en')} rows/s  ${done < 1 ? `${duration(left)} left` : 'done'}`;
  }
  if (p.built) line += `  ${p.built.done}/${p.built.total} steps (indexes, rollups)`;
  process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
}
