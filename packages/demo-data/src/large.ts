import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { POLICY_REGISTRY } from '@aftersale/domain';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { InvoiceNumbering } from './claim-records.js';
import { emptyHeldRows, finishClaims, firstClaimIds, releaseInvoices, type ClaimIds } from './claims.js';
import type { ClaimLife } from './claim-records.js';
import { copyStatement } from './copy-text.js';
import {
  addIds,
  batchCount,
  batchRange,
  countBatch,
  planBatches,
  renderBatch,
  TableTexts,
  type BatchSetup,
  type FromWorker,
  type HeldBatch,
  type TableChunk,
  type ToWorker,
} from './large-batches.js';
import type { PlantedDefect } from './life.js';
import { TABLES_IN_WRITE_ORDER, type TableName } from './rows.js';
import { databaseUserIds, moveClaimNumbersPastData, moveIdsPastData, moveSequencesPastData } from './write.js';
import type { WorldOptions } from './world.js';

export interface LargeDataSetOptions {
  /** How many claims; the units, orders and customers grow with them. */
  claims: number;
  /** Another seed, another deterministic data set. Default 1. */
  seed?: number;
  /** False: no planted bad batch (`plantedDefects`), nothing for an early warning to flag. Default true. */
  defects?: boolean;
  /** The last day of the history (`YYYY-MM-DD`). Default: today (UTC). */
  today?: string;
  /** Units on record. Default: 4 per claim (at least 3000). */
  devices?: number;
  /** Default: the 6 hand-written customers plus one per 10 000 claims. */
  customers?: number;
  /** Default: the 3 hand-written centres plus one per 200 000 claims. */
  serviceCentres?: number;
  /** Days of orders received. Default 1461 (four years). */
  historyDays?: number;
  /** Stored as the staff demo users' password_hash. Default `!`, which no password matches. */
  passwordHash?: string;
  /**
   * For tests of small sets: one connection and one transaction with foreign keys, triggers and indexes on,
   * each table's rows held in memory and written in foreign-key order. Default false.
   */
  checked?: boolean;
  /**
   * Worker threads telling the claims, in batches, while the main thread feeds PostgreSQL. 0: all in this
   * thread (as `checked` does). Default: one per core, at most 4. Any number gives the same rows.
   */
  workers?: number;
  /** Called about twice a second while loading, and at the start and end of each phase. */
  onProgress?(progress: LoadProgress): void;
}

export type LoadPhase = 'prepare' | 'load' | 'analyze' | 'build';

export interface LoadProgress {
  readonly phase: LoadPhase;
  /** Rows written so far, all tables. */
  readonly rows: number;
  readonly claims: number;
  readonly totalClaims: number;
  /** Milliseconds since the phase started. */
  readonly elapsedMs: number;
  /** In the build phase: the steps done so far (the sequences moved, each rollup family filled, each index built), of how many. */
  readonly built?: { readonly done: number; readonly total: number };
}

export interface LoadReport {
  /** The bad batches planted (none with `defects: false`). */
  readonly defects: readonly PlantedDefect[];
  /** Rows written per table. */
  readonly rows: Readonly<Record<TableName, number>>;
  /**
   * How long each phase took, in milliseconds, in order, and the CPU time this process (all its threads)
   * spent in it; `postgresCpuMs`, the CPU time of the PostgreSQL server's processes, when the server runs on
   * this machine and /proc shows them (Linux), else left out.
   */
  readonly phases: readonly { readonly phase: LoadPhase; readonly ms: number; readonly cpuMs: number; readonly postgresCpuMs?: number }[];
  /** True when `analytics_rebuild()` existed and was called. */
  readonly rollupsRebuilt: boolean;
}

/** The tables a load fills; their indexes are dropped before and built after (`dropLoadedIndexes`). */
const LOADED_TABLES = TABLES_IN_WRITE_ORDER.filter((table) => table !== 'app_user');

/**
 * Partial indexes that hold next to none of the loaded rows: kept as the rows go in (a predicate checked per
 * row) rather than built from a scan of the whole table afterwards. Every loaded event has its position, and
 * about 1 % of the units replace another. (The other partial indexes hold most of their table's rows: kept,
 * they cost the COPY more than their build.)
 */
const KEPT_WHILE_LOADING = new Set(['claim_event_unpositioned_idx', 'device_replaces_idx']);

