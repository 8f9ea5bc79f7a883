import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { aClaim } from '../testing/factories.js';
import { sentStatements, statementsOf } from '../testing/statements.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

/** Every relation and per-claim field the console's list and claim page show. */
const EVERYTHING = `
  id number status formType ciNumber decision submittedOn submittedAt updatedAt version symptoms currency quoteStatus availableActions
  device { id imei barcode receivedOn lastCoveredDay underWarranty replacedByImei order { id number receivedOn } model { id name } customer { id name } }
  model { id code name } customer { id code name } serviceCentre { id code name city }
  assessment { id decision clauses total } lines { id covered charge part { id sku name model { id } } }
  shipments { id direction carrier } retainedParts { id part { id sku } serviceCentre { id code } }
  maintenanceAgreement { signedOn signedBy } attachments { id filename }
  invoices { id number status total availableActions lines { id kind amount part { id sku } } }
  events { id type fromStatus toStatus actor at note data }`;

const PAGE = (withTotal: boolean) => `query ($limit: Int!, $filter: ClaimFilter) {
  claims(limit: $limit, filter: $filter) { ${withTotal ? 'total' : ''} items { ${EVERYTHING} } }
}`;

let t: TestApp;
let admin: string;

beforeAll(async () => {
  // The demo data: 300 claims in every state, with every kind of record.
  // Webhook deliveries wait and the event feed's safety-net poll (every 2 s) is off: both read on their own,
  // and only the request's statements are counted here (a request slower than 2 s on a busy machine caught a poll).
  // These tests read whole lists (and searches, charged 10 000 each) back to back, faster than anyone: the budget is
  // query-limits.test.ts's subject, not theirs.
  t = await startTestApp({
    clock: fixedClock('2026-11-25'),
    demoData: true,
    deliverWebhooks: false,
    feed: { pollMs: 3_600_000 },
    env: { AFTERSALE_COST_BUDGET: '1000000' },
  });
  admin = await t.login();
  // The caller is verified once, then trusted for a few seconds: the counts below are of the reads alone.
  await t.gql('{ me { id } }', {}, admin);
});
afterAll(() => t?.close());

/** The statements one request sends, and its answer. */
async function measured<Data = unknown>(query: string, variables: Record<string, unknown> = {}) {
  let data: Data | null | undefined;
  const statements = await statementsOf(async () => {
    const res = await t.gql<Data>(query, variables, admin);
    expect(res.errors).toBeUndefined();
    data = res.data;
  });
  return { statements, data: data! };
}

