import { generateDataSet, generateLargeDataSet, writeDataSet, type LoadReport } from '@aftersale/demo-data';
import { openAppDatabase } from '@aftersale/api/app';
import { registerPolicyVersionsIn } from '@aftersale/api/seed-demo-data';
import { createTestDatabase, type TestDatabase } from '@aftersale/api/test-database';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TODAY = '2026-11-25';
const CLAIMS = 2000;
const DEVICES = 8000;
/** Every table the generator fills, with the key that orders its rows. */
const TABLES: Record<string, string> = {
  app_user: 'email',
  customer: 'id',
  service_centre: 'id',
  product_model: 'id',
  part: 'id',
  sales_order: 'id',
  device: 'id',
  spare_shipment: 'id',
  stock: 'service_centre_id, part_id',
  claim: 'id',
  claim_event: 'id',
  shipment: 'id',
  assessment: 'id',
  claim_line: 'id',
  maintenance_agreement: 'id',
  retained_part: 'id',
  stock_movement: 'id',
  invoice: 'id',
  invoice_line: 'id',
  invoice_counter: 'year',
};

async function query<R extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** One md5 of each table's rows in key order (app_user without its database ids). */
async function digests(url: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    const row = table === 'app_user' ? `(t.email, t.name, t.role, t.created_at)::text` : 't::text';
    const [result] = await query<{ md5: string }>(url, `select md5(string_agg(${row}, '|' order by ${key})) as md5 from ${table} t`);
    out[table] = result?.md5 ?? '';
  }
  return out;
}