/**
 * Fills an empty, migrated database with a large realistic data set: the
 * demo world grown to `claims` claims over four years, with every record the
 * API writes for them, streamed with COPY while the next claims are told.
 * All of it goes in one transaction that first empties the tables, so the
 * rows go in frozen and, with `wal_level = minimal`, without WAL; the foreign
 * keys between the loaded tables stay, unchecked during the load
 * (`session_replication_role = replica` turns off their triggers and the
 * user triggers; it needs a superuser, which the embedded PostgreSQL's user
 * is): the rows are generated consistent, and a test loads a small set with
 * them on. Their indexes are dropped first (`dropLoadedIndexes`, primary
 * keys included); after the load the tables are analysed, then the indexes
 * are built again beside the filling of the analytics rollups, if they exist
 * (what `analytics_rebuild()` does), two sessions taking the steps in turn.
 *
 * @example
 * await generateLargeDataSet(process.env.DATABASE_URL, { claims: 1_000_000, onProgress: console.error });
 */
export async function generateLargeDataSet(databaseUrl: string, options: LargeDataSetOptions): Promise<LoadReport> {
  const totalClaims = options.claims;
  const worldOptions: WorldOptions = {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    passwordHash: options.passwordHash ?? '!',
    seed: options.seed,
    defects: options.defects,
    devices: options.devices ?? Math.max(3000, 4 * totalClaims),
    customers: options.customers ?? 6 + Math.floor(totalClaims / 10_000),
    serviceCentres: options.serviceCentres ?? 3 + Math.floor(totalClaims / 200_000),
    historyDays: options.historyDays ?? 1461,
  };
  const checked = options.checked === true;
  const workers = checked ? 0 : Math.max(0, Math.floor(options.workers ?? Math.min(4, availableParallelism())));
  const phases: { phase: LoadPhase; ms: number; cpuMs: number; postgresCpuMs?: number }[] = [];
  const rows = Object.fromEntries(TABLES_IN_WRITE_ORDER.map((table) => [table, 0])) as Record<TableName, number>;
  let claimsTold = 0;
  const report = (phase: LoadPhase, started: number, built?: LoadProgress['built']) =>
    options.onProgress?.({
      phase,
      rows: Object.values(rows).reduce((sum, n) => sum + n, 0),
      claims: claimsTold,
      totalClaims,
      elapsedMs: Date.now() - started,
      ...(built && { built }),
    });
  const control = new pg.Client({ connectionString: databaseUrl });
  await control.connect();
  const server = await localServerProcess(control).catch(async (error: unknown) => {
    await control.end();
    throw error;
  });
  const timed = async <T>(phase: LoadPhase, work: (started: number) => Promise<T>): Promise<T> => {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const serverCpu = serverCpuMs(server);
    report(phase, started);
    const result = await work(started);
    const used = process.cpuUsage(cpu);
    const serverUsed = serverCpuMs(server);
    phases.push({
      phase,
      ms: Date.now() - started,
      cpuMs: Math.round((used.user + used.system) / 1000),
      ...(serverCpu !== undefined && serverUsed !== undefined && { postgresCpuMs: serverUsed - serverCpu }),
    });
    report(phase, started);
    return result;
  };

  const connections: pg.Client[] = [];
  const threads: Worker[] = [];
  try {
    const { dropped, position } = await timed('prepare', async () => {
      const { rows: existing } = await control.query<{ any: boolean }>(
        'select exists (select 1 from customer) or exists (select 1 from device) or exists (select 1 from claim) as any',
      );
      if (existing[0]?.any) throw new Error('The database is not empty: the large data set fills an empty database only');
      const { rows: versions } = await control.query<{ version: string }>('select version from policy_version');
      const missing = POLICY_REGISTRY.filter((policy) => !versions.some((row) => row.version === policy.version)).map((policy) => policy.version);
      if (missing.length > 0) {
        throw new Error(`policy_version ${missing.join(', ')} missing: the API registers the policy versions on start, \`npm run db -- migrate\` too`);
      }
      const position = await eventsHavePositions(control);
      if (checked) return { dropped: [], position };
      // Autovacuum would chase the tables as they fill: they are analysed once, at the end.
      for (const table of LOADED_TABLES) await control.query(`alter table ${table} set (autovacuum_enabled = false)`);
      // Then the loaded tables can be emptied together (below): without the foreign keys of other tables pointing at them.
      const foreignKeys = await dropForeignKeysFromOtherTables(control);
      return { dropped: [...(await dropLoadedIndexes(control)), ...foreignKeys], position };
    });

    const world = await timed('load', async (started) => {
      if (checked) await control.query('begin');
      else await replicaRole(control);
      const setup: BatchSetup = { world: worldOptions, claims: totalClaims, batchSize: BATCH_CLAIMS, position, userIds: [] };
      const tables = planBatches(setup);
      const { world } = tables;
      rows.app_user = (await control.query(insertStaff(world.app_user.map(({ id: _local, ...row }) => row)))).rowCount ?? 0;
      const userIds = await databaseUserIds(control, world.app_user);
      const texts = new TableTexts(userIds, position);
      let copies: TableCopies;
      if (checked) copies = new HeldCopies(control);
      else {
        const client = new pg.Client({ connectionString: databaseUrl });
        connections.push(client);
        await client.connect();
        await replicaRole(client);
        // Emptied (they are empty) in the transaction that fills them: the rows go in frozen, as VACUUM FREEZE
        // would leave them, and with wal_level = minimal PostgreSQL writes the tables without WAL, syncing them
        // at commit instead.
        await client.query('begin');
        await client.query(`truncate ${LOADED_TABLES.join(', ')}`);
        copies = new SerialCopies(client);
      }
      const copyAll = async (chunks: readonly TableChunk[]) => {
        for (const chunk of chunks) rows[chunk.table] += chunk.rows;
        await copies.copy(chunks);
      };

      for (const row of world.customers) texts.text('customer').write(row.row);
      for (const row of world.service_centre) texts.text('service_centre').write(row);
      for (const row of world.product_model) texts.text('product_model').write(row);
      for (const row of world.part) texts.text('part').write(row);
      for (const row of world.orders) texts.text('sales_order').write(row.row);
      for (const row of world.stock) texts.text('stock').write(row);
      for (const row of world.spare_shipment) texts.text('spare_shipment').write(row);
      await copyAll(texts.take());

      // The batches' rows, in batch order; each batch starts where the one before ended.
      const source = workers > 0 ? workerBatches({ ...setup, userIds: [...userIds] }, workers, threads) : inProcessBatches(setup, tables, texts);
      const held = emptyHeldRows();
      // The invoices are numbered in the order issued, as the batches bring them: a batch's rows go with those
      // its claims leave due (issued before its last claim's day), not all at the end.
      const invoiceNumbers = new InvoiceNumbering();
      const released = new TableTexts(userIds, position);
      const batches = batchCount(setup);
      const written = new Signals<void>();
      let lastReport = Date.now();
      const numbering = (async () => {
        let ids: ClaimIds = firstClaimIds(world);
        for (let batch = 0; batch < batches; batch += 1) {
          // At most AHEAD batches told before PostgreSQL has taken them.
          if (batch >= AHEAD) await written.get(batch - AHEAD);
          const counts = await source.counted(batch);
          source.first(batch, ids);
          ids = addIds(ids, counts);
        }
      })();
      const copying = (async () => {
        for (let batch = 0; batch < batches; batch += 1) {
          const { chunks, held: batchHeld } = await source.rendered(batch);
          keep(held, batchHeld);
          releaseInvoices(held, invoiceNumbers, batchHeld.before, released.sink);
          await copyAll([...chunks, ...released.take()]);
          claimsTold = batchRange(setup, world.devices, batch).to;
          written.resolve(batch, undefined);
          if (Date.now() - lastReport >= 500) {
            lastReport = Date.now();
            report('load', started);
          }
        }
      })();
      await Promise.all([numbering, copying]);
      finishClaims(world, held, released.sink, invoiceNumbers);
      await copyAll(released.take());
      await copies.end();
      if (checked) {
        await moveSequencesPastData(control);
        if (position) await positionsPastEvents(control);
        await control.query('commit');
      }
      return world;
    });
    await Promise.all(threads.map((thread) => thread.terminate()));

    await timed('analyze', async () => {
      // Two sessions, one per core here, the largest tables spread over both.
      const halves = [LOADED_TABLES.filter((_, k) => k % 2 === 0), LOADED_TABLES.filter((_, k) => k % 2 === 1)];
      await Promise.all(halves.map((tables) => inSession(databaseUrl, (client) => client.query(`analyze ${tables.join(', ')}`))));
      for (const table of LOADED_TABLES) await control.query(`alter table ${table} reset (autovacuum_enabled)`);
    });
    const rollupsRebuilt = await timed('build', async (started) => {
      // With triggers on (checked), the rollups' triggers kept them as the rows went in, and the sequences moved in
      // its transaction: nothing was dropped.
      if (checked) return false;
      const rollups = await rollupWork(control);
      const builds = dropped.flatMap(({ table, build }) => (build ? [{ table, build }] : []));
      const sizes = await tablePages(
        control,
        builds.map((b) => b.table),
      );
      const work: Work[] = [
        // Reading the highest claim number scans the claims: first, beside the largest builds.
        moveClaimNumbersPastData,
        // The rollups' fill joins several tables: the largest step, then the index builds of the largest tables first,
        // and the rollups' small ones last, so that both sessions end together.
        ...rollups.fill,
        ...builds.sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0)).map(({ build }) => statement(build)),
        ...rollups.indexes,
      ];
      let done = 0;
      await inTwoSessions(databaseUrl, work, () => report('build', started, { done: (done += 1), total: work.length }));
      // Once every index is built: the unique keys made of theirs, the other tables' foreign keys added back.
      for (const { then } of dropped) if (then) await control.query(then);
      // The highest ids, read from the primary keys built again.
      await moveIdsPastData(control);
      if (position) await positionsPastEvents(control);
      await rollups.after();
      return rollups.rebuilt;
    });
    return { rows, phases, rollupsRebuilt, defects: world.defects };
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
    await Promise.all(connections.map((client) => client.end().catch(() => undefined)));
    await control.end();
  }
}

