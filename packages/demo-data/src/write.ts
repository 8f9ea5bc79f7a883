import { TABLES_IN_WRITE_ORDER, type AppUserRow, type DataSet, type TableName } from './rows.js';

/** What the writer needs of a PostgreSQL client: `pg`'s `Client` or `PoolClient` fit. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface WriteOptions {
  /** Rows per INSERT statement (fewer when the table's columns would pass PostgreSQL's 65535 parameters). Default 1000. */
  batchSize?: number;
  /** Called after each statement with the rows written to that table so far. */
  onProgress?(table: string, rows: number): void;
}

/** PostgreSQL's limit on the parameters of one statement. */
const MAX_PARAMETERS = 65_535;

/** Tables without an `id` the generator fills in: app_user's ids are the database's, stock and invoice_counter have natural keys. */
const WITHOUT_IDENTITY: readonly TableName[] = ['app_user', 'stock', 'invoice_counter'];

/** Tables whose `id` is an identity column the generator fills in: their sequences are moved past it. */
const IDENTITY_TABLES: readonly TableName[] = TABLES_IN_WRITE_ORDER.filter((table) => !WITHOUT_IDENTITY.includes(table));

/** Columns holding the data set's local app_user ids (see AppUserRow). */
export const USER_REFERENCES: Partial<Record<TableName, readonly string[]>> = {
  claim: ['submitted_by_user_id'],
  claim_event: ['actor_user_id'],
  assessment: ['assessed_by'],
  maintenance_agreement: ['recorded_by'],
  stock_movement: ['actor_user_id'],
};

type Row = Readonly<Record<string, unknown>>;

/**
 * Writes a data set table by table in foreign-key order with multi-row
 * parameterised INSERTs, reading the streamed tables as it goes (at most two
 * statements' rows are in memory), then moves every identity sequence and
 * claim_number_seq past the ids and numbers it wrote. The caller owns the
 * transaction: BEGIN before, COMMIT (or ROLLBACK) after.
 *
 * Staff users are inserted without ids, skipping an e-mail already there,
 * and the claim and claim_event references are mapped onto the ids the
 * database has for them.
 *
 * @returns the rows written per table
 */
export async function writeDataSet(client: SqlClient, dataSet: DataSet, options: WriteOptions = {}): Promise<Record<TableName, number>> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize: must be a whole number ≥ 1');
  const progress = (table: TableName) => (rows: number) => options.onProgress?.(table, rows);
  const written = {} as Record<TableName, number>;

  const staff = dataSet.tables.app_user;
  const staffColumns = staff.map(({ id: _localId, ...row }) => row);
  written.app_user = await insertRows(client, 'app_user', staffColumns, batchSize, progress('app_user'), 'on conflict (email) do nothing');
  const userIds = await databaseUserIds(client, staff);

  for (const table of TABLES_IN_WRITE_ORDER) {
    if (table === 'app_user') continue;
    const references = USER_REFERENCES[table];
    const rows: Iterable<Row> = dataSet.tables[table] as Iterable<object> as Iterable<Row>;
    written[table] = await insertRows(client, table, references ? mapped(rows, references, userIds) : rows, batchSize, progress(table));
  }

  await moveSequencesPastData(client);
  return written;
}

/** Moves every identity sequence past the ids written, and claim_number_seq past the highest claim number, so the API's next rows follow. */
export async function moveSequencesPastData(client: SqlClient): Promise<void> {
  await moveIdsPastData(client);
  await moveClaimNumbersPastData(client);
}

/** Every identity sequence past the highest id (read from each primary key). */
export async function moveIdsPastData(client: SqlClient): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) from ${table}`);
  }
}

/** claim_number_seq past the highest claim number (a scan of the claims). */
export async function moveClaimNumbersPastData(client: SqlClient): Promise<void> {
  // The claim number's default takes the next value: continue after the highest number written. (A match without a
  // capture group is a third of the work over a million claims.)
  await client.query(
    `select setval('claim_number_seq', coalesce(max(substr(number, 4)::bigint) filter (where number ~ '^CL-[0-9]+$'), 0) + 1, false) from claim`,
  );
}

/** The database's ids of the data set's staff users, found by e-mail after they were inserted. */
export async function databaseUserIds(client: SqlClient, staff: readonly AppUserRow[]): Promise<ReadonlyMap<number, number>> {
  const result = await client.query('select id, email from app_user where email = any($1::text[])', [staff.map((user) => user.email)]);
  const rows = (result as { rows?: { id: number | string; email: string }[] } | undefined)?.rows ?? [];
  const idOfEmail = new Map(rows.map((row) => [row.email, Number(row.id)]));
  return new Map(
    staff.map((user) => {
      const id = idOfEmail.get(user.email);
      if (id === undefined) throw new Error(`app_user ${user.email} is missing after insert`);
      return [user.id, id];
    }),
  );
}

function* mapped(rows: Iterable<Row>, columns: readonly string[], ids: ReadonlyMap<number, number>): Generator<Row> {
  for (const row of rows) {
    const copy: Record<string, unknown> = { ...row };
    for (const column of columns) {
      const local = copy[column];
      if (typeof local === 'number') copy[column] = ids.get(local) ?? null;
    }
    yield copy;
  }
}

/**
 * Inserts rows in statements of up to `batchSize` rows. The next statement's
 * rows are built while the previous one runs; its result is awaited before
 * the next is sent, so errors surface in order.
 */
async function insertRows(
  client: SqlClient,
  table: string,
  rows: Iterable<Row>,
  batchSize: number,
  onProgress: (rows: number) => void,
  suffix = '',
): Promise<number> {
  let columns: string[] = [];
  let rowsPerStatement = 0;
  let fullStatement = '';
  let params: unknown[] = [];
  let inBatch = 0;
  let sent = 0;
  let inFlight: { done: Promise<unknown>; rowsAfter: number } | undefined;

  const settle = async (): Promise<void> => {
    if (!inFlight) return;
    await inFlight.done;
    onProgress(inFlight.rowsAfter);
    inFlight = undefined;
  };
  const send = async (): Promise<void> => {
    const statement = inBatch === rowsPerStatement ? fullStatement : insertStatement(table, columns, inBatch, suffix);
    const values = params;
    sent += inBatch;
    params = [];
    inBatch = 0;
    await settle();
    const done = client.query(statement, values);
    // Handled when settled; this only keeps Node from reporting it as unhandled meanwhile.
    done.catch(() => undefined);
    inFlight = { done, rowsAfter: sent };
  };

  for (const row of rows) {
    if (columns.length === 0) {
      columns = Object.keys(row);
      rowsPerStatement = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columns.length)));
      fullStatement = insertStatement(table, columns, rowsPerStatement, suffix);
    }
    for (const column of columns) params.push(parameter(row[column]));
    inBatch += 1;
    if (inBatch === rowsPerStatement) await send();
  }
  if (inBatch > 0) await send();
  await settle();
  return sent;
}

function insertStatement(table: string, columns: readonly string[], rows: number, suffix: string): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const base = r * columns.length;
    tuples.push(`(${columns.map((_, c) => `$${base + c + 1}`).join(',')})`);
  }
  return `insert into ${table} (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples.join(',')}${suffix ? ` ${suffix}` : ''}`;
}

/** jsonb values go as JSON text; everything else as the driver sends it. */
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
