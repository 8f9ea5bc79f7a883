import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import pg from 'pg';
import { BENCH_ADMIN as ADMIN, openBenchDatabase } from './bench-database.js';
import { benchApiEnv, waitUntilAnswering } from './servers.js';

/**
 * Read bench: the generated data set (CLAIMS, default a million), served in
 * one run by three processes on the same database — hand-written SQL through
 * `pg` as JSON over HTTP (the limit), PostGraphile 5 with the amber preset
 * (the peer), and the API — each loaded by autocannon (127.0.0.1, 10
 * connections) in ROUNDS of SECONDS, the order turning each round.
 * Prints requests/s, the ratio to the SQL, and the
 * SQL statements per request (pg_stat_statements), then a deep page by offset
 * and by cursor, and claim transitions against the same statements in SQL.
 *
 *   npm run bench -- read              (CLAIMS=100000 SECONDS=3 for a quicker run)
 */
const CLAIMS = Number(process.env['CLAIMS'] ?? 1_000_000);
const SECONDS = Number(process.env['SECONDS'] ?? 5);
/** Rounds of each request (and of the transitions), the order of the servers turning each round. */
const ROUNDS = 3;
/** Only the requests whose name contains this (e.g. `ONLY=claim,transition`: any of a comma-separated list). */
const ONLY = process.env['ONLY']
  ?.split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const wanted = (name: string) => !ONLY || ONLY.some((part) => name.toLowerCase().includes(part));
/** PROFILE=1: the API runs under `node --cpu-prof`, its profile written into .data/profiles/ when the bench ends. */
const PROFILE = process.env['PROFILE'] === '1';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

const log = createLogger('warn');
const db = await openBenchDatabase({ claims: CLAIMS, log });
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
const children: ChildProcess[] = [];
const stopChildren = () => children.forEach((child) => child.kill('SIGTERM'));
process.once('exit', stopChildren);