/** Claims per batch: a worker tells one batch at a time. */
const BATCH_CLAIMS = 2000;
/** Batches told ahead of the COPY streams. */
const AHEAD = 8;

function keep(held: ReturnType<typeof emptyHeldRows>, batch: HeldBatch): void {
  for (const [key, n] of batch.consumed) held.consumed.set(key, (held.consumed.get(key) ?? 0) + n);
  for (const issued of batch.issued) held.issued.push(issued);
  for (const invoice of batch.invoices) held.invoices.push(invoice);
  for (const event of batch.events) held.events.push(event);
}

/** Values to come, by number, each resolved once. */
class Signals<T> {
  private readonly waiting = new Map<number, { promise: Promise<T>; resolve: (value: T) => void }>();

  private entry(n: number) {
    let entry = this.waiting.get(n);
    if (!entry) {
      let resolve!: (value: T) => void;
      const promise = new Promise<T>((r) => (resolve = r));
      entry = { promise, resolve };
      this.waiting.set(n, entry);
    }
    return entry;
  }

  get(n: number): Promise<T> {
    const { promise } = this.entry(n);
    return promise.finally(() => this.waiting.delete(n));
  }

  resolve(n: number, value: T): void {
    this.entry(n).resolve(value);
  }
}

/** Where the batches come from: their counts, then, given their first ids, their rows (rejected when a worker fails). */
interface BatchSource {
  counted(batch: number): Promise<ClaimIds>;
  first(batch: number, ids: ClaimIds): void;
  rendered(batch: number): Promise<{ chunks: TableChunk[]; held: HeldBatch }>;
}

