import {
  TestStockAdjustDocument,
  TestStockConsumeDocument,
  TestStockLowLevelsDocument,
  TestStockMovementsDocument,
  TestStockOnHandDocument,
  TestStockReceiveDocument,
  TestStockUpdateSettingsDocument,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Part } from '../catalogue/part.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { aModel, aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let technician: string;
let agent: string;
let centreId: string;
let otherCentreId: string;
let partId: string;
let serial = 0;

beforeAll(async () => {
  t = await startTestApp();
  const em = t.app.orm.em.fork();
  const [tech, ag] = [await aStaffUser(em, 'TECHNICIAN'), await aStaffUser(em, 'AGENT')];
  technician = await t.login(tech.email, tech.password);
  agent = await t.login(ag.email, ag.password);
  const centre = (code: string) => em.create(ServiceCentre, { code, name: `Centre ${code}`, city: 'Lyon', country: 'FR', address: '1 rue X' });
  const [a, b] = [centre('SC-A'), centre('SC-B')];
  const part = em.create(Part, { model: await aModel(em), sku: 'BAT-1', name: 'Battery', category: 'BATTERY', materialCost: 900, currency: 'USD' });
  await em.flush();
  [centreId, otherCentreId, partId] = [String(a.id), String(b.id), String(part.id)];
});
afterAll(() => t?.close());

const RECEIVE = TestStockReceiveDocument;
const ADJUST = TestStockAdjustDocument;
const CONSUME = TestStockConsumeDocument;

/** A fresh part stocked with `onHand` pieces at centre A. */
async function stockedPart(onHand: number): Promise<string> {
  const em = t.app.orm.em.fork();
  const part = em.create(Part, {
    model: await aModel(em),
    sku: `RACE-${++serial}`,
    name: `Race ${serial}`,
    category: 'HOUSING',
    materialCost: 100,
    currency: 'USD',
  });
  await em.flush();
  const res = await t.gql(RECEIVE, { input: { serviceCentreId: centreId, partId: String(part.id), quantity: onHand } }, technician);
  expect(res.data!.receiveStock.onHand).toBe(onHand);
  return String(part.id);
}

const onHandOf = async (part: string) => (await t.gql(TestStockOnHandDocument, { id: `${centreId}:${part}` }, agent)).data!.stockLevel.onHand;

describe('stock per service centre and part', () => {
  it('receives parts (creating the stock row), adjusts with a reason, and keeps the ledger', async () => {
    const received = await t.gql(RECEIVE, { input: { serviceCentreId: centreId, partId, quantity: 12, reason: 'Delivery note 881' } }, technician);
    expect(received.data!.receiveStock).toMatchObject({ id: `${centreId}:${partId}`, onHand: 12, lowStockThreshold: 5, low: false, part: { sku: 'BAT-1' } });
    const adjusted = await t.gql(ADJUST, { input: { serviceCentreId: centreId, partId, delta: -8, reason: 'Stocktake: 8 damaged' } }, technician);
    expect(adjusted.data!.adjustStock).toMatchObject({ onHand: 4, low: true });
    const ledger = await t.gql(TestStockMovementsDocument, { filter: { partId } }, agent);
    expect(ledger.data!.stockMovements.items).toEqual([
      { delta: -8, kind: 'ADJUSTMENT', reason: 'Stocktake: 8 damaged', actorName: expect.stringContaining('TECHNICIAN') as unknown },
      { delta: 12, kind: 'RECEIPT', reason: 'Delivery note 881', actorName: expect.stringContaining('TECHNICIAN') as unknown },
    ]);
  });

  it('never goes negative: taking more than is on hand is a CONFLICT and changes nothing', async () => {
    const part = await stockedPart(3);
    const res = await t.gql(CONSUME, { input: { serviceCentreId: centreId, partId: part, quantity: 4 } }, technician);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'quantity', onHand: 3 });
    const adjust = await t.gql(ADJUST, { input: { serviceCentreId: centreId, partId: part, delta: -4, reason: 'x' } }, technician);
    expect(adjust.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'delta' });
    const elsewhere = await t.gql(CONSUME, { input: { serviceCentreId: otherCentreId, partId: part, quantity: 1 } }, technician);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', onHand: 0 });
    expect(await onHandOf(part)).toBe(3);
  });

  it('20 parallel requests for the last 5 pieces: exactly 5 succeed, stock ends at 0', async () => {
    const part = await stockedPart(5);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(CONSUME, { input: { serviceCentreId: centreId, partId: part, quantity: 1 } }, technician)),
    );
    expect(results.filter((r) => r.data?.consumeStock).length).toBe(5);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(15);
    expect(await onHandOf(part)).toBe(0);
    const ledger = await t.gql(TestStockMovementsDocument, { filter: { partId: part, kind: ['CONSUMPTION'] } }, agent);
    expect(ledger.data!.stockMovements.total).toBe(5);
  });

  it('parallel takes of 2 from 5: two succeed, one piece is left', async () => {
    const part = await stockedPart(5);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(CONSUME, { input: { serviceCentreId: centreId, partId: part, quantity: 2 } }, technician)),
    );
    expect(results.filter((r) => r.data?.consumeStock).length).toBe(2);
    expect(await onHandOf(part)).toBe(1);
  });

  it('validates quantities and reasons, naming the field', async () => {
    const zero = await t.gql(RECEIVE, { input: { serviceCentreId: centreId, partId, quantity: 0 } }, technician);
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    const noReason = await t.gql(ADJUST, { input: { serviceCentreId: centreId, partId, delta: 1, reason: '  ' } }, technician);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const unknown = await t.gql(RECEIVE, { input: { serviceCentreId: '999999', partId, quantity: 1 } }, technician);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('edits the low-stock threshold with optimistic locking, and lists the low-stock view', async () => {
    const part = await stockedPart(8);
    const id = `${centreId}:${part}`;
    const UPDATE = TestStockUpdateSettingsDocument;
    const edited = await t.gql(UPDATE, { input: { id, version: 1, lowStockThreshold: 10 } }, technician);
    expect(edited.data!.updateStockSettings).toEqual({ lowStockThreshold: 10, low: true, version: 2 });
    const stale = await t.gql(UPDATE, { input: { id, version: 1, lowStockThreshold: 2 } }, technician);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const low = await t.gql(TestStockLowLevelsDocument, { filter: { serviceCentreId: centreId, low: true }, limit: 500 }, agent);
    expect(low.data!.stockLevels.items).toContainEqual({ id, low: true });
    expect(low.data!.stockLevels.items.every((s) => s.low)).toBe(true);
  });

  it('keeps stock changes to technicians and admins', async () => {
    const res = await t.gql(RECEIVE, { input: { serviceCentreId: centreId, partId, quantity: 1 } }, agent);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
