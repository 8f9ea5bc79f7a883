import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { POLICY_REGISTRY } from '@aftersale/domain';
import pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { planClaims, tellClaims, type ClaimTable } from './claims.js';
import type { PlantedDefect } from './life.js';
import { TABLES_IN_WRITE_ORDER, type TableName } from './rows.js';
import { databaseUserIds, moveSequencesPastData, USER_REFERENCES } from './write.js';
import { buildWorld } from './world.js';

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
  /** Called about twice a second while loading, and at the start and end of each phase. */
  onProgress?(progress: LoadProgress): void;
}

export type LoadPhase = 'prepare' | 'load' | 'index' | 'analyze' | 'rollups';

export interface LoadProgress {
  readonly phase: LoadPhase;
  /** Rows written so far, all tables. */
  readonly rows: number;
  readonly claims: number;
  readonly totalClaims: number;
  /** Milliseconds since the phase started. */
  readonly elapsedMs: number;
  /** In the index phase: the indexes built so far, of how many. */
  readonly indexes?: { readonly built: number; readonly total: number };
}

export interface LoadReport {
  /** The bad batches planted (none with `defects: false`). */
  readonly defects: readonly PlantedDefect[];
  /** Rows written per table. */
  readonly rows: Readonly<Record<TableName, number>>;
  /** How long each phase took, in milliseconds, in order. */
  readonly phases: readonly { readonly phase: LoadPhase; readonly ms: number }[];
  /** True when `analytics_rebuild()` existed and was called. */
  readonly rollupsRebuilt: boolean;
}

/** The tables a load fills; their secondary indexes are dropped before and built after. */
const LOADED_TABLES = TABLES_IN_WRITE_ORDER.filter((table) => table !== 'app_user');
/** Flush a table's buffered text to its COPY stream at this size. */
const CHUNK_CHARS = 1 << 18;

/**
 * Fills an empty, migrated database with a large realistic data set: the
 * demo world grown to `claims` claims over four years, with every record the
 * API writes for them, streamed with COPY (one connection per table, so
 * PostgreSQL parses them while the next claims are told). Foreign keys and
 * user triggers are off during the load (`session_replication_role =
 * replica`, which needs a superuser: the embedded PostgreSQL's user is one);
 * the rows are generated consistent, and a test loads a small set with them
 * on. Secondary indexes are dropped first and built after, then the tables
 * are analysed and, if the analytics rollups exist, `analytics_rebuild()`
 * brings them in line.
 *
 * @example
 * await generateLargeDataSet(process.env.DATABASE_URL, { claims: 1_000_000, onProgress: console.error });
 */
