import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import pg from 'pg';
import { chromium, type Page } from 'playwright-core';
import { BENCH_ADMIN, openBenchDatabase } from './bench-database.js';
import { benchApiEnv, waitUntilAnswering } from './servers.js';

/**
 * Console bench: how long the claims list takes to show in a real browser
 * (Debian's chromium) on the generated data set (CLAIMS, default a million),
 * for what a user does with it: open it, sort it, filter it by status, search
 * an IMEI, jump deep into it. Each time runs from the user's action to the
 * rows on screen; beside it, the time of the API's answer inside it (the rest
 * is the browser's: loading the console, react-admin, rendering). Median of
 * RUNS, each a fresh load of the page as opening a link is.
 *
 *   npm run bench -- console            (CLAIMS=100000 for a smaller set)
 */
const CLAIMS = Number(process.env['CLAIMS'] ?? 1_000_000);
const RUNS = Number(process.env['RUNS'] ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

const log = createLogger('warn');
const db = await openBenchDatabase({ claims: CLAIMS, log });
const port = await freePort();
const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
  env: { ...process.env, ...benchApiEnv(db.url, port, { console: true }) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});

try {
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(api, `${base}/healthz`, 'the API');
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const {
    rows: [newest],
  } = await sql.query<{ imei: string }>('select d.imei from claim c join device d on d.id = c.device_id order by c.id desc limit 1');
  await sql.end();
  const deepPage = Math.floor(((db.rows['claim'] ?? CLAIMS) * 0.9) / 25);

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The API's share of each step: how long the claims page's /graphql answer took (the status counts beside it are not counted).
  let apiMs = 0;
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/graphql') || !/\bclaims\s*\(/.test(request.postData() ?? '')) return;
    const timing = request.timing();
    apiMs = timing.responseEnd - timing.requestStart;
  });
  await page.goto(base);
  await page.getByLabel('Username').fill(BENCH_ADMIN.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(BENCH_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Claims' }).waitFor();

  const steps: { name: string; hash: string }[] = [
    { name: 'open the claims list (25 newest)', hash: '#/claims' },
    { name: 'sorted by IMEI', hash: `#/claims?${listParams({ sort: 'device.imei', order: 'ASC' })}` },
    { name: 'filtered: INSPECTION, oldest first', hash: `#/claims?${listParams({ sort: 'submittedAt', order: 'ASC', filter: { status: ['INSPECTION'] } })}` },
    { name: `search an IMEI prefix (${newest!.imei.slice(0, 11)}…)`, hash: `#/claims?${listParams({ filter: { q: newest!.imei.slice(0, 11) } })}` },
    { name: `page ${deepPage.toLocaleString('en')} (offset ${(deepPage * 25).toLocaleString('en')})`, hash: `#/claims?${listParams({ page: deepPage })}` },
  ];
  console.log(
    `\nConsole bench: ${db.rows['claim']?.toLocaleString('en')} claims; chromium 1400×900, median of ${RUNS}, from the action to the rows on screen\n`,
  );
  console.log(`${'step'.padEnd(48)} ${'on screen'.padStart(10)} ${'API answer'.padStart(11)}`);
  for (const step of steps) {
    const shown: number[] = [];
    const answered: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh load each time, as opening a link does: nothing in react-admin's cache can answer.
      await page.goto('about:blank');
      shown.push(await timeRows(page, `${base}/${step.hash}`));
      answered.push(apiMs);
    }
    console.log(`${step.name.padEnd(48)} ${`${median(shown).toFixed(0)} ms`.padStart(10)} ${`${median(answered).toFixed(0)} ms`.padStart(11)}`);
  }
} finally {
  await browser.close();
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await db.stop();
}

/** Opens `url` and resolves with the milliseconds until the list's rows are on screen. */
async function timeRows(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page
    .getByTestId('claim-row-number')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      const shot = path.join(root, '.data/console-bench-failure.png');
      await page.screenshot({ path: shot });
      throw new Error(`no claim rows on ${url} within 60 s (screenshot: ${shot})`, { cause: error });
    });
  return performance.now() - started;
}

/** react-admin's list parameters in the URL. */
function listParams(params: { sort?: string; order?: 'ASC' | 'DESC'; page?: number; filter?: Record<string, unknown> }): string {
  return new URLSearchParams({
    filter: JSON.stringify(params.filter ?? {}),
    order: params.order ?? 'DESC',
    page: String(params.page ?? 1),
    perPage: '25',
    sort: params.sort ?? 'submittedAt',
  }).toString();
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
