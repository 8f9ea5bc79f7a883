import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ApproveQuoteDocument,
  ClaimDocument,
  ClaimEventsDocument,
  ClaimInspectionPartsDocument,
  ClaimsDocument,
  ClaimServiceCentresDocument,
  CloseClaimDocument,
  CompleteRepairDocument,
  CreateApiKeyDocument,
  CreateUserDocument,
  DashboardWorkQueueDocument,
  DevicesDocument,
  IntegratorSubmitClaimDocument,
  LoginDocument,
  ReceiveUnitDocument,
  RecordAssessmentDocument,
  RecordMaintenanceAgreementDocument,
  RequestUnitDocument,
  RevokeApiKeyDocument,
  ShipClaimDocument,
  StartInspectionDocument,
  SubmitClaimDocument,
  type ClaimFilter,
  type ClaimQuery,
  type ClaimSortField,
  type ClaimStatus,
  type Finding,
  type Role,
  type TypedDocumentNode,
  UsersDocument,
} from '@aftersale/graphql';
import { freePort } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import { operationCost, QUERY_LIMITS } from '@aftersale/api/query-limits';
import { buildSchema, type DocumentNode, Kind, parse, print } from 'graphql';
import pg from 'pg';
import { BENCH_ADMIN as ADMIN, openBenchDatabase } from './bench-database.js';
import { benchApiEnv } from './servers.js';

/**
 * Load bench: the API on the generated data set, loaded by CLIENTS clients at
 * once for SECONDS (loopback, bounded in time and in requests), each looping
 * what the console sends for its role — claims list pages with filters and
 * sorts, claim pages, the work queue, IMEI prefix searches, claim submissions
 * and the claim steps of §4 with their versions — and integrators' API keys
 * filing claims and polling their updates. Phase 1 is that load; phase 2 the
 * same plus one client sending, again and again, the most expensive query the
 * cost limits allow. Prints per operation requests, rps, p50/p95/p99 and
 * errors by kind, then the others' p99 in phase 2 against phase 1.
 *
 *   npm run bench -- load [--claims 100000] [--seconds 60] [--clients 200] [--think-ms 5000] [--profile DIR]
 */
const { values: options } = parseArgs({
  args: process.argv.slice(3),
  options: {
    claims: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '200' },
    'think-ms': { type: 'string', default: '5000' },
    /** Writes the API process's CPU profile (node --cpu-prof) into this folder. */
    profile: { type: 'string' },
  },
});
const CLAIMS = Number(options.claims);
const SECONDS = Number(options.seconds);
const CLIENTS = Number(options.clients);
/**
 * A console user reads the page before the next click: each client waits 0.5–1.5 × this between requests.
 * 5 s makes 200 clients offer about 40 requests/s: at the ~40 ms of CPU (API and PostgreSQL) a request
 * took in this bench, most of what two idle cores give.
 */
const THINK_MS = Number(options['think-ms']);
/** Requests per phase at most, whatever the time: the bench stops itself. */
const MAX_REQUESTS = CLIENTS * SECONDS * 50;
const REQUEST_TIMEOUT_MS = 30_000;
/** The load's staff users sign in with it (the API's strength rule accepts it). */
const STAFF_PASSWORD = 'Tidal-Quartz-Meadow-4719';
const INTEGRATOR_KEYS = 5;
const INTEGRATOR_CLIENTS = Math.min(10, Math.floor(CLIENTS / 20));
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const publishedSchema = buildSchema(readFileSync(createRequire(import.meta.url).resolve('@aftersale/graphql/schema.graphql'), 'utf8'));

