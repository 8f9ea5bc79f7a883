import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { staffUserId, type Actor } from '../platform/actor.js';
import { Part } from '../catalogue/part.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { checkVersion } from '../platform/optimistic-locking.js';
import { nonBlankText } from '../platform/validators.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { SortDirection, type ListQuery } from '../platform/pagination.js';
import { StockMovement, type StockMovementKind } from './stock-movement.entity.js';
import { Stock } from './stock.entity.js';
import type {
  AdjustStockInput,
  ConsumeStockInput,
  ReceiveStockInput,
  StockFilter,
  StockMovementFilter,
  StockSort,
  UpdateStockSettingsInput,
} from './stock.inputs.js';

const MAX_PIECES = 100_000;
const orderOf = (field: StockSort['field'], direction: 'asc' | 'desc') =>
  ({ PART: { part: { sku: direction } }, ON_HAND: { onHand: direction }, UPDATED_AT: { updatedAt: direction } })[field];
const populate = ['serviceCentre', 'part', 'part.model'] as const;

/** One change of stock, as the ledger records it. */
export interface Movement {
  serviceCentreId: number;
  partId: number;
  delta: number;
  kind: StockMovementKind;
  reason?: string | null;
  claimId?: number | null;
  actorUserId?: number | null;
}

/** The id react-admin sees for a stock row: `<serviceCentreId>:<partId>`. */
export const stockId = (stock: Stock) => `${stock.serviceCentre.id}:${stock.part.id}`;

function parseStockId(id: string, field = 'id') {
  const [centre, part, ...rest] = id.split(':');
  if (centre === undefined || part === undefined || rest.length > 0)
    throw new BadUserInputError(field, `"${id}" is not a stock id (<serviceCentreId>:<partId>).`);
  return { serviceCentre: parseId(centre, field), part: parseId(part, field) };
}

function pieces(value: number, field: string, { signed = false } = {}) {
  const size = Math.abs(value);
  if (!Number.isSafeInteger(value) || size < 1 || size > MAX_PIECES || (!signed && value < 0)) {
    throw new BadUserInputError(
      field,
      signed ? `must be a whole number of pieces other than 0, at most ${MAX_PIECES} either way.` : `must be a whole number of pieces from 1 to ${MAX_PIECES}.`,
    );
  }
  return value;
}

const optionalText = (value: string | undefined, field: string) => (value?.trim() ? nonBlankText(value, field, 500) : null);

/**
 * Stock per service centre and part. `onHand` moves only by one atomic
 * statement per movement: an increment, or a decrement that matches only
 * while enough is on hand. Concurrent takers of the last pieces queue on the
 * row lock and PostgreSQL re-checks the condition for each, so exactly as
 * many succeed as there are pieces; the others get CONFLICT. The CHECK
 * constraint (on_hand >= 0) is the backstop.
 */
export class StockService {
  /** Stock rows by the filter, by part unless sorted otherwise. */
  listQuery(filter: StockFilter = {}, sort: StockSort | undefined): ListQuery<Stock> {
    const where: FilterQuery<Stock> & Record<string, unknown> = {};
    if (filter.ids) where.$or = filter.ids.map((id) => parseStockId(id, 'filter.ids'));
    if (filter.serviceCentreId) where.serviceCentre = parseId(filter.serviceCentreId, 'filter.serviceCentreId');
    const part: Record<string, unknown> = {};
    if (filter.partId) part['id'] = parseId(filter.partId, 'filter.partId');
    if (filter.modelId) part['model'] = parseId(filter.modelId, 'filter.modelId');
    if (filter.category?.length) part['category'] = { $in: filter.category };
    if (filter.q?.trim()) part['$or'] = [{ sku: { $ilike: likePattern(filter.q) } }, { name: { $ilike: likePattern(filter.q) } }];
    if (Object.keys(part).length > 0) where.part = part;
    if (filter.low !== undefined) where.low = filter.low;
    const orderBy = orderOf(sort?.field ?? 'PART', sort?.direction === SortDirection.DESC ? 'desc' : 'asc');
    return { entity: Stock, where, populate, orderBy: [orderBy, { serviceCentre: { code: 'asc' } }, { part: { sku: 'asc' } }] };
  }

  async get(em: EntityManager, id: string): Promise<Stock> {
    const stock = await em.findOne(Stock, parseStockId(id), { populate, refresh: true });
    if (!stock) throw new NotFoundError('Stock', id);
    return stock;
  }

  async receive(em: EntityManager, actor: Actor, input: ReceiveStockInput): Promise<Stock> {
    const { centre, part } = await this.placeOf(em, input);
    await em.transactional((tx) =>
      this.move(tx, {
        serviceCentreId: centre.id,
        partId: part.id,
        delta: pieces(input.quantity, 'quantity'),
        kind: 'RECEIPT',
        reason: optionalText(input.reason, 'reason'),
        actorUserId: staffUserId(actor),
      }),
    );
    return this.get(em, `${centre.id}:${part.id}`);
  }

