import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startEmbeddedPostgres } from '@aftersale/api/embedded-postgres';
import { createLogger } from '@aftersale/api/logger';
import {
  LoginDocument,
  TestBenchClaimsDocument,
  TestBenchClaimUpdatesDocument,
  TestBenchCreateApiKeyDocument,
  TestBenchCustomersDocument,
  type TypedDocumentNode,
} from '@aftersale/graphql';
import { print } from 'graphql';
import pg from 'pg';
import WebSocket from 'ws';

/**
 * Live delivery benchmark (`npm run bench -- events`), loopback only, bounded.
 * The API runs as its own process on an embedded PostgreSQL with the demo
 * data; the baseline, in the same run, is a bare `ws` broadcast of the same
 * payloads to the same number of clients, also its own process.
 *
 * - deliveries/s to SUBSCRIBERS concurrent subscribers (goal ≥ 0.6× raw)
 * - commit-to-client latency p50/p99 (goal p99 ≤ 250 ms)
 * - memory per idle subscriber in the API process (goal ≤ 50 KB), measured like the
 *   baseline's per idle client: RSS after a full GC, asked through the inspector
 * - claim transitions/s with the event log and NOTIFY vs the same writes without (goal ≥ 0.8×)
 */
const SUBSCRIBERS = Number(process.env['SUBSCRIBERS'] ?? 1000);
const EVENTS = Number(process.env['EVENTS'] ?? 50);
const LATENCY_SAMPLES = 40;
const WRITE_SECONDS = 6;
const WRITERS = 4;
const WRITE_ROUNDS = 4;
// tools/bench/dist/ is three levels below the repository root.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const QUERY = print(TestBenchClaimUpdatesDocument);
/** PROFILE=1: the API runs under `node --cpu-prof`, its profile written into .data/profiles/ when the bench ends. */
const PROFILE = process.env['PROFILE'] === '1';

