import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plantedDefects } from '@aftersale/demo-data';
import { startApp } from '@aftersale/api/app';
import { loadConfig } from '@aftersale/api/config';
import { createLogger } from '@aftersale/api/logger';
import pg from 'pg';
import { openBenchDatabase } from './bench-database.js';

/**
 * Analytics benchmark: on the generated data set (1 000 000 claims by
 * default, kept in .data/ between runs), each analytics query of the typical
 * dashboard (12 months of claims, all models) through the real API, against
 * the same question asked in hand-written SQL on the base tables in the same
 * run. Prints p50 and p95 of each, and the ratio API p95 / SQL p95.
 *
 *   npm run bench -- analytics              (CLAIMS=100000 npm run bench -- analytics for a quicker one)
 */
const CLAIMS = Number(process.env['CLAIMS'] ?? 1_000_000);
const SEED = 1;
const TODAY = '2026-11-25';
const API_RUNS = Number(process.env['RUNS'] ?? 50);
const SQL_RUNS = Number(process.env['SQL_RUNS'] ?? 5);
const GOAL_MS = 50;

const log = createLogger('warn');
const db = await openBenchDatabase({ claims: CLAIMS, seed: SEED, today: TODAY, log });
const scratch = await mkdtemp(path.join(tmpdir(), 'aftersale-bench-'));
const config = loadConfig({
  PORT: '0',
  AFTERSALE_DEMO_DATA: 'off',
  AFTERSALE_CONSOLE_DIR: path.join(scratch, 'no-console'),
  LOG_LEVEL: 'warn',
});
// The data set ends on TODAY: the API's "this month" is its last month.
const clock = { today: () => TODAY, now: () => new Date(`${TODAY}T12:00:00Z`) };
const app = await startApp({ config, databaseUrl: db.url, log, clock });
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work(); // warm-up: plans, caches, connections
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

// The dashboard's period: the 12 months ending this month.
const FROM = '2025-12-01';
const TO = '2026-11-30';
// Units received by the end of each month: one pass over the units, then a running sum per model.
const UNITS_IN_FIELD = `select model_id, month, sum(units) over (partition by model_id order by month) from (
    select model_id, date_trunc('month', received_on) as month, count(*) as units from device
     where replaces_device_id is null and received_on < date '${TO}' + 1 group by 1, 2) u`;
const CLAIM_AGES = `select c.model_id, date_trunc('month', d.received_on) as receipt_month,
    (extract(year from age(date_trunc('month', c.submitted_on), date_trunc('month', d.received_on))) * 12
     + extract(month from age(date_trunc('month', c.submitted_on), date_trunc('month', d.received_on))))::int as months_in_service, count(*)
  from claim c join device d on d.id = c.device_id where c.submitted_on <= '${TO}' group by 1, 2, 3`;
const UNITS_BY_RECEIPT = `select model_id, date_trunc('month', received_on), count(*) from device
  where replaces_device_id is null and received_on is not null group by 1, 2`;