describe('generateLargeDataSet', () => {
  const databases: TestDatabase[] = [];
  /** A migrated database with the policy versions registered, as `npm run db` leaves it. */
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const orm = await openAppDatabase(database.url);
    await registerPolicyVersionsIn(orm);
    await orm.close();
    return database.url;
  };
  let checked: { url: string; report: LoadReport };
  let copied: { url: string; report: LoadReport };
  let otherSeed: { url: string; report: LoadReport };
  const options = { claims: CLAIMS, devices: DEVICES, today: TODAY, passwordHash: 'hash' };

  beforeAll(async () => {
    // Foreign keys, checks, unique keys and triggers on: PostgreSQL itself checks every row.
    const checkedUrl = await fresh();
    checked = { url: checkedUrl, report: await generateLargeDataSet(checkedUrl, { ...options, checked: true }) };
    const copiedUrl = await fresh();
    copied = { url: copiedUrl, report: await generateLargeDataSet(copiedUrl, options) };
    const otherUrl = await fresh();
    otherSeed = { url: otherUrl, report: await generateLargeDataSet(otherUrl, { ...options, seed: 2 }) };
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('loads with every foreign key, check, unique key and trigger on, and reports the rows of every table', async () => {
    expect(checked.report.rows.claim).toBe(CLAIMS);
    expect(checked.report.rows.device).toBeGreaterThanOrEqual(DEVICES);
    for (const table of Object.keys(TABLES)) {
      const [counted] = await query<{ n: string }>(checked.url, `select count(*) as n from ${table}`);
      expect(Number(counted?.n), table).toBe(checked.report.rows[table as keyof LoadReport['rows']]);
      expect(Number(counted?.n), table).toBeGreaterThan(0);
    }
  });

  it('writes through COPY in one transaction with the foreign keys unchecked exactly the rows it writes with them on; another seed, other rows', async () => {
    const [a, b, c] = await Promise.all([digests(checked.url), digests(copied.url), digests(otherSeed.url)]);
    expect(b).toEqual(a);
    expect(c.claim).not.toBe(a.claim);
    expect(c.claim_event).not.toBe(a.claim_event);
    expect(copied.report.rows).toEqual(checked.report.rows);
  });

  it('builds back every index and foreign key it dropped and rebuilds the analytics rollups (its triggers were off)', async () => {
    const template = await fresh();
    const indexes = (url: string) => query<{ indexdef: string }>(url, `select indexdef from pg_indexes where schemaname = 'public' order by indexdef`);
    expect(await indexes(copied.url)).toEqual(await indexes(template));
    // The unique keys (built as indexes, then made keys), the other tables' foreign keys (dropped so that the loaded
    // tables could be emptied together) and the rollups' primary keys (built once they are filled) are back, validated,
    // as the migrations made them.
    const keysOf = (url: string, type: 'f' | 'u' | 'p') =>
      query<{ key: string }>(
        url,
        `select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated as key from pg_constraint where contype = $1 order by 1`,
        [type],
      );
    for (const type of ['f', 'u', 'p'] as const) {
      const keys = await keysOf(copied.url, type);
      expect(keys.length, type).toBeGreaterThan(10);
      expect(keys, type).toEqual(await keysOf(template, type));
    }
    const rollup = `select model_id, sum(claims)::int as claims from analytics_claims_by_model group by model_id order by model_id`;
    expect((await query(copied.url, rollup)).length).toBeGreaterThan(0);
    // Rebuilt from the rows the COPY wrote (two sessions), every rollup equals what the triggers kept while loading with them on.
    const rollups = await query<{ rollup: string }>(copied.url, `select distinct rollup from analytics_rollup order by 1`);
    expect(rollups.length).toBeGreaterThanOrEqual(10);
    for (const { rollup: table } of rollups) {
      const contents = `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${table} t`;
      const [rebuilt] = await query<{ n: number }>(copied.url, contents);
      expect(rebuilt?.n, table).toBeGreaterThan(0);
      expect(rebuilt, table).toEqual((await query(checked.url, contents))[0]);
    }
    const version = `select sum(version)::int as version from analytics_version`;
    expect((await query<{ version: number }>(copied.url, version))[0]?.version).toBeGreaterThan(0);
    expect(copied.report.rollupsRebuilt).toBe(true);
    expect(checked.report.rollupsRebuilt).toBe(false);
    expect(copied.report.phases.map((p) => p.phase)).toEqual(['prepare', 'load', 'analyze', 'build']);
    // The test's PostgreSQL runs on this machine: its CPU per phase is read from /proc.
    for (const phase of copied.report.phases) expect(phase.postgresCpuMs, phase.phase).toBeGreaterThanOrEqual(0);
    expect(copied.report.phases.find((p) => p.phase === 'build')?.postgresCpuMs).toBeGreaterThan(0);
  });

  it('numbers issued invoices gaplessly per year in the order issued, and the counter continues from the last', async () => {
    const years = await query<{ year: number; n: string; max: number; in_order: boolean; last_number: number }>(
      copied.url,
      `
      select i.year, count(*) as n, max(i.sequence) as max, c.last_number,
             bool_and(i.issued_on >= coalesce(prev_issued, i.issued_on)) as in_order
        from (select *, lag(issued_on) over (partition by year order by sequence) as prev_issued from invoice where number is not null) i
        join invoice_counter c on c.year = i.year
       group by i.year, c.last_number order by i.year`,
    );
    expect(years.length).toBeGreaterThanOrEqual(3);
    for (const year of years) {
      expect(Number(year.n)).toBe(year.max);
      expect(year.last_number).toBe(year.max);
      expect(year.in_order).toBe(true);
    }
  });

  it("orders each claim's events in time as their ids go, from SUBMITTED to the claim's status", async () => {
    const [backwards] = await query<{ n: string }>(
      copied.url,
      `
      select count(*) as n from (select created_at < lag(created_at) over (partition by claim_id order by id) as back from claim_event) e where back`,
    );
    expect(Number(backwards?.n)).toBe(0);
    const [misplaced] = await query<{ n: string }>(
      copied.url,
      `
      select count(*) as n from claim c
       where (select type from claim_event e where e.claim_id = c.id order by id limit 1) <> 'SUBMITTED'
          or (select to_status from claim_event e where e.claim_id = c.id and to_status is not null order by id desc limit 1) <> c.status`,
    );
    expect(Number(misplaced?.n)).toBe(0);
  });

  it('gives every loaded event its position in the delivery log, in id order, and the next commit continues after them', async () => {
    const [events] = await query<{ unpositioned: string; out_of_order: string; next: string; n: string }>(
      copied.url,
      `
      select count(*) filter (where position is null) as unpositioned, count(*) filter (where position <> id) as out_of_order,
             count(*) as n, (select nextval('claim_event_position_seq')) as next from claim_event`,
    );
    expect(Number(events?.unpositioned)).toBe(0);
    expect(Number(events?.out_of_order)).toBe(0);
    expect(Number(events?.next)).toBe(Number(events?.n) + 1);
  });

  it('leaves the webhook feed after the generated events, so an endpoint created later is fed only what happens next', async () => {
    // The dispatcher fans out the events after webhook_feed.position (apps/api/src/webhooks/webhook-dispatcher.ts).
    for (const { url } of [copied, checked]) {
      const [feed] = await query<{ position: string; unfed: string }>(
        url,
        `select f.position, (select count(*) from claim_event e where e.position > f.position) as unfed from webhook_feed f where f.id = 1`,
      );
      expect(Number(feed?.position)).toBe(copied.report.rows.claim_event);
      expect(Number(feed?.unfed)).toBe(0);
    }
  });

  it("moves the sequences past the data, so the API's next claim, event and invoice follow", async () => {
    const [next] = await query<{ claim: string; event: string; number: string }>(
      copied.url,
      `
      select nextval(pg_get_serial_sequence('claim', 'id')) as claim, nextval(pg_get_serial_sequence('claim_event', 'id')) as event,
             nextval('claim_number_seq') as number`,
    );
    expect(Number(next?.claim)).toBe(CLAIMS + 1);
    expect(Number(next?.number)).toBe(CLAIMS + 1);
    expect(Number(next?.event)).toBe(copied.report.rows.claim_event + 1);
  });

  it("writes in COPY's text format exactly what the demo seed's INSERTs write: texts, arrays, JSON, nulls", async () => {
    const world = { today: TODAY, devices: 3000, customers: 6, serviceCentres: 3, historyDays: 730, passwordHash: 'hash' };
    const inserted = await fresh();
    const client = new pg.Client({ connectionString: inserted });
    await client.connect();
    try {
      await client.query('begin');
      await writeDataSet(client, generateDataSet({ ...world, claims: 300 }));
      await client.query('commit');
      // Inserted events wait for their delivery positions (migration 0013): the API numbers them after commit, as here.
      await client.query('select claim_event_sequence()');
    } finally {
      await client.end();
    }
    const copiedDemo = await fresh();
    await generateLargeDataSet(copiedDemo, { ...world, claims: 300 });
    expect(await digests(copiedDemo)).toEqual(await digests(inserted));
  });

  it('refuses a database that already has data, or lacks the policy versions its assessments reference (R5)', async () => {
    await expect(generateLargeDataSet(copied.url, options)).rejects.toThrow(/not empty/);
    const unregistered = await createTestDatabase();
    databases.push(unregistered);
    await expect(generateLargeDataSet(unregistered.url, options)).rejects.toThrow(/policy_version .* missing/);
  });
});
