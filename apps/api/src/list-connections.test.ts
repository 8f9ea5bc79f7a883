import {
  CatalogueSortField,
  DeviceSortField,
  InvoiceSortField,
  OrderSortField,
  PartSortField,
  SortDirection,
  StockSortField,
  TestListsCustomersConnectionDocument,
  TestListsCustomersPageDocument,
  TestListsDevicesConnectionDocument,
  TestListsDevicesPageDocument,
  TestListsInvoicesConnectionDocument,
  TestListsInvoicesPageDocument,
  TestListsOrdersConnectionDocument,
  TestListsOrdersPageDocument,
  TestListsPartsConnectionDocument,
  TestListsPartsPageDocument,
  TestListsProductModelsConnectionDocument,
  TestListsProductModelsPageDocument,
  TestListsServiceCentresConnectionDocument,
  TestListsServiceCentresPageDocument,
  TestListsStockLevelsConnectionDocument,
  TestListsStockLevelsPageDocument,
  TestListsStockMovementsConnectionDocument,
  TestListsStockMovementsPageDocument,
  TestListsUsersConnectionDocument,
  TestListsUsersPageDocument,
  UserSortField,
  type TypedDocumentNode,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsOf } from './testing/statements.js';
import { fixedClock, startTestApp, type TestApp } from './testing/test-app.js';

interface PageAnswer {
  total?: number | null;
  items: { id: string }[];
}
interface ConnectionAnswer {
  totalCount?: number | null;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}
interface Sort<Field extends string> {
  field: Field;
  direction: SortDirection;
}

/** One list of the API, as an offset page and as a cursor connection, with the sorts worth paging through. */
interface ListCase {
  name: string;
  sorts: (Sort<string> | undefined)[];
  page(sort: Sort<string> | undefined, withTotal: boolean): Promise<PageAnswer>;
  connection(sort: Sort<string> | undefined, first: number, after: string | null, withTotal: boolean): Promise<ConnectionAnswer>;
}

let t: TestApp;
let admin: string;

function list<Field extends string, P, C>(
  name: string,
  sorts: (Sort<Field> | undefined)[],
  page: TypedDocumentNode<P, { sort?: Sort<Field> | null; limit: number; withTotal: boolean }>,
  pageOf: (data: P) => PageAnswer,
  connection: TypedDocumentNode<C, { sort?: Sort<Field> | null; first: number; after?: string | null; withTotal: boolean }>,
  connectionOf: (data: C) => ConnectionAnswer,
): ListCase {
  const answer = <T>(res: { data?: T | null; errors?: readonly unknown[] }): T => {
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  return {
    name,
    sorts,
    page: async (sort, withTotal) => pageOf(answer(await t.gql(page, { sort: sort as Sort<Field> | undefined, limit: 500, withTotal }, admin))),
    connection: async (sort, first, after, withTotal) =>
      connectionOf(answer(await t.gql(connection, { sort: sort as Sort<Field> | undefined, first, after, withTotal }, admin))),
  };
}

const by = <Field extends string>(field: Field, direction: SortDirection = SortDirection.ASC): Sort<Field> => ({ field, direction });

const LISTS: ListCase[] = [
  list(
    'users',
    [undefined, by(UserSortField.NAME), by(UserSortField.NAME, SortDirection.DESC)],
    TestListsUsersPageDocument,
    (d) => d.users,
    TestListsUsersConnectionDocument,
    (d) => d.usersConnection,
  ),
  list(
    'customers',
    [undefined, by(CatalogueSortField.CODE, SortDirection.DESC)],
    TestListsCustomersPageDocument,
    (d) => d.customers,
    TestListsCustomersConnectionDocument,
    (d) => d.customersConnection,
  ),
  list(
    'productModels',
    [undefined, by(CatalogueSortField.NAME, SortDirection.DESC)],
    TestListsProductModelsPageDocument,
    (d) => d.productModels,
    TestListsProductModelsConnectionDocument,
    (d) => d.productModelsConnection,
  ),
  list(
    'serviceCentres',
    [undefined],
    TestListsServiceCentresPageDocument,
    (d) => d.serviceCentres,
    TestListsServiceCentresConnectionDocument,
    (d) => d.serviceCentresConnection,
  ),
  list(
    'parts',
    [undefined, by(PartSortField.NAME), by(PartSortField.MATERIAL_COST, SortDirection.DESC)],
    TestListsPartsPageDocument,
    (d) => d.parts,
    TestListsPartsConnectionDocument,
    (d) => d.partsConnection,
  ),
  list(
    'devices',
    // RECEIVED_ON is empty for units not yet received: the cursor has to step over NULLs.
    [undefined, by(DeviceSortField.RECEIVED_ON), by(DeviceSortField.RECEIVED_ON, SortDirection.DESC)],
    TestListsDevicesPageDocument,
    (d) => d.devices,
    TestListsDevicesConnectionDocument,
    (d) => d.devicesConnection,
  ),
  list(
    'orders',
    [undefined, by(OrderSortField.RECEIVED_ON), by(OrderSortField.QUANTITY, SortDirection.DESC)],
    TestListsOrdersPageDocument,
    (d) => d.orders,
    TestListsOrdersConnectionDocument,
    (d) => d.ordersConnection,
  ),
  list(
    'invoices',
    // By a related row's column (the customer's name), and by a date that drafts and unpaid invoices lack.
    [undefined, by(InvoiceSortField.CUSTOMER), by(InvoiceSortField.PAID_ON, SortDirection.DESC), by(InvoiceSortField.NUMBER)],
    TestListsInvoicesPageDocument,
    (d) => d.invoices,
    TestListsInvoicesConnectionDocument,
    (d) => d.invoicesConnection,
  ),
  list(
    'stockLevels',
    [undefined, by(StockSortField.ON_HAND, SortDirection.DESC)],
    TestListsStockLevelsPageDocument,
    (d) => d.stockLevels,
    TestListsStockLevelsConnectionDocument,
    (d) => d.stockLevelsConnection,
  ),
  list(
    'stockMovements',
    [undefined],
    TestListsStockMovementsPageDocument,
    (d) => d.stockMovements,
    TestListsStockMovementsConnectionDocument,
    (d) => d.stockMovementsConnection,
  ),
];

beforeAll(async () => {
  // The demo data: every kind of row, in the hundreds for the big lists. Webhook deliveries wait (only the request's statements are counted).
  t = await startTestApp({ clock: fixedClock('2026-11-25'), demoData: true, deliverWebhooks: false });
  admin = await t.login();
});
afterAll(() => t?.close());

/** The first `max` nodes of a connection (all of them when fewer), paging `first` at a time from the start. */
async function walk(list: ListCase, sort: Sort<string> | undefined, first: number, max: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await list.connection(sort, first, after, false);
    ids.push(...page.edges.map((e) => e.node.id));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage || ids.length >= max) return ids.slice(0, max);
    after = page.pageInfo.endCursor!;
  }
  throw new Error(`${list.name}: the connection never ended`);
}

