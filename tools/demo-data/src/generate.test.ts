import { lastCoveredDay, rolesAllowedTo, type ClaimAction } from '@aftersale/domain';
import { describe, expect, it } from 'vitest';
import { generateDataSet } from './generate.js';
import { CLAIM_STATUSES, type DataSet, type DataSetTables } from './rows.js';

const TODAY = '2026-11-25';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

type Materialised = { [T in keyof DataSetTables]: DataSetTables[T] extends Iterable<infer R> ? R[] : never };

function materialise(dataSet: DataSet): Materialised {
  const entries = Object.entries(dataSet.tables).map(([table, rows]) => [table, [...(rows as Iterable<unknown>)]]);
  return Object.fromEntries(entries) as Materialised;
}

/** Luhn, written out independently of the generator's. */
function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const byId = <T extends { id: number }>(rows: readonly T[]): Map<number, T> => new Map(rows.map((row) => [row.id, row]));
const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

const demo = generateDataSet({ today: TODAY, passwordHash: HASH });
const rows = materialise(demo);
const devices = byId(rows.device);
const orders = byId(rows.sales_order);
const models = byId(rows.product_model);
const parts = byId(rows.part);

describe('generateDataSet', () => {
  it('gives the same rows, byte for byte, for the same seed and options', () => {
    const again = materialise(generateDataSet({ today: TODAY, passwordHash: HASH }));
    expect(JSON.stringify(again)).toBe(JSON.stringify(rows));
    expect(JSON.stringify(materialise(demo))).toBe(JSON.stringify(rows));
    const other = materialise(generateDataSet({ today: TODAY, passwordHash: HASH, seed: 2 }));
    expect(JSON.stringify(other.claim)).not.toBe(JSON.stringify(rows.claim));
  });

  it('builds the demo world: 3 staff, 6 customers, 3 centres, 5 models of 5 to 8 parts, 3000 units, 300 claims', () => {
    expect(rows.app_user.map((u) => [u.email, u.role, u.password_hash])).toEqual([
      ['agent@aftersale.test', 'AGENT', HASH],
      ['tech@aftersale.test', 'TECHNICIAN', HASH],
      ['analyst@aftersale.test', 'ANALYST', HASH],
    ]);
    expect(rows.customer).toHaveLength(6);
    expect(rows.service_centre).toHaveLength(3);
    expect(rows.product_model.map((m) => m.kind).sort()).toEqual(['FEATURE_PHONE', 'PHONE', 'PHONE', 'PHONE', 'TABLET']);
    for (const model of rows.product_model) {
      expect(rows.part.filter((p) => p.model_id === model.id).length).toBeGreaterThanOrEqual(5);
      expect(rows.part.filter((p) => p.model_id === model.id).length).toBeLessThanOrEqual(8);
    }
    expect(rows.device).toHaveLength(3000);
    expect(rows.claim).toHaveLength(300);
    const { claim_event: _events, ...tables } = rows;
    expect(demo.counts).toEqual(Object.fromEntries(Object.entries(tables).map(([table, list]) => [table, list.length])));
  });

  it('gives every unit a unique IMEI of 15 digits with a Luhn check digit', () => {
    const imeis = rows.device.map((d) => d.imei);
    expect(new Set(imeis).size).toBe(imeis.length);
    for (const imei of imeis) {
      expect(imei).toMatch(/^[0-9]{15}$/);
      expect(isLuhnValid(imei)).toBe(true);
    }
  });

  it("gives every unit a unique barcode matching its model's pattern", () => {
    expect(new Set(rows.device.map((d) => d.barcode)).size).toBe(rows.device.length);
    for (const device of rows.device) {
      expect(device.barcode).toMatch(new RegExp(models.get(device.model_id)?.barcode_pattern ?? '^$'));
    }
  });

  it('keeps ids unique and every foreign key pointing at a row', () => {
    for (const [table, list] of Object.entries(rows)) {
      if (table === 'stock') continue;
      const ids = (list as { id: number }[]).map((row) => row.id);
      expect(new Set(ids).size, table).toBe(ids.length);
      expect(Math.min(...ids), table).toBe(1);
      expect(Math.max(...ids), table).toBe(ids.length);
    }
    const exists = (table: Map<number, unknown>, id: number | null) => id === null || table.has(id);
    const customers = byId(rows.customer);
    const centres = byId(rows.service_centre);
    const users = byId(rows.app_user);
    const claims = byId(rows.claim);
    expect(rows.part.every((p) => exists(models, p.model_id))).toBe(true);
    expect(rows.sales_order.every((o) => exists(customers, o.customer_id) && exists(models, o.model_id))).toBe(true);
    expect(rows.device.every((d) => exists(orders, d.order_id) && exists(models, d.model_id) && exists(customers, d.customer_id))).toBe(true);
    expect(rows.spare_shipment.every((s) => exists(orders, s.order_id) && exists(parts, s.part_id))).toBe(true);
    expect(rows.stock.every((s) => exists(centres, s.service_centre_id) && exists(parts, s.part_id))).toBe(true);
    expect(rows.claim.every((c) => exists(devices, c.device_id) && exists(customers, c.customer_id) && exists(models, c.model_id)
      && exists(centres, c.service_centre_id) && exists(users, c.submitted_by_user_id))).toBe(true);
    expect(rows.claim_event.every((e) => exists(claims, e.claim_id) && exists(customers, e.customer_id) && exists(users, e.actor_user_id))).toBe(true);
  });

  it("satisfies the schema's checks and unique keys", () => {
    const unique = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size === values.length;
    expect(rows.app_user.every((u) => u.email === u.email.toLowerCase())).toBe(true);
    expect(rows.customer.every((c) => /^[A-Z]{2}$/.test(c.country) && c.contact_email === c.contact_email.toLowerCase())).toBe(true);
    expect(rows.service_centre.every((s) => /^[A-Z]{2}$/.test(s.country))).toBe(true);
    expect(unique(rows.customer.map((c) => c.code))).toBe(true);
    expect(unique(rows.service_centre.map((s) => s.code))).toBe(true);
    expect(unique(rows.product_model.map((m) => m.code))).toBe(true);
    expect(unique(rows.part.map((p) => p.sku))).toBe(true);
    expect(unique(rows.part.map((p) => [p.model_id, p.name]))).toBe(true);
    expect(rows.part.every((p) => Number.isInteger(p.material_cost) && p.material_cost >= 0 && p.currency === 'USD')).toBe(true);
    expect(unique(rows.sales_order.map((o) => o.number))).toBe(true);
    expect(rows.sales_order.every((o) => /^SO-\d{4}-\d{4}$/.test(o.number) && o.quantity > 0)).toBe(true);
    expect(rows.sales_order.every((o) => !o.received_on || !o.shipped_on || o.received_on >= o.shipped_on)).toBe(true);
    expect(unique(rows.spare_shipment.map((s) => [s.order_id, s.part_id]))).toBe(true);
    expect(unique(rows.stock.map((s) => [s.service_centre_id, s.part_id]))).toBe(true);
    expect(rows.stock.every((s) => s.on_hand >= 0 && s.low_stock_threshold >= 0)).toBe(true);
    expect(unique(rows.claim.map((c) => c.number))).toBe(true);
    for (const claim of rows.claim) {
      expect(claim.number).toMatch(/^CL-\d{7}$/);
      expect(claim.ci_number).toMatch(/^CI-[A-Z]+-\d{4}-\d{4}$/);
      expect(claim.symptoms.length).toBeGreaterThan(0);
      expect(claim.data_backup_acknowledged).toBe(true);
      expect(CLAIM_STATUSES).toContain(claim.status);
    }
  });

  it("files claims only for received units, on the unit's customer and model, between its receipt and today", () => {
    for (const claim of rows.claim) {
      const device = devices.get(claim.device_id);
      expect(device?.received_on).toBeTruthy();
      expect(claim.customer_id).toBe(device?.customer_id);
      expect(claim.model_id).toBe(device?.model_id);
      expect(claim.submitted_on >= (device?.received_on ?? '9999')).toBe(true);
      expect(claim.submitted_on <= TODAY).toBe(true);
      expect(claim.created_at.slice(0, 10)).toBe(claim.submitted_on);
    }
  });

  it('numbers claims in the order they were submitted', () => {
    const days = rows.claim.map((c) => c.submitted_on);
    expect(days).toEqual([...days].sort());
  });

  it('spreads claims over every status: mostly closed or shipped, with a queue in the early states', () => {
    const statuses = countBy(rows.claim, (c) => c.status);
    expect(Object.keys(statuses).sort()).toEqual([...CLAIM_STATUSES].sort());
    expect((statuses['CLOSED'] ?? 0) + (statuses['SHIPPED'] ?? 0)).toBeGreaterThan(rows.claim.length / 2);
    const early = ['SUBMITTED', 'REMOTE_DIAGNOSIS', 'AWAITING_UNIT', 'RECEIVED', 'INSPECTION'];
    expect(rows.claim.filter((c) => early.includes(c.status)).length).toBeGreaterThanOrEqual(10);
    expect(rows.claim.filter((c) => c.form_type === 'REPAIR').length).toBeGreaterThan(rows.claim.length * 0.7);
  });

  it('has claims submitted after the warranty ran out, assessed as beyond the period (W3, A)', () => {
    const late = rows.claim.filter((c) => c.submitted_on > lastCoveredDay(devices.get(c.device_id)?.received_on ?? ''));
    expect(late.length).toBeGreaterThanOrEqual(10);
    expect(late.length).toBeLessThan(rows.claim.length / 3);
    const lateIds = new Set(late.map((c) => c.id));
    const assessments = rows.claim_event.filter((e) => e.data['action'] === 'RECORD_ASSESSMENT');
    expect(assessments.some((e) => lateIds.has(e.claim_id))).toBe(true);
    for (const event of assessments) {
      expect(lateIds.has(event.claim_id)).toBe((event.data['clauses'] as string[]).includes('BEYOND_WARRANTY_PERIOD'));
    }
    for (const claim of late) expect(claim.decision ?? 'none').not.toMatch(/^WARRANTY_/);
  });

  it("walks the domain's claim lifecycle: each step an action of the actor's role, the decision the recorded assessment's", () => {
    const role = new Map(rows.app_user.map((u) => [u.id, u.role]));
    const claims = byId(rows.claim);
    for (const event of rows.claim_event.filter((e) => e.type === 'TRANSITION')) {
      const action = event.data['action'] as ClaimAction;
      expect(rolesAllowedTo(action)).toContain(role.get(event.actor_user_id));
      if (action === 'RECORD_ASSESSMENT') expect(claims.get(event.claim_id)?.decision).toBe(event.data['decision']);
    }
    const assessed = new Set(rows.claim_event.filter((e) => e.data['action'] === 'RECORD_ASSESSMENT').map((e) => e.claim_id));
    expect(rows.claim.every((c) => (c.decision !== null) === assessed.has(c.id))).toBe(true);
    expect(new Set(rows.claim.map((c) => c.decision)).size).toBeGreaterThanOrEqual(5);
  });

  it("tells each claim's story in its events, from SUBMITTED to the claim's status", () => {
    const eventsOf = new Map<number, Materialised['claim_event']>();
    for (const event of rows.claim_event) eventsOf.set(event.claim_id, [...(eventsOf.get(event.claim_id) ?? []), event]);
    const staffEmails = rows.app_user.map((u) => u.email);
    for (const claim of rows.claim) {
      const events = eventsOf.get(claim.id) ?? [];
      expect(events[0]).toMatchObject({ type: 'SUBMITTED', from_status: null, to_status: 'SUBMITTED', created_at: claim.created_at });
      events.slice(1).forEach((event, i) => {
        const previous = events[i];
        expect(event.type).toBe('TRANSITION');
        expect(event.from_status).toBe(previous?.to_status);
        expect(event.created_at > (previous?.created_at ?? '')).toBe(true);
      });
      const last = events[events.length - 1];
      expect(last?.to_status).toBe(claim.status);
      expect(last?.created_at).toBe(claim.updated_at);
      expect(last && last.created_at < `${TODAY}T00:00:00.000Z`).toBe(true);
      expect(claim.version).toBe(events.length);
      expect(events.every((e) => e.customer_id === claim.customer_id && staffEmails.includes(e.actor_label))).toBe(true);
      expect(claim.service_centre_id !== null).toBe(events.some((e) => e.to_status === 'AWAITING_UNIT'));
    }
  });

  it('ships 2 % free spare parts, except board, LCD, TP and camera, with received orders up to 3000 pieces only (S1–S3)', () => {
    expect(rows.sales_order.some((o) => o.quantity > 3000 && o.received_on)).toBe(true);
    for (const order of rows.sales_order) {
      const shipped = rows.spare_shipment.filter((s) => s.order_id === order.id);
      if (order.quantity > 3000 || !order.received_on) {
        expect(shipped.reduce((sum, s) => sum + s.quantity, 0), order.number).toBe(0);
        continue;
      }
      const eligible = rows.part.filter((p) => p.model_id === order.model_id && !['MAINBOARD', 'LCD', 'TOUCH_PANEL', 'CAMERA'].includes(p.category));
      expect(shipped.map((s) => s.part_id).sort()).toEqual(eligible.map((p) => p.id).sort());
      expect(shipped.every((s) => s.quantity === Math.floor(order.quantity / 50))).toBe(true);
    }
  });

  it('receives orders over the last two years and leaves a couple in transit, their units not yet received', () => {
    const inTransit = rows.sales_order.filter((o) => o.received_on === null);
    expect(inTransit.length).toBeGreaterThanOrEqual(2);
    expect(inTransit.every((o) => o.shipped_on && o.shipped_on < TODAY)).toBe(true);
    const receivedOn = rows.sales_order.flatMap((o) => (o.received_on ? [o.received_on] : []));
    expect(receivedOn.every((d) => d >= '2024-11-25' && d < TODAY)).toBe(true);
    expect(rows.device.every((d) => d.received_on === orders.get(d.order_id)?.received_on)).toBe(true);
    const perOrder = countBy(rows.device, (d) => String(d.order_id));
    expect(rows.sales_order.every((o) => (perOrder[String(o.id)] ?? 0) <= o.quantity)).toBe(true);
  });

  it.each(['2025-06-01', '2026-01-03', '2026-02-28', '2027-07-19'])('shows every status on %s too', (today) => {
    const claims = [...generateDataSet({ today, passwordHash: HASH, seed: 7 }).tables.claim];
    expect(new Set(claims.map((c) => c.status)).size).toBe(CLAIM_STATUSES.length);
  });

  it('streams a data set of millions of rows without building it', () => {
    const started = performance.now();
    const big = generateDataSet({ today: TODAY, passwordHash: HASH, customers: 40, serviceCentres: 8, devices: 5_000_000, claims: 1_000_000 });
    const first = big.tables.device[Symbol.iterator]().next().value;
    const claims = big.tables.claim[Symbol.iterator]();
    const someClaims = Array.from({ length: 1000 }, () => claims.next().value);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(first?.id).toBe(1);
    expect(someClaims.every((c) => c !== undefined && c.submitted_on <= TODAY)).toBe(true);
    expect(big.counts.device).toBe(5_000_000);
    expect(big.counts.sales_order).toBeGreaterThanOrEqual(5_000_000 / 300);
    expect(new Set(big.tables.customer.map((c) => c.code)).size).toBe(40);
    expect(big.tables.customer.every((c) => c.contact_email === c.contact_email.toLowerCase())).toBe(true);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDataSet({ today: '2026-02-30', passwordHash: HASH })).toThrow(/today/);
    expect(() => generateDataSet({ today: TODAY, passwordHash: HASH, orders: 1, devices: 50_000 })).toThrow(/devices/);
    expect(() => generateDataSet({ today: TODAY, passwordHash: HASH, claims: -1 })).toThrow(/claims/);
  });
});

