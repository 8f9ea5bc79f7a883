import { createHash } from 'node:crypto';
import { addDays, CLAIM_STATUSES, checkClaimSubmission, type ClaimStatus, type ClaimSubmission } from '@aftersale/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { raw, type EntityManager, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { customerScope, staffUserId, type Actor } from '../platform/actor.js';
import type { DevicesService } from '../devices/devices.service.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import type { Page } from '../platform/pagination.js';
import { appendClaimEvent } from './claim-events.js';
import { ClaimEvent } from './claim-event.entity.js';
import { Claim } from './claim.entity.js';
import type { ClaimFilter, ClaimSort, SubmitClaimInput } from './claim.inputs.js';

/** How each sort field orders the claims; relations are joined by MikroORM (a claim without a centre or decision sorts last ascending). */
const sortOrder: Record<ClaimSort['field'], (direction: 'asc' | 'desc') => QueryOrderMap<Claim>> = {
  NUMBER: (d) => ({ number: d }),
  SUBMITTED_AT: (d) => ({ createdAt: d }),
  STATUS: (d) => ({ status: d }),
  UPDATED_AT: (d) => ({ updatedAt: d }),
  FORM_TYPE: (d) => ({ formType: d }),
  DECISION: (d) => ({ decision: d }),
  IMEI: (d) => ({ device: { imei: d } }),
  MODEL: (d) => ({ model: { name: d } }),
  CUSTOMER: (d) => ({ customer: { name: d } }),
  SERVICE_CENTRE: (d) => ({ serviceCentre: { name: d } }),
  CI_NUMBER: (d) => ({ ciNumber: d }),
};

const populate = ['device', 'device.order', 'model', 'customer'] as const;

export class ClaimsService {
  constructor(
    private readonly devices: DevicesService,
    private readonly clock: Clock,
  ) {}

