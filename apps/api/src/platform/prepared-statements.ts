import type { EntityManager } from '@mikro-orm/postgresql';
import type { RawBuilder } from 'kysely';
import type pg from 'pg';

/**
 * Hot reads as prepared statements. PostgreSQL plans an unnamed statement
 * every time it runs it: for a claim with its unit, model, customer and events
 * that is 0.65 ms of planning for 0.2 ms of execution (`EXPLAIN (ANALYZE,
 * SUMMARY)` on the million). A named statement is parsed once per connection
 * and, once PostgreSQL finds its generic plan as cheap as the custom ones,
 * never planned again: what PostGraphile does for every query.
 *
 * Only for statements whose best plan does not depend on their parameters'
 * values (a claim by its id, a list with no filter, one status in an order an
 * index serves). A generic plan is made without the values: on a data set
 * that had lost 0005's (status, created_at, id) index, `status = $1 order by
 * created_at limit 25` walked the created_at index and filtered a million
 * claims (590 ms) where the custom plan sorted the 2 000 in that status
 * (2 ms), and PostgreSQL picks such a plan after five runs because it looks
 * cheaper on paper (PostGraphile, which prepares everything, ran that work
 * queue at 0.01× the hand-written SQL there).
 *
 * The names are this process's: one per distinct statement text, at most
 * `MAX_PREPARED` of them (a prepared statement lives as long as its pooled
 * connection and holds its plan there); past that, texts run unnamed. Inside a
 * transaction a statement runs on the transaction's connection, unnamed.
 */
const MAX_PREPARED = 500;

const names = new Map<string, string>();

/** Runs `statement` (a Kysely `sql` template); prepared when `prepare` says its plan does not depend on its values. */
export async function rowsOf<R>(em: EntityManager, statement: RawBuilder<R>, prepare: boolean): Promise<R[]> {
  const kysely = em.getKysely();
  if (!prepare || em.getTransactionContext()) return (await statement.execute(kysely)).rows;
  const { sql: text, parameters } = statement.compile(kysely);
  const { rows } = await (await poolOf(em)).query<R & pg.QueryResultRow>({ text, values: parameters as unknown[], name: nameOf(text) });
  return rows;
}

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `aftersale_${names.size}`;
    names.set(text, name);
  }
  return name;
}

const pools = new WeakMap<object, pg.Pool>();

/** The `pg` pool under the ORM's connection (the same connections, settings and type parsers as its Kysely instance). */
async function poolOf(em: EntityManager): Promise<pg.Pool> {
  const connection = em.getConnection();
  let pool = pools.get(connection);
  if (!pool) {
    pool = await connection.getNativeClient();
    pools.set(connection, pool);
  }
  return pool;
}