const pids = new Map<string, number>();
/** CPU time (user + system, ms) a server process has used so far, from /proc (Linux). */
function cpuMsOf(name: string): number {
  const fields = readFileSync(`/proc/${pids.get(name)}/stat`, 'utf8')
    .split(') ')[1]!
    .split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts a server in its own process and waits until its port answers. */
async function serve(name: string, args: string[], port: number, env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  pids.set(name, child.pid!);
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(child, base, name);
  return base;
}

try {
  const [sqlPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const sqlBase = await serve('SQL', [path.join(here, 'read-sql-server.js'), db.url, String(sqlPort)], sqlPort);
  const peerBase = await serve(
    'PostGraphile',
    [
      path.join(root, 'node_modules/postgraphile/dist/cli-run.js'),
      '-P',
      'postgraphile/presets/amber',
      '-c',
      db.url,
      '-s',
      'public',
      '-p',
      String(peerPort),
      '-n',
      '127.0.0.1',
    ],
    peerPort,
  );
  const profiling = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.data/profiles')}`] : [];
  const apiBase = await serve('API', [...profiling, path.join(root, 'apps/api/dist/main.js')], apiPort, {
    // As in production; PostGraphile runs in its production mode too.
    ...benchApiEnv(db.url, apiPort),
    // One caller asks as fast as it can here: its cost budget (the per-caller throttle the load bench exercises) must not cap the rate.
    AFTERSALE_COST_BUDGET: String(1e12),
    AFTERSALE_COST_RESTORE_RATE: String(1e12),
  });
  const login = await graphql(apiBase, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: ADMIN.email,
    p: ADMIN.password,
  });
  const token = (login as { login: { token: string } }).login.token;

  // What the requests ask for: claims to open, a queue status, an IMEI prefix, claims to move on.
  const detailIds = (await sql.query<{ id: number }>('select id from claim tablesample system (1) limit 1000')).rows.map((r) => r.id);
  const queueStatus = 'INSPECTION';
  const {
    rows: [sample],
  } = await sql.query<{ imei: string }>('select d.imei from claim c join device d on d.id = c.device_id order by c.id desc limit 1');
  const imeiPrefix = sample!.imei.slice(0, 11);
  // Claims to cancel: the ones earlier runs cancelled (their CANCEL noted "bench") are put back first, so the data set
  // does not run out of claims awaiting their unit after a few runs.
  await sql.query(`with undone as (delete from claim_event e where type = 'CANCEL' and data->>'note' = 'bench'
      and not exists (select 1 from webhook_delivery w where w.claim_event_id = e.id) returning claim_id)
    update claim set status = 'AWAITING_UNIT', version = version + 1 where id in (select claim_id from undone) and status = 'CANCELLED'`);
  const awaitingUnit = (await sql.query<{ id: number; version: number }>(`select id, version from claim where status = 'AWAITING_UNIT' order by id`)).rows;

  // The statements the servers run while nobody asks anything (over 3 s): polling, not requests.
  await sql.query('select pg_stat_statements_reset()');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const background = (
    await sql.query<{ queryid: string }>(
      `select queryid::text from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'`,
    )
  ).rows.map((r) => r.queryid);

  const LIST_ITEM = 'id number status submittedOn device { id imei } model { id name } customer { id name }';
  const PEER_ITEM = 'rowId number status submittedOn deviceByDeviceId { rowId imei } productModelByModelId { rowId name } customerByCustomerId { rowId name }';
  const EVENT = 'id type fromStatus toStatus actor at';
  const PEER_EVENT = 'rowId type fromStatus toStatus actorLabel createdAt';
  const at = (list: number[], i: number) => list[i % list.length]!;

  interface Contender {
    name: string;
    base: string;
    /** A request for the n-th call: path (GET) or GraphQL body (POST). */
    request(n: number): { path?: string; query?: string; variables?: Record<string, unknown> };
  }
  const sqlContender = (route: (n: number) => string): Contender => ({ name: 'SQL', base: sqlBase, request: (n) => ({ path: route(n) }) });
  const peer = (query: string, variables: (n: number) => Record<string, unknown> = () => ({})): Contender => ({
    name: 'PostGraphile',
    base: peerBase,
    request: (n) => ({ query, variables: variables(n) }),
  });
  const api = (query: string, variables: (n: number) => Record<string, unknown> = () => ({})): Contender => ({
    name: 'API',
    base: apiBase,
    request: (n) => ({ query, variables: variables(n) }),
  });

  const scenarios: { name: string; contenders: Contender[] }[] = [
    {
      name: '100 newest claims, unit, model, customer',
      contenders: [
        sqlContender(() => '/claims'),
        peer(`{ allClaims(first: 100, orderBy: PRIMARY_KEY_DESC) { nodes { ${PEER_ITEM} } } }`),
        api(`{ claims(limit: 100) { items { ${LIST_ITEM} } } }`),
      ],
    },
    {
      name: 'the same with the total',
      contenders: [
        sqlContender(() => '/claims?total=1'),
        peer(`{ allClaims(first: 100, orderBy: PRIMARY_KEY_DESC) { totalCount nodes { ${PEER_ITEM} } } }`),
        api(`{ claims(limit: 100) { total items { ${LIST_ITEM} } } }`),
      ],
    },
    {
      name: 'one claim with unit, model, customer, events',
      contenders: [
        sqlContender((n) => `/claim?id=${at(detailIds, n)}`),
        peer(
          `query ($id: Int!) { claimByRowId(rowId: $id) { ${PEER_ITEM} claimEventsByClaimId(orderBy: PRIMARY_KEY_ASC) { nodes { ${PEER_EVENT} } } } }`,
          (n) => ({ id: at(detailIds, n) }),
        ),
        api(`query ($id: ID!) { claim(id: $id) { ${LIST_ITEM} events { ${EVENT} } } }`, (n) => ({ id: String(at(detailIds, n)) })),
      ],
    },
    {
      name: `work queue: ${queueStatus}, oldest first, 25 + total`,
      contenders: [
        sqlContender(() => `/queue?status=${queueStatus}`),
        peer(
          `{ allClaims(first: 25, condition: { status: "${queueStatus}" }, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { ${PEER_ITEM} } } }`,
        ),
        api(`{ claims(limit: 25, filter: { status: [${queueStatus}] }, sort: { field: SUBMITTED_AT, direction: ASC }) { total items { ${LIST_ITEM} } } }`),
      ],
    },
    {
      name: `IMEI prefix search (${imeiPrefix}…), 25`,
      contenders: [
        sqlContender(() => `/imei?q=${imeiPrefix}`),
        // The amber preset filters by equality only: PostGraphile has no prefix search without a plugin.
        api(`{ claims(limit: 25, filter: { q: "${imeiPrefix}" }) { items { ${LIST_ITEM} } } }`),
      ],
    },
  ];

  console.log(
    `\nRead bench: ${db.rows['claim']?.toLocaleString('en')} claims, ${db.rows['device']?.toLocaleString('en')} units, ${db.rows['claim_event']?.toLocaleString('en')} events; autocannon, 10 connections, ${ROUNDS} rounds of ${SECONDS} s each\n`,
  );
  console.log(
    `${'request'.padEnd(46)} ${'SQL (limit)'.padStart(14)} ${'PostGraphile'.padStart(22)} ${'API'.padStart(22)}   statements/request (SQL · PostGraphile · API)`,
  );
  for (const scenario of scenarios.filter((s) => wanted(s.name))) {
    const results = new Map<string, { rps: number; statements: number; cpu: number }>();
    const byName = new Map(scenario.contenders.map((c) => [c.name, c]));
    const { totals, rounds } = await inRounds([...byName.keys()], (name) => loadCounting(byName.get(name)!));
    for (const contender of scenario.contenders) {
      const total = totals.get(contender.name)!;
      const statements = await statementsPerRequest(contender, 20);
      results.set(contender.name, { rps: total.requests / total.seconds, statements, cpu: total.cpu / total.requests });
    }
    const limit = results.get('SQL')!.rps;
    const cell = (name: string) => {
      const r = results.get(name);
      return r ? `${r.rps.toFixed(0)} rps (${(r.rps / limit).toFixed(2)}×)` : 'n/a';
    };
    const counts = ['SQL', 'PostGraphile', 'API'].map((n) => (results.has(n) ? results.get(n)!.statements.toFixed(1) : '–')).join(' · ');
    console.log(
      `${scenario.name.padEnd(46)} ${`${limit.toFixed(0)} rps`.padStart(14)} ${cell('PostGraphile').padStart(22)} ${cell('API').padStart(22)}   ${counts}`,
    );
    const cpu = (name: string) => (results.has(name) ? `${results.get(name)!.cpu.toFixed(2)} ms CPU` : '');
    console.log(`${''.padEnd(46)} ${cpu('SQL').padStart(14)} ${cpu('PostGraphile').padStart(22)} ${cpu('API').padStart(22)}   (rounds: ${rounds.join(', ')})`);
  }

  // Transitions: CANCEL on claims awaiting their unit, half through the API, half as the same statements in SQL,
  // in ROUNDS of `moves` each; COUNTED more of each half, one after another, for the statements per transition.
  const COUNTED = 20;
  const half = Math.floor(awaitingUnit.length / 2);
  const moves = Math.min(Math.floor((half - COUNTED) / ROUNDS), 2000);
  if (!wanted('claim transition (writes/s)')) {
    // Not asked for (ONLY).
  } else if (moves >= 100) {
    const bySql = awaitingUnit.slice(0, ROUNDS * moves + COUNTED);
    const byApi = awaitingUnit.slice(half, half + ROUNDS * moves + COUNTED);
    const sqlMove = (from: number) => sqlContender((n) => `/transition?id=${bySql[from + n]!.id}&version=${bySql[from + n]!.version}`);
    const apiMove = (from: number) =>
      api('mutation ($id: ID!, $v: Int!) { cancelClaim(input: { id: $id, version: $v, note: "bench" }) { id version status } }', (n) => ({
        id: String(byApi[from + n]!.id),
        v: byApi[from + n]!.version,
      }));
    const { totals, rounds } = await inRounds(['SQL', 'API'], (name, round) =>
      loadCounting(name === 'SQL' ? sqlMove(round * moves) : apiMove(round * moves), moves),
    );
    const spent = { SQL: totals.get('SQL')!, API: totals.get('API')! };
    const sqlMoves = spent.SQL.requests / spent.SQL.seconds;
    const apiMoves = spent.API.requests / spent.API.seconds;
    const counts = [await statementsPerRequest(sqlMove(ROUNDS * moves), COUNTED), await statementsPerRequest(apiMove(ROUNDS * moves), COUNTED)];
    console.log(
      `${'claim transition (writes/s)'.padEnd(46)} ${`${sqlMoves.toFixed(0)} /s`.padStart(14)} ${'n/a'.padStart(22)} ${`${apiMoves.toFixed(0)} /s (${(apiMoves / sqlMoves).toFixed(2)}×)`.padStart(22)}   ${counts[0]!.toFixed(1)} · – · ${counts[1]!.toFixed(1)}`,
    );
    console.log(
      `${''.padEnd(46)} ${`${(spent.SQL.cpu / (ROUNDS * moves)).toFixed(2)} ms CPU`.padStart(14)} ${''.padStart(22)} ${`${(spent.API.cpu / (ROUNDS * moves)).toFixed(2)} ms CPU`.padStart(22)}   (the server process's, per transition; ${ROUNDS} rounds of ${moves}: ${rounds.join(', ')})`,
    );
  } else {
    console.log(`claim transitions: only ${awaitingUnit.length} claims awaiting their unit left, skipped (regenerate the data set)`);
  }

  if (wanted('deep page')) {
    // A deep page: by offset (what the console's pages do) and by cursor (claimsConnection), against the first page.
    const deep = Math.floor((db.rows['claim'] ?? CLAIMS) * 0.9);
    const {
      rows: [anchor],
    } = await sql.query<{ id: number }>('select id from claim order by id desc offset $1 limit 1', [deep - 1]);
    // The connection's cursor for the default order (newest first) is the last id seen (platform/pagination.ts's format).
    const after = Buffer.from(JSON.stringify([String(anchor!.id), anchor!.id])).toString('base64url');
    const single = async (query: string, variables: Record<string, unknown> = {}) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await graphql(apiBase, query, variables, token);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const first = await single(`{ claimsConnection(first: 25) { edges { cursor node { ${LIST_ITEM} } } } }`);
    const byCursor = await single(`query ($after: String) { claimsConnection(first: 25, after: $after) { edges { cursor node { ${LIST_ITEM} } } } }`, {
      after,
    });
    const byOffset = await single(`query ($offset: Int!) { claims(limit: 25, offset: $offset) { items { ${LIST_ITEM} } } }`, { offset: deep });
    console.log(
      `\nA page of 25 at position ${deep.toLocaleString('en')} (API, median of 5): first page ${first.toFixed(1)} ms, by cursor ${byCursor.toFixed(1)} ms, by offset ${byOffset.toFixed(1)} ms`,
    );
  }

  /**
   * Loads each server ROUNDS times, the order turning each round (the
   * machine's speed drifts within a minute, and whichever runs first after
   * another server meets a colder cache). Per server: all the rounds'
   * requests, their seconds and the server process's CPU milliseconds (a
   * figure the machine's load disturbs less than the rate); per round: each
   * other server's rate over the first's.
   */
  async function inRounds(names: string[], loadOne: (name: string, round: number) => Promise<{ rps: number; requests: number }>) {
    const totals = new Map(names.map((name) => [name, { requests: 0, seconds: 0, cpu: 0 }]));
    const rounds: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const rates = new Map<string, number>();
      for (let i = 0; i < names.length; i += 1) {
        const name = names[(i + round) % names.length]!;
        const total = totals.get(name)!;
        const before = cpuMsOf(name);
        const { rps, requests } = await loadOne(name, round);
        total.cpu += cpuMsOf(name) - before;
        total.requests += requests;
        total.seconds += requests / rps;
        rates.set(name, rps);
      }
      rounds.push(
        names
          .slice(1)
          .map((name) => `${(rates.get(name)! / rates.get(names[0]!)!).toFixed(2)}×`)
          .join('/'),
      );
    }
    return { totals, rounds };
  }

  /** Requests/s and how many requests were answered. */
  async function loadCounting(contender: Contender, amount?: number): Promise<{ rps: number; requests: number }> {
    let n = 0;
    const started = performance.now();
    let answered = started;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: contender.base,
          connections: 10,
          ...(amount ? { amount } : { duration: SECONDS }),
          requests: [{ setupRequest: (req) => ({ ...req, ...httpOf(contender, n++) }) as autocannon.Request }],
        },
        (error: unknown, done) => (error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(done)),
      );
      instance.on('response', () => (answered = performance.now()));
    });
    // Figures of refused requests would be meaningless: stop instead.
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${contender.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    // A fixed amount of requests is over at its last answer. autocannon notices on its next one-second tick: its
    // per-second average and its duration both count whole seconds (2000 transitions in 4.1 s or in 4.9 s both read
    // 400/s). The rate is the total over the time to the last answer.
    const rps = amount ? result.requests.total / ((answered - started) / 1000) : result.requests.average;
    return { rps, requests: result.requests.total };
  }

  /**
   * SQL statements (pg_stat_statements) per request, over `n` requests one
   * after another. What the API runs on its own meanwhile (the webhook
   * dispatcher's and the event feed's polling) is not a request's: the
   * statements seen while nobody asked anything are left out.
   */
  async function statementsPerRequest(contender: Contender, n: number): Promise<number> {
    // Requests still in flight from the previous load run finish first.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await sql.query('select pg_stat_statements_reset()');
    for (let i = 0; i < n; i++) {
      const { method, path: url, headers, body } = httpOf(contender, i);
      const res = await fetch(`${contender.base}${url}`, { method, headers, body });
      await res.text();
    }
    const { rows } = await sql.query<{ calls: string }>(
      `select coalesce(sum(calls), 0) as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%' and not (queryid = any($1::bigint[]))`,
      [background],
    );
    return Number(rows[0]!.calls) / n;
  }

  function httpOf(contender: Contender, n: number) {
    const request = contender.request(n);
    if (request.path) return { method: 'GET', path: request.path, headers: {}, body: undefined };
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(contender.name === 'API' && { authorization: `Bearer ${token}` }) };
    return { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query: request.query, variables: request.variables }) };
  }
} finally {
  // Each server ends before its database does (a profiled API writes its profile as it exits).
  await Promise.all(
    children
      .filter((child) => child.exitCode === null)
      .map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(resolve, 20_000).unref();
          }),
      ),
  );
  await sql.end();
  await db.stop();
}

async function graphql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<unknown> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}
