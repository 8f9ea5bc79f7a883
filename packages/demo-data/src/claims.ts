import { fromDayNumber, invoiceNumber, isUnderWarranty, toDayNumber } from '@aftersale/domain';
import { dateOfDay, instantOn, policyOn, timestamp } from './calendar.js';
import { MODELS } from './catalogue.js';
import { claimCalendar } from './claim-calendar.js';
import {
  agreementRows,
  assessmentRows,
  claimEvents,
  claimLineRows,
  consumptionRows,
  invoiceLineRows,
  invoiceRow,
  InvoiceNumbering,
  takeWhere,
  retainedPartRows,
  shipmentRows,
  type ClaimLife,
  type InvoiceEntry,
} from './claim-records.js';
import { claimStory, SHOWCASE, type Showcase } from './claim-story.js';
import { failureFault, reportedFault } from './faults.js';
import type { Random } from './random.js';
import type { ClaimEventRow, ClaimRow, DataSetRows, DeviceRow, InvoiceRow } from './rows.js';
import { count, MAX_CLAIMS, replacementUnit, type World } from './world.js';

/** The demo's queue: this many more claims in the last days, so the showcased open claims have recent claims to come from. */
const BACKLOG_DAYS = 8;
const BACKLOG_CLAIMS = 15;
/** SUBMITTED claims kept waiting per model, on units under warranty and on units out of it, for a new user to take through the flow. */
const SUBMITTED_PER_MODEL_AND_WARRANTY = 1;

/** The claims of a data set: how many, and each one's life, computed alone from its index. */
export interface Claims {
  readonly count: number;
  life(index: number): ClaimLife;
}

/** A claim steered to stand in a status; a SUBMITTED one may also be steered onto a unit of a model, in or out of warranty. */
interface ClaimShowcase extends Showcase {
  readonly unit?: { readonly modelId: number; readonly underWarranty: boolean };
}

/**
 * The claims filed in a world: the i-th claim's day comes from the claim rate
 * over time (more units in the field, more claims), so claim numbers follow
 * submission days; its story is the domain's path (claim-story.ts).
 */
