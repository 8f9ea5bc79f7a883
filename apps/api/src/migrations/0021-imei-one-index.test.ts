import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { entities } from '../app.js';
import { registerPolicyVersionsIn, seedDemoDataIfEmpty } from '../demo/seed-demo-data.js';
import { openDatabase } from '../platform/database.js';
import { createLogger } from '../platform/logger.js';
import { fixedClock } from '../testing/test-app.js';
import { migrations } from './index.js';

const log = createLogger('silent');

/** An empty database (not the migrated template), dropped after `work`. */
async function inEmptyDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const template = new URL(inject('templateDatabaseUrl'));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(template), { pathname: '/postgres' }).href });
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin.connect();
  try {
    await admin.query(`create database ${name} template template0`);
    await work(Object.assign(new URL(template), { pathname: `/${name}` }).href);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

describe('migration 0021: the IMEI in the "C" collation, one index', () => {
  // Changing a column's collation drops its statistics: without them a search by the start of an IMEI on a million
  // claims walked every claim newest first (1.3 s a page instead of 13 ms) until the next analyze.
  it('keeps the IMEI statistics of a database that already has units', async () => {
    await inEmptyDatabase(async (url) => {
      const before = await openDatabase(url, { entities, migrations: migrations.filter((m) => m.name < '0021') });
      await registerPolicyVersionsIn(before);
      expect(await seedDemoDataIfEmpty(before, fixedClock('2026-11-25'), log)).toBe(true);
      await before.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const statistics = async () =>
          (await client.query<{ n: number }>(`select count(*)::int as n from pg_stats where tablename = 'device' and attname = 'imei'`)).rows[0]!.n;
        await client.query('analyze device');
        expect(await statistics()).toBe(1);

        const current = await openDatabase(url, { entities, migrations });
        await current.close();
        const { rows } = await client.query<{ collation: string }>(
          `select c.collname as collation from pg_attribute a join pg_collation c on c.oid = a.attcollation where a.attrelid = 'device'::regclass and a.attname = 'imei'`,
        );
        expect(rows[0]?.collation).toBe('C');
        expect(await statistics()).toBe(1);
      } finally {
        await client.end();
      }
    });
  });
});
