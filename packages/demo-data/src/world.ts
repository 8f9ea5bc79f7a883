import { completeImei, fromDayNumber, policyInForce, PolicyInputError, spareAllowance, toDayNumber } from '@aftersale/domain';
import { base, en, Faker } from '@faker-js/faker';
import { instantOn, timestamp } from './calendar.js';
import { COUNTRIES, CUSTOMERS, MODELS, SERVICE_CENTRES, STAFF, type ModelSpec } from './catalogue.js';
import type { Staff } from './claim-records.js';
import { plantedDefects, type PlantedDefect } from './life.js';
import { seededRandom, type Random } from './random.js';
import type { AppUserRow, CustomerRow, DeviceRow, PartRow, ProductModelRow, SalesOrderRow, ServiceCentreRow, SpareShipmentRow, StockRow } from './rows.js';

/**
 * The world the claims happen in, before any claim: staff, service centres,
 * models and parts, customers, the orders received over the history, their
 * units and free spare parts, and the stock at the centres.
 */

export interface WorldOptions {
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
  /** How many days of orders the history holds. Default 730 (two years). */
  historyDays?: number;
  /** Whether the data set carries its seed's planted bad batch (life.ts `plantedDefects`). Default true. */
  defects?: boolean;
}

/**
 * Each model's 100 type allocation codes of a million serials each, and 8-digit barcodes from 10000000.
 * Serials from REPLACEMENT_SERIALS on are the units given as replacements (W4), one per claim at most.
 */
const UNITS_PER_TAC = 1_000_000;
const REPLACEMENT_SERIALS = 80_000_000;
const MAX_UNITS_PER_MODEL = REPLACEMENT_SERIALS - 1;
export const MAX_CLAIMS = 89_999_999 - REPLACEMENT_SERIALS;

export interface Order {
  readonly row: SalesOrderRow;
  readonly model: ModelSpec;
  readonly ciNumber: string;
  readonly firstDeviceId: number;
  readonly devices: number;
  /** The model's serial of the order's first unit: IMEIs and barcodes run on from it. */
  readonly firstSerial: number;
  readonly unitsCreatedAt: string;
}

export interface Customer {
  readonly row: CustomerRow;
  readonly weight: number;
  readonly models: readonly string[];
  readonly centre: ServiceCentreRow;
}

export interface World {
  readonly seed: number;
  readonly today: string;
  /** `today` as a day number; claims stand where they are at its start (`cutoff`, in milliseconds). */
  readonly todayDay: number;
  readonly cutoff: number;
  readonly historyStart: number;
  /** When the staff, customers and centres were set up. */
  readonly onboarded: string;
  readonly random: (...keys: (string | number)[]) => Random;
  readonly app_user: readonly AppUserRow[];
  readonly staff: Staff;
  readonly service_centre: readonly ServiceCentreRow[];
  readonly product_model: readonly ProductModelRow[];
  readonly part: readonly PartRow[];
  readonly partsOfModel: ReadonlyMap<number, readonly PartRow[]>;
  readonly customers: readonly Customer[];
  readonly orders: readonly Order[];
  /** The orders received before today, in order of receipt (their units are numbered in that order). */
  readonly received: readonly Order[];
  /** Units on record from the orders (replacement units come after them). */
  readonly devices: number;
  readonly spareShipments: number;
  /** The units of the orders, in id order: a fresh stream on each iteration. */
  readonly units: Iterable<DeviceRow>;
  readonly spare_shipment: Iterable<SpareShipmentRow>;
  readonly stock: readonly StockRow[];
  /** The bad batches planted in the claims (none when made without defects). */
  readonly defects: readonly PlantedDefect[];
  /** The unit of an id (1..devices). */
  unitAt(id: number): DeviceRow;
}