export async function generateLargeDataSet(databaseUrl: string, options: LargeDataSetOptions): Promise<LoadReport> {
  const totalClaims = options.claims;
  const world = buildWorld({
    today: options.today ?? new Date().toISOString().slice(0, 10),
    passwordHash: options.passwordHash ?? '!',
    seed: options.seed,
    defects: options.defects,
    devices: options.devices ?? Math.max(3000, 4 * totalClaims),
    customers: options.customers ?? 6 + Math.floor(totalClaims / 10_000),
    serviceCentres: options.serviceCentres ?? 3 + Math.floor(totalClaims / 200_000),
    historyDays: options.historyDays ?? 1461,
  });
  const claims = planClaims(world, totalClaims);
  const checked = options.checked === true;
  const phases: { phase: LoadPhase; ms: number }[] = [];
  const rows = Object.fromEntries(TABLES_IN_WRITE_ORDER.map((table) => [table, 0])) as Record<TableName, number>;
  let claimsTold = 0;
  const report = (phase: LoadPhase, started: number, indexes?: LoadProgress['indexes']) =>
    options.onProgress?.({
      phase,
      rows: Object.values(rows).reduce((sum, n) => sum + n, 0),
      claims: claimsTold,
      totalClaims,
      elapsedMs: Date.now() - started,
      ...(indexes && { indexes }),
    });
  const timed = async <T>(phase: LoadPhase, work: (started: number) => Promise<T>): Promise<T> => {
    const started = Date.now();
    report(phase, started);
    const result = await work(started);
    phases.push({ phase, ms: Date.now() - started });
    report(phase, started);
    return result;
  };

  const control = new pg.Client({ connectionString: databaseUrl });
  await control.connect();
  const connections: pg.Client[] = [];
  try {
    const dropped = await timed('prepare', async () => {
      const { rows: existing } = await control.query<{ any: boolean }>(
        'select exists (select 1 from customer) or exists (select 1 from device) or exists (select 1 from claim) as any',
      );
      if (existing[0]?.any) throw new Error('The database is not empty: the large data set fills an empty database only');
      const { rows: versions } = await control.query<{ version: string }>('select version from policy_version');
      const missing = POLICY_REGISTRY.filter((policy) => !versions.some((row) => row.version === policy.version)).map((policy) => policy.version);
      if (missing.length > 0) {
        throw new Error(`policy_version ${missing.join(', ')} missing: the API registers the policy versions on start, \`npm run db -- migrate\` too`);
      }
      if (checked) return [];
      // Autovacuum would chase the tables as they fill: they are analysed once, at the end.
      for (const table of LOADED_TABLES) await control.query(`alter table ${table} set (autovacuum_enabled = false)`);
      return dropSecondaryIndexes(control);
    });

    await timed('load', async (started) => {
      if (checked) await control.query('begin');
      else await replicaRole(control);
      rows.app_user = (await control.query(insertStaff(world.app_user.map(({ id: _local, ...row }) => row)))).rowCount ?? 0;
      const userIds = await databaseUserIds(control, world.app_user);
      const open = async (table: TableName): Promise<TableWriter> => {
        const track = (n: number) => (rows[table] += n);
        if (checked) return new TableWriter(control, table, USER_REFERENCES[table] ?? [], userIds, track, 'hold');
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        connections.push(client);
        await replicaRole(client);
        return new TableWriter(client, table, USER_REFERENCES[table] ?? [], userIds, track, 'stream');
      };
      const writers = new Map<TableName, TableWriter>();
      for (const table of LOADED_TABLES) writers.set(table, await open(table));
      const writer = (table: TableName) => writers.get(table)!;

      const small = {
        customer: world.customers.map((c) => c.row),
        service_centre: world.service_centre,
        product_model: world.product_model,
        part: world.part,
        sales_order: world.orders.map((o) => o.row),
        stock: world.stock,
      };
      for (const [table, list] of Object.entries(small)) for (const row of list) writer(table as TableName).write(row);
      for (const row of world.spare_shipment) writer('spare_shipment').write(row);

      // The units go in step with the claims, so the device and claim tables load side by side.
      const units = world.units[Symbol.iterator]();
      let unitsWritten = 0;
      const story = tellClaims(world, claims, { write: (table: ClaimTable, row) => writer(table).write(row) });
      let lastReport = Date.now();
      for (let step = story.next(); !step.done; step = story.next()) {
        claimsTold = step.value + 1;
        const unitsDue = Math.floor((world.devices * claimsTold) / Math.max(1, totalClaims));
        for (; unitsWritten < unitsDue; unitsWritten += 1) writer('device').write(units.next().value as object);
        if (claimsTold % 64 === 0) {
          await Promise.all([...writers.values()].map((w) => w.drained()));
          if (Date.now() - lastReport >= 500) {
            lastReport = Date.now();
            report('load', started);
          }
        }
      }
      for (let unit = units.next(); !unit.done; unit = units.next()) writer('device').write(unit.value);
      if (checked) for (const table of LOADED_TABLES) await writer(table).end();
      else await Promise.all([...writers.values()].map((w) => w.end()));
      await moveSequencesPastData(control);
      await positionLoadedEvents(control);
      if (checked) await control.query('commit');
    });

    await timed('index', (started) => rebuildIndexes(databaseUrl, dropped, (built) => report('index', started, { built, total: dropped.length })));
    await timed('analyze', async () => {
      await control.query(`analyze ${LOADED_TABLES.join(', ')}`);
      for (const table of LOADED_TABLES) await control.query(`alter table ${table} reset (autovacuum_enabled)`);
    });
    const rollupsRebuilt = await timed('rollups', async () => {
      // With triggers on (checked), the rollups' triggers kept them as the rows went in.
      if (checked) return false;
      const { rows: found } = await control.query<{ exists: boolean }>(`select to_regprocedure('analytics_rebuild()') is not null as exists`);
      if (!found[0]?.exists) return false;
      await control.query('select analytics_rebuild()');
      return true;
    });
    return { rows, phases, rollupsRebuilt, defects: world.defects };
  } finally {
    await Promise.all(connections.map((client) => client.end().catch(() => undefined)));
    await control.end();
  }
}

/** FKs and user triggers off for this session: needs a superuser. */
/**
 * Live delivery reads the event log by commit position, which a trigger gives
 * each event as its transaction commits. The bulk load runs with triggers off,
 * so its events take their positions here, in id order (the order they happened).
 */
async function positionLoadedEvents(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ positioned: boolean }>(
    `select exists (select 1 from information_schema.columns where table_name = 'claim_event' and column_name = 'position') as positioned`,
  );
  if (!rows[0]?.positioned) return;
  await client.query('update claim_event set position = id where position is null');
  await client.query(`select setval('claim_event_position_seq', coalesce(max(position), 0) + 1, false) from claim_event`);
}

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

