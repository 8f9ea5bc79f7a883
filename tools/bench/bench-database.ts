import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLargeDataSet } from '@aftersale/demo-data';
import { openAppDatabase } from '@aftersale/api/app';
import { hashPassword } from '@aftersale/api/credentials';
import { registerPolicyVersionsIn } from '@aftersale/api/seed-demo-data';
import { BULK_LOAD_FLAGS, freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '@aftersale/api/embedded-postgres';
import type { Logger } from '@aftersale/api/logger';
import pg from 'pg';

/** The repository's git-ignored data folder. */
const here = path.dirname(fileURLToPath(import.meta.url));
const DATA_DIR = path.resolve(here, path.basename(here) === 'dist' ? '../../../.data' : '../../.data');

/** Every bench cluster counts statements (pg_stat_statements) and keeps the hot tables in memory. */
const BENCH_FLAGS = [
  '-c',
  'shared_preload_libraries=pg_stat_statements',
  '-c',
  'shared_buffers=512MB',
  '-c',
  'max_wal_size=4GB',
  '-c',
  'pg_stat_statements.track=top',
];

/**
 * The administrator every bench signs in as. `openBenchDatabase` makes sure it
 * exists with this password on every run: the API only creates a first
 * administrator when none exists, and another bench (or a demo start) may have
 * created one first on the same data folder.
 */
export const BENCH_ADMIN = { email: 'bench@aftersale.test', password: 'bench-password' } as const;

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
  const generated = !existsSync(marker);
  if (generated) {
    // Generated under the bulk-load settings, as `npm run db -- generate` does; then started again as a bench cluster.
    await rm(dir, { recursive: true, force: true });
    const loading = await startEmbeddedPostgres(dir, await freePort(), log, BULK_LOAD_FLAGS);
    try {
      const orm = await openAppDatabase(loading.url, log);
      try {
        // The generator's claims name the policy versions they were assessed under: registered first, as the API does on start.
        await registerPolicyVersionsIn(orm);
      } finally {
        await orm.close();
      }
      const rows = await generate(loading.url, { claims, seed, today });
      await writeFile(marker, JSON.stringify(rows, null, 2));
    } finally {
      await loading.stop();
    }
  }
  const embedded = await startEmbeddedPostgres(dir, await freePort(), log, BENCH_FLAGS);
  try {
    const orm = await openAppDatabase(embedded.url, log);
    await orm.close();
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    try {
      await admin.query('create extension if not exists pg_stat_statements');
      await admin.query(
        `insert into app_user (email, name, role, password_hash) values ($1, 'Bench administrator', 'ADMIN', $2)
         on conflict (email) do update set role = 'ADMIN', active = true, password_hash = excluded.password_hash, version = app_user.version + 1`,
        [BENCH_ADMIN.email, await hashPassword(BENCH_ADMIN.password)],
      );
      return { ...embedded, rows: JSON.parse(await readFile(marker, 'utf8')) as Record<string, number>, generated };
    } finally {
      await admin.end();
    }
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** The data set of `npm run db -- generate`, with the demo staff's password, then analysed. */
async function generate(url: string, options: { claims: number; seed: number; today: string }): Promise<Record<string, number>> {
  let shown = 0;
  const report = await generateLargeDataSet(url, {
    ...options,
    passwordHash: await hashPassword('aftersale-demo'),
    onProgress: (p) => {
      if (p.elapsedMs - shown < 5000 && p.elapsedMs >= shown) return;
      shown = p.elapsedMs;
      process.stdout.write(
        `  generating the data set (${p.phase}): ${p.claims.toLocaleString('en')} of ${p.totalClaims.toLocaleString('en')} claims, ${p.rows.toLocaleString('en')} rows, ${Math.round(p.elapsedMs / 1000)} s\n`,
      );
    },
  });
  return report.rows;
}