/** The world of a data set: pure and deterministic, the same options give the same rows. */
export function buildWorld(options: WorldOptions): World {
  const seed = options.seed ?? 1;
  const counts = {
    customers: count(options.customers, 6, 'customers', 1),
    serviceCentres: count(options.serviceCentres, 3, 'serviceCentres', 1),
    devices: count(options.devices, 3000, 'devices', 0),
    historyDays: count(options.historyDays, 730, 'historyDays', 60),
  };
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed: must be an integer');
  if (typeof options.passwordHash !== 'string' || options.passwordHash === '') throw new RangeError('passwordHash: required');
  const today = dayNumberOption(options.today, 'today');
  const historyStart = today - counts.historyDays;
  const defects = options.defects === false ? [] : plantedDefects(seed, options.today);
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
    const { id, email } = app_user[STAFF.findIndex((member) => member.key === key)]!;
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
      id: modelId,
      code: model.code,
      name: model.name,
      kind: model.kind,
      barcode_pattern: `^${model.barcodePrefix}[0-9]{8}$`,
      created_at: created,
      updated_at: created,
    });
    const rows = model.parts.map((spec, i) => ({
      id: part.length + i + 1,
      model_id: modelId,
      sku: spec.sku,
      name: spec.name,
      category: spec.category,
      material_cost: spec.cost,
      currency,
      created_at: created,
      updated_at: created,
    }));
    part.push(...rows);
    partsOfModel.set(modelId, rows);
  });
  const modelId = new Map(MODELS.map((model, index) => [model.code, index + 1]));

  // Customers, with what they buy and where their units go.
  const customerRandom = random('customer');
  const customers: Customer[] = Array.from({ length: counts.customers }, (_, index) => {
    const id = index + 1;
    const spec = CUSTOMERS[index] ?? generatedCustomer(faker, customerRandom, id);
    const centre = service_centre.find((row) => row.code === spec.serviceCentre) ?? service_centre[index % service_centre.length];
    const row: CustomerRow = {
      id,
      code: spec.code,
      name: spec.name,
      country: spec.country,
      contact_email: spec.contactEmail,
      address: spec.address,
      created_at: onboarded,
      updated_at: onboarded,
    };
    return { row, weight: spec.weight, models: spec.models, centre: centre! };
  });

  const orders = generateOrders({
    random: random('sales_order'),
    count: options.orders === undefined ? Math.max(counts.customers * 8, Math.ceil(counts.devices / 300)) : count(options.orders, 0, 'orders', 1),
    devices: counts.devices,
    today,
    historyStart,
    customers,
    modelId,
    defects,
  });
  const received = orders.filter((order) => order.row.received_on !== null);

  // S1–S3: free spare parts delivered with each received order, under the policy in force on its receipt day.
  const allowances = received.map((order) => {
    const parts = (partsOfModel.get(order.row.model_id) ?? []).map((p) => ({ partId: String(p.id), category: p.category }));
    const lines = spareAllowance(order.row.quantity, parts, policyInForce(order.row.received_on!));
    return { order, lines: lines.map((line) => ({ partId: Number(line.partId), quantity: line.quantity })) };
  });

  // Stock of every part at every centre, at least one piece of each; a few below their threshold.
  const stockRandom = random('stock');
  const stockedAt = timestamp(instantOn(today - 1, 16 * 60));
  const stock: StockRow[] = service_centre.flatMap((centre) =>
    part.map((p) => {
      const expensive = p.material_cost >= 2000;
      const threshold = expensive ? 5 : 10;
      const onHand = stockRandom.chance(0.08)
        ? stockRandom.int(1, threshold - 1)
        : expensive
          ? stockRandom.int(threshold, 40)
          : stockRandom.int(threshold, 250);
      return { service_centre_id: centre.id, part_id: p.id, on_hand: onHand, low_stock_threshold: threshold, updated_at: stockedAt };
    }),
  );

  return {
    seed,
    today: options.today,
    todayDay: today,
    cutoff: instantOn(today, 0),
    historyStart,
    onboarded,
    random,
    app_user,
    staff,
    service_centre,
    product_model,
    part,
    partsOfModel,
    customers,
    orders,
    received,
    devices: counts.devices,
    spareShipments: allowances.reduce((sum, allowance) => sum + allowance.lines.length, 0),
    units: {
      *[Symbol.iterator]() {
        for (const order of orders) for (let n = 0; n < order.devices; n += 1) yield unit(order, n);
      },
    },
    spare_shipment: {
      *[Symbol.iterator]() {
        let id = 0;
        for (const { order, lines } of allowances) {
          for (const line of lines) {
            id += 1;
            yield { id, order_id: order.row.id, part_id: line.partId, quantity: line.quantity, negotiated: false, created_at: order.unitsCreatedAt };
          }
        }
      },
    },
    stock,
    defects,
    unitAt(id: number): DeviceRow {
      const order = orders[lastIndexWhere(orders, (o) => o.firstDeviceId <= id)]!;
      return unit(order, id - order.firstDeviceId);
    },
  };
}