export function planClaims(world: World, claims: number | undefined): Claims {
  const total = count(claims, 300, 'claims', 0);
  if (total > MAX_CLAIMS) throw new RangeError(`claims: at most ${MAX_CLAIMS}`);
  const { random, received, todayDay: today, staff } = world;
  const backlog = total >= 50 ? { days: BACKLOG_DAYS, claims: Math.min(BACKLOG_CLAIMS, Math.floor(total * 0.05)) } : undefined;
  const claimDays = claimCalendar({ received, today, claims: total, backlog, defects: world.defects });
  const centreOf = new Map(world.customers.map((c) => [c.row.id, c.centre]));
  const ciNumberOf = new Map(world.orders.map((o) => [o.row.id, o.ciNumber]));
  const showcase = new Map<number, ClaimShowcase>();
  /** A received unit of a model, under warranty on a day or not, for a steered SUBMITTED claim; undefined when there is none. */
  const unitMatching = (r: Random, day: number, wanted: NonNullable<ClaimShowcase['unit']>): number | undefined => {
    const on = fromDayNumber(day);
    const policy = policyOn(on);
    const fits = received.filter(
      (o) =>
        o.row.model_id === wanted.modelId &&
        o.devices > 0 &&
        toDayNumber(o.row.received_on!) <= day &&
        isUnderWarranty(o.row.received_on!, on, policy) === wanted.underWarranty,
    );
    if (fits.length === 0) return undefined;
    const order = r.pick(fits);
    return order.firstDeviceId + r.int(0, order.devices - 1);
  };
  const lifeAt = (index: number, target = showcase.get(index)): ClaimLife => {
    const r = random('claim', index);
    const picked = claimDays.pick(index, r);
    const deviceId = (target?.unit && unitMatching(r, picked.day, target.unit)) ?? picked.deviceId;
    const unitRow = world.unitAt(deviceId);
    const receivedOn = unitRow.received_on!;
    const submittedOn = dateOfDay(picked.day);
    const submittedAt = instantOn(picked.day, r.int(7 * 60, 17 * 60 + 59));
    const formType = r.chance(0.85) ? 'REPAIR' : 'REPLACEMENT';
    const centre = centreOf.get(unitRow.customer_id)!;
    const model = MODELS[unitRow.model_id - 1]!;
    const fault = target ? reportedFault(r, model, target.cause) : failureFault(r, model, picked.mode);
    const story = claimStory({
      random: r,
      submittedAt,
      cutoff: world.cutoff,
      formType,
      receivedOn,
      submittedOn,
      fault,
      parts: world.partsOfModel.get(unitRow.model_id) ?? [],
      serviceCentreCode: centre.code,
      target: target?.status,
      imei: unitRow.imei,
      replacementUnit: replacementUnit(model, index),
    });
    const id = index + 1;
    const lastStep = story.steps[story.steps.length - 1];
    const claim: ClaimRow = {
      id,
      number: `CL-${String(id).padStart(7, '0')}`,
      device_id: unitRow.id,
      customer_id: unitRow.customer_id,
      model_id: unitRow.model_id,
      service_centre_id: story.sentToServiceCentre ? centre.id : null,
      form_type: formType,
      ci_number: ciNumberOf.get(unitRow.order_id)!,
      symptoms: fault.symptoms,
      data_backup_acknowledged: true,
      status: story.status,
      decision: story.decision,
      quote_status: story.quoteStatus,
      submitted_on: submittedOn,
      submitted_by_user_id: staff.agent.id,
      created_at: timestamp(submittedAt),
      // Invoice steps do not touch the claim: its version and time are its own steps'.
      updated_at: timestamp(lastStep?.at ?? submittedAt),
      version: 1 + story.steps.length,
    };
    return { index, claim, unit: unitRow, story };
  };

  // Each SHOWCASE status gets one recent claim of a plausible age steered to stand there: the short-lived
  // ones would often be empty otherwise. Then a few waiting SUBMITTED claims per model, on units under
  // warranty and out of it, so there is always a fresh claim of each kind to take through the flow.
  // Claim days only go back as the index does, so the search walks back from the newest claim and stops
  // past the oldest age wanted.
  if (total >= 50) {
    const wanted: ClaimShowcase[] = [...SHOWCASE];
    for (const model of world.product_model) {
      for (const underWarranty of [true, false]) {
        for (let n = 0; n < SUBMITTED_PER_MODEL_AND_WARRANTY; n += 1) {
          wanted.push({ status: 'SUBMITTED', age: [0, 8], cause: 'HARDWARE', unit: { modelId: model.id, underWarranty } });
        }
      }
    }
    const oldest = Math.max(...wanted.map((w) => w.age[1]));
    const recent: { index: number; age: number }[] = [];
    for (let index = total - 1; index >= 0; index -= 1) {
      const age = today - claimDays.pick(index, random('claim', index)).day;
      if (age > oldest) break;
      recent.push({ index, age });
    }
    const standsAsWanted = (index: number, w: ClaimShowcase): boolean => {
      const life = lifeAt(index, w);
      if (life.claim.status !== w.status) return false;
      return !w.unit || (life.unit.model_id === w.unit.modelId && isUnderWarranty(life.unit.received_on!, life.claim.submitted_on) === w.unit.underWarranty);
    };
    for (const w of wanted) {
      const found = recent.find(({ index, age }) => age >= w.age[0] && age <= w.age[1] && !showcase.has(index) && standsAsWanted(index, w));
      if (found) showcase.set(found.index, w);
    }
  }
  return { count: total, life: (index) => lifeAt(index) };
}

/** The tables a claim's story writes to (device: the units given as replacements). */
export type ClaimTable =
  | 'device'
  | 'claim'
  | 'claim_event'
  | 'shipment'
  | 'assessment'
  | 'claim_line'
  | 'maintenance_agreement'
  | 'retained_part'
  | 'stock_movement'
  | 'invoice'
  | 'invoice_line'
  | 'invoice_counter';

/** Where the rows of the claims go, with their ids: arrays (the demo set) or COPY streams (a large set). */
export interface RowSink {
  write<T extends ClaimTable>(table: T, row: DataSetRows[T]): void;
}