interface DroppedIndex {
  readonly table: string;
  /** The statement that builds it again. */
  readonly create: string;
}

/** Drops every index of the loaded tables but their primary keys, unique constraints included, and says how to build each again. */
async function dropSecondaryIndexes(client: pg.Client): Promise<DroppedIndex[]> {
  const { rows } = await client.query<{ table: string; index: string; definition: string; constraint: string | null; constraint_definition: string | null }>(
    `
    select t.relname as table, i.relname as index, pg_get_indexdef(i.oid) as definition,
           c.conname as constraint, pg_get_constraintdef(c.oid) as constraint_definition
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
      left join pg_constraint c on c.conindid = i.oid and c.contype in ('u', 'x')
     where t.relname = any($1::text[]) and not x.indisprimary
     order by t.relname, i.relname`,
    [LOADED_TABLES],
  );
  const dropped: DroppedIndex[] = [];
  for (const row of rows) {
    if (row.constraint) {
      await client.query(`alter table ${row.table} drop constraint ${row.constraint}`);
      dropped.push({ table: row.table, create: `alter table ${row.table} add constraint ${row.constraint} ${row.constraint_definition}` });
    } else {
      await client.query(`drop index ${row.index}`);
      dropped.push({ table: row.table, create: row.definition });
    }
  }
  return dropped;
}

/** Builds the dropped indexes again, two at a time (one per core here), the largest tables first. */
async function rebuildIndexes(databaseUrl: string, dropped: readonly DroppedIndex[], onBuilt: (built: number) => void): Promise<void> {
  const queue = [...dropped];
  let built = 0;
  const worker = async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`set maintenance_work_mem = '256MB'`);
      for (let next = queue.shift(); next; next = queue.shift()) {
        await client.query(next.create);
        onBuilt((built += 1));
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all([worker(), worker()]);
}

/**
 * One table's COPY stream: rows become PostgreSQL's text format, buffered
 * and sent in chunks; `drained` waits while PostgreSQL is behind. Holding,
 * it keeps the chunks until `end`, then copies them all.
 */
class TableWriter {
  private readonly stream: CopyStreamQuery;
  private readonly held: string[] = [];
  private columns: string[] | undefined;
  private buffer = '';
  private buffered = 0;
  private draining: Promise<unknown> | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly client: pg.Client,
    private readonly table: TableName,
    private readonly userColumns: readonly string[],
    private readonly userIds: ReadonlyMap<number, number>,
    private readonly onRows: (rows: number) => void,
    private readonly mode: 'stream' | 'hold',
  ) {
    this.stream = copyFrom('');
    // PostgreSQL's refusal (a broken constraint, say) surfaces at the next wait.
    this.stream.on('error', (error: Error) => (this.failure ??= error));
  }

  write(row: object): void {
    const record = row as Record<string, unknown>;
    if (!this.columns) this.begin(Object.keys(record));
    const columns = this.columns!;
    let line = '';
    for (let c = 0; c < columns.length; c += 1) {
      const column = columns[c]!;
      let value = record[column];
      if (this.userColumns.includes(column) && typeof value === 'number') value = this.userIds.get(value) ?? null;
      line += (c === 0 ? '' : '\t') + copyText(value);
    }
    this.buffer += `${line}\n`;
    this.buffered += 1;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  /** Resolves once PostgreSQL has taken what was sent so far (at once when it is keeping up). */
  drained(): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return this.draining ?? Promise.resolve();
  }

  async end(): Promise<void> {
    if (!this.columns) return;
    this.flush();
    if (this.mode === 'hold') {
      this.start();
      for (const chunk of this.held.splice(0)) if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    }
    this.stream.end();
    await finished(this.stream);
  }

  private begin(columns: string[]): void {
    this.columns = columns;
    this.stream.text = `copy ${this.table} (${columns.map((c) => `"${c}"`).join(',')}) from stdin`;
    if (this.mode === 'stream') this.start();
  }

  private start(): void {
    this.client.query(this.stream);
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.onRows(this.buffered);
    const chunk = this.buffer;
    this.buffer = '';
    this.buffered = 0;
    if (this.mode === 'hold') {
      this.held.push(chunk);
      return;
    }
    const ok = this.stream.write(chunk);
    if (!ok && !this.draining) {
      this.draining = Promise.race([once(this.stream, 'drain'), finished(this.stream)]).finally(() => (this.draining = undefined));
    }
  }
}

/** A value in COPY's text format: \N for null, arrays as {a,b}, objects as JSON, with backslash, tab and line ends escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'string') return escapeCopy(value);
  if (Array.isArray(value)) return escapeCopy(`{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return escapeCopy(JSON.stringify(value));
}

const SPECIAL = /[\\\t\n\r]/;

function escapeCopy(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