describe('a page of claims costs a fixed number of statements', () => {
  it('runs as many statements for 100 claims with every relation as for all 300: one per relation, not one per row', async () => {
    interface Page {
      claims: { items: { events: unknown[]; invoices: { lines: unknown[] }[] }[] };
    }
    const hundred = await measured<Page>(PAGE(true), { limit: 100 });
    const all = await measured<Page>(PAGE(true), { limit: 300 });
    expect(hundred.data.claims.items).toHaveLength(100);
    expect(hundred.data.claims.items.some((c) => c.events.length > 1)).toBe(true);
    expect(hundred.data.claims.items.some((c) => c.invoices.some((i) => i.lines.length > 0))).toBe(true);
    expect(all.data.claims.items).toHaveLength(300);
    expect(hundred.statements.length).toBe(all.statements.length);
    // The page (with its events), its count, and one each for: assessment, agreement, lines, shipments, retained parts, attachments, invoices, invoice lines.
    expect(hundred.statements.length).toBeLessThanOrEqual(10);
  });

  it('runs no count when the query does not select the total', async () => {
    const without = await measured(PAGE(false), { limit: 100 });
    expect(without.statements.filter((s) => /count\(/i.test(s))).toEqual([]);
    const withTotal = await measured(PAGE(true), { limit: 100 });
    expect(withTotal.statements.filter((s) => /count\(/i.test(s))).toHaveLength(1);
    expect(withTotal.statements.length).toBe(without.statements.length + 1);
  });

  it("answers the console's list (unit, model, customer, centre) in one statement, and with its total in two", async () => {
    const list = `query ($limit: Int!) { claims(limit: $limit) { items { id number status device { id imei } model { id name } customer { id name } serviceCentre { id name } } } }`;
    expect((await measured(list, { limit: 100 })).statements).toHaveLength(1);
    const counted = list.replace('{ items', '{ total items');
    const { statements, data } = await measured<{ claims: { total: number } }>(counted, { limit: 25 });
    expect(statements).toHaveLength(2);
    expect(data.claims.total).toBe(300);
  });

  it('joins only the relations the query selects', async () => {
    const bare = await measured(`{ claims(limit: 10) { items { id number status } } }`);
    expect(bare.statements).toHaveLength(1);
    expect(bare.statements[0]).not.toMatch(/join/i);
    // The same query text again and again (one parsed document): what it selects still follows its variables.
    const maybe = `query ($unit: Boolean!) { claims(limit: 10) { items { id device @include(if: $unit) { imei } } } }`;
    for (const unit of [true, false, true]) {
      const { statements } = await measured(maybe, { unit });
      expect(/join device/i.test(statements[0]!)).toBe(unit);
    }
  });

  it('reads the columns of the fields the query selects, and every field it selects', async () => {
    const list = await measured<{ claims: { items: { number: string; device: { imei: string }; customer: { name: string } }[] } }>(
      `{ claims(limit: 10) { items { id number device { imei } model { name } customer { name } } } }`,
    );
    expect(list.statements).toHaveLength(1);
    expect(list.statements[0]).toMatch(/d\.imei/);
    expect(list.statements[0]).not.toMatch(/ci_number|barcode|contact_email|barcode_pattern|updated_at/);
    expect(list.data.claims.items[0]!.number).toMatch(/^CL-/);
    expect(list.data.claims.items[0]!.device.imei).toMatch(/^\d{15}$/);
    // A field the read path does not know (another feature's resolver) reads the whole row.
    const other = await measured(`{ claims(limit: 10) { items { id currency } } }`);
    expect(other.statements[0]).toMatch(/ci_number/);
    const [first] = (
      await t.gql<{ claims: { items: { id: string; customer: { id: string } }[] } }>('{ claims(limit: 1) { items { id customer { id } } } }', {}, admin)
    ).data!.claims.items;
    await t.app.orm.em
      .fork()
      .getConnection()
      .execute(`update customer set address = 'Dock Road 1\nCork' where id = ?`, [Number(first!.customer.id)]);
    const detail = await t.gql<{ claim: { customer: { address: string; contactEmail: string | null }; device: { customer: { address: string } } } }>(
      `query ($id: ID!) { claim(id: $id) { customer { address contactEmail } device { customer { address } } } }`,
      { id: first!.id },
      admin,
    );
    expect(detail.data!.claim.customer.address).toBe('Dock Road 1\nCork');
    expect(detail.data!.claim.device.customer.address).toBe('Dock Road 1\nCork');
  });

  it('answers a claim with its unit, model, customer and events in one statement', async () => {
    const [first] = (await t.gql<{ claims: { items: { id: string }[] } }>('{ claims(limit: 1) { items { id } } }', {}, admin)).data!.claims.items;
    const { statements, data } = await measured<{ claim: { events: unknown[] } }>(
      `query ($id: ID!) { claim(id: $id) { id number device { imei } model { name } customer { name } events { type at } } }`,
      { id: first!.id },
    );
    expect(data.claim.events.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
    // The events' data is read only for a note or the data itself.
    expect(statements[0]).not.toContain('e.data');
    const noted = await measured<{ claim: { events: { note: string | null }[] } }>(`query ($id: ID!) { claim(id: $id) { events { type note } } }`, {
      id: first!.id,
    });
    expect(noted.statements[0]).toContain('e.data');
    // Every line of the log, in order, with its time to the millisecond, as the table holds it.
    const detail = await t.gql<{ claim: { events: { id: string; type: string; toStatus: string | null; at: string }[] } }>(
      `query ($id: ID!) { claim(id: $id) { events { id type toStatus at } } }`,
      { id: first!.id },
      admin,
    );
    const rows = await t.app.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; type: string; to_status: string | null; at: string }[]>(
        `select id::text, type, to_status, to_json(created_at) #>> '{}' as at from claim_event where claim_id = ? order by id`,
        [Number(first!.id)],
      );
    expect(detail.data!.claim.events).toEqual(rows.map((r) => ({ id: r.id, type: r.type, toStatus: r.to_status, at: new Date(r.at).toISOString() })));
  });
});

describe('prepared statements', () => {
  const named = async (query: string, variables: Record<string, unknown> = {}) => {
    const sent = await sentStatements(async () => expect((await t.gql(query, variables, admin)).errors).toBeUndefined());
    return sent.map((statement) => statement.name);
  };

  it('prepares the reads whose plan cannot depend on their values: a claim by id, the unfiltered list and its total', async () => {
    const [first] = (await t.gql<{ claims: { items: { id: string }[] } }>('{ claims(limit: 1) { items { id } } }', {}, admin)).data!.claims.items;
    const detail = `query ($id: ID!) { claim(id: $id) { id number events { type } } }`;
    const [once] = await named(detail, { id: first!.id });
    expect(once).toBeDefined();
    // The same text, the same name: parsed once per connection.
    expect(await named(detail, { id: first!.id })).toEqual([once]);
    const page = await named('{ claims(limit: 20) { total items { id events { type } } } }');
    expect(page).toHaveLength(2);
    expect(page.every((name) => name !== undefined)).toBe(true);
  });

  it('prepares the work queue (one status, by submission time): its plan walks (status, created_at, id) whatever the status', async () => {
    const queue = '{ claims(limit: 20, filter: { status: [INSPECTION] }, sort: { field: SUBMITTED_AT, direction: ASC }) { total items { id } } }';
    expect((await named(queue)).every((name) => name !== undefined)).toBe(true);
  });

  it('plans other filtered pages afresh each time: their best plan depends on the values (a generic plan for a status sorted by another column walked a million claims)', async () => {
    expect(await named('{ claims(limit: 20, filter: { status: [INSPECTION] }, sort: { field: UPDATED_AT, direction: ASC }) { total items { id } } }')).toEqual([
      undefined,
      undefined,
    ]);
    expect(await named('{ claims(limit: 20, filter: { status: [INSPECTION, RECEIVED] }) { items { id } } }')).toEqual([undefined]);
    expect(await named('{ claims(limit: 20, filter: { q: "CL-" }) { items { id } } }')).toEqual([undefined]);
    // A page at an offset is a text of its own.
    expect(await named('{ claims(limit: 20, offset: 40) { items { id } } }')).toEqual([undefined]);
  });
});

describe('a list sorted by a related name', () => {
  /** The plans of the statements one request sends (EXPLAIN with the same parameters). */
  async function plansOf(query: string, variables: Record<string, unknown>): Promise<string[]> {
    const statements = await sentStatements(async () => expect((await t.gql(query, variables, admin)).errors).toBeUndefined());
    const kysely = t.app.orm.em.fork().getKysely();
    return Promise.all(
      statements.map(async ({ text, values }) => {
        const { rows } = await kysely.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain (costs off) ${text}`, values));
        return rows.map((row) => Object.values(row).join('')).join('\n');
      }),
    );
  }

  // Sorted by a name looked up per claim (a subquery in ORDER BY), the first page of a million claims read
  // every claim and timed out; joined, the planner walks the name's index (the unit's IMEI) or a small table.
  it.each(['IMEI', 'MODEL', 'CUSTOMER', 'SERVICE_CENTRE'])('joins %s instead of looking it up for every claim, by offset and by cursor', async (field) => {
    for (const direction of ['ASC', 'DESC']) {
      const sort = { field, direction };
      const page = await plansOf(`query ($sort: ClaimSort) { claims(limit: 25, offset: 0, sort: $sort) { items { id number } } }`, { sort });
      const first = await t.gql<{ claimsConnection: { pageInfo: { endCursor: string } } }>(
        `query ($sort: ClaimSort) { claimsConnection(first: 5, sort: $sort) { pageInfo { endCursor } } }`,
        { sort },
        admin,
      );
      const next = await plansOf(
        `query ($sort: ClaimSort, $after: String) { claimsConnection(first: 25, sort: $sort, after: $after) { edges { node { id } } } }`,
        {
          sort,
          after: first.data!.claimsConnection.pageInfo.endCursor,
        },
      );
      for (const plan of [...page, ...next]) expect(plan).not.toMatch(/SubPlan/);
    }
  });
});

describe('a search by the start of an IMEI', () => {
  /** The plans of the statements a search for the first `digits` of a claimed unit's IMEI runs, and that prefix. */
  async function searchPlans(digits: number): Promise<{ prefix: string; plans: string }> {
    const kysely = t.app.orm.em.fork().getKysely();
    const { rows } = await kysely.executeQuery<{ imei: string }>(CompiledQuery.raw('select d.imei from claim c join device d on d.id = c.device_id limit 1'));
    const prefix = rows[0]!.imei.slice(0, digits);
    const statements = await sentStatements(async () => {
      const res = await t.gql<{ claims: { items: { device: { imei: string } }[] } }>(
        'query ($q: String) { claims(limit: 25, filter: { q: $q }) { items { device { imei } } } }',
        { q: prefix },
        admin,
      );
      expect(res.data!.claims.items.length).toBeGreaterThan(0);
      for (const item of res.data!.claims.items) expect(item.device.imei.startsWith(prefix)).toBe(true);
    });
    // A few hundred units fit in a page or two: with sequential scans off, the plan shows which index can serve it.
    const plans = await kysely.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
      return Promise.all(
        statements.map(async ({ text, values }) => {
          const { rows: plan } = await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain (costs off) ${text}`, values));
          return plan.map((row) => Object.values(row).join('')).join('\n');
        }),
      );
    });
    return { prefix, plans: plans.join('\n') };
  }

  // The unit's IMEI key, in the "C" collation, serves the prefix as a range: no second index of every IMEI for it.
  it('reads a range of the IMEI key', async () => {
    const { prefix, plans } = await searchPlans(10);
    // The range ends before the prefix with its last character moved on by one (a 9 becomes a colon).
    const after = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
    expect(plans).toContain(`Index Cond: ((imei >= '${prefix}'::bpchar) AND (imei < '${after}'::bpchar))`);
    expect(plans).toMatch(/device_imei_key/);
  });

  it('finds the claims of the at most 1 000 units of an 11-digit prefix in one walk of the claim_device index, not a probe per unit', async () => {
    const { plans } = await searchPlans(11);
    expect(plans).toMatch(/device_imei_key/);
    expect(plans).toMatch(/Index Cond: \(device_id = ANY \(\(InitPlan \d+\)\.col1\)\)/);
    expect(plans).not.toMatch(/Index Cond: \(device_id = dv\.id\)/);
  });
});