/** The batches told in this thread, one at a time (small sets, and the checked load). */
function inProcessBatches(setup: BatchSetup, tables: ReturnType<typeof planBatches>, texts: TableTexts): BatchSource {
  const lives = new Map<number, ClaimLife[]>();
  const rendered = new Map<number, { chunks: TableChunk[]; held: HeldBatch }>();
  return {
    counted: (batch) => {
      const range = batchRange(setup, tables.world.devices, batch);
      const counted = countBatch(tables, range.from, range.to);
      lives.set(batch, counted.lives);
      return Promise.resolve(counted.counts);
    },
    first: (batch, ids) => {
      const range = batchRange(setup, tables.world.devices, batch);
      rendered.set(batch, renderBatch(tables, lives.get(batch)!, { from: range.unitsFrom, to: range.unitsTo }, ids, texts));
      lives.delete(batch);
    },
    rendered: async (batch) => {
      // The numbering runs ahead of the copying: it has rendered this batch by the time it is asked for.
      while (!rendered.has(batch)) await new Promise((resolve) => setImmediate(resolve));
      const result = rendered.get(batch)!;
      rendered.delete(batch);
      return result;
    },
  };
}

/** The batches told by `workers` worker threads, batch b by worker b mod workers. */
function workerBatches(setup: BatchSetup, workers: number, threads: Worker[]): BatchSource {
  const counted = new Signals<ClaimIds>();
  const rendered = new Signals<{ chunks: TableChunk[]; held: HeldBatch }>();
  let fail!: (error: Error) => void;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  const waitOrFail = <T>(promise: Promise<T>) => Promise.race([promise, failure]);
  const script = workerScript();
  const execArgv = workerExecArgv(process.execArgv);
  for (let worker = 0; worker < workers; worker += 1) {
    const thread = new Worker(script, { workerData: { setup, worker, workers }, execArgv });
    thread.on('message', (message: FromWorker) => {
      if (message.type === 'counted') counted.resolve(message.batch, message.counts);
      else if (message.type === 'rendered') rendered.resolve(message.batch, { chunks: message.chunks, held: message.held });
      else fail(new Error(`A generator thread failed: ${message.message}`));
    });
    thread.on('error', (error: Error) => fail(error));
    threads.push(thread);
  }
  // Awaited only through the races below.
  failure.catch(() => undefined);
  return {
    counted: (batch) => waitOrFail(counted.get(batch)),
    first: (batch, ids) => threads[batch % workers]!.postMessage({ type: 'first', batch, ids } satisfies ToWorker),
    rendered: (batch) => waitOrFail(rendered.get(batch)),
  };
}