describe.each(LISTS)('$name', (list) => {
  it('pages by cursor through exactly the rows of the offset list, in its order, for each sort', async () => {
    for (const sort of list.sorts) {
      // The offset list's largest page: all of a small list, the first 500 of a big one.
      const all = (await list.page(sort, false)).items.map((i) => i.id);
      expect(all.length, `${list.name} has rows to page through`).toBeGreaterThan(2);
      const first = Math.max(2, Math.ceil(all.length / 7));
      expect(await walk(list, sort, first, all.length), `${list.name} by ${sort ? `${sort.field} ${sort.direction}` : 'default'}`).toEqual(all);
    }
  });

  it('counts only when the total is selected, the same total either way', async () => {
    let page: PageAnswer | undefined;
    let connection: ConnectionAnswer | undefined;
    const plain = await statementsOf(async () => {
      await list.page(undefined, false);
      await list.connection(undefined, 5, null, false);
    });
    expect(plain.filter((s) => /count\(/i.test(s))).toEqual([]);
    const counted = await statementsOf(async () => {
      page = await list.page(undefined, true);
      connection = await list.connection(undefined, 5, null, true);
    });
    expect(counted.filter((s) => /count\(/i.test(s))).toHaveLength(2);
    expect(connection!.totalCount).toBe(page!.total);
    const rows = (await list.page(undefined, false)).items.length;
    if (rows < 500) expect(page!.total).toBe(rows);
    else expect(page!.total).toBeGreaterThan(rows);
  });
});

describe('cursors', () => {
  it('refuses a cursor the list did not give, naming `after`', async () => {
    for (const after of ['not a cursor', Buffer.from('[1,2,3]').toString('base64url')]) {
      const res = await t.gql(TestListsOrdersConnectionDocument, { first: 5, after, withTotal: false }, admin);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('reads a deep page from its key, skipping no rows (no OFFSET)', async () => {
    const devices = LISTS.find((l) => l.name === 'devices')!;
    const first = await devices.connection(undefined, 100, null, false);
    const statements = await statementsOf(() => devices.connection(undefined, 5, first.pageInfo.endCursor!, false));
    expect(statements.filter((s) => /offset/i.test(s))).toEqual([]);
  });
});
