import {
  addMonths, completeImei, fromDayNumber, isUnderWarranty, policyInForce, PolicyInputError, spareAllowance, toDayNumber,
} from '@aftersale/domain';
import { base, en, Faker } from '@faker-js/faker';
import { instantOn, timestamp } from './calendar.js';
import { COUNTRIES, CUSTOMERS, MODELS, SERVICE_CENTRES, STAFF, type ModelSpec } from './catalogue.js';
import {
  agreementRows, assessmentRows, claimEvents, claimLineRows, consumptionRows, invoiceLineRows, invoiceRow, numberInvoices,
  retainedPartRows, shipmentRows, type ClaimLife, type InvoiceEntry, type New, type Staff,
} from './claim-records.js';
import { claimStory, reportedFault, SHOWCASE, type Showcase } from './claim-story.js';
import { seededRandom, type Random } from './random.js';
import type {
  AppUserRow, ClaimEventRow, ClaimRow, CustomerRow, DataSet, DeviceRow, InvoiceCounterRow, InvoiceLineRow, InvoiceRow, PartRow,
  ProductModelRow, SalesOrderRow, ServiceCentreRow, SpareShipmentRow, StockMovementRow, StockRow,
} from './rows.js';

export interface GenerateOptions {
  /** The last day of the history (`YYYY-MM-DD`); everything generated happened before it starts. */
  today: string;
  /** Stored as the staff demo users' password_hash (the caller hashes the demo password). */
  passwordHash: string;
  /** Same seed and options, same rows, byte for byte. Default 1. */
  seed?: number;
  /** Default 6: the hand-written customers first, then generated ones. */
  customers?: number;
  /** Default 3: the hand-written centres first, then generated ones. */
  serviceCentres?: number;
  /** Default: 8 per customer, more when the devices need them (about one order per 300 units). */
  orders?: number;
  /** Units on record, spread over the shipped orders in proportion to their quantity. Default 3000. */
  devices?: number;
  /** Default 300. */
  claims?: number;
}

/** How far back the orders go. */
const HISTORY_DAYS = 730;
/** The demo's queue: this many more claims in the last days, so the showcased open claims have recent claims to come from. */
const BACKLOG_DAYS = 8;
const BACKLOG_CLAIMS = 15;
/** How much less often a unit out of warranty is claimed for than one under warranty. */
const OUT_OF_WARRANTY_CLAIM_RATE = 0.3;
/**
 * Each model's 100 type allocation codes of a million serials each, and 8-digit barcodes from 10000000.
 * Serials from REPLACEMENT_SERIALS on are the units given as replacements (W4), one per claim at most.
 */
const UNITS_PER_TAC = 1_000_000;
const REPLACEMENT_SERIALS = 80_000_000;
const MAX_UNITS_PER_MODEL = REPLACEMENT_SERIALS - 1;
const MAX_CLAIMS = 89_999_999 - REPLACEMENT_SERIALS;
/** SUBMITTED claims kept waiting per model, on units under warranty and on units out of it, for a new user to take through the flow. */
const SUBMITTED_PER_MODEL_AND_WARRANTY = 1;

interface Order {
  readonly row: SalesOrderRow;
  readonly model: ModelSpec;
  readonly ciNumber: string;
  readonly firstDeviceId: number;
  readonly devices: number;
  /** The model's serial of the order's first unit: IMEIs and barcodes run on from it. */
  readonly firstSerial: number;
  readonly unitsCreatedAt: string;
}

/**
 * The demo world as rows, table by table: staff, customers, service centres,
 * models and parts, two years of orders, their units and free spare parts,
 * stock, and claims with their event history. Pure and deterministic: the
 * same options give the same rows. Devices, spare shipments, claims and claim
 * events are streams, so a data set of millions of rows costs no memory.
 *
 * @example
 * const dataSet = generateDataSet({ today: '2026-11-25', passwordHash });
 * for (const device of dataSet.tables.device) ...
 */