  async adjust(em: EntityManager, actor: Actor, input: AdjustStockInput): Promise<Stock> {
    const { centre, part } = await this.placeOf(em, input);
    const delta = pieces(input.delta, 'delta', { signed: true });
    const reason = nonBlankText(input.reason, 'reason', 500);
    await em.transactional((tx) =>
      this.move(tx, { serviceCentreId: centre.id, partId: part.id, delta, kind: 'ADJUSTMENT', reason, actorUserId: staffUserId(actor) }),
    );
    return this.get(em, `${centre.id}:${part.id}`);
  }

  async consume(em: EntityManager, actor: Actor, input: ConsumeStockInput): Promise<Stock> {
    const { centre, part } = await this.placeOf(em, input);
    const movement: Movement = {
      serviceCentreId: centre.id,
      partId: part.id,
      delta: -pieces(input.quantity, 'quantity'),
      kind: 'CONSUMPTION',
      reason: optionalText(input.reason, 'reason'),
      claimId: input.claimId ? parseId(input.claimId, 'claimId') : null,
      actorUserId: staffUserId(actor),
    };
    await em.transactional((tx) => this.move(tx, movement));
    return this.get(em, `${centre.id}:${part.id}`);
  }

  /**
   * Applies one movement in the caller's transaction (the claims flow calls
   * this when a repair takes parts). Taking more than is on hand is a
   * CONFLICT that names the field.
   */
  async move(tx: EntityManager, m: Movement, field = m.kind === 'ADJUSTMENT' ? 'delta' : 'quantity'): Promise<void> {
    if (m.delta > 0) {
      await tx.execute(
        `insert into stock (service_centre_id, part_id, on_hand) values (?, ?, ?)
         on conflict (service_centre_id, part_id) do update set on_hand = stock.on_hand + excluded.on_hand, updated_at = now()`,
        [m.serviceCentreId, m.partId, m.delta],
      );
    } else {
      const taken = await tx.execute<{ on_hand: number }[]>(
        `update stock set on_hand = on_hand + ?, updated_at = now()
         where service_centre_id = ? and part_id = ? and on_hand + ? >= 0 returning on_hand`,
        [m.delta, m.serviceCentreId, m.partId, m.delta],
      );
      if (taken.length === 0) {
        const [row] = await tx.execute<{ on_hand: number }[]>('select on_hand from stock where service_centre_id = ? and part_id = ?', [
          m.serviceCentreId,
          m.partId,
        ]);
        throw new ConflictError(`Only ${row?.on_hand ?? 0} on hand: cannot take ${-m.delta}.`, { field, onHand: row?.on_hand ?? 0 });
      }
    }
    await tx.execute(`insert into stock_movement (service_centre_id, part_id, delta, kind, reason, claim_id, actor_user_id) values (?, ?, ?, ?, ?, ?, ?)`, [
      m.serviceCentreId,
      m.partId,
      m.delta,
      m.kind,
      m.reason ?? null,
      m.claimId ?? null,
      m.actorUserId ?? null,
    ]);
  }

  async updateSettings(em: EntityManager, input: UpdateStockSettingsInput): Promise<Stock> {
    const stock = checkVersion(await this.get(em, input.id), 'Stock', input.id, input.version);
    if (!Number.isSafeInteger(input.lowStockThreshold) || input.lowStockThreshold < 0 || input.lowStockThreshold > MAX_PIECES) {
      throw new BadUserInputError('lowStockThreshold', `must be a whole number from 0 to ${MAX_PIECES}.`);
    }
    stock.lowStockThreshold = input.lowStockThreshold;
    await em.flush();
    return this.get(em, input.id);
  }

  /** The ledger by the filter, newest first. */
  movementsQuery(filter: StockMovementFilter = {}): ListQuery<StockMovement> {
    const where: FilterQuery<StockMovement> = {};
    if (filter.serviceCentreId) where.serviceCentre = parseId(filter.serviceCentreId, 'filter.serviceCentreId');
    if (filter.partId) where.part = parseId(filter.partId, 'filter.partId');
    if (filter.kind?.length) where.kind = { $in: filter.kind };
    return { entity: StockMovement, where, populate: ['serviceCentre', 'part', 'part.model', 'actor'], orderBy: { id: 'desc' } };
  }

  private async placeOf(em: EntityManager, input: { serviceCentreId: string; partId: string }) {
    const [centre, part] = await Promise.all([
      em.findOne(ServiceCentre, parseId(input.serviceCentreId, 'serviceCentreId')),
      em.findOne(Part, parseId(input.partId, 'partId')),
    ]);
    if (!centre) throw new NotFoundError('Service centre', input.serviceCentreId);
    if (!part) throw new NotFoundError('Part', input.partId);
    return { centre, part };
  }
}