for (const [name, value] of Object.entries({ claims: CLAIMS, seconds: SECONDS, clients: CLIENTS, 'think-ms': THINK_MS })) {
  if (!Number.isFinite(value) || value < 0 || (name !== 'think-ms' && value < 1)) {
    console.error(`--${name} must be a positive number`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------- measuring

interface Sample {
  ms: number;
  error?: string;
}

/** Every answer of a phase, by operation. */
class Phase {
  readonly samples = new Map<string, Sample[]>();
  requests = 0;
  started = 0;
  ended = 0;
  cpu: CpuReading = { api: 0, postgres: 0 };

  constructor(readonly name: string) {}

  record(operation: string, sample: Sample): void {
    this.requests++;
    const list = this.samples.get(operation) ?? [];
    list.push(sample);
    this.samples.set(operation, list);
  }

  get full(): boolean {
    return this.requests >= MAX_REQUESTS;
  }
}

let phase = new Phase('setup');
/** The first message of each kind of error, by operation: what to look at. */
const firstMessages = new Map<string, string>();

class RequestError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** One GraphQL request over HTTP, timed and recorded under `operation` (by its document's name). */
async function call<R, V>(
  base: string,
  credential: { token?: string; apiKey?: string },
  document: TypedDocumentNode<R, V>,
  variables: V,
  operation = operationName(document),
): Promise<R> {
  const started = performance.now();
  let error: RequestError | undefined;
  try {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential.token && { authorization: `Bearer ${credential.token}` }),
        ...(credential.apiKey && { 'x-api-key': credential.apiKey }),
      },
      body: JSON.stringify({ query: queryText(document), variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let body: { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new RequestError(`HTTP ${res.status}`, text.slice(0, 200));
    }
    if (body.errors?.length) {
      const first = body.errors[0]!;
      throw new RequestError(`${first.extensions?.code ?? 'NO_CODE'}${res.status === 200 ? '' : ` (HTTP ${res.status})`}`, first.message);
    }
    if (res.status !== 200) throw new RequestError(`HTTP ${res.status}`, text.slice(0, 200));
    return body.data!;
  } catch (caught) {
    error =
      caught instanceof RequestError
        ? caught
        : new RequestError(caught instanceof Error && caught.name === 'TimeoutError' ? 'timeout' : `network ${(caught as Error).message}`, String(caught));
    throw error;
  } finally {
    phase.record(operation, { ms: performance.now() - started, ...(error && { error: error.kind }) });
    if (error && !firstMessages.has(`${operation} ${error.kind}`)) firstMessages.set(`${operation} ${error.kind}`, error.message);
  }
}

const texts = new WeakMap<object, string>();
function queryText(document: DocumentNode): string {
  let text = texts.get(document);
  if (!text) texts.set(document, (text = print(document)));
  return text;
}

function operationName(document: DocumentNode): string {
  const definition = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return definition && 'name' in definition ? (definition.name?.value ?? 'anonymous') : 'anonymous';
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

interface Summary {
  count: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: Map<string, number>;
}

function summarise(samples: Sample[], seconds: number): Summary {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = new Map<string, number>();
  for (const s of samples) if (s.error) errors.set(s.error, (errors.get(s.error) ?? 0) + 1);
  return {
    count: samples.length,
    rps: samples.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
  };
}

const HEAVY = 'heavy (most costly allowed)';

/** The phase's table; returns the summary of every operation but the heavy client's. */
function report(p: Phase): Summary {
  const seconds = (p.ended - p.started) / 1000;
  const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
  const errorText = (errors: Map<string, number>) =>
    errors.size
      ? [...errors]
          .sort((a, b) => b[1] - a[1])
          .map(([kind, n]) => `${kind} ×${n}`)
          .join(', ')
      : '0';
  console.log(`\n${p.name}: ${seconds.toFixed(1)} s, ${p.requests.toLocaleString('en')} requests\n`);
  console.log(
    `${'operation'.padEnd(34)} ${'count'.padStart(7)} ${'rps'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}   errors`,
  );
  const row = (name: string, s: Summary) =>
    console.log(
      `${name.padEnd(34)} ${String(s.count).padStart(7)} ${s.rps.toFixed(1).padStart(7)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.p99).padStart(8)}   ${errorText(s.errors)}`,
    );
  const others: Sample[] = [];
  for (const [name, samples] of [...p.samples].sort((a, b) => b[1].length - a[1].length)) {
    if (name === HEAVY) continue;
    others.push(...samples);
    row(name, summarise(samples, seconds));
  }
  const all = summarise(others, seconds);
  row('all (the heavy client aside)', all);
  const heavy = p.samples.get(HEAVY);
  if (heavy) row(HEAVY, summarise(heavy, seconds));
  const { api, postgres } = p.cpu;
  console.log(
    `CPU: the API ${api.toFixed(1)} s, PostgreSQL at least ${postgres.toFixed(1)} s (${((api + postgres) / seconds).toFixed(2)} cores on average; ${(((api + postgres) * 1000) / p.requests).toFixed(1)} ms per request)`,
  );
  return all;
}

// ---------------------------------------------------------------- CPU time

/** CPU seconds (user + system) a process has used, from /proc (Linux); 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: state is the 1st, utime the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The postmaster and its children (the backends serving the API's pool). */
function postgresPids(postmaster: number): number[] {
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === postmaster) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU seconds of the API process and of PostgreSQL so far. */
interface CpuReading {
  api: number;
  postgres: number;
}

// ---------------------------------------------------------------- the server

async function main(): Promise<void> {
  const log = createLogger('warn');
  console.log(`Load bench: opening the data set of ${CLAIMS.toLocaleString('en')} claims…`);
  const db = await openBenchDatabase({ claims: CLAIMS, log });
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  let api: ChildProcess | undefined;
  const serverErrors: string[] = [];
  const otherOutput: string[] = [];
  let stopping: Promise<void> | undefined;

  /** Stops the API (waiting for it to exit), then PostgreSQL; safe to call twice. */
  function stopAll(): Promise<void> {
    stopping ??= (async () => {
      if (api?.exitCode === null && api.signalCode === null) {
        const exited = new Promise((resolve) => api!.once('exit', resolve));
        api.kill('SIGTERM');
        const timer = setTimeout(() => api!.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await sql.end().catch(() => undefined);
      await db.stop();
    })();
    return stopping;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the API and PostgreSQL…`);
      void stopAll().then(() => process.exit(130));
    });
  }

  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profile)}`] : [];
    api = spawn(process.execPath, [...profile, path.join(root, 'apps/api/dist/main.js')], {
      env: { ...process.env, ...benchApiEnv(db.url, port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // The server logs JSON lines at warn and above: kept, and the errors counted.
    let pending = '';
    api.stderr!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (/"level":(50|60)/.test(line)) serverErrors.push(line);
        // Not a log line (a crash's stack): the last ones are shown if the bench fails.
        else if (!line.startsWith('{') && otherOutput.push(line) > 50) otherOutput.shift();
      }
    });
    for (let tries = 0; ; tries++) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (tries > 600) throw new Error('the API did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const dataDirectory = (await sql.query<{ data_directory: string }>('show data_directory')).rows[0]!.data_directory;
    const postmaster = Number(readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const apiPid = api.pid!;
    const cpuNow = (): CpuReading => ({ api: cpuSecondsOf(apiPid), postgres: postgresPids(postmaster).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) });
    const measured = async <T>(p: Phase, work: () => Promise<T>): Promise<T> => {
      const before = cpuNow();
      p.started = performance.now();
      try {
        return await work();
      } finally {
        p.ended = performance.now();
        const after = cpuNow();
        // A backend that exited meanwhile takes its CPU time with it: PostgreSQL's figure is a lower bound.
        p.cpu = { api: after.api - before.api, postgres: Math.max(0, after.postgres - before.postgres) };
      }
    };

    // ---------------------------------------------------------------- the people

    const admin = { token: (await call(base, {}, LoginDocument, ADMIN)).login.token };
    const mix = staffMix(CLIENTS - INTEGRATOR_CLIENTS);
    const { users } = await call(base, admin, UsersDocument, { offset: 0, limit: 500, filter: { q: 'load-' } });
    const existing = new Set(users.items.map((u) => u.email));
    // Password hashing (argon2) is deliberately slow: the sessions are opened a few at a time, before the clock starts.
    const staff = await inBatches(mix, 8, (role, i) => signIn(base, admin, existing, role, i));
    const customers = (
      await sql.query<{ id: number; code: string }>(
        `select c.id, c.code from customer c where exists (select 1 from device d where d.customer_id = c.id) order by c.id limit ${INTEGRATOR_KEYS}`,
      )
    ).rows;
    const keys = await Promise.all(
      customers.slice(0, INTEGRATOR_CLIENTS).map(async (c) => {
        const { createApiKey } = await call(base, admin, CreateApiKeyDocument, { input: { customerId: String(c.id), name: 'load bench' } });
        return { id: createApiKey.apiKey.id, secret: createApiKey.secret, customerId: c.id };
      }),
    );

    // What the requests ask for: units to file claims for (received: an assessment needs the date, W2), claims to open, IMEI prefixes, filters.
    const units = (
      await sql.query<{ imei: string; customer_id: number }>(
        `select imei, customer_id from device tablesample system (2) where received_on is not null and not exists (select 1 from device r where r.replaces_device_id = device.id) limit 20000`,
      )
    ).rows;
    const unitsOf = new Map<number, string[]>();
    for (const u of units) unitsOf.set(u.customer_id, [...(unitsOf.get(u.customer_id) ?? []), u.imei]);
    for (const key of keys) {
      if (!unitsOf.get(key.customerId)?.length) {
        const { rows } = await sql.query<{ imei: string }>(
          `select imei from device where customer_id = $1 and received_on is not null and not exists (select 1 from device r where r.replaces_device_id = device.id) limit 2000`,
          [key.customerId],
        );
        unitsOf.set(
          key.customerId,
          rows.map((r) => r.imei),
        );
      }
    }
    const claimIds = (await sql.query<{ id: number }>('select id from claim tablesample system (2) limit 2000')).rows.map((r) => String(r.id));
    const models = (await sql.query<{ id: number }>('select id from product_model')).rows.map((r) => String(r.id));
    const customerIds = (await sql.query<{ id: number }>('select id from customer')).rows.map((r) => String(r.id));
    const centres = (await call(base, admin, ClaimServiceCentresDocument, {})).serviceCentres.items.map((c) => c.id);
    const world: World = { base, units: units.map((u) => u.imei), unitsOf, claimIds, models, customerIds, centres, submitted: [] };

    // ---------------------------------------------------------------- the clients

    const clients: Client[] = [];
    const agents = staff.filter((s) => s.role === 'AGENT');
    const technicians = staff.filter((s) => s.role === 'TECHNICIAN');
    // An agent and a technician share a desk: claims pass between them as the steps require, one holder at a time.
    const desks = agents
      .slice(0, technicians.length)
      .map((agent, i) => ({ agent, technician: technicians[i]!, forAgent: [] as ClaimAtHand[], forTechnician: [] as ClaimAtHand[] }));
    for (const desk of desks) clients.push(new AgentClient(world, desk.agent, desk), new TechnicianClient(world, desk.technician, desk));
    for (const unpaired of [...agents.slice(desks.length), ...technicians.slice(desks.length)]) clients.push(new ReaderClient(world, unpaired));
    for (const s of staff.filter((s) => s.role === 'ANALYST' || s.role === 'ADMIN')) clients.push(new ReaderClient(world, s));
    for (let i = 0; i < INTEGRATOR_CLIENTS; i++) clients.push(new IntegratorClient(world, keys[i % keys.length]!));

    console.log(
      `\n${db.rows['claim']?.toLocaleString('en')} claims, ${db.rows['device']?.toLocaleString('en')} units; ${clients.length} clients (${count(mix, 'AGENT')} agents, ${count(mix, 'TECHNICIAN')} technicians, ${count(mix, 'ANALYST')} analysts, ${count(mix, 'ADMIN')} administrators, ${INTEGRATOR_CLIENTS} integrator clients on ${keys.length} API keys), each waiting ${THINK_MS * 0.5}–${THINK_MS * 1.5} ms between requests; ${SECONDS} s per phase, 127.0.0.1`,
    );

    // Each request alone, before any load: what the p99s under load compare with.
    phase = new Phase('Alone (one request at a time, 5 of each)');
    const calibrate = new ReaderClient(world, staff.find((s) => s.role === 'ANALYST') ?? staff[0]!);
    await measured(phase, async () => {
      for (let i = 0; i < 5; i++) await calibrate.each();
    });
    report(phase);

    const runPhase = async (name: string, extra: Client[] = []) => {
      const p = (phase = new Phase(name));
      await measured(p, () => {
        const until = performance.now() + SECONDS * 1000;
        return Promise.all([...clients, ...extra].map((client) => client.run(until)));
      });
      return p;
    };

    const phase1 = await runPhase('Phase 1: the console and integrators');
    const base1 = report(phase1);

    const heavyUser = await signIn(base, admin, existing, 'ANALYST', 9999);
    const heavy = new HeavyClient(
      world,
      heavyUser,
      await mostCostlyQuery(base, (i) => signIn(base, admin, existing, 'ANALYST', 9000 + i), db.rows['claim'] ?? CLAIMS, cpuNow),
    );
    console.log(`\nThe heavy client (an analyst's session) sends, one after another (after a refusal, when its Retry-After says): ${heavy.describe()}`);
    const phase2 = await runPhase('Phase 2: the same, plus one client sending the most costly query allowed', [heavy]);
    const base2 = report(phase2);

    const heavySamples = phase2.samples.get(HEAVY) ?? [];
    const answered = heavySamples.filter((s) => !s.error).length;
    const refusedByBudget = heavySamples.filter((s) => s.error?.startsWith('RATE_LIMITED')).length;
    const otherRefusals = heavySamples.length - answered - refusedByBudget;
    console.log(
      `\nThe others' p99: ${base1.p99.toFixed(0)} ms without the heavy client, ${base2.p99.toFixed(0)} ms with it (×${(base2.p99 / base1.p99).toFixed(2)}); p50 ×${(base2.p50 / base1.p50).toFixed(2)}, p95 ×${(base2.p95 / base1.p95).toFixed(2)}`,
    );
    console.log(
      `The heavy client: ${heavySamples.length} requests, ${answered} answered (${heavy.answeredMs()}), ${refusedByBudget} refused by its budget (RATE_LIMITED)${otherRefusals ? `, ${otherRefusals} other errors` : ''}`,
    );
    const others = [...phase1.samples, ...phase2.samples].filter(([name]) => name !== HEAVY).flatMap(([, samples]) => samples);
    const errors = others.filter((s) => s.error).length;
    console.log(
      `Errors of the ordinary clients over both phases: ${errors} of ${others.length.toLocaleString('en')} requests; server log lines at error level: ${serverErrors.length}`,
    );
    for (const [kind, message] of [...firstMessages].filter(([kind]) => !kind.includes('timeout')).slice(0, 10))
      console.log(`  ${kind}: ${message.slice(0, 200)}`);
    for (const line of serverErrors.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);
    if (errors > 0 || serverErrors.length > 0) process.exitCode = 1;

    phase = new Phase('cleanup');
    await Promise.all(keys.map((k) => call(base, admin, RevokeApiKeyDocument, { id: k.id })));
  } catch (error) {
    // What the API said before it went (it logs at error level as JSON lines), not only what the bench saw.
    if (api && (api.exitCode !== null || api.signalCode !== null)) console.error(`The API exited with ${api.exitCode ?? api.signalCode}.`);
    for (const line of [...serverErrors.slice(-5), ...otherOutput.slice(-10)]) console.error(`  ${line.slice(0, 500)}`);
    throw error;
  } finally {
    await stopAll();
  }
}

// ---------------------------------------------------------------- who does what

async function inBatches<T, R>(items: T[], size: number, run: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => run(item, i + j)))));
  return results;
}

function count<T>(list: T[], value: T): number {
  return list.filter((v) => v === value).length;
}

/** The staff of a busy service operation: agents and technicians who move claims, analysts and administrators who read. */
function staffMix(n: number): Role[] {
  const roles: Role[] = [];
  for (let i = 0; i < n; i++) roles.push(i % 10 < 4 ? 'AGENT' : i % 10 < 8 ? 'TECHNICIAN' : i % 10 < 9 ? 'ANALYST' : 'ADMIN');
  return roles;
}

interface StaffSession {
  role: Role;
  token: string;
  name: string;
}

/** The staff user `load-<role>-<i>` (created on the first run, kept with the data set), signed in with a session of their own. */
async function signIn(base: string, admin: { token: string }, existing: Set<string>, role: Role, i: number): Promise<StaffSession> {
  const email = `load-${role.toLowerCase()}-${i}@aftersale.test`;
  // Created before the first sign-in: a failed sign-in counts against the address, and every client here shares 127.0.0.1.
  if (!existing.has(email)) {
    await call(base, admin, CreateUserDocument, { input: { email, name: `Load ${role.toLowerCase()} ${i}`, role, password: STAFF_PASSWORD } });
  }
  const { login } = await call(base, {}, LoginDocument, { email, password: STAFF_PASSWORD });
  return { role, token: login.token, name: email };
}

interface World {
  base: string;
  units: string[];
  unitsOf: Map<number, string[]>;
  claimIds: string[];
  models: string[];
  customerIds: string[];
  centres: string[];
  /** Claims integrators filed, for an agent to pick up (each taken by one agent). */
  submitted: ClaimAtHand[];
}

interface ClaimAtHand {
  id: string;
  version: number;
  status: ClaimStatus;
}

/** The claim page as a step reads it. */
type ClaimOnPage = ClaimQuery['claim'];

interface Desk {
  forAgent: ClaimAtHand[];
  forTechnician: ClaimAtHand[];
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const chance = (p: number) => Math.random() < p;
const today = () => new Date().toISOString().slice(0, 10);
let serial = 0;

abstract class Client {
  constructor(
    protected readonly world: World,
    protected readonly credential: { token?: string; apiKey?: string },
  ) {}

  /** Loops its mix until `until` (or the phase's request cap); an error is recorded, never thrown out. */
  async run(until: number): Promise<void> {
    await this.think();
    while (performance.now() < until && !phase.full) {
      try {
        await this.next();
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
      }
      await this.think();
    }
  }

  protected think(): Promise<void> {
    return THINK_MS ? new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random()))) : Promise.resolve();
  }

  protected abstract next(): Promise<void>;

  protected call<R, V>(document: TypedDocumentNode<R, V>, variables: V, operation?: string): Promise<R> {
    return call(this.world.base, this.credential, document, variables, operation);
  }

  /**
   * One step of a claim held at a desk, as staff take it: open the claim page, read it, then `move` it with the
   * version the page showed (nothing when its status is not this desk's); the claim goes to whoever takes its next step.
   */
  protected async takeStep(
    held: ClaimAtHand,
    desk: Desk,
    move: (claim: ClaimOnPage, input: { id: string; version: number }) => Promise<ClaimAtHand | undefined> | undefined,
  ): Promise<void> {
    const { claim } = await this.openClaim(held.id);
    await this.think();
    route(desk, (await move(claim, { id: claim.id, version: claim.version })) ?? claim);
  }

  /** The claims list as the console asks for it: a page of 25, a sort of the columns, the filters staff use. */
  protected listClaims(): Promise<unknown> {
    const sorts: [ClaimSortField, 'ASC' | 'DESC'][] = [
      ['SUBMITTED_AT', 'DESC'],
      ['SUBMITTED_AT', 'DESC'],
      ['UPDATED_AT', 'DESC'],
      ['NUMBER', 'DESC'],
      ['STATUS', 'ASC'],
      ['CUSTOMER', 'ASC'],
      ['MODEL', 'ASC'],
    ];
    const filters: (() => ClaimFilter)[] = [
      () => ({}),
      () => ({}),
      () => ({ status: [pick(['SUBMITTED', 'AWAITING_UNIT', 'INSPECTION', 'IN_REPAIR', 'READY_TO_SHIP'] as const)] }),
      () => ({ modelId: pick(this.world.models) }),
      () => ({ customerId: pick(this.world.customerIds), status: ['SUBMITTED', 'AWAITING_UNIT'] }),
      () => ({ q: pick(this.world.units).slice(0, 10) }),
      () => ({ olderThanDays: 14, status: ['AWAITING_APPROVAL', 'AWAITING_AGREEMENT'] }),
    ];
    const [field, direction] = pick(sorts);
    return this.call(ClaimsDocument, { offset: 25 * pick([0, 0, 0, 1, 2]), limit: 25, sort: { field, direction }, filter: pick(filters)() });
  }

  protected openClaim(id = pick(this.world.claimIds)) {
    return this.call(ClaimDocument, { id });
  }

  /** Devices → search by the first digits of an IMEI (the list's default sort, IMEI ascending). */
  protected searchDevices(): Promise<unknown> {
    return this.call(DevicesDocument, {
      offset: 0,
      limit: 25,
      sort: { field: 'IMEI', direction: 'ASC' },
      filter: { imei: pick(this.world.units).slice(0, pick([8, 10, 12])) },
    });
  }

  protected workQueue(): Promise<unknown> {
    return this.call(DashboardWorkQueueDocument, {});
  }

  /** The work queue's list: one status, oldest first, the claims waiting longest on top. */
  protected queuePage(status: ClaimStatus): Promise<unknown> {
    return this.call(
      ClaimsDocument,
      { offset: 0, limit: 25, sort: { field: 'SUBMITTED_AT', direction: 'ASC' }, filter: { status: [status] } },
      'Claims (work queue)',
    );
  }
}

/** Reads only: the claims list, claim pages, the dashboard's work queue, device searches. */
class ReaderClient extends Client {
  constructor(world: World, session: StaffSession) {
    super(world, { token: session.token });
  }

  /** One of each of its requests, one after another. */
  async each(): Promise<void> {
    await this.call(ClaimsDocument, { offset: 0, limit: 25, sort: { field: 'SUBMITTED_AT', direction: 'DESC' }, filter: {} });
    await this.openClaim();
    await this.workQueue();
    await this.queuePage('INSPECTION');
    await this.searchDevices();
  }

  protected async next(): Promise<void> {
    const r = Math.random();
    if (r < 0.4) await this.listClaims();
    else if (r < 0.65) await this.openClaim();
    else if (r < 0.75) await this.workQueue();
    else if (r < 0.85) await this.queuePage(pick(['INSPECTION', 'AWAITING_UNIT', 'READY_TO_SHIP'] as const));
    else await this.searchDevices();
  }
}

/**
 * An agent: files claims at the counter, takes integrators' new claims, asks
 * for the unit, records agreements, approves quotes, ships and closes — each
 * after opening the claim page, with the version it shows — and reads lists
 * between.
 */
class AgentClient extends Client {
  constructor(
    world: World,
    session: StaffSession,
    private readonly desk: Desk,
  ) {
    super(world, { token: session.token });
  }

  protected async next(): Promise<void> {
    const claim = this.desk.forAgent.shift() ?? (chance(0.5) ? this.world.submitted.shift() : undefined);
    if (claim) return this.step(claim);
    const r = Math.random();
    if (r < 0.2) {
      const { submitClaim } = await this.call(SubmitClaimDocument, {
        input: {
          imei: pick(this.world.units),
          formType: chance(0.8) ? 'REPAIR' : 'REPLACEMENT',
          ciNumber: `CI-LOAD-${++serial}`,
          symptoms: pick(['No display', 'Does not charge', 'Speaker crackles', 'Reboots by itself']),
          dataBackupAcknowledged: true,
          idempotencyKey: `load-${process.pid}-${serial}`,
        },
      });
      this.desk.forAgent.push(submitClaim);
    } else if (r < 0.55) await this.listClaims();
    else if (r < 0.75) await this.openClaim();
    else if (r < 0.85) await this.queuePage(pick(['SUBMITTED', 'AWAITING_APPROVAL', 'READY_TO_SHIP'] as const));
    else await this.searchDevices();
  }

  private step(held: ClaimAtHand): Promise<void> {
    return this.takeStep(held, this.desk, (claim, input) => {
      switch (claim.status) {
        case 'SUBMITTED':
          return this.call(RequestUnitDocument, { input: { ...input, serviceCentreId: pick(this.world.centres) } }).then((r) => r.requestUnit);
        case 'AWAITING_AGREEMENT':
          return this.call(RecordMaintenanceAgreementDocument, { input: { ...input, signedOn: today(), signedBy: 'Load Customer' } }).then(
            (r) => r.recordMaintenanceAgreement,
          );
        case 'AWAITING_APPROVAL':
          return this.call(ApproveQuoteDocument, { input }).then((r) => r.approveQuote);
        case 'READY_TO_SHIP':
        case 'RETURNED_UNREPAIRED':
          return this.call(ShipClaimDocument, { input: { ...input, carrier: 'DHL', trackingNumber: `LOAD${++serial}`, shippedOn: today() } }).then(
            (r) => r.shipClaim,
          );
        case 'SHIPPED':
          return this.call(CloseClaimDocument, { input }).then((r) => r.closeClaim);
        default:
          return undefined;
      }
    });
  }
}

/** A technician: receives units, inspects them (the form's parts and stock), records the assessment, repairs; the work-queue list between. */
class TechnicianClient extends Client {
  constructor(
    world: World,
    session: StaffSession,
    private readonly desk: Desk,
  ) {
    super(world, { token: session.token });
  }

  protected async next(): Promise<void> {
    const claim = this.desk.forTechnician.shift();
    if (claim) return this.step(claim);
    const r = Math.random();
    if (r < 0.35) await this.queuePage(pick(['RECEIVED', 'INSPECTION', 'IN_REPAIR'] as const));
    else if (r < 0.6) await this.openClaim();
    else if (r < 0.8) await this.listClaims();
    else await this.searchDevices();
  }

  private step(held: ClaimAtHand): Promise<void> {
    return this.takeStep(held, this.desk, async (claim, input) => {
      switch (claim.status) {
        case 'AWAITING_UNIT':
          return (await this.call(ReceiveUnitDocument, { input: { ...input, carrier: 'UPS', trackingNumber: `LOADIN${++serial}`, shippedOn: today() } }))
            .receiveUnit;
        case 'RECEIVED':
          return (await this.call(StartInspectionDocument, { input })).startInspection;
        case 'INSPECTION': {
          const { parts, stockLevels } = await this.call(ClaimInspectionPartsDocument, {
            modelId: claim.model.id,
            serviceCentreId: claim.serviceCentre?.id ?? null,
            withStock: Boolean(claim.serviceCentre),
          });
          await this.think();
          // A part the centre holds plenty of: technicians of other desks take from the same shelf.
          const stocked = new Set((stockLevels?.items ?? []).filter((s) => s.onHand >= 20).map((s) => s.part.id));
          const usable = parts.items.filter((p) => stocked.has(p.id));
          const findings: Finding[] = chance(0.1) ? ['WATER_DAMAGE'] : chance(0.1) ? ['COSMETIC_DAMAGE'] : [];
          return (await this.call(RecordAssessmentDocument, { input: { ...input, findings, lines: usable.length ? [{ partId: pick(usable).id }] : [] } }))
            .recordAssessment;
        }
        case 'IN_REPAIR':
          return (await this.call(CompleteRepairDocument, { input })).completeRepair;
        default:
          return undefined;
      }
    });
  }
}

const FOR_TECHNICIAN: readonly ClaimStatus[] = ['AWAITING_UNIT', 'RECEIVED', 'INSPECTION', 'IN_REPAIR'];
const DONE: readonly ClaimStatus[] = ['CLOSED', 'CANCELLED', 'RESOLVED_REMOTELY', 'REMOTE_DIAGNOSIS'];

/** Hands the claim to whoever takes its next step. */
function route(desk: Desk, claim: ClaimAtHand): void {
  if (DONE.includes(claim.status)) return;
  (FOR_TECHNICIAN.includes(claim.status) ? desk.forTechnician : desk.forAgent).push({ id: claim.id, version: claim.version, status: claim.status });
}

/** An integrator's system on its customer's API key: files claims, lists them, polls the update feed. */
class IntegratorClient extends Client {
  private cursor: string | null = null;

  constructor(
    world: World,
    private readonly key: { secret: string; customerId: number },
  ) {
    super(world, { apiKey: key.secret });
  }

  protected async next(): Promise<void> {
    const r = Math.random();
    if (r < 0.3) {
      const { submitClaim } = await this.call(IntegratorSubmitClaimDocument, {
        input: {
          imei: pick(this.world.unitsOf.get(this.key.customerId)!),
          formType: 'REPAIR',
          ciNumber: `CI-ERP-${++serial}`,
          symptoms: 'Reported by the customer portal: no display',
          dataBackupAcknowledged: true,
          idempotencyKey: `erp-${process.pid}-${serial}`,
        },
      });
      this.world.submitted.push(submitClaim);
    } else if (r < 0.6) {
      await this.call(ClaimsDocument, { offset: 0, limit: 25, sort: { field: 'UPDATED_AT', direction: 'DESC' }, filter: {} }, 'Claims (integrator)');
    } else {
      const { claimEvents } = await this.call(ClaimEventsDocument, { after: this.cursor, first: 50 });
      this.cursor = claimEvents.pageInfo.endCursor ?? this.cursor;
    }
  }
}

// ---------------------------------------------------------------- the heavy client

interface CostlyQuery {
  name: string;
  query: string;
  cost: number;
}

/**
 * The most costly query an analyst may send. The cost model (query-limits.ts)
 * charges a list its page size times what each item asks for, plus the rows
 * its offset skips and its text filter: the candidates are as many
 * `claims(limit: 500)` pages of each dear kind as fit under the limit of one
 * operation, each with its total — at the deepest offset sorted on a joined
 * column, with a text filter every claim matches, with every detail. Each
 * candidate is asked once (by an analyst of its own) and the slowest is kept.
 */
async function mostCostlyQuery(base: string, probe: (i: number) => Promise<StaffSession>, claims: number, cpuNow: () => CpuReading): Promise<CostlyQuery> {
  const item =
    'id number status formType ciNumber decision submittedOn submittedAt updatedAt device { id imei } model { id code name } customer { id code name } serviceCentre { id code name }';
  const deep = Math.max(0, claims - 500);
  const pages = (n: number, args: (i: number) => string) =>
    `query Costly {\n${Array.from({ length: n }, (_, i) => `  p${i}: claims(limit: 500, ${args(i)}) { total items { ${item} } }`).join('\n')}\n}`;
  const candidates = [
    {
      name: 'claims pages of 500 at the deepest offset, sorted by customer',
      query: (n: number) => pages(n, (i) => `offset: ${deep - i * 500}, sort: { field: CUSTOMER, direction: DESC }`),
    },
    {
      name: 'claims pages of 500 at the deepest offset, sorted by IMEI, filtered by a text',
      query: (n: number) => pages(n, (i) => `offset: ${deep - i * 500}, sort: { field: IMEI }, filter: { q: "${i % 10}" }`),
    },
    {
      name: 'claims pages of 500 sorted by IMEI, filtered by a one-digit text every IMEI starts with',
      query: (n: number) => pages(n, (i) => `offset: ${i * 500}, sort: { field: IMEI }, filter: { q: "3" }`),
    },
    {
      name: 'claims of 500 with every detail',
      query: (n: number) =>
        `query Costly { claims(limit: ${n}) { total items { ${item} symptoms version availableActions lines { id worn covered part { id sku name } } events { id type actor at note } invoices { id number total lines { id amount part { id } } } shipments { id cost } retainedParts { id part { id } serviceCentre { id } } attachments { id filename } assessment { id decision clauses } } } }`,
    },
  ];
  let best: (CostlyQuery & { ms: number }) | undefined;
  for (const [i, candidate] of candidates.entries()) {
    // The largest n under the limit: the API states the cost of each answer (and of each refusal).
    let chosen: { n: number; cost: number } | undefined;
    for (let lo = 1, hi = 500; lo <= hi;) {
      const n = Math.floor((lo + hi) / 2);
      const cost = costOf(candidate.query(n));
      if (cost <= QUERY_LIMITS.maxCost) {
        chosen = { n, cost };
        lo = n + 1;
      } else hi = n - 1;
    }
    if (!chosen) continue;
    const query = candidate.query(chosen.n);
    const before = cpuNow();
    const started = performance.now();
    // Each asked by a user of its own: one budget holds two of the costliest operations.
    const { token } = await probe(i);
    const answer = await rawCall(base, token, query).catch((error: Error) => ({
      status: 0,
      body: { errors: [{ extensions: { code: error.message } }] },
    }));
    const ms = performance.now() - started;
    if (answer.body.errors?.length) console.log(`  candidate ${candidate.name}: ${answer.body.errors[0]!.extensions?.code}`);
    const after = cpuNow();
    console.log(
      `  candidate: ${candidate.name} ×${chosen.n}: cost ${chosen.cost}, ${ms.toFixed(0)} ms alone, CPU ${(after.api - before.api).toFixed(2)} s API + at least ${Math.max(0, after.postgres - before.postgres).toFixed(2)} s PostgreSQL`,
    );
    if (!best || ms > best.ms) best = { name: `${candidate.name} ×${chosen.n}`, query, cost: chosen.cost, ms };
  }
  return best!;
}

/** The cost of a query by the API's own cost model, on the published schema (no field sets its own cost). */
function costOf(query: string): number {
  return operationCost(publishedSchema, parse(query));
}

async function rawCall(
  base: string,
  token: string,
  query: string,
): Promise<{ status: number; retryAfter: number; body: { errors?: { extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return {
    status: res.status,
    retryAfter: Number(res.headers.get('retry-after') ?? 0),
    body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] },
  };
}

/**
 * One client sending the most costly allowed query again and again: as soon as
 * each answer comes back, and after a refusal by its budget when the
 * refusal's Retry-After says (as GitHub's and Shopify's clients are asked to).
 */
class HeavyClient extends Client {
  private readonly answered: number[] = [];
  private until = 0;
  private retryAt = 0;

  constructor(
    world: World,
    session: StaffSession,
    private readonly costly: CostlyQuery,
  ) {
    super(world, { token: session.token });
  }

  describe(): string {
    return `${this.costly.name} (cost ${this.costly.cost} of the ${QUERY_LIMITS.maxCost} one operation may cost)`;
  }

  answeredMs(): string {
    const sorted = [...this.answered].sort((a, b) => a - b);
    return sorted.length ? `p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms` : 'none';
  }

  override run(until: number): Promise<void> {
    this.until = until;
    return super.run(until);
  }

  protected override think(): Promise<void> {
    const wait = Math.min(this.retryAt, this.until) - performance.now();
    return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
  }

  protected async next(): Promise<void> {
    const started = performance.now();
    let error: string | undefined;
    try {
      const { status, retryAfter, body } = await rawCall(this.world.base, this.credential.token!, this.costly.query);
      if (status === 429 && retryAfter > 0) this.retryAt = performance.now() + retryAfter * 1000;
      if (body.errors?.length) error = `${body.errors[0]!.extensions?.code ?? 'NO_CODE'}${status === 200 ? '' : ` (HTTP ${status})`}`;
      else if (status !== 200) error = `HTTP ${status}`;
    } catch (caught) {
      error = caught instanceof Error && caught.name === 'TimeoutError' ? 'timeout' : `network ${(caught as Error).message}`;
    }
    const ms = performance.now() - started;
    if (!error) this.answered.push(ms);
    phase.record(HEAVY, { ms, ...(error && { error }) });
  }
}

await main();
