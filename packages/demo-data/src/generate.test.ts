import {
  assessClaim,
  CLAIM_ACTIONS,
  invoiceNumber,
  isUnderWarranty,
  lastCoveredDay,
  rolesAllowedTo,
  type ClaimAction,
  type ClaimLineInput,
} from '@aftersale/domain';
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
const claimsById = byId(rows.claim);
const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
const eventsOf = groupBy(rows.claim_event, (e) => e.claim_id);
const assessmentOf = new Map(rows.assessment.map((a) => [a.claim_id, a]));
const linesOf = groupBy(rows.claim_line, (l) => l.claim_id);
const shipmentsOf = groupBy(rows.shipment, (s) => s.claim_id);
const agreementOf = new Map(rows.maintenance_agreement.map((a) => [a.claim_id, a]));
const invoiceOf = new Map(rows.invoice.map((i) => [i.claim_id, i]));
const tookStep = (claimId: number, action: ClaimAction) => (eventsOf.get(claimId) ?? []).some((e) => e.type === action);
const stepOf = (claimId: number, action: ClaimAction) => (eventsOf.get(claimId) ?? []).find((e) => e.type === action);

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
    expect(rows.device.filter((d) => d.replaces_device_id === null)).toHaveLength(3000);
    expect(rows.claim).toHaveLength(300);
    const counted = Object.keys(demo.counts).map((table) => [table, rows[table as keyof Materialised].length]);
    expect(demo.counts).toEqual(Object.fromEntries(counted));
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
      if (table === 'stock' || table === 'invoice_counter') continue;
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
    expect(
      rows.claim.every(
        (c) =>
          exists(devices, c.device_id) &&
          exists(customers, c.customer_id) &&
          exists(models, c.model_id) &&
          exists(centres, c.service_centre_id) &&
          exists(users, c.submitted_by_user_id),
      ),
    ).toBe(true);
    expect(rows.claim_event.every((e) => exists(claims, e.claim_id) && exists(customers, e.customer_id) && exists(users, e.actor_user_id))).toBe(true);
    expect(rows.device.every((d) => exists(devices, d.replaces_device_id))).toBe(true);
    const invoices = byId(rows.invoice);
    const stock = new Set(rows.stock.map((s) => `${s.service_centre_id}:${s.part_id}`));
    expect(rows.shipment.every((s) => exists(claims, s.claim_id))).toBe(true);
    expect(rows.assessment.every((a) => exists(claims, a.claim_id) && exists(users, a.assessed_by))).toBe(true);
    expect(rows.claim_line.every((l) => exists(claims, l.claim_id) && exists(parts, l.part_id))).toBe(true);
    expect(rows.maintenance_agreement.every((a) => exists(claims, a.claim_id) && exists(users, a.recorded_by))).toBe(true);
    expect(rows.retained_part.every((r) => exists(claims, r.claim_id) && exists(parts, r.part_id) && exists(centres, r.service_centre_id))).toBe(true);
    expect(
      rows.stock_movement.every((m) => stock.has(`${m.service_centre_id}:${m.part_id}`) && exists(claims, m.claim_id) && exists(users, m.actor_user_id)),
    ).toBe(true);
    expect(rows.invoice.every((i) => exists(claims, i.claim_id) && exists(customers, i.customer_id))).toBe(true);
    expect(rows.invoice_line.every((l) => exists(invoices, l.invoice_id) && exists(parts, l.part_id))).toBe(true);
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
    const assessments = rows.claim_event.filter((e) => e.type === 'RECORD_ASSESSMENT');
    expect(assessments.some((e) => lateIds.has(e.claim_id))).toBe(true);
    for (const event of assessments) {
      expect(lateIds.has(event.claim_id)).toBe((event.data['clauses'] as string[]).includes('BEYOND_WARRANTY_PERIOD'));
    }
    for (const claim of late) expect(claim.decision ?? 'none').not.toMatch(/^WARRANTY_/);
  });

  it("walks the domain's claim lifecycle: each step an action of the actor's role, the decision the recorded assessment's", () => {
    const role = new Map(rows.app_user.map((u) => [u.id, u.role]));
    const claims = byId(rows.claim);
    for (const event of rows.claim_event.filter((e) => e.from_status !== null)) {
      const action = event.type as ClaimAction;
      expect(rolesAllowedTo(action)).toContain(role.get(event.actor_user_id));
      if (action === 'RECORD_ASSESSMENT') expect(claims.get(event.claim_id)?.decision).toBe(event.data['decision']);
    }
    const assessed = new Set(rows.claim_event.filter((e) => e.type === 'RECORD_ASSESSMENT').map((e) => e.claim_id));
    expect(rows.claim.every((c) => (c.decision !== null) === assessed.has(c.id))).toBe(true);
    expect(new Set(rows.claim.map((c) => c.decision)).size).toBeGreaterThanOrEqual(5);
  });

  it("tells each claim's story in its events, from SUBMITTED to the claim's status, as the API appends them", () => {
    const staffEmails = rows.app_user.map((u) => u.email);
    for (const claim of rows.claim) {
      const all = eventsOf.get(claim.id) ?? [];
      all.slice(1).forEach((event, i) => expect(event.created_at > (all[i]?.created_at ?? '')).toBe(true));
      // Invoice events do not move the claim; the others are SUBMITTED then one per workflow action.
      const events = all.filter((e) => !e.type.startsWith('INVOICE_'));
      expect(events[0]).toMatchObject({ type: 'SUBMITTED', from_status: null, to_status: 'SUBMITTED', created_at: claim.created_at });
      events.slice(1).forEach((event, i) => {
        const previous = events[i];
        expect(CLAIM_ACTIONS).toContain(event.type);
        expect(event.data['action']).toBeUndefined();
        expect(event.from_status).toBe(previous?.to_status);
      });
      const last = events[events.length - 1];
      expect(last?.to_status).toBe(claim.status);
      expect(last?.created_at).toBe(claim.updated_at);
      expect(last && last.created_at < `${TODAY}T00:00:00.000Z`).toBe(true);
      expect(claim.version).toBe(events.length);
      expect(all.every((e) => e.customer_id === claim.customer_id && staffEmails.includes(e.actor_label))).toBe(true);
      expect(claim.service_centre_id !== null).toBe(events.some((e) => e.to_status === 'AWAITING_UNIT'));
    }
  });

  it("records the domain's assessment for every claim past RECORD_ASSESSMENT, with a line per faulty part of the claim's model", () => {
    const assessed = rows.claim.filter((c) => tookStep(c.id, 'RECORD_ASSESSMENT'));
    expect(assessed.length).toBeGreaterThan(100);
    expect(rows.assessment).toHaveLength(assessed.length);
    for (const claim of rows.claim.filter((c) => !tookStep(c.id, 'RECORD_ASSESSMENT'))) {
      expect(assessmentOf.has(claim.id) || linesOf.has(claim.id), claim.number).toBe(false);
    }
    for (const claim of assessed) {
      const assessment = assessmentOf.get(claim.id);
      const lines = linesOf.get(claim.id) ?? [];
      const input = {
        formType: claim.form_type,
        receivedOn: devices.get(claim.device_id)?.received_on ?? '',
        submittedOn: claim.submitted_on,
        lines: lines.map((l): ClaimLineInput => ({ category: l.category, materialCost: l.material_cost, worn: l.worn })),
        findings: assessment?.findings ?? [],
      };
      const expected = assessClaim(input);
      expect(assessment, claim.number).toMatchObject({
        decision: expected.decision,
        proposed_decision: expected.decision,
        override_reason: null,
        clauses: expected.clauses,
        policy_version: expected.policyVersion,
        under_warranty: expected.underWarranty,
        last_covered_day: expected.lastCoveredDay,
        replacement_allowed: expected.replacementAllowed,
        agreement_required: expected.agreementRequired,
        total: expected.total,
        assessed_by: rows.app_user.find((u) => u.role === 'TECHNICIAN')?.id,
      });
      expect(lines.map((l) => ({ covered: l.covered, clauses: l.clauses, charge: l.charge }))).toEqual(
        expected.lines.map(({ covered, clauses, charge }) => ({ covered, clauses, charge })),
      );
      expect(
        lines.every(
          (l) =>
            parts.get(l.part_id)?.model_id === claim.model_id &&
            parts.get(l.part_id)?.category === l.category &&
            parts.get(l.part_id)?.material_cost === l.material_cost,
        ),
      ).toBe(true);
      expect(claim.decision).toBe(assessment?.decision);
      const event = stepOf(claim.id, 'RECORD_ASSESSMENT');
      expect(event?.created_at).toBe(assessment?.created_at);
      expect(event?.data).toEqual({
        decision: expected.decision,
        proposedDecision: expected.decision,
        overrideReason: null,
        clauses: expected.clauses,
        total: expected.total,
        serviceCharge: assessment?.service_charge ?? null,
        policyVersion: expected.policyVersion,
        findings: assessment?.findings,
        parts: lines.map((l) => parts.get(l.part_id)?.sku),
      });
      expect(assessment?.service_charge === null).toBe(assessment?.service_charge_description === null);
    }
    expect(rows.assessment.some((a) => a.service_charge === 2500 && a.service_charge_description === 'Express handling')).toBe(true);
    expect(rows.claim_line.some((l) => l.worn && !l.covered && l.clauses.includes('NATURAL_WEAR'))).toBe(true);
  });

  it('keeps statuses and records in agreement: centre, shipments, agreement, quote', () => {
    const day = (instant: string | undefined) => instant?.slice(0, 10);
    for (const claim of rows.claim) {
      const shipments = shipmentsOf.get(claim.id) ?? [];
      const assessment = assessmentOf.get(claim.id);
      const inbound = shipments.filter((s) => s.direction === 'INBOUND');
      const outbound = shipments.filter((s) => s.direction === 'OUTBOUND');
      expect(inbound.length, claim.number).toBe(tookStep(claim.id, 'RECEIVE_UNIT') ? 1 : 0);
      expect(outbound.length, claim.number).toBe(tookStep(claim.id, 'SHIP') ? 1 : 0);
      for (const [shipment, action] of [
        [inbound[0], 'RECEIVE_UNIT'],
        [outbound[0], 'SHIP'],
      ] as const) {
        if (!shipment) continue;
        const event = stepOf(claim.id, action);
        expect(shipment.shipped_on).toBe(day(event?.created_at));
        expect(event?.data).toEqual({
          direction: shipment.direction,
          carrier: shipment.carrier,
          trackingNumber: shipment.tracking_number,
          shippedOn: shipment.shipped_on,
          cost: shipment.cost,
        });
        expect(shipment.cost).toBeGreaterThan(0);
      }
      const repaired = tookStep(claim.id, 'COMPLETE_REPAIR') || tookStep(claim.id, 'REPLACE_UNIT');
      if (claim.status === 'CLOSED' && repaired) expect(shipments.map((s) => s.direction).sort(), claim.number).toEqual(['INBOUND', 'OUTBOUND']);
      if (claim.status === 'AWAITING_AGREEMENT') expect(assessment?.agreement_required && !agreementOf.has(claim.id), claim.number).toBe(true);
      expect(agreementOf.has(claim.id)).toBe(tookStep(claim.id, 'RECORD_AGREEMENT'));
      if (repaired && assessment?.agreement_required)
        expect(agreementOf.get(claim.id)?.signed_on, claim.number).toBe(day(stepOf(claim.id, 'RECORD_AGREEMENT')?.created_at));
      const quoted = assessment !== undefined && (assessment.total > 0 || assessment.service_charge !== null) && assessment.decision !== 'NOT_COVERED';
      const expectedQuote = tookStep(claim.id, 'APPROVE_QUOTE')
        ? 'APPROVED'
        : tookStep(claim.id, 'DECLINE_QUOTE')
          ? 'DECLINED'
          : quoted && !tookStep(claim.id, 'DECLINE_AGREEMENT')
            ? 'PENDING'
            : null;
      expect(claim.quote_status, claim.number).toBe(expectedQuote);
      if (claim.status === 'AWAITING_APPROVAL') expect(claim.quote_status).toBe('PENDING');
      if (repaired && quoted) expect(claim.quote_status, claim.number).toBe('APPROVED');
    }
    for (const status of ['AWAITING_AGREEMENT', 'AWAITING_APPROVAL', 'IN_REPAIR', 'READY_TO_SHIP'] as const) {
      expect(
        rows.claim.filter((c) => c.status === status).every((c) => assessmentOf.has(c.id) && (linesOf.get(c.id)?.length ?? 0) > 0),
        status,
      ).toBe(true);
    }
    expect(rows.maintenance_agreement.length).toBeGreaterThan(0);
  });

  it('keeps the parts a repair took out of stock (H5: the covered ones retained) and the stock ledger adding up to on_hand', () => {
    for (const claim of rows.claim) {
      const lines = linesOf.get(claim.id) ?? [];
      const completed = tookStep(claim.id, 'COMPLETE_REPAIR');
      const retained = rows.retained_part.filter((r) => r.claim_id === claim.id);
      expect(
        retained.map((r) => r.part_id),
        claim.number,
      ).toEqual(completed ? lines.filter((l) => l.covered).map((l) => l.part_id) : []);
      expect(retained.every((r) => r.service_centre_id === claim.service_centre_id && r.quantity === 1)).toBe(true);
      const taken = rows.stock_movement.filter((m) => m.claim_id === claim.id);
      expect(taken.map((m) => m.part_id)).toEqual(completed ? lines.map((l) => l.part_id) : []);
      expect(
        taken.every((m) => m.kind === 'CONSUMPTION' && m.delta === -1 && m.service_centre_id === claim.service_centre_id && m.reason === claim.number),
      ).toBe(true);
      expect(stepOf(claim.id, 'COMPLETE_REPAIR')?.data).toEqual(
        completed
          ? {
              partsUsed: lines.map((l) => parts.get(l.part_id)?.sku),
              retained: lines.filter((l) => l.covered).map((l) => parts.get(l.part_id)?.sku),
              invoice: invoiceOf.get(claim.id)?.id ?? null,
            }
          : undefined,
      );
    }
    expect(rows.retained_part.length).toBeGreaterThan(50);
    for (const stock of rows.stock) {
      const moves = rows.stock_movement.filter((m) => m.service_centre_id === stock.service_centre_id && m.part_id === stock.part_id);
      expect(moves.reduce((sum, m) => sum + m.delta, 0)).toBe(stock.on_hand);
      let onHand = 0;
      for (const move of [...moves].sort((a, b) => (a.created_at < b.created_at ? -1 : 1))) {
        onHand += move.delta;
        expect(onHand).toBeGreaterThanOrEqual(0);
      }
      // Every part at every centre, so any new claim can be repaired.
      expect(stock.on_hand).toBeGreaterThanOrEqual(1);
    }
  });

  it('invoices paid repairs with the domain lines, never shipping, numbered gaplessly per year in the order issued', () => {
    for (const claim of rows.claim) {
      const assessment = assessmentOf.get(claim.id);
      const completed = tookStep(claim.id, 'COMPLETE_REPAIR');
      const replaced = tookStep(claim.id, 'REPLACE_UNIT');
      const material = completed ? (linesOf.get(claim.id) ?? []).reduce((sum, l) => sum + l.charge, 0) : 0;
      const charged = completed || replaced ? material + (assessment?.service_charge ?? 0) : 0;
      const invoice = invoiceOf.get(claim.id);
      expect(invoice?.total ?? 0, claim.number).toBe(charged);
      if (!invoice) continue;
      const lines = rows.invoice_line.filter((l) => l.invoice_id === invoice.id);
      expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(invoice.total);
      expect(lines.every((l) => l.amount > 0 && l.amount === l.unit_amount * l.quantity)).toBe(true);
      expect(lines.filter((l) => l.kind === 'SERVICE_CHARGE').map((l) => l.amount)).toEqual(assessment?.service_charge ? [assessment.service_charge] : []);
      for (const line of lines.filter((l) => l.kind === 'MATERIAL_COST')) {
        const claimLine = linesOf.get(claim.id)?.find((l) => l.part_id === line.part_id);
        expect(claimLine && !claimLine.covered && line.amount === claimLine.charge && line.clauses.join() === claimLine.clauses.join()).toBe(true);
      }
      expect(invoice.customer_id).toBe(claim.customer_id);
      // Issued as the unit goes back, so a repaired unit still at the centre has a draft.
      expect(invoice.status === 'DRAFT', claim.number).toBe(!tookStep(claim.id, 'SHIP'));
      expect(invoice.number === null).toBe(invoice.status === 'DRAFT');
      expect(invoice.issued_on === null).toBe(invoice.status === 'DRAFT');
      expect(invoice.paid_on === null).toBe(invoice.status !== 'PAID');
      if (invoice.paid_on) expect(invoice.paid_on >= (invoice.issued_on ?? '')).toBe(true);
      const issued = (eventsOf.get(claim.id) ?? []).filter((e) => e.type.startsWith('INVOICE_'));
      expect(issued.map((e) => e.type)).toEqual(
        invoice.status === 'PAID' ? ['INVOICE_ISSUED', 'INVOICE_PAID'] : invoice.status === 'ISSUED' ? ['INVOICE_ISSUED'] : [],
      );
      for (const event of issued) {
        expect(event.data).toMatchObject({ invoice: invoice.id, number: invoice.number, total: invoice.total });
        expect([event.from_status, event.to_status]).toEqual([null, null]);
      }
    }
    expect(new Set(rows.invoice.map((i) => i.status))).toEqual(new Set(['DRAFT', 'ISSUED', 'PAID']));
    const issuedPerYear = groupBy(
      rows.invoice.filter((i) => i.number !== null),
      (i) => i.year,
    );
    expect(rows.invoice_counter).toEqual([...issuedPerYear.keys()].sort().map((year) => ({ year, last_number: issuedPerYear.get(year)?.length })));
    for (const [year, invoices] of issuedPerYear) {
      const inOrder = [...invoices].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
      expect(inOrder.map((i) => i.sequence)).toEqual(inOrder.map((_, n) => n + 1));
      expect(inOrder.every((i) => i.number === invoiceNumber(year!, i.sequence!) && i.issued_on?.startsWith(String(year)))).toBe(true);
      expect(inOrder.map((i) => i.issued_on)).toEqual(inOrder.map((i) => i.issued_on).sort());
    }
  });

  it('gives replacement units that keep the warranty of the unit they replace (W4)', () => {
    const replacements = rows.device.filter((d) => d.replaces_device_id !== null);
    expect(replacements.length).toBeGreaterThan(0);
    for (const claim of rows.claim.filter((c) => tookStep(c.id, 'REPLACE_UNIT'))) {
      const event = stepOf(claim.id, 'REPLACE_UNIT');
      const unit = replacements.find((d) => d.imei === event?.data['imei']);
      const old = devices.get(claim.device_id);
      expect(unit).toMatchObject({
        replaces_device_id: claim.device_id,
        received_on: old?.received_on,
        model_id: claim.model_id,
        customer_id: claim.customer_id,
      });
      expect(event?.data).toMatchObject({ replacedImei: old?.imei, lastCoveredDay: lastCoveredDay(old?.received_on ?? '') });
      expect(assessmentOf.get(claim.id)?.replacement_allowed).toBe(true);
      // W4 read with W3: the claim was filed in time; the unit may be replaced after its last covered day.
      expect(isUnderWarranty(old?.received_on ?? '', claim.submitted_on)).toBe(true);
    }
  });

  it('keeps SUBMITTED claims waiting for each model, on units under warranty and out of it', () => {
    const submitted = rows.claim.filter((c) => c.status === 'SUBMITTED');
    expect(submitted.length).toBeGreaterThanOrEqual(8);
    const yesterday = '2026-11-24';
    for (const model of rows.product_model) {
      for (const underWarranty of [true, false]) {
        const exists = rows.device.some((d) => d.model_id === model.id && d.received_on && isUnderWarranty(d.received_on, yesterday) === underWarranty);
        if (!exists) continue;
        const waiting = submitted.filter(
          (c) => c.model_id === model.id && isUnderWarranty(devices.get(c.device_id)?.received_on ?? '', c.submitted_on) === underWarranty,
        );
        expect(waiting.length, `${model.code} ${underWarranty ? 'in' : 'out of'} warranty`).toBeGreaterThanOrEqual(1);
      }
    }
    expect(claimsById.size).toBe(rows.claim.length);
  });

  it('ships 2 % free spare parts, except board, LCD, TP and camera, with received orders up to 3000 pieces only (S1–S3)', () => {
    expect(rows.sales_order.some((o) => o.quantity > 3000 && o.received_on)).toBe(true);
    for (const order of rows.sales_order) {
      const shipped = rows.spare_shipment.filter((s) => s.order_id === order.id);
      if (order.quantity > 3000 || !order.received_on) {
        expect(
          shipped.reduce((sum, s) => sum + s.quantity, 0),
          order.number,
        ).toBe(0);
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

  it('keeps units a stream: the first of five million comes without building the others', () => {
    const big = generateDataSet({ today: TODAY, passwordHash: HASH, customers: 40, serviceCentres: 8, devices: 5_000_000, claims: 0 });
    const next = big.tables.device[Symbol.iterator]().next();
    const first = next.done ? undefined : next.value;
    expect(first?.id).toBe(1);
    expect(big.counts.sales_order).toBeGreaterThanOrEqual(5_000_000 / 300);
    expect(new Set(big.tables.customer.map((c) => c.code)).size).toBe(40);
    expect(big.tables.customer.every((c) => c.contact_email === c.contact_email.toLowerCase())).toBe(true);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDataSet({ today: '2026-02-30', passwordHash: HASH })).toThrow(/today/);
    expect(() => generateDataSet({ today: TODAY, passwordHash: HASH, orders: 1, devices: 50_000 })).toThrow(/devices/);
    expect(() => generateDataSet({ today: TODAY, passwordHash: HASH, claims: -1 })).toThrow(/claims/);
    expect(() => generateDataSet({ today: TODAY, passwordHash: HASH, claims: 50_001, devices: 100_000 })).toThrow(/generateLargeDataSet/);
  });
});