export function generateDataSet(options: GenerateOptions): DataSet {
  const seed = options.seed ?? 1;
  const counts = {
    customers: count(options.customers, 6, 'customers', 1),
    serviceCentres: count(options.serviceCentres, 3, 'serviceCentres', 1),
    devices: count(options.devices, 3000, 'devices', 0),
    claims: count(options.claims, 300, 'claims', 0),
  };
  if (counts.claims > MAX_CLAIMS) throw new RangeError(`claims: at most ${MAX_CLAIMS}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed: must be an integer');
  if (typeof options.passwordHash !== 'string' || options.passwordHash === '') throw new RangeError('passwordHash: required');
  const today = dayNumberOption(options.today, 'today');
  const cutoff = instantOn(today, 0);
  const historyStart = today - HISTORY_DAYS;
  const onboarded = timestamp(instantOn(historyStart - 60, 9 * 60));
  const random = (...keys: (string | number)[]): Random => seededRandom(seed, ...keys);
  const faker = new Faker({ locale: [en, base] });
  faker.seed(random('faker').int(0, 2 ** 31 - 1));

  // Staff.
  const app_user: AppUserRow[] = STAFF.map((member, index) => ({
    id: index + 1,
    email: member.email,
    name: member.name,
    role: member.role,
    password_hash: options.passwordHash,
    created_at: onboarded,
    updated_at: onboarded,
  }));
  const staffMember = (key: 'agent' | 'tech'): { id: number; email: string } => {
    const { id, email } = app_user[STAFF.findIndex((member) => member.key === key)] as AppUserRow;
    return { id, email };
  };
  const staff: Staff = { agent: staffMember('agent'), tech: staffMember('tech') };

  // Service centres.
  const centreRandom = random('service_centre');
  const service_centre: ServiceCentreRow[] = Array.from({ length: counts.serviceCentres }, (_, index) => {
    const spec = SERVICE_CENTRES[index] ?? generatedCentre(faker, centreRandom, index + 1);
    return { id: index + 1, ...spec, created_at: onboarded, updated_at: onboarded };
  });

  // Product models and their parts, priced in the currency of the policy in force.
  const { currency } = policyInForce(options.today);
  const product_model: ProductModelRow[] = [];
  const part: PartRow[] = [];
  const partsOfModel = new Map<number, PartRow[]>();
  MODELS.forEach((model, index) => {
    const created = timestamp(instantOn(model.launchedDaysAgo ? today - model.launchedDaysAgo - 45 : historyStart - 90, 10 * 60));
    const modelId = index + 1;
    product_model.push({
      id: modelId, code: model.code, name: model.name, kind: model.kind,
      barcode_pattern: `^${model.barcodePrefix}[0-9]{8}$`, created_at: created, updated_at: created,
    });
    const rows = model.parts.map((spec, i) => ({
      id: part.length + i + 1, model_id: modelId, sku: spec.sku, name: spec.name, category: spec.category,
      material_cost: spec.cost, currency, created_at: created, updated_at: created,
    }));
    part.push(...rows);
    partsOfModel.set(modelId, rows);
  });
  const modelId = new Map(MODELS.map((model, index) => [model.code, index + 1]));

  // Customers, with what they buy and where their units go.
  const customerRandom = random('customer');
  const customers = Array.from({ length: counts.customers }, (_, index) => {
    const id = index + 1;
    const spec = CUSTOMERS[index] ?? generatedCustomer(faker, customerRandom, id);
    const centre = service_centre.find((row) => row.code === spec.serviceCentre) ?? service_centre[index % service_centre.length];
    const row: CustomerRow = {
      id, code: spec.code, name: spec.name, country: spec.country, contact_email: spec.contactEmail, address: spec.address,
      created_at: onboarded, updated_at: onboarded,
    };
    return { row, weight: spec.weight, models: spec.models, centre: centre as ServiceCentreRow };
  });

  const orders = generateOrders({
    random: random('sales_order'),
    count: options.orders === undefined ? Math.max(counts.customers * 8, Math.ceil(counts.devices / 300)) : count(options.orders, 0, 'orders', 1),
    devices: counts.devices,
    today,
    historyStart,
    customers,
    modelId,
  });
  const sales_order = orders.map((order) => order.row);
  const received = orders.filter((order) => order.row.received_on !== null);

  // Units: each is a pure function of its id, found through its order.
  const deviceAt = (id: number): DeviceRow => {
    const order = orders[lastIndexWhere(orders, (o) => o.firstDeviceId <= id)] as Order;
    return unit(order, id - order.firstDeviceId);
  };
  // Then the units given as replacements on claims (W4), which only the claims' stories know (below).
  const device: Iterable<DeviceRow> = {
    *[Symbol.iterator]() {
      for (const order of orders) for (let n = 0; n < order.devices; n += 1) yield unit(order, n);
      yield* replacementDevices();
    },
  };

  // S1–S3: free spare parts delivered with each received order, under the policy in force on its receipt day.
  const allowances = received.map((order) => {
    const parts = (partsOfModel.get(order.row.model_id) ?? []).map((p) => ({ partId: String(p.id), category: p.category }));
    const lines = spareAllowance(order.row.quantity, parts, policyInForce(order.row.received_on as string));
    return { order, lines: lines.map((line) => ({ partId: Number(line.partId), quantity: line.quantity })) };
  });
  const spareShipmentCount = allowances.reduce((sum, allowance) => sum + allowance.lines.length, 0);
  const spare_shipment: Iterable<SpareShipmentRow> = {
    *[Symbol.iterator]() {
      let id = 0;
      for (const { order, lines } of allowances) {
        for (const line of lines) {
          id += 1;
          yield { id, order_id: order.row.id, part_id: line.partId, quantity: line.quantity, negotiated: false, created_at: order.unitsCreatedAt };
        }
      }
    },
  };

  // Stock of every part at every centre, at least one piece of each; a few below their threshold.
  const stockRandom = random('stock');
  const stockedAt = timestamp(instantOn(today - 1, 16 * 60));
  const stock: StockRow[] = service_centre.flatMap((centre) =>
    part.map((p) => {
      const expensive = p.material_cost >= 2000;
      const threshold = expensive ? 5 : 10;
      const onHand = stockRandom.chance(0.08) ? stockRandom.int(1, threshold - 1) : expensive ? stockRandom.int(threshold, 40) : stockRandom.int(threshold, 250);
      return { service_centre_id: centre.id, part_id: p.id, on_hand: onHand, low_stock_threshold: threshold, updated_at: stockedAt };
    }),
  );

  // Claims: the i-th claim's day comes from the claim rate over time (more units
  // in the field, more claims), so claim numbers follow submission days.
  const backlog = counts.claims >= 50 ? { days: BACKLOG_DAYS, claims: Math.min(BACKLOG_CLAIMS, Math.floor(counts.claims * 0.05)) } : undefined;
  const claimDays = claimCalendar(received, today, counts.claims, backlog);
  const centreOf = new Map(customers.map((c) => [c.row.id, c.centre]));
  const ciNumberOf = new Map(orders.map((o) => [o.row.id, o.ciNumber]));
  const showcase = new Map<number, ClaimShowcase>();
  /** A received unit of a model, under warranty on a day or not, for a steered SUBMITTED claim; undefined when there is none. */
  const unitMatching = (r: Random, day: number, wanted: NonNullable<ClaimShowcase['unit']>): number | undefined => {
    const on = fromDayNumber(day);
    const policy = policyInForce(on);
    const fits = received.filter((o) => o.row.model_id === wanted.modelId && o.devices > 0 && toDayNumber(o.row.received_on as string) <= day
      && isUnderWarranty(o.row.received_on as string, on, policy) === wanted.underWarranty);
    if (fits.length === 0) return undefined;
    const order = r.pick(fits);
    return order.firstDeviceId + r.int(0, order.devices - 1);
  };
  const lifeAt = (index: number, target = showcase.get(index)): ClaimLife => {
    const r = random('claim', index);
    const picked = claimDays.pick(index, r);
    const deviceId = (target?.unit && unitMatching(r, picked.day, target.unit)) ?? picked.deviceId;
    const unitRow = deviceAt(deviceId);
    const receivedOn = unitRow.received_on as string;
    const submittedOn = fromDayNumber(picked.day);
    const submittedAt = instantOn(picked.day, r.int(7 * 60, 17 * 60 + 59));
    const formType = r.chance(0.85) ? 'REPAIR' : 'REPLACEMENT';
    const centre = centreOf.get(unitRow.customer_id) as ServiceCentreRow;
    const model = MODELS[unitRow.model_id - 1] as ModelSpec;
    const fault = reportedFault(r, model, target?.cause);
    const story = claimStory({
      random: r, submittedAt, cutoff, formType, receivedOn, submittedOn, fault,
      parts: partsOfModel.get(unitRow.model_id) ?? [], serviceCentreCode: centre.code, target: target?.status,
      imei: unitRow.imei, replacementUnit: replacementUnit(model, index),
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
      ci_number: ciNumberOf.get(unitRow.order_id) as string,
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
  // The default set's claims are few: each is generated once for all the tables that need it.
  const memo = counts.claims <= MEMOISED_CLAIMS ? new Map<number, ClaimLife>() : undefined;
  const claimLife = (index: number): ClaimLife => {
    const known = memo?.get(index);
    if (known) return known;
    const life = lifeAt(index);
    memo?.set(index, life);
    return life;
  };
  function* lives(): Generator<ClaimLife> {
    for (let i = 0; i < counts.claims; i += 1) yield claimLife(i);
  }

  // Each SHOWCASE status gets one recent claim of a plausible age steered to stand there: the short-lived
  // ones would often be empty otherwise. Then a few waiting SUBMITTED claims per model, on units under
  // warranty and out of it, so there is always a fresh claim of each kind to take through the flow.
  // Claim days only go back as the index does, so the search walks back from the newest claim and stops
  // past the oldest age wanted.
  if (counts.claims >= 50) {
    const wanted: ClaimShowcase[] = [...SHOWCASE];
    for (const model of product_model) {
      for (const underWarranty of [true, false]) {
        for (let n = 0; n < SUBMITTED_PER_MODEL_AND_WARRANTY; n += 1) {
          wanted.push({ status: 'SUBMITTED', age: [0, 8], cause: 'HARDWARE', unit: { modelId: model.id, underWarranty } });
        }
      }
    }
    const oldest = Math.max(...wanted.map((w) => w.age[1]));
    const recent: { index: number; age: number }[] = [];
    for (let index = counts.claims - 1; index >= 0; index -= 1) {
      const age = today - claimDays.pick(index, random('claim', index)).day;
      if (age > oldest) break;
      recent.push({ index, age });
    }
    const standsAsWanted = (index: number, w: ClaimShowcase): boolean => {
      const life = lifeAt(index, w);
      if (life.claim.status !== w.status) return false;
      return !w.unit || (life.unit.model_id === w.unit.modelId && isUnderWarranty(life.unit.received_on as string, life.claim.submitted_on) === w.unit.underWarranty);
    };
    for (const w of wanted) {
      const found = recent.find(({ index, age }) => age >= w.age[0] && age <= w.age[1] && !showcase.has(index) && standsAsWanted(index, w));
      if (found) showcase.set(found.index, w);
    }
  }

  // What the whole history needs at once: the invoice ids and numbers (gapless per year in the order
  // issued), the parts repairs took from stock, and the replacement units. One pass over the claims,
  // made when a table first needs it; it keeps a few numbers per invoice and replacement, never rows.
  let ledger: Ledger | undefined;
  const ledgerOf = (): Ledger => (ledger ??= buildLedger(lives()));
  const stockKey = (centreId: number, partId: number) => `${centreId}:${partId}`;
  function buildLedger(all: Iterable<ClaimLife>): Ledger {
    const invoiceIds = new Map<number, number>();
    const issued: { key: number; at: number }[] = [];
    const consumed = new Map<string, number>();
    const replaced: number[] = [];
    for (const life of all) {
      const { story, index } = life;
      if (story.invoice) {
        invoiceIds.set(index, invoiceIds.size + 1);
        if (story.invoice.issuedAt !== null) issued.push({ key: index, at: story.invoice.issuedAt });
      }
      for (const movement of consumptionRows(life, staff)) {
        const key = stockKey(movement.service_centre_id, movement.part_id);
        consumed.set(key, (consumed.get(key) ?? 0) + 1);
      }
      if (story.repair?.replacement) replaced.push(index);
    }
    const { sequences, counters } = numberInvoices(issued);
    const invoices = new Map<number, InvoiceEntry>();
    for (const [index, id] of invoiceIds) {
      const numbered = sequences.get(index);
      invoices.set(index, { id, year: numbered?.year ?? null, sequence: numbered?.sequence ?? null });
    }
    return { invoices, counters, consumed, replaced };
  }

  /** A re-iterable stream of one claim-derived table, numbered in claim order. */
  const perClaim = <R extends { id: number }>(rowsOf: (life: ClaimLife) => New<R>[]): Iterable<R> => ({
    *[Symbol.iterator]() {
      let id = 0;
      for (const life of lives()) {
        for (const row of rowsOf(life)) {
          id += 1;
          yield { id, ...row } as R;
        }
      }
    },
  });
  const entryOf = (life: ClaimLife): InvoiceEntry | undefined => ledgerOf().invoices.get(life.index);

  function* replacementDevices(): Generator<DeviceRow> {
    const { replaced } = ledgerOf();
    for (let k = 0; k < replaced.length; k += 1) {
      const { unit: old, story } = claimLife(replaced[k] as number);
      const repair = story.repair;
      if (!repair?.replacement) continue;
      yield {
        ...old, id: counts.devices + k + 1, imei: repair.replacement.imei, barcode: repair.replacement.barcode,
        received_on: repair.replacement.receivedOn, replaces_device_id: old.id, created_at: timestamp(repair.at),
      };
    }
  }

  const claim: Iterable<ClaimRow> = {
    *[Symbol.iterator]() {
      for (const life of lives()) yield life.claim;
    },
  };
  const claim_event = perClaim<ClaimEventRow>((life) => claimEvents(life, staff, entryOf(life)));
  const stock_movement: Iterable<StockMovementRow> = {
    *[Symbol.iterator]() {
      // Each stock row opens with what it holds now plus what the repairs took since, so the ledger adds up to on_hand.
      let id = 0;
      const { consumed } = ledgerOf();
      for (const row of stock) {
        const delta = row.on_hand + (consumed.get(stockKey(row.service_centre_id, row.part_id)) ?? 0);
        if (delta === 0) continue;
        id += 1;
        yield { id, service_centre_id: row.service_centre_id, part_id: row.part_id, delta, kind: 'RECEIPT', reason: 'Opening balance', claim_id: null, actor_user_id: null, created_at: onboarded };
      }
      for (const movement of perClaim<StockMovementRow>((life) => consumptionRows(life, staff))) yield { ...movement, id: id + movement.id };
    },
  };
  const invoice: Iterable<InvoiceRow> = {
    *[Symbol.iterator]() {
      for (const life of lives()) {
        const entry = entryOf(life);
        const row = entry && invoiceRow(life, entry);
        if (row) yield row;
      }
    },
  };
  const invoice_line = perClaim<InvoiceLineRow>((life) => {
    const entry = entryOf(life);
    return entry ? invoiceLineRows(life, entry.id) : [];
  });
  const invoice_counter: Iterable<InvoiceCounterRow> = { [Symbol.iterator]: () => ledgerOf().counters[Symbol.iterator]() };

  return {
    seed,
    today: options.today,
    counts: {
      app_user: app_user.length,
      customer: customers.length,
      service_centre: service_centre.length,
      product_model: product_model.length,
      part: part.length,
      sales_order: sales_order.length,
      spare_shipment: spareShipmentCount,
      stock: stock.length,
      claim: counts.claims,
    },
    tables: {
      app_user, customer: customers.map((c) => c.row), service_centre, product_model, part, sales_order,
      device, spare_shipment, stock, claim, claim_event,
      shipment: perClaim(shipmentRows),
      assessment: perClaim((life) => assessmentRows(life, staff)),
      claim_line: perClaim(claimLineRows),
      maintenance_agreement: perClaim((life) => agreementRows(life, staff)),
      retained_part: perClaim(retainedPartRows),
      stock_movement, invoice, invoice_line, invoice_counter,
    },
  };
}

/** A claim steered to stand in a status; a SUBMITTED one may also be steered onto a unit of a model, in or out of warranty. */
interface ClaimShowcase extends Showcase {
  readonly unit?: { readonly modelId: number; readonly underWarranty: boolean };
}

/** What needs every claim: see `buildLedger`. Keyed by claim index. */
interface Ledger {
  readonly invoices: ReadonlyMap<number, InvoiceEntry>;
  readonly counters: readonly InvoiceCounterRow[];
  /** Pieces taken by repairs, per `centre:part`. */
  readonly consumed: ReadonlyMap<string, number>;
  /** Claims that gave a replacement unit, in claim order. */
  readonly replaced: readonly number[];
}

/** Up to this many claims, each claim's story is kept once generated rather than told again for every table. */
const MEMOISED_CLAIMS = 10_000;

/** The IMEI and barcode of a model's unit of a serial: IMEI from the model's TAC and serial (Luhn-completed), barcode from its prefix. */
function unitIdentity(model: ModelSpec, serial: number): { imei: string; barcode: string } {
  const tac = model.tacBase + Math.floor(serial / UNITS_PER_TAC);
  return {
    imei: completeImei(`${tac}${String(serial % UNITS_PER_TAC).padStart(6, '0')}`),
    barcode: `${model.barcodePrefix}${10_000_000 + serial}`,
  };
}

/** The unit that replaces the unit of the `index`-th claim, should it be replaced (W4): from the model's replacement serials. */
function replacementUnit(model: ModelSpec, index: number): { imei: string; barcode: string } {
  return unitIdentity(model, REPLACEMENT_SERIALS + index);
}

/** The `n`-th unit of an order. */
function unit(order: Order, n: number): DeviceRow {
  return {
    id: order.firstDeviceId + n,
    ...unitIdentity(order.model, order.firstSerial + n),
    order_id: order.row.id,
    model_id: order.row.model_id,
    customer_id: order.row.customer_id,
    received_on: order.row.received_on,
    replaces_device_id: null,
    created_at: order.unitsCreatedAt,
  };
}

interface OrderPlan {
  readonly random: Random;
  readonly count: number;
  readonly devices: number;
  readonly today: number;
  readonly historyStart: number;
  readonly customers: readonly { row: CustomerRow; weight: number; models: readonly string[] }[];
  readonly modelId: ReadonlyMap<string, number>;
}

/**
 * Orders received evenly over the history, then a few still in transit;
 * numbered per year ("SO-2025-0042"), ids in order of receipt so that units,
 * numbered order by order, are in order of receipt too.
 */
function generateOrders(plan: OrderPlan): Order[] {
  const { random, today, historyStart } = plan;
  const inTransit = plan.count >= 10 ? Math.max(2, Math.round(plan.count / 100)) : 0;
  const receivedCount = plan.count - inTransit;
  const drafts = Array.from({ length: plan.count }, (_, k) => {
    const receivedDay = k < receivedCount ? historyStart + Math.floor(growingBusiness((k + random.next()) / receivedCount) * (HISTORY_DAYS - 1)) : null;
    // In transit: shipped in the last ten days, in order.
    const shippedDay = receivedDay === null
      ? today - 1 - Math.floor(((plan.count - 1 - k + random.next()) * 9) / inTransit)
      : receivedDay - random.int(3, 10);
    const customer = random.weighted(plan.customers.map((c) => [c, c.weight] as const));
    const onSale = (model: ModelSpec): boolean => !model.launchedDaysAgo || shippedDay >= today - model.launchedDaysAgo;
    const wanted = MODELS.filter((model) => customer.models.includes(model.code) && onSale(model));
    const model = random.weighted((wanted.length > 0 ? wanted : MODELS.filter(onSale)).map((m) => [m, m.weight] as const));
    // Mostly 100–3000 pieces (S1's limit under the policy in force on receipt), some large orders above it.
    const { spareAllowanceMaxOrderQty } = policyInForce(fromDayNumber(receivedDay ?? today));
    const quantity = random.chance(0.12)
      ? random.int(31, 90) * 100
      : Math.min(spareAllowanceMaxOrderQty, Math.round(Math.exp(Math.log(100) + random.next() * Math.log(30)) / 50) * 50);
    return { customer, model, quantity, shippedDay, receivedDay, spareAllowanceMaxOrderQty };
  });
  if (receivedCount >= 5 && !drafts.some((d) => d.receivedDay !== null && d.quantity > d.spareAllowanceMaxOrderQty)) {
    (drafts[Math.floor(receivedCount / 2)] as (typeof drafts)[number]).quantity = 4800;
  }

  const totalQuantity = drafts.reduce((sum, d) => sum + d.quantity, 0);
  if (plan.devices > totalQuantity) {
    throw new RangeError(`devices: ${plan.devices} units do not fit in ${plan.count} orders of ${totalQuantity} pieces; ask for more orders`);
  }
  const orderSequence = new Map<number, number>();
  const invoiceSequence = new Map<string, number>();
  const serials = new Map<string, number>();
  let cumulativeQuantity = 0;
  let devicesSoFar = 0;
  return drafts.map((d, index) => {
    const id = index + 1;
    const year = Number(fromDayNumber(d.shippedDay).slice(0, 4));
    const sequence = (orderSequence.get(year) ?? random.int(10, 40)) + 1;
    orderSequence.set(year, sequence);
    const invoiceKey = `${d.customer.row.code}:${year}`;
    const invoice = (invoiceSequence.get(invoiceKey) ?? random.int(20, 180)) + random.int(1, 25);
    invoiceSequence.set(invoiceKey, invoice);
    cumulativeQuantity += d.quantity;
    // Units on record per order, in proportion to its quantity (never more than it).
    const devicesThrough = Math.floor((plan.devices * cumulativeQuantity) / totalQuantity);
    const devices = devicesThrough - devicesSoFar;
    const firstSerial = serials.get(d.model.code) ?? 0;
    if (firstSerial + devices > MAX_UNITS_PER_MODEL) throw new RangeError(`devices: more than ${MAX_UNITS_PER_MODEL} units of model ${d.model.code}`);
    serials.set(d.model.code, firstSerial + devices);
    const placedDay = d.shippedDay - random.int(7, 25);
    const row: SalesOrderRow = {
      id,
      number: `SO-${year}-${String(sequence).padStart(4, '0')}`,
      customer_id: d.customer.row.id,
      model_id: plan.modelId.get(d.model.code) as number,
      quantity: d.quantity,
      shipped_on: fromDayNumber(d.shippedDay),
      received_on: d.receivedDay === null ? null : fromDayNumber(d.receivedDay),
      created_at: timestamp(instantOn(placedDay, random.int(8 * 60, 16 * 60))),
      updated_at: timestamp(instantOn(d.receivedDay ?? d.shippedDay, random.int(9 * 60, 17 * 60))),
      version: d.receivedDay === null ? 2 : 3,
    };
    const order: Order = {
      row,
      model: d.model,
      ciNumber: `CI-${d.customer.row.code}-${year}-${String(invoice).padStart(4, '0')}`,
      firstDeviceId: devicesSoFar + 1,
      devices,
      firstSerial,
      unitsCreatedAt: timestamp(instantOn(d.shippedDay, 6 * 60)),
    };
    devicesSoFar = devicesThrough;
    return order;
  });
}

/** The business grows: orders come GROWTH times as often at the end of the history as at its start. */
const GROWTH = 2.5;

/** The point in the history (0 to 1) by which a share `p` of the orders has come, for a rate rising linearly by GROWTH. */
function growingBusiness(p: number): number {
  const a = (GROWTH - 1) / 2;
  return (Math.sqrt(1 + 4 * a * (1 + a) * p) - 1) / (2 * a);
}

/**
 * When claims are submitted and for which units. Each day before today is
 * weighted by the units in the field (those under warranty on it, by the
 * policy in force, count fully, older ones at OUT_OF_WARRANTY_CLAIM_RATE); the i-th of n claims takes
 * the day at quantile (i + u) / n, so days never go backwards. The unit is one
 * received by that day, from the young or the old ones in their proportion.
 * Units are numbered in order of receipt, so "received by day d" is ids
 * 1..receivedBy(d). A `backlog` puts that many more claims in the last days
 * (the queue a demo shows), at the expense of the rest of the history.
 */
function claimCalendar(received: readonly Order[], today: number, claims: number, backlog?: { days: number; claims: number }) {
  const receiptDays = received.map((o) => toDayNumber(o.row.received_on as string));
  const unitsThrough = received.map((o) => o.firstDeviceId + o.devices - 1);
  const receivedBy = (day: number): number => {
    const index = lastIndexWhere(receiptDays, (d) => d <= day);
    return index < 0 ? 0 : (unitsThrough[index] as number);
  };
  const firstDay = receiptDays[0] ?? today;
  const weights = new Float64Array(Math.max(0, today - firstDay));
  // Units received by the day's warranty start (its date `warrantyMonths` earlier) are out of warranty on it.
  const outOfWarranty = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i += 1) {
    const on = fromDayNumber(firstDay + i);
    outOfWarranty[i] = receivedBy(toDayNumber(addMonths(on, -policyInForce(on).warrantyMonths)));
  }
  let natural = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const day = firstDay + i;
    const old = outOfWarranty[i] as number;
    weights[i] = receivedBy(day) - old + OUT_OF_WARRANTY_CLAIM_RATE * old;
    natural += weights[i] as number;
  }
  if (backlog && backlog.claims > 0 && backlog.claims < claims && weights.length >= backlog.days) {
    const extra = (backlog.claims * natural) / (claims - backlog.claims);
    for (let i = weights.length - backlog.days; i < weights.length; i += 1) weights[i] = (weights[i] as number) + extra / backlog.days;
  }
  let total = 0;
  for (let i = 0; i < weights.length; i += 1) {
    total += weights[i] as number;
    weights[i] = total;
  }
  if (claims > 0 && !(total > 0)) throw new RangeError('claims: there is no unit received before today to claim for');
  return {
    pick(index: number, random: Random): { day: number; deviceId: number } {
      const target = ((index + random.next()) / claims) * total;
      const offset = firstIndexWhere(weights, (w) => w > target);
      const day = firstDay + Math.max(0, offset);
      const all = receivedBy(day);
      const old = outOfWarranty[day - firstDay] as number;
      const young = all - old;
      const fromYoung = random.chance(young / (young + OUT_OF_WARRANTY_CLAIM_RATE * old));
      const deviceId = fromYoung ? random.int(old + 1, all) : random.int(1, old);
      return { day, deviceId };
    },
  };
}

/** The index of the last item for which `test` holds, for a test that holds on a prefix; -1 if none. */
function lastIndexWhere<T>(items: ArrayLike<T>, test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(items[mid] as T)) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The index of the first item for which `test` holds, for a test that holds on a suffix; -1 if none. */
function firstIndexWhere<T>(items: ArrayLike<T>, test: (item: T) => boolean): number {
  const index = lastIndexWhere(items, (item) => !test(item)) + 1;
  return index < items.length ? index : -1;
}

/** The day number of an option's `YYYY-MM-DD` date; throws RangeError naming `field` for anything else. */
function dayNumberOption(date: string, field: string): number {
  try {
    return toDayNumber(date, field);
  } catch (error) {
    if (error instanceof PolicyInputError) throw new RangeError(error.message);
    throw error;
  }
}

function count(value: number | undefined, fallback: number, field: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${field}: must be a whole number ≥ ${min}`);
  return n;
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function generatedCustomer(faker: Faker, random: Random, id: number) {
  const name = faker.company.name();
  const models = MODELS.filter(() => random.chance(0.5)).map((m) => m.code);
  return {
    code: `${name.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 8)}${id}`,
    name,
    country: random.pick(COUNTRIES),
    contactEmail: `service@${slug(name)}.example`,
    // Not from faker: the generator's random stream stays as it was.
    address: `${id} Commerce Park\n${name}`,
    weight: 1 + random.next() * 3,
    models: models.length > 0 ? models : [random.pick(MODELS).code],
    serviceCentre: '',
  };
}

function generatedCentre(faker: Faker, random: Random, id: number) {
  const city = faker.location.city();
  return {
    code: `SC-${String(id).padStart(3, '0')}`,
    name: `Service Centre ${city}`,
    city,
    country: random.pick(COUNTRIES),
    address: `${faker.location.streetAddress()}, ${city}`,
  };
}