function started(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

/**
 * A process started with `--inspect=127.0.0.1:0`, asked for its memory after
 * a full garbage collection: the same question to the API and the baseline.
 */
async function memoryProbe(inspectorUrl: string): Promise<{ measure(): Promise<Memory>; cpuMs(): Promise<number>; close(): void }> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { value?: unknown } } | undefined>((resolve, reject) => {
      const mine = ++id;
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
        if (message.id !== mine) return;
        socket.off('message', onMessage);
        if (message.error) reject(new Error(JSON.stringify(message.error)));
        else resolve(message.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  return {
    measure: async () => {
      await call('HeapProfiler.collectGarbage');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await call('HeapProfiler.collectGarbage');
      const answer = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      return JSON.parse(String(answer?.result?.value)) as Memory;
    },
    /** The process's CPU time so far (user + system), in ms: less stretched by other work on the machine than wall time. */
    cpuMs: async () => {
      const answer = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.cpuUsage())', returnByValue: true });
      const { user, system } = JSON.parse(String(answer?.result?.value)) as { user: number; system: number };
      return (user + system) / 1000;
    },
    close: () => socket.terminate(),
  };
}

const perClientKb = (before: Memory, after: Memory, clients: number) => ({
  rss: (after.rss - before.rss) / 1024 / clients,
  heap: (after.heapUsed + after.external - before.heapUsed - before.external) / 1024 / clients,
});

/** The data of one operation's answer, typed from the schema; throws on an answer without data. */
async function graphql<TResult, TVariables>(url: string, document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, credential?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential && { authorization: `Bearer ${credential}` }) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** `count` clients of one URL; each counts what it receives and notes when. */
async function connect(
  count: number,
  url: string,
  onOpen: (socket: WebSocket) => void,
  onMessage: (text: string, socket: WebSocket) => void,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.on('message', (data: Buffer) => onMessage(data.toString(), socket));
        await new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
        onOpen(socket);
        sockets.push(socket);
      }),
    );
  }
  return sockets;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const waitFor = async (condition: () => boolean, what: string, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

let received = 0;
const others: string[] = [];
const dataDir = await mkdtemp(path.join(tmpdir(), 'aftersale-bench-events-'));
const log = createLogger('warn');
const db = await startEmbeddedPostgres(dataDir, await freePort(), log);
const children: ChildProcess[] = [];
try {
  const profiling = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot, '.data/profiles')}`] : [];
  const api = spawn(process.execPath, ['--inspect=127.0.0.1:0', ...profiling, 'apps/api/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'warn', AFTERSALE_DEMO_DATA: 'auto' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(api);
  const [apiInspector, running] = await Promise.all([
    started(api, /Debugger listening on (ws:\/\/\S+)/),
    started(api, /Aftersale is running at (http:\/\/\S+)/),
  ]);
  const base = running[1]!;
  const url = `${base}graphql`;
  const admin = (await graphql(url, LoginDocument, { email: 'admin@aftersale.test', password: 'aftersale-admin' })).login.token;
  const customerId = (await graphql(url, TestBenchCustomersDocument, {}, admin)).customers.items[0]!.id;
  const apiKey = (await graphql(url, TestBenchCreateApiKeyDocument, { customerId }, admin)).createApiKey.secret;
  const claimId = Number((await graphql(url, TestBenchClaimsDocument, {}, apiKey)).claims.items[0]!.id);

  const sql = new pg.Client({ connectionString: db.url });
  sql.on('error', () => undefined);
  await sql.connect();
  // Plain SQL, as a tool outside the API would write: it announces its commit (`claim_event_pending`) to have the events numbered at once.
  const writeEvents = async (count: number, type: string) => {
    await sql.query(`insert into claim_event (claim_id, customer_id, type, actor_label) select $1, $2, $3 || '_' || n, 'bench' from generate_series(1, $4) n`, [
      claimId,
      Number(customerId),
      type,
      count,
    ]);
    const committed = performance.now();
    await sql.query('notify claim_event_pending');
    return committed;
  };

  // Idle subscribers: the API process's memory before and after, each after a full GC.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const apiMemory = await memoryProbe(apiInspector[1]!);
  const apiBefore = await apiMemory.measure();
  const arrivals: number[] = [];
  const sample: string[] = [];
  const listening = new Set<WebSocket>();
  let acks = 0;
  const subscribers = await connect(
    SUBSCRIBERS,
    url.replace(/^http/, 'ws'),
    (socket) => socket.send(JSON.stringify({ type: 'connection_init', payload: { apiKey } })),
    (text, socket) => {
      if (text.includes('"connection_ack"')) {
        acks++;
        return;
      }
      if (!text.includes('"next"')) {
        if (others.length < 3) others.push(text);
        return;
      }
      listening.add(socket);
      received++;
      arrivals.push(performance.now());
      if (sample.length < EVENTS) sample.push(text);
    },
  );
  await waitFor(() => acks === SUBSCRIBERS, 'every connection_ack');
  subscribers.forEach((socket) => socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: QUERY } })));
  // graphql-ws does not acknowledge a subscription: one event, written until every subscriber got one, says they all listen.
  for (let attempt = 0; listening.size < SUBSCRIBERS; attempt++) {
    if (attempt === 30) throw new Error(`only ${listening.size} of ${SUBSCRIBERS} subscribers listen`);
    await writeEvents(1, 'WARM_UP');
    await waitFor(() => listening.size === SUBSCRIBERS, 'a warm-up event', 2000).catch(() => undefined);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const perSubscriber = perClientKb(apiBefore, await apiMemory.measure(), SUBSCRIBERS);

  // Throughput: EVENTS events in one commit, to every subscriber.
  received = 0;
  sample.length = 0;
  const apiCpu0 = await apiMemory.cpuMs();
  const t0 = performance.now();
  await writeEvents(EVENTS, 'BENCH');
  await waitFor(() => received >= EVENTS * SUBSCRIBERS, 'every delivery');
  const apiSeconds = (performance.now() - t0) / 1000;
  const apiCpuMs = (await apiMemory.cpuMs()) - apiCpu0;
  apiMemory.close();
  const apiRate = (EVENTS * SUBSCRIBERS) / apiSeconds;

  // Latency: single-event commits, one at a time, commit to every subscriber.
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    arrivals.length = 0;
    received = 0;
    const committed = await writeEvents(1, 'LATENCY');
    await waitFor(() => received >= SUBSCRIBERS, 'a latency sample');
    latencies.push(...arrivals.map((at) => at - committed));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  subscribers.forEach((socket) => socket.terminate());

  // Baseline: the same payloads from a bare ws broadcast to as many clients.
  const raw = spawn(process.execPath, ['--inspect=127.0.0.1:0', path.join(path.dirname(fileURLToPath(import.meta.url)), 'events-raw-server.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(raw);
  const [rawInspector, rawListening] = await Promise.all([started(raw, /Debugger listening on (ws:\/\/\S+)/), started(raw, /port (\d+)/)]);
  const rawPort = rawListening[1]!;
  const rawMemory = await memoryProbe(rawInspector[1]!);
  const rawBefore = await rawMemory.measure();
  let rawReceived = 0;
  const rawClients = await connect(
    SUBSCRIBERS,
    `ws://127.0.0.1:${rawPort}/`,
    () => undefined,
    () => void rawReceived++,
  );
  const control = (
    await connect(
      1,
      `ws://127.0.0.1:${rawPort}/control`,
      () => undefined,
      () => undefined,
    )
  )[0]!;
  // Like the subscribers: idle after one message each.
  control.send(JSON.stringify(sample.slice(0, 1)));
  await waitFor(() => rawReceived >= SUBSCRIBERS, 'a raw warm-up message');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const perRawClient = perClientKb(rawBefore, await rawMemory.measure(), SUBSCRIBERS);
  rawReceived = 0;
  const rawCpu0 = await rawMemory.cpuMs();
  const r0 = performance.now();
  control.send(JSON.stringify(sample));
  await waitFor(() => rawReceived >= sample.length * SUBSCRIBERS, 'every raw delivery');
  const rawRate = (sample.length * SUBSCRIBERS) / ((performance.now() - r0) / 1000);
  const rawCpuMs = (await rawMemory.cpuMs()) - rawCpu0;
  rawMemory.close();
  rawClients.forEach((socket) => socket.terminate());
  control.terminate();

  // Writes: the same claim transitions with and without the event log (its row, its numbering and NOTIFY).
  const claims = (await sql.query<{ id: number; customer_id: number }>('select id, customer_id from claim order by id limit 200')).rows;
  // As the API does after each commit that appended an event (events/claim-event-feed.ts): the writer does not wait;
  // one numbering at a time on its own connection, and one more for the commits that came during it.
  const numberer = new pg.Client({ connectionString: db.url });
  await numberer.connect();
  let numbering: Promise<unknown> | undefined;
  let numberAgain = false;
  const numberLog = (): void => {
    if (numbering) {
      numberAgain = true;
      return;
    }
    numbering = numberer.query('select claim_event_sequence()').finally(() => {
      numbering = undefined;
      if (numberAgain) {
        numberAgain = false;
        numberLog();
      }
    });
  };
  const transitionsPerSecond = async (withLog: boolean, seconds: number) => {
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        return client;
      }),
    );
    let done = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      writers.map(async (client, w) => {
        for (let i = w; performance.now() < until; i += WRITERS) {
          const claim = claims[i % claims.length]!;
          await client.query('begin');
          // One statement either way, so both make the same round trips: the difference is the log row, its commit trigger and NOTIFY.
          if (withLog) {
            await client.query(
              `with step as (update claim set updated_at = now(), version = version + 1 where id = $1 returning id, customer_id)
               insert into claim_event (claim_id, customer_id, type, actor_label) select id, customer_id, 'BENCH_STEP', 'bench' from step`,
              [claim.id],
            );
          } else {
            await client.query('update claim set updated_at = now(), version = version + 1 where id = $1', [claim.id]);
          }
          await client.query('commit');
          if (withLog) numberLog();
          done++;
        }
      }),
    );
    while (numbering) await numbering;
    await Promise.all(writers.map((client) => client.end()));
    return done;
  };
  // Alternated in short rounds, so that a change in the machine's load falls on both alike.
  let without = 0;
  let withLog = 0;
  for (let round = 0; round < WRITE_ROUNDS; round++) {
    without += await transitionsPerSecond(false, WRITE_SECONDS / WRITE_ROUNDS);
    withLog += await transitionsPerSecond(true, WRITE_SECONDS / WRITE_ROUNDS);
  }
  without /= WRITE_SECONDS;
  withLog /= WRITE_SECONDS;
  const unnumbered = (await sql.query<{ count: number }>('select count(*)::int as count from claim_event where position is null')).rows[0]!.count;
  if (unnumbered > 0) throw new Error(`${unnumbered} events were left without a position`);
  await numberer.end();
  await sql.end();

  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(`\nLive delivery, ${SUBSCRIBERS} subscribers (API and baseline each in their own process, loopback)`);
  console.log(`  deliveries/s      API ${Math.round(apiRate)}   raw ws ${Math.round(rawRate)}   ratio ${(apiRate / rawRate).toFixed(2)}× (goal ≥ 0.6×)`);
  const apiCpuUs = (apiCpuMs * 1000) / (EVENTS * SUBSCRIBERS);
  const rawCpuUs = (rawCpuMs * 1000) / (sample.length * SUBSCRIBERS);
  console.log(
    `  CPU per delivery  API ${apiCpuUs.toFixed(2)} µs   raw ws ${rawCpuUs.toFixed(2)} µs   raw/API ${(rawCpuUs / apiCpuUs).toFixed(2)}× (each server process's CPU time over the same deliveries)`,
  );
  console.log(
    `  commit → client   p50 ${p50.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms (goal p99 ≤ 250 ms; ${LATENCY_SAMPLES} single-event commits × ${SUBSCRIBERS})`,
  );
  console.log(
    `  idle subscriber   API ${perSubscriber.rss.toFixed(1)} KB RSS (${perSubscriber.heap.toFixed(1)} KB heap + external)   raw ws client ${perRawClient.rss.toFixed(1)} KB RSS (${perRawClient.heap.toFixed(1)} KB)   after a full GC (goal ≤ 50 KB)`,
  );
  console.log(
    `  transitions/s     with log + NOTIFY ${Math.round(withLog)}   without ${Math.round(without)}   ratio ${(withLog / without).toFixed(2)}× (goal ≥ 0.8×; ${WRITERS} writers, ${WRITE_SECONDS} s each)`,
  );
  console.log(
    `  load average      ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} (1, 5, 15 min)`,
  );
} catch (error) {
  console.error('events bench failed:', error, received, others);
  process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve())));
  await db.stop();
  await rm(dataDir, { recursive: true, force: true });
}
