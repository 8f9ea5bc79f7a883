import { CLAUSES } from '@aftersale/domain';
import { TestInvoicesListDocument, type InvoiceSortField, type SortDirection, type TestInvoicesListQuery } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../catalogue/customer.entity.js';
import type { Order } from '../orders/order.entity.js';
import { aCustomer, aDevice, aModel, anApiKey, anOrder, aStaffUser } from '../testing/factories.js';
import { overlappingItems, pdfText, pdfTextItems } from '../testing/pdf-text.js';
import { fixedClock, startTestApp, type GraphQLResponse, type TestApp } from '../testing/test-app.js';

const TODAY = '2026-06-30';
let t: TestApp;
let agent: string;
let analyst: string;
let technician: string;
let lisbon: Customer;
let hamburg: Customer;
let lisbonKey: string;
const invoice: Record<string, string> = {};

const LONG_DESCRIPTION = 'Main logic board with the baseband module, the power management chip and the shield can, refurbished grade A';
const INVOICES = TestInvoicesListDocument;

/** An invoice of `customer` as the claims flow leaves it, written straight to the tables. */
async function anInvoice(
  name: string,
  customer: Customer,
  order: Order,
  fields: {
    status: string;
    total: number;
    issuedOn?: string;
    paidOn?: string;
    sequence?: number;
    lines?: { description: string; amount: number; clauses: string[]; kind?: string }[];
  },
) {
  const em = t.app.orm.em.fork();
  const conn = em.getConnection();
  const device = await aDevice(em, { order });
  const [claim] = await conn.execute<{ id: number }[]>(
    `insert into claim (device_id, customer_id, model_id, form_type, ci_number, symptoms, data_backup_acknowledged, status, submitted_on)
     values (?, ?, ?, 'REPAIR', ?, 'x', true, 'READY_TO_SHIP', '2026-01-05') returning id`,
    [device.id, customer.id, order.model.id, `CI-${name}`],
  );
  const number = fields.sequence ? `INV-2026-${String(fields.sequence).padStart(6, '0')}` : null;
  const [row] = await conn.execute<{ id: number }[]>(
    `insert into invoice (claim_id, customer_id, status, currency, total, year, sequence, number, issued_on, paid_on)
     values (?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?) returning id`,
    [
      claim!.id,
      customer.id,
      fields.status,
      fields.total,
      fields.sequence ? 2026 : null,
      fields.sequence ?? null,
      number,
      fields.issuedOn ?? null,
      fields.paidOn ?? null,
    ],
  );
  for (const line of fields.lines ?? [{ description: 'Battery', amount: fields.total, clauses: ['BEYOND_WARRANTY_PERIOD'] }]) {
    await conn.execute(`insert into invoice_line (invoice_id, kind, description, unit_amount, amount, clauses) values (?, ?, ?, ?, ?, ?)`, [
      row!.id,
      line.kind ?? 'MATERIAL_COST',
      line.description,
      line.amount,
      line.amount,
      `{${line.clauses.join(',')}}`,
    ]);
  }
  invoice[name] = String(row!.id);
}

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(TODAY) });
  const em = t.app.orm.em.fork();
  const signIn = async (role: 'AGENT' | 'ANALYST' | 'TECHNICIAN') => {
    const user = await aStaffUser(em, role);
    return t.login(user.email, user.password);
  };
  agent = await signIn('AGENT');
  analyst = await signIn('ANALYST');
  technician = await signIn('TECHNICIAN');
  lisbon = await aCustomer(em, { name: 'Lusocom Comunicações, Lda.', country: 'PT', address: 'Avenida da Liberdade 190\n1250-147 Lisboa\nPortugal' });
  hamburg = await aCustomer(em, { name: 'Acme Mobile GmbH', country: 'DE', address: 'Speicherstraße 17\n20457 Hamburg' });
  lisbonKey = await anApiKey(em, lisbon);
  const model = await aModel(em);
  const [lisbonOrder, hamburgOrder] = [
    await anOrder(em, { customer: lisbon, model, receivedOn: '2025-01-10' }),
    await anOrder(em, { customer: hamburg, model, receivedOn: '2025-01-10' }),
  ];
  // Payment terms are 30 days (the demo's): issued 2026-04-01 is due 2026-05-01, 60 days overdue on 2026-06-30.
  await anInvoice('long overdue', lisbon, lisbonOrder, {
    status: 'ISSUED',
    total: 32_550,
    issuedOn: '2026-04-01',
    sequence: 1,
    lines: [
      { description: LONG_DESCRIPTION, amount: 30_050, clauses: ['BEYOND_WARRANTY_PERIOD', 'HUMAN_DAMAGE', 'UNAUTHORIZED_REPAIR'] },
      { description: 'Express handling', amount: 2500, clauses: [], kind: 'SERVICE_CHARGE' },
    ],
  });
  await anInvoice('just due', hamburg, hamburgOrder, { status: 'ISSUED', total: 1200, issuedOn: '2026-05-31', sequence: 2 });
  await anInvoice('not yet due', hamburg, hamburgOrder, { status: 'ISSUED', total: 800, issuedOn: '2026-06-20', sequence: 3 });
  await anInvoice('paid', lisbon, lisbonOrder, { status: 'PAID', total: 5000, issuedOn: '2026-03-01', paidOn: '2026-03-20', sequence: 4 });
  await anInvoice('draft', hamburg, hamburgOrder, { status: 'DRAFT', total: 300 });
});
afterAll(() => t?.close());

