import 'reflect-metadata';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { completeImei } from '@aftersale/domain';
import { startApp } from '@aftersale/api/app';
import { loadConfig } from '@aftersale/api/config';
import { freePort, startEmbeddedPostgres } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import pg from 'pg';

/**
 * Device import benchmark: 100 000 units of one order through the real
 * server's streamed CSV import, against a baseline measured in the same run:
 * the same rows inserted by raw SQL with no parsing and no validation.
 * Prints rows/s, peak memory while importing, and the ratio to the baseline.
 *
 *   npm run bench -- import     (UNITS=20000 npm run bench -- import for a quick run)
 */
const UNITS = Number(process.env['UNITS'] ?? 100_000);
const ADMIN = { email: 'bench@aftersale.test', password: 'bench-password' };

const imeiOf = (prefix: number, n: number) => completeImei(`${prefix}${String(n).padStart(12, '0')}`);
const barcodeOf = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;

/** Writes the CSV a customer would send, without holding it in memory. */
async function writeCsv(file: string, units: number, badAt?: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('imei,barcode,receivedOn\n');
  for (let n = 1; n <= units; n++) {
    const imei = n === badAt ? '123456789012345' : imeiOf(35, n);
    await write(`${imei},${barcodeOf('BN', n)},${n % 10 === 0 ? '2026-01-10' : ''}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Samples this process's memory while `work` runs; returns its time and the peaks above the level before. */
async function measured<T>(work: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      rssMb: (peak.rss - before.rss) / 2 ** 20,
      heapMb: (peak.heapUsed - before.heapUsed) / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'aftersale-bench-'));
const log = createLogger('warn');
const embedded = await startEmbeddedPostgres(dir, await freePort(), log);
const config = loadConfig({
  PORT: '0',
  AFTERSALE_ADMIN_EMAIL: ADMIN.email,
  AFTERSALE_ADMIN_PASSWORD: ADMIN.password,
  AFTERSALE_DEMO_DATA: 'off',
  AFTERSALE_CONSOLE_DIR: path.join(dir, 'no-console'),
  LOG_LEVEL: 'warn',
});
const app = await startApp({ config, databaseUrl: embedded.url, log });
const sql = new pg.Client({ connectionString: embedded.url });
await sql.connect();
try {
  const base = `http://127.0.0.1:${app.port}`;
  const customerId = (await sql.query<{ id: number }>(`insert into customer (code, name, country) values ('BENCH', 'Bench Ltd', 'DE') returning id`)).rows[0]!
    .id;
  const modelId = (
    await sql.query<{ id: number }>(
      `insert into product_model (code, name, kind, barcode_pattern) values ('BN-1', 'Bench One', 'PHONE', 'BN[0-9]{8}') returning id`,
    )
  ).rows[0]!.id;
  const order = async (number: string) =>
    (
      await sql.query<{ id: number }>(
        `insert into sales_order (number, customer_id, model_id, quantity, shipped_on, received_on) values ($1, $2, $3, $4, '2026-01-02', '2026-01-09') returning id`,
        [number, customerId, modelId, UNITS],
      )
    ).rows[0]!.id;
  const [importOrder, baselineOrder] = [await order('BENCH-IMPORT'), await order('BENCH-RAW')];

  const login = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: ADMIN.email, p: ADMIN.password },
    }),
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

  const good = path.join(dir, 'units.csv');
  const bad = path.join(dir, 'units-one-bad-row.csv');
  await writeCsv(good, UNITS);
  await writeCsv(bad, UNITS, UNITS - 1);
  const megabytes = (await stat(good)).size / 2 ** 20;

  const upload = (file: string) =>
    measured(async () => {
      const response = await fetch(`${base}/api/orders/${importOrder}/devices/import?fileName=${path.basename(file)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: 'half',
      });
      return { status: response.status, body: (await response.json()) as { imported: number; problems: unknown[] } };
    });

  const refused = await upload(bad);
  const afterRefusal = Number((await sql.query<{ count: string }>('select count(*) from device where order_id = $1', [importOrder])).rows[0]!.count);
  const imported = await upload(good);
  if (refused.result.status !== 400 || afterRefusal !== 0 || imported.result.body.imported !== UNITS) {
    throw new Error(
      `unexpected results: refused ${refused.result.status} (${afterRefusal} rows left behind), imported ${JSON.stringify(imported.result.body).slice(0, 300)}`,
    );
  }

  // Baseline: the same number of rows, inserted by raw SQL in batches of 5000 with no parsing or checks.
  const raw = await measured(async () => {
    await sql.query('begin');
    for (let from = 1; from <= UNITS; from += 5000) {
      const rows = Array.from({ length: Math.min(5000, UNITS - from + 1) }, (_, i) => ({ imei: imeiOf(86, from + i), barcode: barcodeOf('BN9', from + i) }));
      await sql.query(
        `insert into device (imei, barcode, order_id, model_id, customer_id) select imei, barcode, $2, $3, $4 from json_to_recordset($1::json) as r(imei text, barcode text)`,
        [JSON.stringify(rows), baselineOrder, modelId, customerId],
      );
    }
    await sql.query('commit');
  });

  const row = (name: string, m: { seconds: number; rssMb: number; heapMb: number }, ratio: string) =>
    `${name.padEnd(34)} ${m.seconds.toFixed(2).padStart(7)} s ${Math.round(UNITS / m.seconds)
      .toLocaleString('en')
      .padStart(10)} rows/s ${m.heapMb.toFixed(0).padStart(6)} MB heap ${m.rssMb.toFixed(0).padStart(6)} MB rss   ${ratio}`;
  console.log(`\nDevice import: ${UNITS.toLocaleString('en')} units, a ${megabytes.toFixed(1)} MB CSV, one order (goal: ≤ 10 s)\n`);
  console.log(row('raw SQL insert (baseline)', raw, '1.00×'));
  console.log(row('import, file with 1 bad row', refused, `${(refused.seconds / raw.seconds).toFixed(2)}× (refused, nothing written)`));
  console.log(row('import, good file', imported, `${(imported.seconds / raw.seconds).toFixed(2)}×`));
  console.log('\nPeaks are above the level before each run, in the one process serving HTTP and holding the pool.');
  console.log(
    imported.seconds <= 10 ? `\nWithin the goal: ${imported.seconds.toFixed(1)} s ≤ 10 s.` : `\nOVER the goal: ${imported.seconds.toFixed(1)} s > 10 s.`,
  );
} finally {
  await sql.end();
  await app.close();
  await embedded.stop();
  await rm(dir, { recursive: true, force: true });
}