  /**
   * Files a claim for one unit (H2, H3). One transaction: the claim and its
   * SUBMITTED event. With an idempotency key, a retry of the same request
   * returns the claim it created; the same key with a different request is a
   * CONFLICT.
   */
  async submit(em: EntityManager, actor: Actor, input: SubmitClaimInput): Promise<Claim> {
    const form = validateSubmission(input);
    const requestHash = hashRequest(form);
    const device = await this.devices.findByImei(em, actor, form.imei, 'imei');
    if (device.replacedByImei) {
      throw new BadUserInputError('imei', `unit ${device.imei} was replaced by unit ${device.replacedByImei}, which carries its warranty (W4): file the claim for that unit.`);
    }
    const key = form.idempotencyKey;
    if (key) {
      const previous = await this.findByIdempotencyKey(em, device.customer.id, key, requestHash);
      if (previous) return previous;
    }
    try {
      const id = await em.transactional(async (tx) => {
        const claim = tx.create(Claim, {
          device,
          customer: device.customer,
          model: device.model,
          formType: form.formType,
          ciNumber: form.ciNumber,
          symptoms: form.symptoms,
          dataBackupAcknowledged: true,
          status: CLAIM_STATUSES[0],
          submittedOn: this.clock.today(),
          idempotencyKey: key ?? null,
          requestHash: key ? requestHash : null,
          submittedByUser: staffUserId(actor),
          submittedByApiKey: actor.kind === 'integrator' ? actor.apiKeyId : null,
        });
        appendClaimEvent(tx, claim, actor, 'SUBMITTED', {
          to: claim.status,
          data: { formType: form.formType, ciNumber: form.ciNumber, imei: form.imei },
        });
        await tx.flush();
        return claim.id;
      });
      return this.get(em, actor, String(id));
    } catch (error) {
      // Two retries raced: the other one created the claim; answer with it.
      if (key && error instanceof UniqueConstraintViolationException) {
        const winner = await this.findByIdempotencyKey(em.fork(), device.customer.id, key, requestHash);
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async findByIdempotencyKey(em: EntityManager, customerId: number, key: string, requestHash: string): Promise<Claim | null> {
    const previous = await em.findOne(Claim, { customer: customerId, idempotencyKey: key }, { populate: [...populate, 'requestHash'] });
    if (previous && previous.requestHash !== requestHash) {
      throw new ConflictError(`idempotencyKey "${key}" was already used for a different claim (${previous.number}).`, { field: 'idempotencyKey' });
    }
    return previous;
  }

  async get(em: EntityManager, actor: Actor, id: string): Promise<Claim> {
    const scope = customerScope(actor);
    const claim = await em.findOne(Claim, { id: parseId(id, 'id'), ...(scope !== undefined && { customer: scope }) }, { populate });
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  async list(em: EntityManager, actor: Actor, filter: ClaimFilter = {}, sort: ClaimSort | undefined, offset: number, limit: number): Promise<Page<Claim>> {
    const direction = sort?.direction === 'DESC' ? 'desc' : 'asc';
    const [items, total] = await em.findAndCount(Claim, this.whereOf(actor, filter), {
      populate,
      orderBy: sort ? [sortOrder[sort.field](direction), { id: direction }] : [{ id: 'desc' }],
      offset,
      limit,
    });
    return { items, total };
  }

  /** How many claims the filter matches in each status, whatever its own status filter: the work queue's chips. */
  async countByStatus(em: EntityManager, actor: Actor, filter: ClaimFilter = {}): Promise<{ status: ClaimStatus; count: number }[]> {
    const rows = await em
      .createQueryBuilder(Claim, 'c')
      .select(['c.status', raw('count(*)::int as count')])
      // The same filter object as the list's; the query builder's own filter type is narrower than FilterQuery.
      .where(this.whereOf(actor, { ...filter, status: undefined }) as object)
      .groupBy('c.status')
      .execute<{ status: ClaimStatus; count: number }[]>();
    const counts = new Map(rows.map((row) => [row.status, row.count]));
    return CLAIM_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  private whereOf(actor: Actor, filter: ClaimFilter): FilterQuery<Claim> {
    const where: Record<string, unknown> = {};
    if (filter.ids) where['id'] = { $in: parseIds(filter.ids, 'filter.ids') };
    if (filter.status?.length) where['status'] = { $in: filter.status };
    if (filter.decision?.length) where['decision'] = { $in: filter.decision };
    if (filter.modelId) where['model'] = parseId(filter.modelId, 'filter.modelId');
    if (filter.customerId) where['customer'] = parseId(filter.customerId, 'filter.customerId');
    if (filter.serviceCentreId) where['serviceCentre'] = parseId(filter.serviceCentreId, 'filter.serviceCentreId');
    if (filter.deviceId) where['device'] = parseId(filter.deviceId, 'filter.deviceId');
    const to = [filter.submittedTo, filter.olderThanDays !== undefined ? addDays(this.clock.today(), -filter.olderThanDays) : undefined].filter((d) => d !== undefined).sort()[0];
    if (filter.submittedFrom || to) {
      where['submittedOn'] = { ...(filter.submittedFrom && { $gte: filter.submittedFrom }), ...(to && { $lte: to }) };
    }
    const q = filter.q?.trim();
    if (q) {
      where['$or'] = [
        { number: { $ilike: likePattern(q) } },
        { ciNumber: { $ilike: likePattern(q) } },
        ...(/^\d+$/.test(q) ? [{ device: { imei: { $like: likePattern(q, true) } } }] : []),
      ];
    }
    const scope = customerScope(actor);
    if (scope !== undefined) where['customer'] = scope;
    return where as FilterQuery<Claim>;
  }

  events(em: EntityManager, claimId: number): Promise<ClaimEvent[]> {
    return em.find(ClaimEvent, { claim: claimId }, { orderBy: { id: 'asc' } });
  }
}

interface ClaimForm extends ClaimSubmission {
  idempotencyKey?: string;
}

/**
 * The form's rules (H2, H3) are the domain's; the API adds only what its
 * storage needs (lengths, the optional idempotency key).
 */
function validateSubmission(input: SubmitClaimInput): ClaimForm {
  const form = checkClaimSubmission(input);
  if (form.ciNumber.length > 64) throw new BadUserInputError('ciNumber', 'must be at most 64 characters.');
  if (form.symptoms.length > 4000) throw new BadUserInputError('symptoms', 'must be at most 4000 characters.');
  const idempotencyKey = input.idempotencyKey?.trim();
  if (idempotencyKey !== undefined && (!idempotencyKey || idempotencyKey.length > 128)) {
    throw new BadUserInputError('idempotencyKey', 'must be 1 to 128 characters.');
  }
  return { ...form, idempotencyKey };
}

const hashRequest = (form: ClaimForm): string =>
  createHash('sha256').update(JSON.stringify([form.imei, form.formType, form.ciNumber, form.symptoms])).digest('hex');
