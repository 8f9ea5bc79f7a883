import { generateDataSet, writeDataSet } from '@aftersale/demo-data';
import pg from 'pg';
import { hashPassword } from '../auth/credentials.js';
import { registerPolicyVersions } from '../policy/policy-versions.js';
import type { Clock } from '../platform/clock.js';
import type { MikroORM } from '../platform/database.js';
import type { Logger } from '../platform/logger.js';

/** The password of the seeded demo staff (agent, tech, analyst @aftersale.test). Demo database only. */
export const DEMO_STAFF_PASSWORD = 'aftersale-demo';

/**
 * Data sets record the policy version each assessment was made under (R5): the database must hold those
 * versions before they are written. The API registers them on start; the database CLI calls this.
 */
export const registerPolicyVersionsIn = (orm: MikroORM): Promise<void> => registerPolicyVersions(orm.em.fork());

/** What the demo staff users' password_hash holds (the large data set's staff too). */
export const demoStaffPasswordHash = (): Promise<string> => hashPassword(DEMO_STAFF_PASSWORD);

/**
 * On first start with an empty database, writes the deterministic demo data
 * set in one transaction. An advisory lock makes concurrent first starts of
 * several instances seed once.
 */
export async function seedDemoDataIfEmpty(orm: MikroORM, clock: Clock, log: Logger): Promise<boolean> {
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('aftersale:demo-seed'))`);
    const { rows } = await client.query<{ empty: boolean }>('select not exists (select 1 from customer) as empty');
    if (!rows[0]?.empty) {
      await client.query('rollback');
      return false;
    }
    const started = Date.now();
    const dataSet = generateDataSet({ today: clock.today(), passwordHash: await demoStaffPasswordHash() });
    const counts: Record<string, number> = {};
    await writeDataSet(client, dataSet, { onProgress: (table, n) => (counts[table] = n) });
    await client.query('commit');
    log.info({ rows: counts, ms: Date.now() - started }, 'demo data seeded');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
