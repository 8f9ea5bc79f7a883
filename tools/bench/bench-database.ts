import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataSet, writeDataSet } from '@aftersale/demo-data';
import { hashPassword } from '@aftersale/api/auth/credentials';
import { openDatabase } from '@aftersale/api/platform/database';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '@aftersale/api/platform/embedded-postgres';
import type { Logger } from '@aftersale/api/platform/logger';
import pg from 'pg';

/** The repository's git-ignored data folder. */
const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.data');

/** Every bench cluster counts statements (pg_stat_statements) and keeps the hot tables in memory. */
const BENCH_FLAGS = ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'shared_buffers=512MB', '-c', 'max_wal_size=4GB', '-c', 'pg_stat_statements.track=all'];

export interface BenchDatabase extends EmbeddedDatabase {
  /** Rows per table as generated (read from the marker file on later runs). */
  rows: Record<string, number>;
  /** True when this run generated the data (the first run for these options). */
  generated: boolean;
}

/**
 * An embedded PostgreSQL holding the generated data set of `claims` claims
 * (and `seed`), migrated to the current schema. Generated once into
 * `.data/bench-<claims>-<seed>/` and kept: later runs only start it (and
 * apply new migrations), so a bench does not regenerate a million claims.
 */
export async function openBenchDatabase(options: { claims: number; seed?: number; today?: string; log: Logger }): Promise<BenchDatabase> {
  const { claims, seed = 1, today = '2026-11-25', log } = options;
  const dir = path.join(DATA_DIR, `bench-${claims}-${seed}`);
  const marker = path.join(dir, 'generated.json');
  const ready = existsSync(marker);
  if (!ready) await rm(dir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(dir, await freePort(), log, BENCH_FLAGS);
  try {
    const orm = await openDatabase(embedded.url, log);
    await orm.close();
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    try {
      await admin.query('create extension if not exists pg_stat_statements');
      if (ready) return { ...embedded, rows: JSON.parse(await readFile(marker, 'utf8')) as Record<string, number>, generated: false };
      const rows = await generate(admin, { claims, seed, today });
      await writeFile(marker, JSON.stringify(rows, null, 2));
      return { ...embedded, rows, generated: true };
    } finally {
      await admin.end();
    }
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function generate(client: pg.Client, options: { claims: number; seed: number; today: string }): Promise<Record<string, number>> {
  const started = Date.now();
  const dataSet = generateDataSet({
    today: options.today,
    seed: options.seed,
    passwordHash: await hashPassword('aftersale-demo'),
    claims: options.claims,
    devices: Math.max(3000, Math.round(options.claims * 1.2)),
    customers: Math.max(6, Math.round(options.claims / 20_000)),
  });
  let lastPrint = 0;
  await client.query('begin');
  const rows = await writeDataSet(client, dataSet, {
    onProgress: (table, n) => {
      if (Date.now() - lastPrint < 2000) return;
      lastPrint = Date.now();
      process.stdout.write(`  generating: ${table} ${n.toLocaleString('en')} rows, ${Math.round((Date.now() - started) / 1000)} s\n`);
    },
  });
  await client.query('commit');
  await client.query('vacuum analyze');
  process.stdout.write(`  generated ${Object.values(rows).reduce((a, b) => a + b, 0).toLocaleString('en')} rows in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return rows;
}