/** The last id written per table by the claims told so far (`replacements`: units given as replacements). */
export interface ClaimIds {
  claim_event: number;
  shipment: number;
  assessment: number;
  claim_line: number;
  maintenance_agreement: number;
  retained_part: number;
  stock_movement: number;
  invoice: number;
  invoice_line: number;
  replacements: number;
}

/** What the claims told so far leave for the end: the issued invoices and their events, and the parts the repairs took. */
export interface HeldRows {
  /** Parts taken per `centre:part`. */
  readonly consumed: Map<string, number>;
  readonly issued: { key: number; at: number }[];
  readonly invoices: InvoiceRow[];
  readonly events: ClaimEventRow[];
}

/** Every id counter at 0. */
export function zeroIds(): ClaimIds {
  return {
    claim_event: 0,
    shipment: 0,
    assessment: 0,
    claim_line: 0,
    maintenance_agreement: 0,
    retained_part: 0,
    stock_movement: 0,
    invoice: 0,
    invoice_line: 0,
    replacements: 0,
  };
}

/** The ids before the first claim: the opening stock movements come first. */
export function firstClaimIds(world: World): ClaimIds {
  return { ...zeroIds(), stock_movement: world.stock.length };
}

export function emptyHeldRows(): HeldRows {
  return { consumed: new Map(), issued: [], invoices: [], events: [] };
}

const stockKey = (centreId: number, partId: number) => `${centreId}:${partId}`;

/**
 * Writes what the API would have written for one claim to the sink, numbering
 * each table's rows on from `ids` (which it advances); the issued invoices and
 * their events are held for the end (`finishClaims`), as are the parts taken.
 */
export function tellClaim(world: World, life: ClaimLife, ids: ClaimIds, held: HeldRows, sink: RowSink): void {
  const { staff } = world;
  const { story } = life;
  // The rows are the builders' own new objects: numbered in place.
  const numbered = <T extends Exclude<keyof ClaimIds, 'replacements'>>(table: T, rows: readonly DataSetRows[T][]): void => {
    for (const row of rows) {
      ids[table] += 1;
      (row as { id: number }).id = ids[table];
      sink.write(table, row);
    }
  };
  sink.write('claim', life.claim);
  const replaced = replacementDevice(life, world.devices + ids.replacements + 1);
  if (replaced) {
    ids.replacements += 1;
    sink.write('device', replaced);
  }
  const entry: InvoiceEntry | undefined = story.invoice ? { id: ids.invoice + 1, year: null, sequence: null } : undefined;
  for (const row of claimEvents(life, staff, entry)) {
    ids.claim_event += 1;
    row.id = ids.claim_event;
    if (row.type === 'INVOICE_ISSUED' || row.type === 'INVOICE_PAID') held.events.push(row);
    else sink.write('claim_event', row);
  }
  numbered('shipment', shipmentRows(life));
  numbered('assessment', assessmentRows(life, staff));
  numbered('claim_line', claimLineRows(life));
  numbered('maintenance_agreement', agreementRows(life, staff));
  numbered('retained_part', retainedPartRows(life));
  const taken = consumptionRows(life, staff);
  for (const movement of taken) {
    const key = stockKey(movement.service_centre_id, movement.part_id);
    held.consumed.set(key, (held.consumed.get(key) ?? 0) + 1);
  }
  numbered('stock_movement', taken);
  const invoice = entry && invoiceRow(life, entry);
  if (entry && invoice) {
    ids.invoice = entry.id;
    const issuedAt = story.invoice?.issuedAt ?? null;
    if (issuedAt === null) sink.write('invoice', invoice);
    else {
      held.issued.push({ key: entry.id, at: issuedAt });
      held.invoices.push(invoice);
    }
    numbered('invoice_line', invoiceLineRows(life, entry.id));
  }
}

/**
 * Advances `ids` past the rows `tellClaim` writes for a claim, as it would,
 * from the claim's story alone: no row is built (a large set numbers each
 * batch on from the counts of the batches before it).
 */