describe('claimsConnection', () => {
  const CONNECTION = `query ($first: Int!, $after: String, $sort: ClaimSort, $filter: ClaimFilter) {
    claimsConnection(first: $first, after: $after, sort: $sort, filter: $filter) { edges { cursor node { id number status submittedAt } } pageInfo { hasNextPage endCursor } }
  }`;

  it.each([
    ['newest first (the default)', undefined],
    ['by number', { field: 'NUMBER', direction: 'ASC' }],
    ['by submission time, newest first', { field: 'SUBMITTED_AT', direction: 'DESC' }],
    ['by status', { field: 'STATUS', direction: 'ASC' }],
    ['by IMEI (a joined column)', { field: 'IMEI', direction: 'ASC' }],
    ['by customer, descending (a joined column)', { field: 'CUSTOMER', direction: 'DESC' }],
    ['by service centre (a joined column, none yet first)', { field: 'SERVICE_CENTRE', direction: 'ASC' }],
  ])('walks every claim once, in the offset list’s order, page after page: %s', async (_name, sort) => {
    const offsets = await t.gql<{ claims: { items: { id: string }[] } }>(
      `query ($sort: ClaimSort) { claims(limit: 500, sort: $sort) { items { id } } }`,
      { sort },
      admin,
    );
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t.gql<{ claimsConnection: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        CONNECTION,
        { first: 70, after, sort },
        admin,
      );
      expect(res.errors).toBeUndefined();
      ids.push(...res.data!.claimsConnection.edges.map((e) => e.node.id));
      if (!res.data!.claimsConnection.pageInfo.hasNextPage) break;
      after = res.data!.claimsConnection.pageInfo.endCursor;
    }
    expect(ids).toEqual(offsets.data!.claims.items.map((c) => c.id));
  });

  it.each(['IMEI', 'MODEL', 'CUSTOMER', 'SERVICE_CENTRE'])('pages by offset sorted by %s in the order of the whole list', async (field) => {
    const list = async (offset: number, limit: number) => {
      const res = await t.gql<{ claims: { items: { id: string }[] } }>(
        `query ($sort: ClaimSort, $offset: Int!, $limit: Int!) { claims(offset: $offset, limit: $limit, sort: $sort) { items { id } } }`,
        { sort: { field, direction: 'DESC' }, offset, limit },
        admin,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.claims.items.map((c) => c.id);
    };
    const whole = await list(0, 500);
    const pages = [...(await list(0, 7)), ...(await list(7, 7)), ...(await list(14, 7))];
    expect(pages).toEqual(whole.slice(0, 21));
  });

  it('counts only when totalCount is selected, and keeps the filter', async () => {
    const filter = { status: ['CLOSED'] };
    const { statements, data } = await measured<{ claimsConnection: { totalCount: number; edges: { node: { status: string } }[] } }>(
      `query ($filter: ClaimFilter) { claimsConnection(first: 5, filter: $filter) { totalCount edges { node { status } } } }`,
      { filter },
    );
    expect(statements.filter((s) => /count\(/i.test(s))).toHaveLength(1);
    expect(data.claimsConnection.edges.map((e) => e.node.status)).toEqual(Array(5).fill('CLOSED'));
    const counts = await t.gql<{ claimStatusCounts: { status: string; count: number }[] }>('{ claimStatusCounts { status count } }', {}, admin);
    expect(data.claimsConnection.totalCount).toBe(counts.data!.claimStatusCounts.find((c) => c.status === 'CLOSED')!.count);
  });

  it('refuses a cursor it did not give, naming the argument', async () => {
    const res = await t.gql(CONNECTION, { first: 5, after: 'not-a-cursor' }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('search', () => {
  it('finds claims by the start of the IMEI, the claim number and the CI number', async () => {
    const [claim] = (
      await t.gql<{ claims: { items: { id: string; number: string; ciNumber: string; device: { imei: string } }[] } }>(
        '{ claims(limit: 1) { items { id number ciNumber device { imei } } } }',
        {},
        admin,
      )
    ).data!.claims.items;
    const search = async (q: string) =>
      (
        await t.gql<{ claims: { items: { id: string }[] } }>('query ($q: String) { claims(limit: 500, filter: { q: $q }) { items { id } } }', { q }, admin)
      ).data!.claims.items.map((c) => c.id);
    expect(await search(claim!.device.imei.slice(0, 12))).toContain(claim!.id);
    expect(await search(claim!.number)).toEqual([claim!.id]);
    expect(await search(claim!.ciNumber.toLowerCase())).toContain(claim!.id);
    expect(await search('999999999999999')).toEqual([]);
  });

  it('pages through a search with a filter, newest first, by offset and by cursor, as through the whole list', async () => {
    // Every demo CI number starts with CI-: the search matches all 300 claims, the status filter keeps some of them.
    const everything = (await t.gql<{ claims: { items: { id: string; status: string }[] } }>('{ claims(limit: 500) { items { id status } } }', {}, admin)).data!
      .claims.items;
    // A status that none of the 10 newest claims is in: the newest matches of the search alone are not the page's.
    const status = everything.slice(10).find((c) => !everything.slice(0, 10).some((n) => n.status === c.status))!.status;
    const expected = everything.filter((c) => c.status === status).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(5);
    const filter = { q: 'ci-', status: [status] };
    const byOffset: string[] = [];
    for (let offset = 0; offset < expected.length; offset += 5) {
      const res = await t.gql<{ claims: { items: { id: string }[] } }>(
        'query ($offset: Int!, $filter: ClaimFilter) { claims(limit: 5, offset: $offset, filter: $filter) { items { id } } }',
        { offset, filter },
        admin,
      );
      byOffset.push(...res.data!.claims.items.map((c) => c.id));
    }
    expect(byOffset).toEqual(expected);
    const byCursor: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t.gql<{ claimsConnection: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        'query ($after: String, $filter: ClaimFilter) { claimsConnection(first: 5, after: $after, filter: $filter) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after, filter },
        admin,
      );
      byCursor.push(...res.data!.claimsConnection.edges.map((e) => e.node.id));
      if (!res.data!.claimsConnection.pageInfo.hasNextPage) break;
      after = res.data!.claimsConnection.pageInfo.endCursor;
    }
    expect(byCursor).toEqual(expected);
  });

  it('finds a long run of digits in a CI number, and in a claim number once the numbers have grown that long', async () => {
    const em = t.app.orm.em.fork();
    const search = async (q: string) =>
      (
        await t.gql<{ claims: { items: { id: string }[] } }>('query ($q: String) { claims(filter: { q: $q }) { items { id } } }', { q }, admin)
      ).data!.claims.items.map((c) => c.id);
    const ordered = await aClaim(em);
    await em.getConnection().execute(`update claim set ci_number = 'PO 4471-20261125-88' where id = ?`, [ordered.id]);
    expect(await search('20261125')).toEqual([String(ordered.id)]);
    // The numbering as it stands once claim_number_seq has handed out eleven digits.
    const { issued } = (await em.getConnection().execute<{ issued: string }[]>(`select last_value::text as issued from claim_number_seq`))[0]!;
    try {
      await em.getConnection().execute(`select setval('claim_number_seq', 12345678901)`);
      await em.getConnection().execute(`update claim set number = 'CL-12345678901' where id = ?`, [ordered.id]);
      expect(await search('12345678901')).toEqual([String(ordered.id)]);
      expect(await search('2345678901')).toEqual([String(ordered.id)]);
    } finally {
      await em.getConnection().execute(`update claim set number = ? where id = ?`, [ordered.number, ordered.id]);
      await em.getConnection().execute(`select setval('claim_number_seq', ?)`, [Number(issued)]);
    }
  });

  it("matches the start of the IMEI from a model's code (8 digits) on: a shorter prefix is every unit of a model range, not a search", async () => {
    const { items } = (
      await t.gql<{ claims: { items: { id: string; number: string; ciNumber: string; device: { imei: string } }[] } }>(
        '{ claims(limit: 1) { items { id number ciNumber device { imei } } } }',
        {},
        admin,
      )
    ).data!.claims;
    const claim = items[0]!;
    const search = async (q: string) =>
      (
        await t.gql<{ claims: { items: { id: string }[] } }>('query ($q: String) { claims(limit: 500, filter: { q: $q }) { items { id } } }', { q }, admin)
      ).data!.claims.items.map((c) => c.id);
    expect(await search(claim.device.imei.slice(0, 8))).toContain(claim.id);
    expect(claim.number + claim.ciNumber).not.toContain(claim.device.imei.slice(0, 7));
    expect(await search(claim.device.imei.slice(0, 7))).not.toContain(claim.id);
  });
});
