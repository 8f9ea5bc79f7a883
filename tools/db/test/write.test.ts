import { generateDataSet, TABLES_IN_WRITE_ORDER, writeDataSet } from '@aftersale/demo-data';
import { openAppDatabase } from '@aftersale/api/app';
import { registerPolicyVersionsIn } from '@aftersale/api/seed-demo-data';
import { createTestDatabase, type TestDatabase } from '@aftersale/api/test-database';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataSet = generateDataSet({ today: '2026-11-25', passwordHash: 'hash', devices: 2500, claims: 120 });

describe('writeDataSet (the demo seed) into PostgreSQL with every constraint on', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let written: Awaited<ReturnType<typeof writeDataSet>>;
  const progress: [string, number][] = [];
  const rows = async <R extends pg.QueryResultRow>(sql: string) => (await client.query<R>(sql)).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    const orm = await openAppDatabase(database.url);
    await registerPolicyVersionsIn(orm);
    await orm.close();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // The administrator the API creates on first start is already there: the staff get the ids after it.
    await client.query(`insert into app_user (email, name, role, password_hash) values ('admin@aftersale.test', 'Admin', 'ADMIN', 'x')`);
    await client.query('begin');
    written = await writeDataSet(client, dataSet, { batchSize: 1000, onProgress: (table, n) => progress.push([table, n]) });
    await client.query('commit');
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('writes every table in foreign-key order, in statements PostgreSQL accepts, and says how many rows', async () => {
    expect(Object.keys(written)).toEqual([...TABLES_IN_WRITE_ORDER]);
    for (const table of TABLES_IN_WRITE_ORDER) {
      const [counted] = await rows<{ n: string }>(`select count(*) as n from ${table}`);
      expect(Number(counted?.n) - (table === 'app_user' ? 1 : 0), table).toBe(written[table]);
    }
    expect(written.claim).toBe(120);
  });

  it("lets the database number staff users and maps the claims' and their records' staff onto those ids", async () => {
    const staff = new Map((await rows<{ id: number; email: string }>('select id, email from app_user')).map((u) => [u.email, u.id]));
    const agent = staff.get('agent@aftersale.test');
    const tech = staff.get('tech@aftersale.test');
    expect(staff.get('admin@aftersale.test')).toBe(1);
    expect(agent).toBeGreaterThan(1);
    const ids = async (sql: string) => new Set((await rows<{ id: number | null }>(sql)).map((r) => r.id));
    expect(await ids('select distinct submitted_by_user_id as id from claim')).toEqual(new Set([agent]));
    expect(await ids('select distinct actor_user_id as id from claim_event')).toEqual(new Set([agent, tech]));
    expect(await ids('select distinct assessed_by as id from assessment')).toEqual(new Set([tech]));
    expect(await ids('select distinct recorded_by as id from maintenance_agreement')).toEqual(new Set([agent]));
    expect(await ids('select distinct actor_user_id as id from stock_movement')).toEqual(new Set([tech, null]));
    const [mislabelled] = await rows<{ n: string }>(
      'select count(*) as n from claim_event e join app_user u on u.id = e.actor_user_id where u.email <> e.actor_label',
    );
    expect(Number(mislabelled?.n)).toBe(0);
  });

  it('writes event data as JSON objects', async () => {
    const kinds = await rows<{ kind: string }>(`select distinct jsonb_typeof(data) as kind from claim_event`);
    expect(kinds).toEqual([{ kind: 'object' }]);
    const [submitted] = await rows<{ form_type: string }>(`select data->>'formType' as form_type from claim_event where type = 'SUBMITTED' limit 1`);
    expect(['REPAIR', 'REPLACEMENT']).toContain(submitted?.form_type);
  });

  it("moves every identity sequence and claim_number_seq past what it wrote, so the API's next rows follow", async () => {
    for (const table of TABLES_IN_WRITE_ORDER.filter((t) => !['app_user', 'stock', 'invoice_counter'].includes(t))) {
      const [next] = await rows<{ next: string; max: string | null }>(
        `select nextval(pg_get_serial_sequence('${table}', 'id')) as next, (select max(id) from ${table}) as max`,
      );
      expect(Number(next?.next), table).toBe(Number(next?.max ?? 0) + 1);
    }
    const [claimNumber] = await rows<{ next: string }>(`select nextval('claim_number_seq') as next`);
    expect(Number(claimNumber?.next)).toBe(121);
  });

  it('reports the rows written so far per table', () => {
    expect(progress.filter(([table]) => table === 'device')).toEqual([
      ['device', 1000],
      ['device', 2000],
      ['device', written.device],
    ]);
  });

  it('stops at the first statement PostgreSQL refuses', async () => {
    await client.query('begin');
    await expect(writeDataSet(client, dataSet)).rejects.toThrow(/duplicate key value violates unique constraint "customer_/);
    await client.query('rollback');
  });
});
