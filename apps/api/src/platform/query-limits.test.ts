import { TestLimitsDevicesDocument, TestLimitsDevicesSizedDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDevice, anOrder, aStaffUser } from '../testing/factories.js';
import { startTestApp, type GraphQLResponse, type TestApp } from '../testing/test-app.js';
import { buildSchema, getIntrospectionQuery, parse, print, validate } from 'graphql';
import { COST_MODEL, CostBudget, DEFAULT_COST_BUDGET, operationCost, QUERY_LIMITS, queryValidationRules } from './query-limits.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  // A small budget so that a few costly operations exhaust it, and a short statement timeout to trip.
  t = await startTestApp({ env: { AFTERSALE_COST_BUDGET: '12000', AFTERSALE_COST_RESTORE_RATE: '1', AFTERSALE_STATEMENT_TIMEOUT: '300' } });
  admin = await t.login();
  const em = t.app.orm.em.fork();
  const order = await anOrder(em);
  for (let i = 0; i < 3; i++) await aDevice(em, { order });
});
afterAll(() => t?.close());

/**
 * POSTs a request body as is: most of these operations are built as text on purpose (too many aliases, tokens, too
 * deep, too costly), so the answer's data stays `unknown`; what is checked is its errors and extensions.
 */
async function post(body: { query: string; variables?: Record<string, unknown> }, credential = admin) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${credential}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse<unknown> & { extensions?: Record<string, unknown> },
  };
}

const aliases = (n: number, limit: number, item = 'imei model { name }') =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: devices(limit: ${limit}) { items { ${item} } }`).join(' ')} }`;