export function countClaimRows(life: ClaimLife, ids: ClaimIds): void {
  const { story } = life;
  const { assessment, invoice, repair } = story;
  if (repair?.replacement) ids.replacements += 1;
  const invoiceEvents = invoice && invoice.issuedAt !== null ? (invoice.paidAt !== null ? 2 : 1) : 0;
  ids.claim_event += 1 + story.steps.length + invoiceEvents;
  ids.shipment += story.trips.length;
  if (assessment) {
    ids.assessment += 1;
    ids.claim_line += assessment.parts.length;
  }
  if (story.agreement) ids.maintenance_agreement += 1;
  if (repair?.action === 'COMPLETE_REPAIR' && assessment) {
    ids.stock_movement += assessment.parts.length;
    for (let i = 0; i < assessment.parts.length; i += 1) if (assessment.decided.lines[i]?.covered === true) ids.retained_part += 1;
  }
  if (invoice) {
    ids.invoice += 1;
    ids.invoice_line += invoice.invoiced.lines.length;
  }
}

/**
 * Numbers the held invoices issued before `before` (ms; no claim still to be
 * told issues one earlier) and writes them with their events; the others stay
 * held.
 */
export function releaseInvoices(held: HeldRows, numbering: InvoiceNumbering, before: number, sink: RowSink): void {
  const sequences = numbering.numberBefore(held.issued, before);
  if (sequences.size === 0) return;
  const numberOf = (invoiceId: number) => {
    const sequence = sequences.get(invoiceId);
    if (!sequence) throw new Error(`invoice ${invoiceId} was issued but not numbered`);
    return { ...sequence, number: invoiceNumber(sequence.year, sequence.sequence) };
  };
  for (const invoice of takeWhere(held.invoices, (row) => sequences.has(row.id))) sink.write('invoice', { ...invoice, ...numberOf(invoice.id) });
  for (const event of takeWhere(held.events, (row) => sequences.has(row.data['invoice'] as number))) {
    sink.write('claim_event', { ...event, data: { ...event.data, number: numberOf(event.data['invoice'] as number).number } });
  }
}

/**
 * What needs the whole history, after every claim: the invoices still held
 * and their events (numbered gaplessly per year in the order issued, as the
 * API's counter does, on from those `numbering` has released), the opening
 * stock balances (what each centre holds now plus what the repairs took), and
 * the invoice counters.
 */
export function finishClaims(world: World, held: HeldRows, sink: RowSink, numbering = new InvoiceNumbering()): void {
  releaseInvoices(held, numbering, Infinity, sink);
  // Each stock row opens with what it holds now plus what the repairs took since, so the ledger adds up to on_hand.
  world.stock.forEach((row, k) => {
    const delta = row.on_hand + (held.consumed.get(stockKey(row.service_centre_id, row.part_id)) ?? 0);
    sink.write('stock_movement', {
      id: k + 1,
      service_centre_id: row.service_centre_id,
      part_id: row.part_id,
      delta,
      kind: 'RECEIPT',
      reason: 'Opening balance',
      claim_id: null,
      actor_user_id: null,
      created_at: world.onboarded,
    });
  });
  for (const counter of numbering.counters()) sink.write('invoice_counter', counter);
}

/**
 * Tells every claim's story once, in claim order, and writes what the API
 * would have written for it to the sink, each table numbered in claim order
 * (a claim's events in the order they happened). Yields after each claim so
 * a writer can wait for its streams to drain.
 *
 * What needs the whole history comes last (`finishClaims`). Only those rows
 * are held in memory meanwhile.
 */
export function* tellClaims(world: World, claims: Claims, sink: RowSink): Generator<number, void, void> {
  const ids = firstClaimIds(world);
  const held = emptyHeldRows();
  for (let index = 0; index < claims.count; index += 1) {
    tellClaim(world, claims.life(index), ids, held, sink);
    yield index;
  }
  finishClaims(world, held, sink);
}

/** W4: the unit given on REPLACE_UNIT keeps the replaced unit's customer, model, order and received date. */
function replacementDevice({ unit: old, story }: ClaimLife, id: number): DeviceRow | undefined {
  const repair = story.repair;
  if (!repair?.replacement) return undefined;
  return {
    ...old,
    id,
    imei: repair.replacement.imei,
    barcode: repair.replacement.barcode,
    received_on: repair.replacement.receivedOn,
    replaces_device_id: old.id,
    created_at: timestamp(repair.at),
  };
}
