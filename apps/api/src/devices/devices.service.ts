import { isValidImei, unitWarranty, type UnitWarranty } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScope, type Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { SortDirection, type ListQuery } from '../platform/pagination.js';
import { Device } from './device.entity.js';
import type { DeviceFilter, DeviceSort } from './devices.inputs.js';

const sortColumns = { IMEI: 'imei', RECEIVED_ON: 'receivedOn', CREATED_AT: 'createdAt' } as const;
const populate = ['order', 'model', 'customer'] as const;

export class DevicesService {
  constructor(private readonly clock: Clock) {}

  /** The unit's warranty today, as the domain reads it (W2–W4). */
  warrantyOf(device: Device): UnitWarranty {
    return unitWarranty(
      { receivedOn: device.receivedOn ?? null, orderReceivedOn: device.order.receivedOn ?? null, replaced: device.replacedByImei != null },
      this.clock.today(),
    );
  }

  /** Finds a unit by IMEI, within the caller's customer for integrators. */
  async findByImei(em: EntityManager, actor: Actor, imei: string, field = 'imei'): Promise<Device> {
    const trimmed = imei.trim();
    if (!isValidImei(trimmed)) throw new BadUserInputError(field, 'must be 15 digits with a valid check digit.');
    const device = await em.findOne(Device, { imei: trimmed }, { populate });
    const scope = customerScope(actor);
    // Another customer's unit is reported as unknown: existence is not leaked.
    if (!device || (scope !== undefined && device.customer.id !== scope)) throw new NotFoundError('Device with IMEI', trimmed);
    return device;
  }

  async get(em: EntityManager, actor: Actor, id: string): Promise<Device> {
    const scope = customerScope(actor);
    const device = await em.findOne(Device, { id: parseId(id, 'id'), ...(scope && { customer: scope }) }, { populate });
    if (!device) throw new NotFoundError('Device', id);
    return device;
  }

  /** Units by the filter, within the caller's customer for integrators; by IMEI unless sorted otherwise. */
  listQuery(actor: Actor, filter: DeviceFilter = {}, sort: DeviceSort | undefined): ListQuery<Device> {
    const direction = sort?.direction === SortDirection.DESC ? 'desc' : 'asc';
    return { entity: Device, where: whereOf(filter, actor), populate, orderBy: { [sortColumns[sort?.field ?? 'IMEI']]: direction, id: direction } };
  }

  /** Every unit the filter matches, in batches by id (keyset paging): for exports of any size in flat memory. */
  async *batches(em: EntityManager, actor: Actor, filter: DeviceFilter = {}, size = 2_000): AsyncGenerator<Device[]> {
    const where = whereOf(filter, actor);
    for (let after = 0; ;) {
      const batch = await em
        .fork()
        .find(Device, { ...where, id: { ...(where['id'] as object), $gt: after } }, { populate, orderBy: { id: 'asc' }, limit: size });
      if (batch.length === 0) return;
      yield batch;
      after = batch.at(-1)!.id;
    }
  }
}

function whereOf(filter: DeviceFilter, actor: Actor): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (filter.ids) where['id'] = { $in: parseIds(filter.ids, 'filter.ids') };
  if (filter.imei) where['imei'] = filter.imei.length === 15 ? filter.imei : { $like: likePattern(filter.imei, true) };
  if (filter.barcode) where['barcode'] = filter.barcode.trim();
  if (filter.orderId) where['order'] = parseId(filter.orderId, 'filter.orderId');
  if (filter.modelId) where['model'] = parseId(filter.modelId, 'filter.modelId');
  if (filter.customerId) where['customer'] = parseId(filter.customerId, 'filter.customerId');
  const scope = customerScope(actor);
  if (scope !== undefined) where['customer'] = scope;
  return where;
}