/** The worker's compiled script: next to this module when it runs from dist/, in dist/ when it runs from src/ (tests). */
function workerScript(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../dist/large-worker.js', here) : new URL('./large-worker.js', here);
}

/**
 * The process's Node flags a worker thread can take: not a test runner's
 * source condition (the compiled script imports the compiled packages), nor
 * the flags of the whole process a worker refuses (`--expose-gc`, as the
 * benches run, and the profilers).
 */
function workerExecArgv(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let k = 0; k < args.length; k += 1) {
    const arg = args[k]!;
    if (arg === '--conditions' || arg === '-C') k += 1;
    else if (!/^(--conditions=|-C=|--expose[-_]gc$|--(cpu|heap)[-_]prof)/.test(arg)) kept.push(arg);
  }
  return kept;
}

async function inSession<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * What `analytics_rebuild()` does (empty the rollups, fill them from the base
 * tables, bump the version), as steps of the build phase: the rollups emptied
 * now, and their indexes dropped; one step fills them all with
 * `analytics_fill` (migration 0018; every source of one call reads the claims
 * and their units once, 0024); then their indexes are built, each a step of
 * its own after the fill; the version is bumped `after` them. Without
 * `analytics_fill`, one step calls `analytics_rebuild()`; without rollups,
 * nothing.
 */
async function rollupWork(control: pg.Client): Promise<{ fill: Work[]; indexes: Work[]; after: () => Promise<unknown>; rebuilt: boolean }> {
  const { rows: found } = await control.query<{ rebuild: boolean; fill: boolean }>(
    `select to_regprocedure('analytics_rebuild()') is not null as rebuild,
            to_regprocedure('analytics_fill(text[])') is not null and to_regprocedure('analytics_bump_version()') is not null as fill`,
  );
  if (!found[0]?.rebuild) return { fill: [], indexes: [], after: () => Promise.resolve(), rebuilt: false };
  if (!found[0].fill) return { fill: [statement('select analytics_rebuild()')], indexes: [], after: () => Promise.resolve(), rebuilt: true };
  const { rows } = await control.query<{ rollup: string }>(`select distinct rollup from analytics_rollup order by 1`);
  const rollups = rows.map((row) => row.rollup);
  await control.query(`truncate ${rollups.map((rollup) => `"${rollup}"`).join(', ')}`);
  // Their indexes are built after they are filled: sorted once, not kept row by row as hundreds of thousands of rows go in.
  const indexes = await dropIndexes(control, rollups);
  let filled!: (failure?: Error) => void;
  const done = new Promise<void>((resolve, reject) => (filled = (failure) => (failure === undefined ? resolve() : reject(failure))));
  // Awaited by the index steps: a failed fill fails them too, and is reported by its own step.
  done.catch(() => undefined);
  return {
    fill: [
      async (client) => {
        try {
          await client.query('select analytics_fill(array(select distinct source from analytics_rollup order by 1))');
          filled();
        } catch (error) {
          filled(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      },
    ],
    // Queued after the fill: a session that takes one sooner waits for it.
    indexes: indexes.map(({ build }) => async (client) => {
      await done;
      await client.query(build);
    }),
    after: () => control.query('select analytics_bump_version()'),
    rebuilt: true,
  };
}

/**
 * Live delivery reads the event log by commit position, which a trigger gives
 * each event as its transaction commits. The bulk load runs with triggers off,
 * so its events are written with their positions: in id order (the order they happened).
 */
async function eventsHavePositions(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ positioned: boolean }>(
    `select exists (select 1 from information_schema.columns where table_name = 'claim_event' and column_name = 'position' and table_schema = current_schema()) as positioned`,
  );
  return rows[0]?.positioned === true;
}

/** The next event's position after the loaded events' (positions equal ids here), and the webhook feed after them. */
async function positionsPastEvents(client: pg.Client): Promise<void> {
  await client.query(`select setval('claim_event_position_seq', coalesce(max(id), 0) + 1, false) from claim_event`);
  await feedAfterEvents(client);
}

/**
 * The webhook dispatcher feeds endpoints the events after `webhook_feed.position`
 * (apps/api/src/webhooks/webhook-dispatcher.ts): the generated history is the
 * past, not news for an endpoint created later. Positions equal ids here.
 */
async function feedAfterEvents(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ feed: boolean }>(`select to_regclass('webhook_feed') is not null as feed`);
  if (!rows[0]?.feed) return;
  await client.query(`update webhook_feed set position = greatest(position, (select coalesce(max(id), 0) from claim_event)) where id = 1`);
}

