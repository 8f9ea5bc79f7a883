import { completeImei } from '@aftersale/domain';
import { TestDevicesImportDocument, TestDevicesOfOrderDocument, TestDevicesOrderImportsDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../catalogue/customer.entity.js';
import type { ProductModel } from '../catalogue/product-model.entity.js';
import type { ImportResult } from './device-import.js';
import { aCustomer, aModel, anApiKey, anOrder, aStaffUser } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let agent: string;
let analyst: string;
let customer: Customer;
let model: ProductModel;
let base: string;
let serial = 0;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-06-30') });
  base = t.url.replace('/graphql', '');
  const em = t.app.orm.em.fork();
  const [a, b] = [await aStaffUser(em, 'AGENT'), await aStaffUser(em, 'ANALYST')];
  agent = await t.login(a.email, a.password);
  analyst = await t.login(b.email, b.password);
  customer = await aCustomer(em);
  model = await aModel(em, { barcodePattern: 'BC[0-9]{6}' });
});
afterAll(() => t?.close());

/** A unit no test has used yet: a valid IMEI and a barcode of the model. */
function unit() {
  const n = ++serial;
  return { imei: completeImei(`3569870${String(n).padStart(7, '0')}`), barcode: `BC${String(n).padStart(6, '0')}` };
}

const orderOf = async (quantity: number, extra: { receivedOn?: string | null; shippedOn?: string | null } = {}) =>
  anOrder(t.app.orm.em.fork(), { customer, model, quantity, receivedOn: '2026-05-01', shippedOn: '2026-04-20', ...extra });

/** What the import route answers: the result, with the error's code when the file was refused. */
type ImportAnswer = ImportResult & { code?: string };

async function upload(orderId: number, csv: string, credential = agent) {
  const response = await fetch(`${base}/api/orders/${orderId}/devices/import?fileName=units.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${credential}` },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
}

const unitsOf = async (orderId: number) => (await t.gql(TestDevicesOfOrderDocument, { orderId: String(orderId) }, analyst)).data!.devices;

