import pg from 'pg';

/**
 * Records every SQL statement this process sends to PostgreSQL through `pg`
 * (the driver under MikroORM and its Kysely instance) while it runs: the
 * honest count of what a request costs the database.
 */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? String(first)));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return statements;
}