describe('limits on one operation', () => {
  it('refuses 1000 aliases of a 500-row list before running anything', async () => {
    const { body } = await post({ query: aliases(1000, 500) });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses more aliases than the limit, naming it', async () => {
    const { body } = await post({ query: `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(new RegExp(`aliases.*${QUERY_LIMITS.maxAliases}`, 'i'));
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document with more tokens than the limit', async () => {
    const { body } = await post({ query: `{ me { ${'email '.repeat(QUERY_LIMITS.maxTokens)} } }` });
    expect(body.errors?.[0]?.message).toMatch(/more th.t 3000 tokens/);
  });

  it('refuses a selection nested deeper than the limit', () => {
    const schema = buildSchema('type Query { node: Node } type Node { child: Node id: ID }');
    const nested = (depth: number) => `{ ${'node { '.repeat(1)}${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)} }`;
    expect(validate(schema, parse(nested(QUERY_LIMITS.maxDepth)), queryValidationRules())).toEqual([]);
    const [error] = validate(schema, parse(nested(QUERY_LIMITS.maxDepth + 1)), queryValidationRules());
    expect(error?.message).toMatch(new RegExp(`depth.*${QUERY_LIMITS.maxDepth}`, 'i'));
  });

  it('refuses an operation that costs more than one may, stating its cost and the limit', async () => {
    // Per unit: itself 1, its model 1, its order 1 + five imports (a list with no page size counts five) = 8.
    const { status, body } = await post({ query: aliases(13, 500, 'imei model { name } order { number imports { fileName } }') });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 13 * (1 + 500 * 8), limit: QUERY_LIMITS.maxCost, costModel: COST_MODEL });
    expect(body.errors?.[0]?.message).toContain(`costs ${13 * (1 + 500 * 8)} points`);
  });

  it('refuses deep pages by the rows their offsets skip, saying so', async () => {
    // Four pages of 25 units (1 + 25 × 2 each) cost 204; at offset 4 000 000 each also reads the 4 million rows before it.
    const deep = `{ ${[0, 1, 2, 3].map((i) => `a${i}: devices(offset: 4000000, limit: 25) { items { imei model { name } } }`).join(' ')} }`;
    const { status, body } = await post({ query: deep });
    expect(status).toBe(400);
    const cost = 4 * (1 + 25 * 2 + 4_000_000 / COST_MODEL.offsetRowsPerPoint);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost });
    expect(body.errors?.[0]?.message).toMatch(/offset/);
  });
});

describe('the cost model', () => {
  const schema = buildSchema(`
    type Query { claims(offset: Int = 0, limit: Int = 25, filter: ClaimFilter, sort: ClaimSort): ClaimPage! }
    input ClaimFilter { q: String, status: String }
    input ClaimSort { field: String!, direction: String }
    type ClaimPage { total: Int! items: [Claim!]! }
    type Claim { number: String! device: Device! }
    type Device { imei: String! }
  `);
  const cost = (args: string) => operationCost(schema, parse(`{ claims(${args}) { total items { number device { imei } } } }`));

  it('charges a page its size times what each item asks for: 1 + 25 × (1 + 1)', () => {
    expect(cost('limit: 25')).toBe(51);
    expect(cost('limit: 25, filter: { status: "CLOSED" }')).toBe(51);
  });

  it('charges a page deep in a list for the rows its offset skips (the database reads them all), dearer sorted on a joined column', () => {
    expect(cost('offset: 40, limit: 25')).toBe(51 + Math.ceil(40 / COST_MODEL.offsetRowsPerPoint));
    expect(cost('offset: 100000, limit: 25')).toBe(51 + 100_000 / COST_MODEL.offsetRowsPerPoint);
    expect(cost('offset: 100000, limit: 25, sort: { field: "SUBMITTED_AT" }')).toBe(51 + 100_000 / COST_MODEL.offsetRowsPerPoint);
    expect(cost('offset: 100000, limit: 25, sort: { field: "IMEI" }')).toBe(51 + 100_000 / COST_MODEL.joinedSortOffsetRowsPerPoint);
    expect(cost('offset: 100000, limit: 25, sort: { field: "CUSTOMER", direction: "DESC" }')).toBe(51 + 100_000 / COST_MODEL.joinedSortOffsetRowsPerPoint);
  });

  it("lets the console open the last page of a million claims, newest first (react-admin's last-page button)", () => {
    expect(cost('offset: 999975, limit: 25')).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });

  it('charges a text filter (q) for the rows it may match before the page is cut, more under 3 characters (no trigram index)', () => {
    expect(cost('limit: 25, filter: { q: "CL-" }')).toBe(51 + COST_MODEL.textFilter);
    expect(cost('limit: 25, filter: { q: "3" }')).toBe(51 + COST_MODEL.shortTextFilter);
    expect(cost('limit: 25, filter: { q: " 35 " }')).toBe(51 + COST_MODEL.shortTextFilter);
    expect(cost('limit: 25, filter: { q: "" }')).toBe(51);
  });

  it('never refuses a person who searches every minute, typing it in three steps, then reads four pages, for ten minutes', () => {
    let now = 0;
    const budget = new CostBudget(DEFAULT_COST_BUDGET.capacity, DEFAULT_COST_BUDGET.restoreRate, () => now);
    for (let minute = 0; minute < 10; minute++) {
      now = minute * 60_000;
      for (const q of ['A', 'An', 'Ana F']) budget.charge('person', cost(`limit: 25, filter: { q: "${q}" }`));
      for (const offset of [25, 50, 75, 100]) budget.charge('person', cost(`offset: ${offset}, limit: 25`));
    }
  });

  it("lets staff read the whole schema by introspection (graphql-js's full introspection query)", async () => {
    const { body } = await post({ query: getIntrospectionQuery() });
    expect(body.errors).toBeUndefined();
  });

  it('reports the cost of every answer in extensions', async () => {
    const { body } = await post({ query: print(TestLimitsDevicesDocument) });
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.['cost']).toMatchObject({ requested: 1 + 10 * 2, limit: QUERY_LIMITS.maxCost, capacity: 12000, restoreRate: 1 });
  });

  it('costs the same document again by the page sizes and conditions its variables carry', async () => {
    const query = print(TestLimitsDevicesSizedDocument);
    const costOf = async (variables: Record<string, unknown>) => {
      const { body } = await post({ query, variables });
      expect(body.errors).toBeUndefined();
      return (body.extensions?.['cost'] as { requested: number }).requested;
    };
    expect(await costOf({ n: 10, withModel: true, imei: '35' })).toBe(1 + 10 * 2);
    expect(await costOf({ n: 20, withModel: true, imei: '35' })).toBe(1 + 20 * 2);
    expect(await costOf({ n: 10, withModel: false, imei: '36' })).toBe(1 + 10 * 1);
    expect(await costOf({ n: 10, withModel: true, imei: '37' })).toBe(1 + 10 * 2);
    // A variable of the wrong kind is still the client's input error, naming it, after the same document was costed.
    const { status, body } = await post({ query, variables: { n: '10', withModel: true } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$n');
  });
});

describe("a caller's budget over time", () => {
  it('refuses with RATE_LIMITED (429, Retry-After) once the budget is spent, and only for that caller', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const other = await t.login(agent.email, agent.password);
    let last = await post({ query: aliases(3, 500) });
    for (let i = 1; i < 10 && last.status === 200; i++) last = await post({ query: aliases(3, 500) });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 3 * 1001, capacity: 12000, restoreRate: 1 });
    expect(last.body.errors?.[0]?.message).toMatch(/costs 3003 points and your budget holds \d+ now/);
    expect((await post({ query: aliases(3, 500) }, other)).status).toBe(200);
  });

  it('answers an operation refused a moment ago at once when it comes again before its Retry-After, and lets the caller send others', async () => {
    const agent = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
    const token = await t.login(agent.email, agent.password);
    let first = await post({ query: aliases(3, 500) }, token);
    for (let i = 1; i < 10 && first.status === 200; i++) first = await post({ query: aliases(3, 500) }, token);
    expect(first.status).toBe(429);
    expect(first.body.errors?.[0]?.message).toMatch(/costs 3003 points/);
    const again = await post({ query: aliases(3, 500) }, token);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(Number(first.headers.get('retry-after')));
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: Number(again.headers.get('retry-after')) });
    expect(again.body.errors?.[0]?.message).toMatch(/refused for its cost a moment ago.*retry in \d+ s/);
    // Another operation of the same caller is costed and charged as usual; the same one by another caller too.
    expect((await post({ query: '{ me { id } }' }, token)).status).toBe(200);
    expect((await post({ query: aliases(1, 25) }, token)).status).toBe(200);
  });

  it('holds a caller sending the costliest operation allowed to two in a row, then one every 100 s, and never refuses a console user at their fastest', () => {
    let now = 0;
    const budget = new CostBudget(DEFAULT_COST_BUDGET.capacity, DEFAULT_COST_BUDGET.restoreRate, () => now);
    const costliest = QUERY_LIMITS.maxCost;
    budget.charge('heavy', costliest);
    budget.charge('heavy', costliest);
    expect(() => budget.charge('heavy', costliest)).toThrow(/retry in 100 s/);
    now = 99_000;
    expect(() => budget.charge('heavy', costliest)).toThrow(/retry in 1 s/);
    now = 100_000;
    expect(budget.charge('heavy', costliest).remaining).toBe(0);
    // Ten minutes of a list page (126 points) every half second, and the inspection form (1502) every 30 s.
    for (let ms = 0; ms < 600_000; ms += 500) {
      now = 200_000 + ms;
      budget.charge('console', 126);
      if (ms % 30_000 === 0) budget.charge('console', 1502);
    }
  });

  it('refills a leaky bucket at its rate, up to its capacity', () => {
    let now = 0;
    const budget = new CostBudget(100, 10, () => now);
    expect(budget.charge('a', 80).remaining).toBe(20);
    expect(() => budget.charge('a', 30)).toThrow(/retry in 1 s/);
    expect(budget.charge('b', 100).remaining).toBe(0);
    now = 1000;
    expect(budget.charge('a', 30).remaining).toBe(0);
    now = 60_000;
    expect(budget.charge('a', 0).remaining).toBe(100);
  });
});

describe('statement timeout', () => {
  it("cancels an API connection's statement that runs past the timeout", async () => {
    await expect(t.app.orm.em.fork().getConnection().execute('select pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
  });

  it("runs an API connection's statements without parallel workers: one request's query holds one core at most", async () => {
    const [setting] = await t.app.orm.em.fork().getConnection().execute<{ max_parallel_workers_per_gather: string }[]>('show max_parallel_workers_per_gather');
    expect(setting!.max_parallel_workers_per_gather).toBe('0');
  });
});
