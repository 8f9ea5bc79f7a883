import pg from 'pg';

/**
 * Records every SQL statement this process sends to PostgreSQL through `pg`
 * (the driver under MikroORM and its Kysely instance) while it runs: the
 * honest count of what a request costs the database.
 */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  return (await sentStatements(work)).map((statement) => statement.text);
}

/** A statement as sent: its text, its parameters, and its name when it is a prepared statement. */
export interface SentStatement {
  text: string;
  values: unknown[];
  name?: string;
}

/** The statements (with their parameters, e.g. to EXPLAIN them) this process sends while `work` runs. */
export async function sentStatements(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const statements: SentStatement[] = [];
  // Kept to be put back and called with the patched client as `this` (`query.apply(this, args)`).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    const config = typeof first === 'object' && first !== null ? (first as { text?: string; values?: unknown[]; name?: string }) : undefined;
    statements.push({
      text: typeof first === 'string' ? first : (config?.text ?? String(first)),
      values: Array.isArray(second) ? (second as unknown[]) : (config?.values ?? []),
      ...(config?.name !== undefined && { name: config.name }),
    });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return statements;
}