/** Each question: the API's query and the hand-written SQL over the base tables that answers it. */
const questions: { name: string; graphql: string; sql: string[] }[] = [
  {
    name: 'claimRates',
    graphql: '{ claimRates { modelId month claims unitsInField ratePer1000 } }',
    sql: [
      `select model_id, date_trunc('month', submitted_on), count(*) from claim where submitted_on between '${FROM}' and '${TO}' group by 1, 2`,
      UNITS_IN_FIELD,
    ],
  },
  {
    name: 'claimRatesByMonthsInService',
    graphql: '{ claimRatesByMonthsInService { modelId monthsInService claims unitsExposed ratePer1000 } }',
    sql: [CLAIM_AGES.replace(`c.submitted_on <= '${TO}'`, `c.submitted_on between '${FROM}' and '${TO}'`), UNITS_BY_RECEIPT],
  },
  {
    name: 'failureModes',
    graphql: '{ failureModes { findings { code count cumulativeShare } partCategories { code count cumulativeShare } } }',
    sql: [
      `select f, count(*) from assessment a join claim c on c.id = a.claim_id cross join unnest(a.findings) f where c.submitted_on between '${FROM}' and '${TO}' group by 1`,
      `select l.category, count(*) from claim_line l join claim c on c.id = l.claim_id where c.submitted_on between '${FROM}' and '${TO}' group by 1`,
    ],
  },
  {
    name: 'warrantyCost',
    graphql: '{ warrantyCost { modelId month warrantyCost paidRevenue unitsInField costPerUnit } }',
    sql: [
      `select c.model_id, date_trunc('month', c.submitted_on), sum(l.material_cost) from claim_line l join claim c on c.id = l.claim_id
        where l.covered and c.submitted_on between '${FROM}' and '${TO}' group by 1, 2`,
      `select c.model_id, date_trunc('month', c.submitted_on), sum(i.total) from invoice i join claim c on c.id = i.claim_id
        where i.status in ('ISSUED', 'PAID') and c.submitted_on between '${FROM}' and '${TO}' group by 1, 2`,
      UNITS_IN_FIELD,
    ],
  },
  {
    name: 'decisionMix',
    graphql: '{ decisionMix { month decision claims } }',
    sql: [
      `select date_trunc('month', submitted_on), decision, count(*) from claim where decision is not null and submitted_on between '${FROM}' and '${TO}' group by 1, 2`,
    ],
  },
  {
    name: 'turnaround',
    graphql: '{ turnaround { serviceCentreId month shippedBack medianDays p90Days } }',
    sql: [
      `select c.service_centre_id, date_trunc('month', c.submitted_on), count(*),
              percentile_disc(0.5) within group (order by s.shipped_on - c.submitted_on),
              percentile_disc(0.9) within group (order by s.shipped_on - c.submitted_on)
         from shipment s join claim c on c.id = s.claim_id
        where s.direction = 'OUTBOUND' and c.submitted_on between '${FROM}' and '${TO}' group by grouping sets ((1), (1, 2))`,
    ],
  },
  {
    name: 'nevadaChart',
    graphql: '{ nevadaChart { claimMonths rows { receiptMonth units cells { claimMonth claims ratePer1000 } } } }',
    sql: [
      `select date_trunc('month', d.received_on), date_trunc('month', c.submitted_on), count(*) from claim c join device d on d.id = c.device_id
        where c.submitted_on between '${FROM}' and '${TO}' group by 1, 2`,
      `select date_trunc('month', received_on), count(*) from device where replaces_device_id is null and received_on is not null group by 1`,
    ],
  },
  {
    name: 'reliabilityForecast',
    graphql:
      '{ reliabilityForecast { modelId shape scale b10 b10Band { lower upper } curve { months observed fitted lower upper } expected { month claims } } }',
    sql: [CLAIM_AGES, UNITS_BY_RECEIPT],
  },
  {
    name: 'earlyWarnings',
    graphql: '{ earlyWarnings { cohortsTested threshold flags { modelName receiptMonth units observed expected ratio pValue } } }',
    sql: [CLAIM_AGES, UNITS_BY_RECEIPT],
  },
];

try {
  const base = `http://127.0.0.1:${app.port}/graphql`;
  const call = async <Data = unknown>(query: string, token?: string) => {
    const response = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
  const login = await call<{ login: { token: string } }>('mutation { login(email: "analyst@aftersale.test", password: "aftersale-demo") { token } }');
  const token = login.login.token;

  const claims = Number((await sql.query<{ count: string }>('select count(*) from claim')).rows[0]!.count);
  console.log(
    `\nAnalytics on ${claims.toLocaleString('en')} claims: ${API_RUNS} requests per query through the API, ${SQL_RUNS} runs of the hand-written SQL on the base tables\n`,
  );
  console.log('query                         API p50   API p95   SQL p50   SQL p95   API/SQL (p95)');
  const results: { name: string; api: number; sql: number }[] = [];
  for (const question of questions) {
    const api = await timed(API_RUNS, () => call(question.graphql, token));
    const raw = await timed(SQL_RUNS, async () => {
      for (const statement of question.sql) await sql.query(statement);
    });
    results.push({ name: question.name, api: api.p95, sql: raw.p95 });
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
    console.log(`${question.name.padEnd(28)}${ms(api.p50)} ${ms(api.p95)} ${ms(raw.p50)} ${ms(raw.p95)}   ${(api.p95 / raw.p95).toFixed(3)}`);
  }
  const worst = Math.max(...results.map((result) => result.api));
  console.log(`\nslowest API p95: ${worst.toFixed(1)} ms (goal ≤ ${GOAL_MS} ms): ${worst <= GOAL_MS ? 'met' : 'NOT met'}`);

  // The planted bad batch must be what the early warning finds.
  const flags = (
    await call<{ earlyWarnings: { flags: unknown[] } }>('{ earlyWarnings { flags { modelName receiptMonth observed expected ratio pValue } } }', token)
  ).earlyWarnings.flags;
  const models = new Map((await sql.query<{ code: string; name: string }>('select code, name from product_model')).rows.map((row) => [row.code, row.name]));
  console.log(
    `planted: ${JSON.stringify(plantedDefects(SEED, TODAY).map((d) => ({ model: models.get(d.modelCode), receivedMonth: d.receivedMonth, factor: d.factor })))}`,
  );
  console.log(`flagged: ${JSON.stringify(flags)}`);
} finally {
  await sql.end();
  await app.close();
  await db.stop();
  await rm(scratch, { recursive: true, force: true });
}
