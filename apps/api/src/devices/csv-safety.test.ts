import { TestDevicesCreateProductModelDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aModel, anOrder } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: string;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  base = t.url.replace('/graphql', '');
});
afterAll(() => t?.close());

const get = (url: string) => fetch(`${base}${url}`, { headers: { authorization: `Bearer ${admin}` } });

describe('barcode patterns', () => {
  it.each([['^(a)\\1$'], ['^(?=A)[A-Z]+$']])('refuses %s, which a linear-time engine cannot match, naming the field', async (pattern) => {
    const res = await t.gql(TestDevicesCreateProductModelDocument, { input: { code: 'RX-1', name: 'Rx', kind: 'PHONE', barcodePattern: pattern } }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'barcodePattern' });
  });

  it('imports against a nested-repeat pattern without stalling: a long non-matching barcode is just a bad row', async () => {
    const em = t.app.orm.em.fork();
    const order = await anOrder(em, { model: await aModel(em, { barcodePattern: '^(a+)+$' }) });
    const csv = `imei,barcode\n490154203237518,${'a'.repeat(40)}!\n`;
    const response = await fetch(`${base}/api/orders/${order.id}/devices/import?fileName=u.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: csv,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { problems: { field: string }[] }).problems).toEqual([expect.objectContaining({ field: 'barcode' })]);
  });
});

describe('CSV exports', () => {
  it('neutralise cells a spreadsheet would run as a formula', async () => {
    const em = t.app.orm.em.fork();
    const order = await anOrder(em, { quantity: 10, model: await aModel(em, { barcodePattern: '^.+$' }) });
    const barcodes = ['=HYPERLINK("http://x.example","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\tTAB'];
    const imeis = ['490154203237518', '356938035643809', '352099001761481', '013977000272744', '356303484465073'];
    const csv = `imei,barcode\n${barcodes.map((b, i) => `${imeis[i]},"${b.replace(/"/g, '""')}"`).join('\n')}\n`;
    const imported = await fetch(`${base}/api/orders/${order.id}/devices/import?fileName=f.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: csv,
    });
    expect(imported.status).toBe(200);
    const exported = await (await get(`/api/devices.csv?orderId=${order.id}`)).text();
    for (const barcode of barcodes) expect(exported).toContain(`'${barcode.replace(/"/g, '""')}`);
    expect(exported).not.toMatch(/(^|,|")[=+@]/m);
  });
});

describe('REST bad input', () => {
  it.each([
    ['orderId=abc', 'orderId'],
    ['modelId=x', 'modelId'],
    ['customerId=-1', 'customerId'],
    ['orderId=1.5', 'orderId'],
    ['imei=12ab', 'imei'],
  ])('GET /api/devices.csv?%s answers 400 BAD_USER_INPUT naming the field', async (query, field) => {
    const response = await get(`/api/devices.csv?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field, message: expect.stringContaining(field) as unknown });
  });
});