/** The IMEI and barcode of a model's unit of a serial: IMEI from the model's TAC and serial (Luhn-completed), barcode from its prefix. */
function unitIdentity(model: ModelSpec, serial: number): { imei: string; barcode: string } {
  const tac = model.tacBase + Math.floor(serial / UNITS_PER_TAC);
  return {
    imei: completeImei(`${tac}${String(serial % UNITS_PER_TAC).padStart(6, '0')}`),
    barcode: `${model.barcodePrefix}${10_000_000 + serial}`,
  };
}

/** The unit that replaces the unit of the `index`-th claim, should it be replaced (W4): from the model's replacement serials. */
export function replacementUnit(model: ModelSpec, index: number): { imei: string; barcode: string } {
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
  readonly customers: readonly Customer[];
  readonly modelId: ReadonlyMap<string, number>;
  readonly defects: readonly PlantedDefect[];
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
    const receivedDay = k < receivedCount ? historyStart + Math.floor(growingBusiness((k + random.next()) / receivedCount) * (today - historyStart - 1)) : null;
    // In transit: shipped in the last ten days, in order.
    const shippedDay = receivedDay === null ? today - 1 - Math.floor(((plan.count - 1 - k + random.next()) * 9) / inTransit) : receivedDay - random.int(3, 10);
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
    drafts[Math.floor(receivedCount / 2)]!.quantity = 4800;
  }
  // A planted bad batch needs units: one order of the month goes to that model, from a customer who buys it.
  for (const defect of plan.defects) {
    const inMonth = drafts.filter((d) => d.receivedDay !== null && fromDayNumber(d.receivedDay).startsWith(defect.receivedMonth));
    const model = MODELS.find((m) => m.code === defect.modelCode);
    if (!model || inMonth.length === 0 || inMonth.some((d) => d.model === model)) continue;
    const draft = inMonth[Math.floor(inMonth.length / 2)]!;
    draft.model = model;
    draft.customer = plan.customers.find((c) => c.models.includes(model.code)) ?? draft.customer;
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
      model_id: plan.modelId.get(d.model.code)!,
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

/** The index of the last item for which `test` holds, for a test that holds on a prefix; -1 if none. */
export function lastIndexWhere<T>(items: ArrayLike<T>, test: (item: T) => boolean): number {
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
export function firstIndexWhere<T>(items: ArrayLike<T>, test: (item: T) => boolean): number {
  const index = lastIndexWhere(items, (item) => !test(item)) + 1;
  return index < items.length ? index : -1;
}

/** The day number of an option's `YYYY-MM-DD` date; throws RangeError naming `field` for anything else. */
export function dayNumberOption(date: string, field: string): number {
  try {
    return toDayNumber(date, field);
  } catch (error) {
    if (error instanceof PolicyInputError) throw new RangeError(error.message, { cause: error });
    throw error;
  }
}

export function count(value: number | undefined, fallback: number, field: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${field}: must be a whole number ≥ ${min}`);
  return n;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function generatedCustomer(faker: Faker, random: Random, id: number) {
  const name = faker.company.name();
  const models = MODELS.filter(() => random.chance(0.5)).map((m) => m.code);
  return {
    code: `${name
      .toUpperCase()
      .replace(/[^A-Z]/g, '')
      .slice(0, 8)}${id}`,
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