/**
 * The PostgreSQL server's main process (postmaster), when it runs on this
 * machine and /proc shows it: the parent of this session's backend.
 */
async function localServerProcess(client: pg.Client): Promise<number | undefined> {
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const backend = rows[0]?.pid;
  const stat = backend === undefined ? undefined : procStat(backend);
  if (!stat?.command.includes('postgres')) return undefined;
  return procStat(stat.parent)?.command.includes('postgres') ? stat.parent : undefined;
}

/** CPU milliseconds the server's processes have used: the main process with the children it has reaped, and its live children. */
function serverCpuMs(server: number | undefined): number | undefined {
  if (server === undefined) return undefined;
  const main = procStat(server);
  if (!main) return undefined;
  let ticks = main.ticks + main.childTicks;
  for (const entry of readdirSyncOrEmpty('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const child = procStat(Number(entry));
    if (child?.parent === server) ticks += child.ticks + child.childTicks;
  }
  return Math.round((ticks * 1000) / CLOCK_TICKS);
}

/** Linux's USER_HZ, what /proc/<pid>/stat counts CPU time in. */
const CLOCK_TICKS = 100;

function procStat(pid: number): { command: string; parent: number; ticks: number; childTicks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    // After the command: state, ppid, …, utime (14th field), stime, cutime, cstime.
    const fields = text.slice(close + 2).split(' ');
    return {
      command: text.slice(text.indexOf('(') + 1, close),
      parent: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      childTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

function readdirSyncOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** FKs and user triggers off for this session: needs a superuser. */
async function replicaRole(client: pg.Client): Promise<void> {
  try {
    await client.query('set session_replication_role = replica');
  } catch (error) {
    throw new Error(
      `The large data set loads with foreign keys off (session_replication_role = replica), which needs a superuser: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function insertStaff(staff: readonly Record<string, unknown>[]): { text: string; values: unknown[] } {
  const columns = Object.keys(staff[0] ?? {});
  const values: unknown[] = [];
  const tuples = staff.map((row) => `(${columns.map((column) => `$${values.push(row[column])}`).join(',')})`);
  return { text: `insert into app_user (${columns.join(',')}) values ${tuples.join(',')} on conflict (email) do nothing`, values };
}

/** Drops every index of the (empty, unreferenced) tables, primary keys included, and says how to build each again. */
async function dropIndexes(client: pg.Client, tables: readonly string[]): Promise<{ table: string; build: string }[]> {
  const indexes = await indexesOf(client, tables);
  for (const row of indexes)
    await client.query(row.constraint ? `alter table "${row.table}" drop constraint "${row.constraint}"` : `drop index "${row.index}"`);
  return indexes.map((row) => ({
    table: row.table,
    build: row.constraint ? `alter table "${row.table}" add constraint "${row.constraint}" ${row.constraintDefinition}` : row.definition,
  }));
}

/**
 * The indexes of the tables (primary keys too), each with the constraint it backs, if any, whether it is partial, and
 * whether a foreign key references it.
 */
async function indexesOf(client: pg.Client, tables: readonly string[]) {
  const { rows } = await client.query<{
    table: string;
    index: string;
    definition: string;
    partial: boolean;
    referenced: boolean;
    constraint: string | null;
    constraintType: string | null;
    constraintDefinition: string | null;
  }>(
    `
    select t.relname as table, i.relname as index, pg_get_indexdef(i.oid) as definition, x.indpred is not null as partial,
           exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.oid) as referenced,
           c.conname as constraint, c.contype as "constraintType", pg_get_constraintdef(c.oid) as "constraintDefinition"
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
      left join pg_constraint c on c.conindid = i.oid and c.contype in ('p', 'u', 'x')
     where t.relname = any($1::text[])
     order by t.relname, x.indisprimary desc, i.relname`,
    [tables],
  );
  return rows;
}

interface DroppedIndex {
  readonly table: string;
  /** The index to build again (a unique key's too), two at a time with the others, the largest tables first. */
  readonly build?: string;
  /**
   * Once every index is built: a unique key made again of its index (a moment's exclusive lock, which would have
   * waited for the table's other builds), a foreign key of another table added back.
   */
  readonly then?: string;
}

/**
 * Drops the indexes of the loaded tables, unique keys and primary keys included, and says how to build each again.
 * Some stay, kept as the rows go in: a primary key another loaded table's foreign key references (the key could
 * not be dropped without it), and the partial indexes of KEPT_WHILE_LOADING.
 */
async function dropLoadedIndexes(client: pg.Client): Promise<DroppedIndex[]> {
  const rows = await indexesOf(client, LOADED_TABLES);
  const dropped: DroppedIndex[] = [];
  for (const row of rows) {
    if (row.referenced || (row.partial && KEPT_WHILE_LOADING.has(row.index))) continue;
    if (row.constraint) {
      await client.query(`alter table ${row.table} drop constraint ${row.constraint}`);
      // A key's index is built as an index (locking out writes, not the other index builds of the table), then made
      // the key; an exclusion constraint is added as it was.
      const key = row.constraintType === 'p' ? 'primary key' : row.constraintType === 'u' ? 'unique' : undefined;
      dropped.push(
        key
          ? { table: row.table, build: row.definition, then: `alter table ${row.table} add constraint ${row.constraint} ${key} using index ${row.index}` }
          : { table: row.table, then: `alter table ${row.table} add constraint ${row.constraint} ${row.constraintDefinition}` },
      );
    } else {
      await client.query(`drop index ${row.index}`);
      dropped.push({ table: row.table, build: row.definition });
    }
  }
  return dropped;
}

/**
 * Drops the foreign keys of other tables that point at a loaded table, and
 * says how to add each again: those tables are empty (the loaded ones are),
 * so validating them again costs nothing. The keys between loaded tables stay.
 */
async function dropForeignKeysFromOtherTables(client: pg.Client): Promise<DroppedIndex[]> {
  const { rows } = await client.query<{ table: string; constraint: string; definition: string }>(
    `
    select c.conrelid::regclass::text as table, c.conname as constraint, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      join pg_class t on t.oid = c.confrelid
      join pg_class r on r.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
     where c.contype = 'f' and t.relname = any($1::text[]) and r.relname <> all($1::text[])
     order by 1, 2`,
    [LOADED_TABLES],
  );
  const dropped: DroppedIndex[] = [];
  for (const row of rows) {
    await client.query(`alter table ${row.table} drop constraint ${row.constraint}`);
    dropped.push({ table: row.table, then: `alter table ${row.table} add constraint ${row.constraint} ${row.definition}` });
  }
  return dropped;
}

/** A step of the build phase, run in one of its sessions. */
type Work = (client: pg.Client) => Promise<unknown>;

/** A step that runs one statement. */
function statement(sql: string): Work {
  return (client) => client.query(sql);
}

/**
 * Runs the steps in two sessions (one per core here), each taking the next
 * step when it is done with one. Index builds sort in memory, in their own
 * process (`max_parallel_maintenance_workers = 0`: the other session already
 * holds the other core, and a parallel build's workers hand their sorted runs
 * to the leader through temporary files); the rollups' joins hash the unit
 * table in memory.
 */
async function inTwoSessions(databaseUrl: string, work: readonly Work[], onDone: () => void): Promise<void> {
  const queue = [...work];
  const session = () =>
    inSession(databaseUrl, async (client) => {
      await client.query(`set maintenance_work_mem = '512MB'`);
      await client.query('set max_parallel_maintenance_workers = 0');
      await client.query(`set work_mem = '256MB'`);
      for (let next = queue.shift(); next; next = queue.shift()) {
        await next(client);
        onDone();
      }
    });
  await Promise.all([session(), session()]);
}

/** Pages of each table. */
async function tablePages(client: pg.Client, tables: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ table: string; pages: string }>(
    `select relname as table, pg_relation_size(oid) / 8192 as pages from pg_class where relname = any($1::text[]) and relkind = 'r'`,
    [[...new Set(tables)]],
  );
  return new Map(rows.map((row) => [row.table, Number(row.pages)]));
}

/** Where a load's chunks of COPY text go. */
interface TableCopies {
  /** Resolves once PostgreSQL can take more (at once while it keeps up). */
  copy(chunks: readonly TableChunk[]): Promise<void>;
  /** Every chunk copied, and committed. */
  end(): Promise<void>;
}

/**
 * The chunks of every table on one connection, one COPY after another, in
 * the transaction that emptied the tables. A table's chunks are gathered
 * until they hold COPY_BYTES, then sent in one COPY (a few hundred COPYs for
 * a million claims, not one per table and batch). What a batch fills waits
 * its turn while PostgreSQL copies what the batch before filled; `copy`
 * waits for that.
 */
class SerialCopies implements TableCopies {
  private last: Promise<void> = Promise.resolve();
  private readonly gathered = new Map<TableName, { chunks: TableChunk[]; bytes: number }>();

  constructor(private readonly client: pg.Client) {}

  async copy(chunks: readonly TableChunk[]): Promise<void> {
    const before = this.last;
    for (const chunk of chunks) {
      const table = this.gathered.get(chunk.table) ?? { chunks: [], bytes: 0 };
      table.chunks.push(chunk);
      table.bytes += chunk.bytes.length;
      this.gathered.set(chunk.table, table);
      if (table.bytes >= COPY_BYTES) this.send(chunk.table);
    }
    await before;
  }

  async end(): Promise<void> {
    for (const table of [...this.gathered.keys()]) this.send(table);
    await this.last;
    await this.client.query('commit');
  }

  /** A table's gathered chunks in one COPY, after the COPYs before it. */
  private send(table: TableName): void {
    const gathered = this.gathered.get(table);
    if (!gathered) return;
    this.gathered.delete(table);
    this.last = this.last.then(async () => {
      const stream = copyFrom(copyStatement(table, gathered.chunks[0]!.layout, true));
      const copied = finished(stream);
      this.client.query(stream);
      for (const chunk of gathered.chunks) if (!stream.write(chunk.bytes)) await Promise.race([once(stream, 'drain'), copied]);
      stream.end();
      await copied;
    });
    // Its failure is reported by the next `copy` or by `end`.
    this.last.catch(() => undefined);
  }
}

/** The COPY text a table's chunks gather before they are sent. */
const COPY_BYTES = 4 * 1024 * 1024;

/**
 * The checked load's chunks, held until the end, then copied table by table
 * in foreign-key order (the keys are checked as the rows go in) on the
 * connection whose transaction the caller commits.
 */
class HeldCopies implements TableCopies {
  private readonly held = new Map<TableName, TableChunk[]>();

  constructor(private readonly client: pg.Client) {}

  copy(chunks: readonly TableChunk[]): Promise<void> {
    for (const chunk of chunks) {
      const table = this.held.get(chunk.table) ?? [];
      if (table.length > 0 && table[0]!.layout.columns.join() !== chunk.layout.columns.join()) {
        throw new Error(`COPY: rows of ${chunk.table} with other columns (${chunk.layout.columns.join()})`);
      }
      table.push(chunk);
      this.held.set(chunk.table, table);
    }
    return Promise.resolve();
  }

  async end(): Promise<void> {
    for (const table of LOADED_TABLES) {
      const chunks = this.held.get(table);
      if (!chunks) continue;
      const stream = copyFrom(copyStatement(table, chunks[0]!.layout, false));
      const copied = finished(stream);
      this.client.query(stream);
      for (const chunk of chunks) if (!stream.write(chunk.bytes)) await Promise.race([once(stream, 'drain'), copied]);
      stream.end();
      await copied;
    }
  }
}