describe('importing an order’s units from CSV', () => {
  it('imports a good file whole; a unit’s own received date overrides the order’s (W2)', async () => {
    const order = await orderOf(10);
    const [a, b, c] = [unit(), unit(), unit()];
    const csv = `IMEI,Barcode,Received On\n${a.imei},${a.barcode},\n${b.imei},${b.barcode},2026-05-03\n\n${c.imei},${c.barcode},\n`;
    const { status, body } = await upload(order.id, csv);
    expect(status).toBe(200);
    expect(body).toEqual({ imported: 3, rows: 3, problems: [] });
    const units = await unitsOf(order.id);
    expect(units.total).toBe(3);
    expect(units.items.find((u) => u.imei === b.imei)).toEqual({ imei: b.imei, receivedOn: '2026-05-03', lastCoveredDay: '2027-05-02' });
    expect(units.items.find((u) => u.imei === a.imei)).toMatchObject({ receivedOn: null, lastCoveredDay: '2027-04-30' });
    const audit = await t.gql(TestDevicesOrderImportsDocument, { id: String(order.id) }, analyst);
    expect(audit.data!.order).toEqual({
      unitCount: 3,
      imports: [{ fileName: 'units.csv', units: 3, importedBy: expect.stringContaining('AGENT') as unknown }],
    });
  });

  it('refuses a file with bad rows whole, reporting every bad row with its line and reason', async () => {
    const order = await orderOf(20);
    const [good, dup, other] = [unit(), unit(), unit()];
    const lines = [
      'imei,barcode,receivedOn',
      `${good.imei},${good.barcode},`, // 2: fine
      `${good.imei.slice(0, 14)}0,${unit().barcode},`, // 3: wrong check digit
      `${unit().imei},XX123,`, // 4: barcode not the model's
      `${unit().imei},${unit().barcode},2026-13-01`, // 5: not a date
      `${unit().imei},${unit().barcode},2026-07-01`, // 6: in the future
      `${dup.imei},${dup.barcode},`, // 7: fine
      `${dup.imei},${other.barcode},`, // 8: IMEI repeats line 7
      `,${unit().barcode},`, // 9: no IMEI
      `${other.imei},${dup.barcode},2026-04-01`, // 10: barcode repeats line 7; before shipping
    ];
    const { status, body } = await upload(order.id, lines.join('\n'));
    expect(status).toBe(400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.imported).toBe(0);
    expect(body.rows).toBe(9);
    expect(body.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'imei'],
      [4, 'barcode'],
      [5, 'receivedOn'],
      [6, 'receivedOn'],
      [8, 'imei'],
      [9, 'imei'],
      [10, 'receivedOn'],
    ]);
    expect(body.problems.find((p) => p.row === 8)!.reason).toBe('The IMEI is also on line 7 of the file.');
    expect((await unitsOf(order.id)).total).toBe(0);
  });

  it('finds a barcode repeated within the file once the rows are otherwise good', async () => {
    const order = await orderOf(5);
    const [a, b] = [unit(), unit()];
    const { body } = await upload(order.id, `imei,barcode\n${a.imei},${a.barcode}\n${b.imei},${a.barcode}\n`);
    expect(body.problems).toEqual([{ row: 3, field: 'barcode', value: a.barcode, reason: 'The barcode is also on line 2 of the file.' }]);
  });

  it('refuses an IMEI already registered by an earlier import, naming its order', async () => {
    const first = await orderOf(5);
    const second = await orderOf(5);
    const [a, b] = [unit(), unit()];
    expect((await upload(first.id, `imei,barcode\n${a.imei},${a.barcode}\n`)).status).toBe(200);
    const { status, body } = await upload(second.id, `imei,barcode\n${b.imei},${b.barcode}\n${a.imei},BC999999\n`);
    expect(status).toBe(400);
    expect(body.problems).toEqual([{ row: 3, field: 'imei', value: a.imei, reason: `The IMEI is already registered (order ${first.number}).` }]);
    expect((await unitsOf(second.id)).total).toBe(0);
  });

  it('refuses more units than the order has room for, and a file without the needed columns', async () => {
    const order = await orderOf(2);
    const rows = [unit(), unit(), unit()].map((u) => `${u.imei},${u.barcode}`);
    const over = await upload(order.id, `imei,barcode\n${rows.join('\n')}\n`);
    expect(over.body.problems).toEqual([expect.objectContaining({ row: 0, reason: expect.stringContaining('room is left for 2') as unknown })]);
    const header = await upload(order.id, `serial,code\n1,2\n`);
    expect(header.body.problems).toEqual([expect.objectContaining({ row: 1, reason: expect.stringContaining('missing: imei, barcode') as unknown })]);
    const empty = await upload(order.id, `imei,barcode\n`);
    expect(empty.body.problems).toEqual([expect.objectContaining({ row: 0, reason: 'The file has no units.' })]);
  });

  it('two files for the same order at once cannot overfill it', async () => {
    const order = await orderOf(10);
    const file = () =>
      `imei,barcode\n${Array.from({ length: 6 }, () => unit())
        .map((u) => `${u.imei},${u.barcode}`)
        .join('\n')}\n`;
    const results = await Promise.all([upload(order.id, file()), upload(order.id, file())]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await unitsOf(order.id)).total).toBe(6);
  });

  it('the GraphQL mutation imports the same way, all or nothing', async () => {
    const order = await orderOf(5);
    const a = unit();
    const IMPORT = TestDevicesImportDocument;
    const bad = await t.gql(IMPORT, { orderId: String(order.id), csv: `imei,barcode\n${a.imei},${a.barcode}\n123,${unit().barcode}\n` }, agent);
    expect(bad.data!.importDevices).toMatchObject({ imported: 0, rows: 2, problems: [{ row: 3, field: 'imei' }] });
    const good = await t.gql(IMPORT, { orderId: String(order.id), csv: `imei,barcode\n${a.imei},${a.barcode}\n` }, agent);
    expect(good.data!.importDevices).toEqual({ imported: 1, rows: 1, problems: [] });
  });

  it('keeps imports to agents and admins, and wants a credential', async () => {
    const order = await orderOf(5);
    expect((await upload(order.id, 'imei,barcode\n', analyst)).body).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await fetch(`${base}/api/orders/${order.id}/devices/import`, { method: 'POST', body: 'imei,barcode\n' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await upload(999999, 'imei,barcode\n')).status).toBe(404);
  });
});

describe('exporting a device list as CSV', () => {
  it('streams the filtered list with warranty columns; an integrator sees only its own units', async () => {
    const order = await orderOf(5);
    const units = [unit(), unit()];
    await upload(order.id, `imei,barcode\n${units.map((u) => `${u.imei},${u.barcode}`).join('\n')}\n`);
    const response = await fetch(`${base}/api/devices.csv?orderId=${order.id}`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('imei,barcode,model,customer,order,receivedOn,lastCoveredDay,underWarranty');
    expect(lines.slice(1)).toEqual(units.map((u) => `${u.imei},${u.barcode},${model.code},${customer.code},${order.number},2026-05-01,2027-04-30,yes`));

    const stranger = await anApiKey(t.app.orm.em.fork(), await aCustomer(t.app.orm.em.fork()));
    const scoped = await fetch(`${base}/api/devices.csv?orderId=${order.id}`, { headers: { 'x-api-key': stranger } });
    expect((await scoped.text()).trim().split('\n')).toHaveLength(1);
    const bad = await fetch(`${base}/api/devices.csv?imei=abc`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imei' });
  });
});
