import { policyInForce, spareAllowance, type WarrantyPolicy } from '@aftersale/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Customer } from '../catalogue/customer.entity.js';
import { Part } from '../catalogue/part.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';
import type { Clock } from '../platform/clock.js';
import { loadForEdit } from '../platform/optimistic-locking.js';
import { pastDate, refuseNulls, nonBlankText } from '../platform/validators.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { SortDirection, type ListQuery } from '../platform/pagination.js';
import { Order } from './order.entity.js';
import type { CreateOrderInput, NegotiatedAllowanceInput, OrderFilter, OrderSort, RecordOrderReceiptInput, UpdateOrderInput } from './orders.inputs.js';
import { SpareShipment } from './spare-shipment.entity.js';

const sortColumns = { NUMBER: 'number', QUANTITY: 'quantity', RECEIVED_ON: 'receivedOn', CREATED_AT: 'createdAt' } as const;
const populate = ['customer', 'model'] as const;
const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9/-]{0,31}$/;
const MAX_QUANTITY = 1_000_000;

export interface AllowanceView {
  withinLimit: boolean;
  rate: number;
  maxOrderQuantity: number;
  policyVersion: string;
  lines: { part: Part; quantity: number }[];
}

/** Orders: what was sold to whom and when they received it (W2), with the spare parts that ship free (S1–S3). */
export class OrdersService {
  constructor(private readonly clock: Clock) {}

  /** Orders by the filter, newest first unless sorted otherwise. */
  listQuery(filter: OrderFilter = {}, sort: OrderSort | undefined): ListQuery<Order> {
    const where: FilterQuery<Order> = {};
    if (filter.ids) where.id = { $in: parseIds(filter.ids, 'filter.ids') };
    if (filter.customerId) where.customer = parseId(filter.customerId, 'filter.customerId');
    if (filter.modelId) where.model = parseId(filter.modelId, 'filter.modelId');
    if (filter.received !== undefined) where.receivedOn = filter.received ? { $ne: null } : null;
    if (filter.q?.trim()) where.number = { $ilike: likePattern(filter.q) };
    const direction = sort?.direction === SortDirection.ASC ? 'asc nulls last' : 'desc nulls last';
    return { entity: Order, where, populate, orderBy: { [sortColumns[sort?.field ?? 'CREATED_AT']]: direction, id: direction } };
  }

