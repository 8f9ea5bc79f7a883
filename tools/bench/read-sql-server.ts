import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

// Dates as the API sends them (YYYY-MM-DD), not as JavaScript Dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * The limit the read bench measures against: hand-written SQL through `pg`,
 * served as JSON over HTTP, with nothing in between (no GraphQL, no ORM, no
 * authentication). Each route answers what the matching GraphQL query does.
 *
 *   node read-sql-server.js <database url> <port>
 */
const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });

const LIST = `select c.id, c.number, c.status, c.submitted_on, d.id as device_id, d.imei, m.id as model_id, m.name as model_name, cu.id as customer_id, cu.name as customer_name
  from claim c join device d on d.id = c.device_id join product_model m on m.id = c.model_id join customer cu on cu.id = c.customer_id`;

type Row = Record<string, unknown>;
const item = (r: Row) => ({
  id: r['id'],
  number: r['number'],
  status: r['status'],
  submittedOn: r['submitted_on'],
  device: { id: r['device_id'], imei: r['imei'] },
  model: { id: r['model_id'], name: r['model_name'] },
  customer: { id: r['customer_id'], name: r['customer_name'] },
});

async function claimsPage(withTotal: boolean) {
  const [page, total] = await Promise.all([
    pool.query(`${LIST} order by c.id desc limit 100`),
    withTotal ? pool.query<{ count: number }>('select count(*)::int as count from claim') : undefined,
  ]);
  return { items: page.rows.map(item), ...(total && { total: total.rows[0]!.count }) };
}

async function claimDetail(id: number) {
  const [claim, events] = await Promise.all([
    pool.query<Row>(`${LIST} where c.id = $1`, [id]),
    pool.query('select id, type, from_status, to_status, actor_label, created_at from claim_event where claim_id = $1 order by id', [id]),
  ]);
  return { ...item(claim.rows[0]!), events: events.rows };
}

async function workQueue(status: string) {
  const [page, total] = await Promise.all([
    pool.query(`${LIST} where c.status = $1 order by c.created_at, c.id limit 25`, [status]),
    pool.query<{ count: number }>('select count(*)::int as count from claim where status = $1', [status]),
  ]);
  return { items: page.rows.map(item), total: total.rows[0]!.count };
}

async function imeiSearch(prefix: string) {
  const page = await pool.query(`${LIST} where d.imei like $1 order by c.id desc limit 25`, [`${prefix}%`]);
  return { items: page.rows.map(item) };
}

/** The statements of one claim step (CANCEL before the unit arrives): lock and check the version, move the status, append the event. */
async function transition(id: number, version: number) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ status: string; version: number; customer_id: number }>(
      'select status, version, customer_id from claim where id = $1 for update',
      [id],
    );
    if (rows[0]?.version !== version || rows[0]?.status !== 'AWAITING_UNIT') throw new Error('conflict');
    await client.query(`update claim set status = 'CANCELLED', version = version + 1, updated_at = now() where id = $1`, [id]);
    await client.query(
      `insert into claim_event (claim_id, customer_id, type, from_status, to_status, actor_label, data) values ($1, $2, 'CANCEL', 'AWAITING_UNIT', 'CANCELLED', 'bench', '{"note":"bench"}')`,
      [id, rows[0].customer_id],
    );
    await client.query('commit');
    return { id, version: version + 1, status: 'CANCELLED' };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  const { pathname, searchParams } = new URL(req.url ?? '/', 'http://x');
  const param = (name: string) => searchParams.get(name) ?? '';
  switch (pathname) {
    case '/claims':
      return claimsPage(param('total') === '1');
    case '/claim':
      return claimDetail(Number(param('id')));
    case '/queue':
      return workQueue(param('status'));
    case '/imei':
      return imeiSearch(param('q'));
    case '/transition':
      return transition(Number(param('id')), Number(param('version')));
    default:
      res.statusCode = 404;
      return { error: 'not found' };
  }
}

createServer((req, res) => {
  answer(req, res).then(
    (body) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    },
    (error: Error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: error.message }));
    },
  );
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
