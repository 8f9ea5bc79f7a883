import { TestDevicesListDocument, TestDevicesWarrantyStatusDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aDevice, anOrder, aModel } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

const STATUS = TestDevicesWarrantyStatusDocument;
const DEVICES = TestDevicesListDocument;

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-03-10') });
  token = await t.login();
});
afterAll(() => t?.close());

describe('warrantyStatus', () => {
  it.each([
    ['2025-03-11', true, '2026-03-10'],
    ['2025-03-10', false, '2026-03-09'],
  ])('a unit received %s is under warranty today (2026-03-10): %s', async (receivedOn, underWarranty, lastCoveredDay) => {
    const em = t.app.orm.em.fork();
    const model = await aModel(em, { name: 'Aster 5' });
    const device = await aDevice(em, { order: await anOrder(em, { model, receivedOn }) });
    const res = await t.gql(STATUS, { imei: device.imei }, token);
    expect(res.data!.warrantyStatus).toEqual({ imei: device.imei, underWarranty, receivedOn, lastCoveredDay, model: { name: 'Aster 5' } });
  });

  it("uses the unit's own received date over its order's (W2)", async () => {
    const em = t.app.orm.em.fork();
    const device = await aDevice(em, { order: await anOrder(em, { receivedOn: '2024-01-01' }), receivedOn: '2025-12-01' });
    const res = await t.gql(STATUS, { imei: device.imei }, token);
    expect(res.data!.warrantyStatus).toMatchObject({ receivedOn: '2025-12-01', underWarranty: true });
  });

  it('answers BAD_USER_INPUT naming imei for a bad check digit, and NOT_FOUND for an unknown IMEI', async () => {
    const bad = await t.gql(STATUS, { imei: '490154203237519' }, token);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'imei' } });
    expect(bad.errors?.[0]?.message).toMatch(/imei/);
    const short = await t.gql(STATUS, { imei: '12345' }, token);
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(STATUS, { imei: '490154203237518' }, token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('devices list', () => {
  it('filters by order and IMEI prefix, sorts by IMEI and paginates', async () => {
    const em = t.app.orm.em.fork();
    const order = await anOrder(em, { customer: await aCustomer(em) });
    const devices = [];
    for (let i = 0; i < 4; i++) devices.push(await aDevice(em, { order }));
    const imeis = devices.map((d) => d.imei).sort();

    const page = await t.gql(DEVICES, { filter: { orderId: String(order.id) }, sort: { field: 'IMEI', direction: 'DESC' }, offset: 0, limit: 3 }, token);
    expect(page.data!.devices.total).toBe(4);
    expect(page.data!.devices.items.map((d) => d.imei)).toEqual([...imeis].reverse().slice(0, 3));

    const one = await t.gql(DEVICES, { filter: { imei: imeis[0]!.slice(0, 14) }, offset: 0, limit: 10 }, token);
    expect(one.data!.devices.items.map((d) => d.imei)).toContain(imeis[0]);

    const bad = await t.gql(DEVICES, { filter: { imei: '12ab' }, offset: 0, limit: 10 }, token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