  async get(em: EntityManager, id: string): Promise<Order> {
    const order = await em.findOne(Order, parseId(id, 'id'), { populate });
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  async create(em: EntityManager, input: CreateOrderInput): Promise<Order> {
    const [customer, model] = await Promise.all([
      em.findOne(Customer, parseId(input.customerId, 'customerId')),
      em.findOne(ProductModel, parseId(input.modelId, 'modelId')),
    ]);
    if (!customer) throw new NotFoundError('Customer', input.customerId);
    if (!model) throw new NotFoundError('Product model', input.modelId);
    const order = em.create(Order, {
      number: input.number?.trim() ? orderNumber(input.number) : await this.nextNumber(em),
      customer,
      model,
      quantity: quantity(input.quantity),
      shippedOn: input.shippedOn ? pastDate(input.shippedOn, this.clock.today(), 'shippedOn') : null,
    });
    await flushNamingDuplicates(em, order.number);
    return order;
  }

  async update(em: EntityManager, input: UpdateOrderInput): Promise<Order> {
    const order = await loadForEdit(em, Order, 'Order', input.id, input.version);
    refuseNulls(input, ['number', 'quantity']);
    if (input.number !== undefined) order.number = orderNumber(input.number);
    if (input.shippedOn === null) {
      // Clearing the shipped date: only while the goods are in transit.
      if (order.receivedOn) throw new BadUserInputError('shippedOn', `cannot be cleared: the goods were received on ${order.receivedOn}.`);
      order.shippedOn = null;
    } else if (input.shippedOn !== undefined) {
      order.shippedOn = pastDate(input.shippedOn, this.clock.today(), 'shippedOn');
      if (order.receivedOn && order.receivedOn < order.shippedOn)
        throw new BadUserInputError('shippedOn', `is after the goods were received (${order.receivedOn}).`);
    }
    if (input.quantity !== undefined && input.quantity !== order.quantity) {
      // The allowance shipped with the goods was computed from the quantity.
      if (order.receivedOn) throw new BadUserInputError('quantity', `cannot change: the goods were received on ${order.receivedOn} with their spare parts.`);
      const units = await this.unitCount(em, order.id);
      if (input.quantity < units) throw new BadUserInputError('quantity', `cannot be less than the ${units} units already imported.`);
      order.quantity = quantity(input.quantity);
    }
    await flushNamingDuplicates(em, order.number);
    return this.get(em, input.id);
  }

  /**
   * W2, S1–S3: the customer received the goods on `receivedOn`. Records the
   * spare parts shipped with them: the policy's allowance, or for an order
   * above the limit an allowance negotiated with the customer (with a reason).
   * One transaction; a second receipt, or a stale version, is a CONFLICT.
   */
  async recordReceipt(em: EntityManager, input: RecordOrderReceiptInput): Promise<Order> {
    await em.transactional(async (tx) => {
      const order = await loadForEdit(tx, Order, 'Order', input.id, input.version);
      if (order.receivedOn) throw new ConflictError(`Order ${order.number} was already received on ${order.receivedOn}.`, { field: 'receivedOn' });
      const receivedOn = pastDate(input.receivedOn, this.clock.today(), 'receivedOn');
      if (order.shippedOn && receivedOn < order.shippedOn) throw new BadUserInputError('receivedOn', `is before the order was shipped (${order.shippedOn}).`);
      const policy = policyInForce(receivedOn);
      const parts = await modelParts(tx, order.model.id);
      if (input.negotiatedAllowance) {
        const negotiated = negotiatedLines(input.negotiatedAllowance, order.quantity, policy, parts);
        order.allowanceNegotiated = true;
        order.allowanceReason = nonBlankText(input.negotiatedAllowance.reason, 'negotiatedAllowance.reason', 1000);
        for (const line of negotiated) tx.create(SpareShipment, { order, part: line.part, quantity: line.quantity, negotiated: true });
      } else {
        for (const line of allowanceOf(order.quantity, policy, parts).lines) tx.create(SpareShipment, { order, part: line.part, quantity: line.quantity });
      }
      order.receivedOn = receivedOn;
      await tx.flush();
    });
    return this.get(em, input.id);
  }

  /** The allowance the policy grants this order: as of its receipt, or as of today while it is in transit. */
  async allowance(em: EntityManager, order: Order): Promise<AllowanceView> {
    const policy = policyInForce(order.receivedOn ?? this.clock.today());
    return allowanceOf(order.quantity, policy, await modelParts(em, order.model.id));
  }

  async shipment(em: EntityManager, order: Order): Promise<SpareShipment[]> {
    return em.find(SpareShipment, { order: order.id }, { populate: ['part', 'part.model'], orderBy: { part: { category: 'asc', sku: 'asc' } } });
  }

  /** The files imported into the order, newest first. */
  async imports(em: EntityManager, orderId: number) {
    const rows = await em.getConnection().execute<{ id: number; file_name: string | null; units: number; imported_by: string | null; created_at: Date }[]>(
      `select i.id, i.file_name, i.units, u.name as imported_by, i.created_at
         from device_import i left join app_user u on u.id = i.imported_by
        where i.order_id = ? order by i.id desc`,
      [orderId],
    );
    return rows.map((r) => ({ id: r.id, fileName: r.file_name, units: r.units, importedBy: r.imported_by, createdAt: new Date(r.created_at) }));
  }

  async unitCount(em: EntityManager, orderId: number): Promise<number> {
    const [row] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from device where order_id = ?', [orderId]);
    return row?.n ?? 0;
  }

  /** The next `SO-YYYY-NNNN` of this year; a race for the same number ends in CONFLICT and a retry gets the next. */
  private async nextNumber(em: EntityManager): Promise<string> {
    const year = this.clock.today().slice(0, 4);
    const [row] = await em
      .getConnection()
      .execute<{ last: number | null }[]>(`select max(substring(number from '^SO-\\d{4}-(\\d+)$')::int) as last from sales_order where number like ?`, [
        `SO-${year}-%`,
      ]);
    return `SO-${year}-${String((row?.last ?? 0) + 1).padStart(4, '0')}`;
  }
}

function orderNumber(value: string): string {
  const text = value.trim().toUpperCase();
  if (!ORDER_NUMBER.test(text)) throw new BadUserInputError('number', 'must be 1 to 32 letters, digits, dashes or slashes.');
  return text;
}

function quantity(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_QUANTITY)
    throw new BadUserInputError('quantity', `must be a whole number from 1 to ${MAX_QUANTITY}.`);
  return value;
}

async function flushNamingDuplicates(em: EntityManager, number: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`Order number ${number} is already taken.`, { field: 'number' });
    throw error;
  }
}

/** The model's parts still sold, the ones an allowance can include. */
const modelParts = (em: EntityManager, modelId: number) =>
  em.find(Part, { model: modelId, active: true }, { populate: ['model'], orderBy: { category: 'asc', sku: 'asc' } });

function allowanceOf(orderQuantity: number, policy: WarrantyPolicy, parts: Part[]): AllowanceView {
  const byId = new Map(parts.map((part) => [String(part.id), part]));
  const lines = spareAllowance(
    orderQuantity,
    parts.map((part) => ({ partId: String(part.id), category: part.category })),
    policy,
  );
  return {
    withinLimit: orderQuantity <= policy.spareAllowanceMaxOrderQty,
    rate: policy.spareAllowanceRate,
    maxOrderQuantity: policy.spareAllowanceMaxOrderQty,
    policyVersion: policy.version,
    lines: lines.map((line) => ({ part: byId.get(line.partId)!, quantity: line.quantity })),
  };
}

/** S3: a negotiated allowance exists only above the limit, and names parts of the ordered model, once each. */
function negotiatedLines(input: NegotiatedAllowanceInput, orderQuantity: number, policy: WarrantyPolicy, parts: Part[]) {
  if (orderQuantity <= policy.spareAllowanceMaxOrderQty) {
    throw new BadUserInputError(
      'negotiatedAllowance',
      `is only for orders above ${policy.spareAllowanceMaxOrderQty} pieces; this order gets the policy's allowance.`,
    );
  }
  const byId = new Map(parts.map((part) => [String(part.id), part]));
  const seen = new Set<string>();
  return input.lines.map((line, index) => {
    const field = `negotiatedAllowance.lines[${index}]`;
    const part = byId.get(line.partId);
    if (!part) throw new BadUserInputError(`${field}.partId`, `part ${line.partId} is not a part of the ordered model.`);
    if (seen.has(line.partId)) throw new BadUserInputError(`${field}.partId`, `part ${part.sku} is listed twice.`);
    seen.add(line.partId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) throw new BadUserInputError(`${field}.quantity`, 'must be a whole number ≥ 0.');
    return { part, quantity: line.quantity };
  });
}
