import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { loadavg } from 'node:os';
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
 * run. The API is timed twice: asked again with nothing written in between
 * (the answer cached under the rollups' version), and right after a write
 * (the version bumped before each request, so every answer is computed from
 * the rollups). The SQL's distinct statements run `SQL_RUNS` times each; a
 * question's SQL time is the sum of its statements' medians.
 *
 *   npm run bench -- analytics              (CLAIMS=100000 npm run bench -- analytics for a quicker one)
 */
const CLAIMS = Number(process.env['CLAIMS'] ?? 1_000_000);
const SEED = 1;
const TODAY = '2026-11-25';
const API_RUNS = Number(process.env['RUNS'] ?? 50);
const AFTER_WRITE_RUNS = Number(process.env['WRITE_RUNS'] ?? 20);
const SQL_RUNS = Number(process.env['SQL_RUNS'] ?? 3);
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** p50 and p95 of `runs` timed calls of `work`, after one untimed; `before` runs untimed ahead of each. */
interface Timing {
  p50: number;
  p95: number;
  /** This process's CPU time per request (the API and the HTTP client): machine load stretches it far less than wall time. */
  cpu: number;
}

async function timed(runs: number, work: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<Timing> {
  await before?.();
  await work(); // warm-up: plans, caches, connections
  const times: number[] = [];
  let cpu = 0;
  for (let run = 0; run < runs; run++) {
    await before?.();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await work();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu += (used.user + used.system) / 1000;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), cpu: cpu / runs };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

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
    `\nAnalytics on ${claims.toLocaleString('en')} claims, load average ${load()} (1, 5, 15 min) at the start.` +
      `\nThrough the API: ${API_RUNS} requests per query with nothing written in between (cached), ${AFTER_WRITE_RUNS} right after a write (computed);` +
      `\nhand-written SQL on the base tables: each distinct statement ${SQL_RUNS} times, a question is the sum of its statements' medians.\n`,
  );
  // A write that changes a rollup bumps its version: the next answer is computed again.
  const write = () => sql.query('select analytics_bump_version()');
  const api = new Map<string, { cached: Timing; computed: Timing }>();
  for (const question of questions) {
    const ask = () => call(question.graphql, token);
    api.set(question.name, { cached: await timed(API_RUNS, ask), computed: await timed(AFTER_WRITE_RUNS, ask, write) });
  }
  const statementTimes = new Map<string, number[]>();
  for (let run = 0; run < SQL_RUNS; run++) {
    for (const statement of new Set(questions.flatMap((question) => question.sql))) {
      const started = performance.now();
      await sql.query(statement);
      statementTimes.set(statement, [...(statementTimes.get(statement) ?? []), performance.now() - started]);
    }
  }

  const ms = (value: number) => `${value.toFixed(1)}`.padStart(8);
  const verdict = (p95: number) => (p95 <= GOAL_MS ? 'yes' : 'NO').padStart(6);
  console.log('                              ---- cached ---------------------   ---- after a write --------------   hand SQL   API/SQL');
  console.log('query                           p50 ms   p95 ms  ≤50?   CPU ms     p50 ms   p95 ms  ≤50?   CPU ms     p50 ms   (p95, after a write)');
  for (const question of questions) {
    const { cached, computed } = api.get(question.name)!;
    const raw = question.sql.reduce((sum, statement) => sum + median(statementTimes.get(statement)!), 0);
    console.log(
      `${question.name.padEnd(28)}${ms(cached.p50)} ${ms(cached.p95)}${verdict(cached.p95)} ${ms(cached.cpu)}   ${ms(computed.p50)} ${ms(computed.p95)}${verdict(computed.p95)} ${ms(computed.cpu)}   ${ms(raw)}   ${(computed.p95 / raw).toFixed(4)}`,
    );
  }
  const worst = (pick: 'cached' | 'computed') => Math.max(...[...api.values()].map((result) => result[pick].p95));
  console.log(
    `\nslowest API p95: ${worst('cached').toFixed(1)} ms cached, ${worst('computed').toFixed(1)} ms after a write (goal ≤ ${GOAL_MS} ms): ` +
      `${Math.max(worst('cached'), worst('computed')) <= GOAL_MS ? 'met' : 'NOT met'}; load average ${load()} at the end`,
  );

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