const numbersOf = (res: GraphQLResponse<TestInvoicesListQuery>) => res.data!.invoices.items.map((i) => i.number);

describe('the invoices list', () => {
  it('tells each issued invoice its due day and how many days it is overdue', async () => {
    const res = await t.gql(INVOICES, { sort: { field: 'NUMBER', direction: 'ASC' } }, agent);
    const byNumber = Object.fromEntries(res.data!.invoices.items.map((i) => [String(i.number), i]));
    expect(byNumber['INV-2026-000001']).toMatchObject({
      dueOn: '2026-05-01',
      daysOverdue: 60,
      claimNumber: expect.any(String) as unknown,
      customer: { name: 'Lusocom Comunicações, Lda.' },
    });
    expect(byNumber['INV-2026-000002']).toMatchObject({ dueOn: '2026-06-30', daysOverdue: 0 });
    expect(byNumber['INV-2026-000004']).toMatchObject({ dueOn: '2026-03-31', daysOverdue: null });
  });

  it('finds the unpaid invoices by ageing, by issue period and by number', async () => {
    expect(numbersOf(await t.gql(INVOICES, { filter: { overdueDays: 30 } }, agent))).toEqual(['INV-2026-000001']);
    expect(numbersOf(await t.gql(INVOICES, { filter: { overdueDays: 0 }, sort: { field: 'NUMBER', direction: 'ASC' } }, agent))).toEqual([
      'INV-2026-000001',
      'INV-2026-000002',
    ]);
    expect(
      numbersOf(await t.gql(INVOICES, { filter: { issuedFrom: '2026-05-01', issuedTo: '2026-06-30' }, sort: { field: 'ISSUED_ON', direction: 'ASC' } }, agent)),
    ).toEqual(['INV-2026-000002', 'INV-2026-000003']);
    expect(numbersOf(await t.gql(INVOICES, { filter: { q: '000004' } }, agent))).toEqual(['INV-2026-000004']);
    expect(numbersOf(await t.gql(INVOICES, { filter: { status: ['DRAFT'] } }, agent))).toEqual([null]);
  });

  it.each<[InvoiceSortField, SortDirection, (string | null)[]]>([
    ['TOTAL', 'ASC', [null, 'INV-2026-000003', 'INV-2026-000002', 'INV-2026-000004', 'INV-2026-000001']],
    ['TOTAL', 'DESC', ['INV-2026-000001', 'INV-2026-000004', 'INV-2026-000002', 'INV-2026-000003', null]],
    ['NUMBER', 'DESC', [null, 'INV-2026-000004', 'INV-2026-000003', 'INV-2026-000002', 'INV-2026-000001']],
  ])('sorts by %s %s', async (field, direction, expected) => {
    expect(numbersOf(await t.gql(INVOICES, { sort: { field, direction } }, agent))).toEqual(expected);
  });

  it('sorts by customer name, and pages with a total', async () => {
    const res = await t.gql(INVOICES, { sort: { field: 'CUSTOMER', direction: 'ASC' }, limit: 2, offset: 0 }, agent);
    expect(res.data!.invoices.total).toBe(5);
    expect(res.data!.invoices.items.map((i) => i.customer.name)).toEqual(['Acme Mobile GmbH', 'Acme Mobile GmbH']);
  });

  it('is read by every staff role and by an integrator for its own customer only', async () => {
    expect((await t.gql(INVOICES, {}, analyst)).data!.invoices.total).toBe(5);
    expect((await t.gql(INVOICES, {}, technician)).data!.invoices.total).toBe(5);
    expect((await t.gql(INVOICES, {}, lisbonKey)).data!.invoices.total).toBe(2);
    expect((await t.gql(INVOICES, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a negative ageing, naming the field', async () => {
    const res = await t.gql(INVOICES, { filter: { overdueDays: -1 } }, agent);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('overdueDays');
  });
});

describe('the invoice PDF', () => {
  const pdfOf = async (id: string, query = '') => {
    const res = await fetch(t.url.replace('/graphql', `/api/invoices/${id}.pdf${query}`), { headers: { authorization: `Bearer ${agent}` } });
    expect(res.status).toBe(200);
    return pdfTextItems(new Uint8Array(await res.arrayBuffer()));
  };

  it("prints the seller, the customer's address, the dates, each clause's letter and words, and the totals", async () => {
    const items = await pdfOf(invoice['long overdue']!, '?locale=en');
    const text = pdfText(items);
    for (const expected of [
      'Aftersale Devices Ltd (demo)',
      '1 Harbour Way',
      'Tax ID: IE 0000000XD',
      'Bill to',
      'Lusocom Comunicações, Lda.',
      'Avenida da Liberdade 190',
      '1250-147 Lisboa',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Invoice INV-2026-000001');
    expect(text).toContain('Issue date: 1 April 2026');
    expect(text).toContain('Due date: 1 May 2026');
    for (const clause of ['BEYOND_WARRANTY_PERIOD', 'HUMAN_DAMAGE', 'UNAUTHORIZED_REPAIR'] as const) {
      // Every word of the clause's text is printed (wrapped over lines as the column allows), never its code.
      const words = CLAUSES[clause].text.split(/\s+/);
      for (const word of words) expect(text).toContain(word);
      expect(text).toContain(`${CLAUSES[clause].letter}: ${words[0]}`);
      expect(text).not.toContain(clause);
    }
    expect(text).toContain('H8: service charge');
    expect(text).toMatch(/Subtotal\n€325\.50/);
    expect(text).toContain('VAT: reverse charge');
    expect(text).toMatch(/Total due\n€325\.50/);
  });

  it('never prints one line of text over another, however long a row wraps', async () => {
    const items = await pdfOf(invoice['long overdue']!, '?locale=en');
    expect(items.length).toBeGreaterThan(30);
    expect(overlappingItems(items).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
    // The long description wraps within its column, and the next row starts below all of it.
    const description = items.filter((item) => LONG_DESCRIPTION.includes(item.text.trim()) && item.text.trim().length > 3);
    const serviceCharge = items.find((item) => item.text === 'Express handling')!;
    expect(description.length).toBeGreaterThan(1);
    expect(Math.min(...description.map((item) => item.y))).toBeGreaterThan(serviceCharge.y + serviceCharge.height);
  });

  it("is in the customer's language unless one is asked for, with its dates and money", async () => {
    const portuguese = pdfText(await pdfOf(invoice['long overdue']!));
    expect(portuguese).toContain('Fatura INV-2026-000001');
    expect(portuguese).toContain('Data de emissão: 1 de abril de 2026');
    expect(portuguese).toMatch(/325,50\s€/);
    const spanish = pdfText(await pdfOf(invoice['long overdue']!, '?locale=es'));
    expect(spanish).toContain('Fecha de vencimiento: 1 de mayo de 2026');
    expect(spanish).toContain('Facturar a');
    // The clauses' words in the document's language too (their letters stay the policy's).
    expect(spanish).toContain('A: Reclamación');
    for (const word of ['periodo', 'garantía', 'Desmontaje']) expect(spanish).toContain(word);
    expect(portuguese).toContain('A: Reclamação');
    expect(portuguese).toContain('Desmontagem');
    expect(spanish).not.toContain(CLAUSES.HUMAN_DAMAGE.text.split(/\s+/).slice(0, 3).join(' '));
    const res = await fetch(t.url.replace('/graphql', `/api/invoices/${invoice['paid']}.pdf?locale=fr`), { headers: { authorization: `Bearer ${agent}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
  });
});
