import { createHash } from 'node:crypto';
import { addDays, CLAIM_STATUSES, checkClaimSubmission, type ClaimStatus, type ClaimSubmission } from '@aftersale/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type RawBuilder } from 'kysely';
import { customerScope, staffUserId, type Actor } from '../platform/actor.js';
import type { DevicesService } from '../devices/devices.service.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { groupedBy } from '../platform/loaders.js';
import { decodeCursor, encodeCursor, SortDirection, type Connection } from '../platform/pagination.js';
import { rowsOf } from '../platform/prepared-statements.js';
import {
  countClaims,
  epochMs,
  eventOf,
  readClaims,
  type ClaimEventRow,
  type ClaimEventView,
  type ClaimIncludes,
  type ClaimView,
  type SortRelation,
} from './claim-reads.js';
import { appendClaimEvent } from './claim-events.js';
import { Claim } from './claim.entity.js';
import type { ClaimFilter, ClaimSort, SubmitClaimInput } from './claim.inputs.js';

/**
 * What each sort field orders by. A related name is the joined row's
 * (`orderJoin`), so that an index on it can serve the order. No decision or
 * centre yet reads as '' (first ascending), so cursors compare no NULL.
 */
const sortColumns: Record<ClaimSort['field'], { column: RawBuilder<unknown>; join?: SortRelation }> = {
  NUMBER: { column: sql`c.number` },
  SUBMITTED_AT: { column: sql`c.created_at` },
  STATUS: { column: sql`c.status` },
  UPDATED_AT: { column: sql`c.updated_at` },
  FORM_TYPE: { column: sql`c.form_type` },
  DECISION: { column: sql`coalesce(c.decision, '')` },
  CI_NUMBER: { column: sql`c.ci_number` },
  IMEI: { column: sql`d.imei`, join: 'device' },
  MODEL: { column: sql`m.name`, join: 'model' },
  CUSTOMER: { column: sql`cu.name`, join: 'customer' },
  SERVICE_CENTRE: { column: sql`coalesce(sc.name, '')`, join: 'serviceCentre' },
};
/** The SQL type of each sort column, to read a cursor's value back. */
const sortTypes = {
  NUMBER: sql`text`,
  SUBMITTED_AT: sql`timestamptz`,
  STATUS: sql`text`,
  UPDATED_AT: sql`timestamptz`,
  FORM_TYPE: sql`text`,
  DECISION: sql`text`,
  CI_NUMBER: sql`text`,
  IMEI: sql`text`,
  MODEL: sql`text`,
  CUSTOMER: sql`text`,
  SERVICE_CENTRE: sql`text`,
} as const;

const populate = ['device', 'device.order', 'model', 'customer'] as const;

/** A search `q` that matches the start of an IMEI: digits, at least a model's type allocation code (8). */
const IMEI_SEARCH = /^\d{8,15}$/;

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
      throw new BadUserInputError(
        'imei',
        `unit ${device.imei} was replaced by unit ${device.replacedByImei}, which carries its warranty (W4): file the claim for that unit.`,
      );
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

  /** One claim for a query, with the relations it selects, in one statement (the read path: plain objects). */
  async read(em: EntityManager, id: string, actor: Actor, includes: ClaimIncludes): Promise<ClaimView> {
    const where = [sql`c.id = ${parseId(id, 'id')}`, ...this.scopeOf(actor)];
    const [claim] = await readClaims(em, includes, { where, limit: 1, prepare: true });
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  /**
   * A page of claims: one statement for the rows (joining only `includes`),
   * and a count of the filtered claim table alone only when `withTotal`.
   */
  async list(
    em: EntityManager,
    actor: Actor,
    filter: ClaimFilter = {},
    sort: ClaimSort | undefined,
    page: { offset: number; limit: number; withTotal: boolean; includes: ClaimIncludes },
  ): Promise<{ items: ClaimView[]; total?: number }> {
    const where = this.whereOf(actor, filter);
    const direction = sort?.direction === SortDirection.DESC ? sql`desc` : sql`asc`;
    const order = sort ? sortColumns[sort.field] : undefined;
    const orderBy = order ? sql`${order.column} ${direction}, c.id ${direction}` : sql`c.id desc`;
    // Newest first (the default order), a search need only bring the newest matches of each kind it unites.
    const pageWhere = sort ? where : this.whereOf(actor, filter, { newest: page.offset + page.limit });
    const prepare = walksOneIndex(actor, filter, sort);
    const [items, total] = await Promise.all([
      readClaims(em, page.includes, { where: pageWhere, orderBy, orderJoin: order?.join, limit: page.limit, offset: page.offset, prepare }),
      page.withTotal ? countClaims(em, where, prepare) : undefined,
    ]);
    return { items, total };
  }

  /**
   * Claims after a cursor (keyset paging on the sort column and the id): a
   * page deep in the list costs what the first one does.
   */
  async connection(
    em: EntityManager,
    actor: Actor,
    filter: ClaimFilter = {},
    sort: ClaimSort | undefined,
    page: { first: number; after?: string; withTotal: boolean; includes: ClaimIncludes },
  ): Promise<Connection<ClaimView>> {
    const where = this.whereOf(actor, filter);
    const descending = sort ? sort.direction === SortDirection.DESC : true;
    const order = sort ? sortColumns[sort.field] : { column: sql`c.id` };
    const column = order.column;
    const direction = descending ? sql`desc` : sql`asc`;
    const after: RawBuilder<unknown>[] = [];
    if (page.after) {
      const [key, id] = decodeCursor(page.after);
      const type = sort ? sortTypes[sort.field] : sql`int`;
      after.push(descending ? sql`(${column}, c.id) < (cast(${key} as ${type}), ${id})` : sql`(${column}, c.id) > (cast(${key} as ${type}), ${id})`);
    }
    // Newest first (the default order), a search need only bring the newest matches after the cursor of each kind it unites.
    const keyed = sort ? [...where, ...after] : this.whereOf(actor, filter, { newest: page.first + 1, also: after });
    const [rows, total] = await Promise.all([
      readClaims(em, page.includes, {
        where: keyed,
        orderBy: sql`${column} ${direction}, c.id ${direction}`,
        orderJoin: order.join,
        limit: page.first + 1,
        sortKey: column,
      }),
      page.withTotal ? countClaims(em, where) : undefined,
    ]);
    const items = rows.slice(0, page.first);
    const edges = items.map((node) => ({ cursor: encodeCursor(node.sortKey!, node.id), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  /** How many claims the filter matches in each status, whatever its own status filter: the work queue's chips. */
  async countByStatus(em: EntityManager, actor: Actor, filter: ClaimFilter = {}): Promise<{ status: ClaimStatus; count: number }[]> {
    const where = this.whereOf(actor, { ...filter, status: undefined });
    const rows = await rowsOf(
      em,
      sql<{ status: ClaimStatus; count: number }>`select c.status, count(*)::int as count from claim c
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``} group by c.status`,
      where.length === 0,
    );
    const counts = new Map(rows.map((row) => [row.status, row.count]));
    return CLAIM_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /**
   * The filter as SQL conditions on `claim c`; only the search reaches
   * another table (in its own subqueries). For a page in the default order
   * (newest first), `newest` is how many claims the page reads from the top,
   * and `also` its cursor's condition.
   */
  private whereOf(actor: Actor, filter: ClaimFilter, page?: { newest: number; also?: RawBuilder<unknown>[] }): RawBuilder<unknown>[] {
    const where: RawBuilder<unknown>[] = [];
    if (filter.ids) where.push(sql`c.id = any(${parseIds(filter.ids, 'filter.ids')}::int[])`);
    // One status as an equality: the planner then walks (status, …) indexes in order.
    if (filter.status?.length === 1) where.push(sql`c.status = ${filter.status[0]}`);
    else if (filter.status?.length) where.push(sql`c.status = any(${filter.status}::text[])`);
    if (filter.decision?.length) where.push(sql`c.decision = any(${filter.decision}::text[])`);
    if (filter.modelId) where.push(sql`c.model_id = ${parseId(filter.modelId, 'filter.modelId')}`);
    if (filter.customerId) where.push(sql`c.customer_id = ${parseId(filter.customerId, 'filter.customerId')}`);
    if (filter.serviceCentreId) where.push(sql`c.service_centre_id = ${parseId(filter.serviceCentreId, 'filter.serviceCentreId')}`);
    if (filter.deviceId) where.push(sql`c.device_id = ${parseId(filter.deviceId, 'filter.deviceId')}`);
    const to = [filter.submittedTo, filter.olderThanDays !== undefined ? addDays(this.clock.today(), -filter.olderThanDays) : undefined]
      .filter((d) => d !== undefined)
      .sort()[0];
    if (filter.submittedFrom) where.push(sql`c.submitted_on >= ${filter.submittedFrom}::date`);
    if (to) where.push(sql`c.submitted_on <= ${to}::date`);
    where.push(...this.scopeOf(actor), ...(page?.also ?? []));
    const q = filter.q?.trim();
    return q ? [...where, searchCondition(q, where, page?.newest)] : where;
  }

  private scopeOf(actor: Actor): RawBuilder<unknown>[] {
    const scope = customerScope(actor);
    return scope === undefined ? [] : [sql`c.customer_id = ${scope}`];
  }

  /** The event logs of many claims, oldest first: one statement for a whole list. */
  async eventsOf(em: EntityManager, claimIds: readonly number[]): Promise<ClaimEventView[][]> {
    const rows = await rowsOf(
      em,
      sql<ClaimEventRow>`select id, claim_id, type, from_status, to_status, actor_label, data, ${epochMs('created_at')} as created_at
      from claim_event where claim_id = any(${[...claimIds]}::int[]) order by id`,
      true,
    );
    return groupedBy(claimIds, rows.map(eventOf), (e) => e.claimId);
  }
}

/**
 * Whether a page's best plan walks one index whatever the values it is
 * given, so that it may run prepared (`rowsOf`: planned once per connection,
 * not each time): no condition at all, or one status newest first (status, id)
 * or by submission time (status, created_at, id), the work queue. With any
 * other filter the plan depends on the values (how many claims a model, a
 * period or a search matches): planned each time.
 */
function walksOneIndex(actor: Actor, filter: ClaimFilter, sort: ClaimSort | undefined): boolean {
  if (customerScope(actor) !== undefined) return false;
  const { status, ...others } = filter;
  if (Object.values(others).some((value) => value !== undefined && value !== null)) return false;
  if (!status?.length) return true;
  return status.length === 1 && (sort === undefined || sort.field === 'SUBMITTED_AT');
}

/**
 * What `q` matches: the claim number or the CI number anywhere (trigram
 * indexes), and for 8 to 15 digits, the start of the unit's IMEI (a prefix
 * range on its index). One indexed lookup per kind, united (an OR across them would
 * scan the table), each with the rest of the filter (`others`, on `claim c`).
 * With `newest`, each lookup brings only its newest that many claims: what
 * a page newest first can show of their union.
 */
function searchCondition(q: string, others: RawBuilder<unknown>[], newest: number | undefined): RawBuilder<unknown> {
  const contains = likePattern(q);
  const digits = /^\d+$/.test(q) ? q.length : 0;
  const lookup = (from: RawBuilder<unknown>, match: RawBuilder<unknown>) =>
    sql`(select c.id from ${from} where ${sql.join([match, ...others], sql` and `)}${newest === undefined ? sql`` : sql` order by c.id desc limit ${sql.lit(newest)}`})`;
  const lookups = [lookup(sql`claim c`, sql`c.ci_number ilike ${contains}`)];
  // Claim numbers are CL- and claim_number_seq's value, at least 7 digits: a longer run of digits can be in one only once
  // the sequence has reached as many digits (a bigint has at most 19), and the trigram lookup of a long run of digits,
  // each three of them in thousands of numbers, is the costliest of the three.
  if (digits <= 7) lookups.push(lookup(sql`claim c`, sql`c.number ilike ${contains}`));
  else if (digits <= 19) {
    lookups.push(
      lookup(sql`claim c`, sql`c.number ilike ${contains} and (select last_value from claim_number_seq) >= ${sql.lit(`1${'0'.repeat(digits - 1)}`)}::bigint`),
    );
  }
  // The IMEI from a model's code (its first 8 digits, the TAC) on: a shorter prefix is every unit of whole model ranges
  // (every IMEI here starts with 3539), which made a one-digit search read every claim.
  if (IMEI_SEARCH.test(q)) {
    const units = sql`dv.imei like ${likePattern(q, true)}`;
    lookups.push(
      // 11 digits or more leave at most 1 000 units (an IMEI is the TAC, a 6-digit serial and a check digit): their ids
      // as an array, the claims of all of them are one walk of the claim_device index (123 pages read on the million
      // where a probe per unit read 3 119). A shorter prefix is up to a million units: joined, the planner may walk the
      // claims newest first instead and stop at the page's end.
      q.length >= 11
        ? lookup(sql`claim c`, sql`c.device_id = any(array(select dv.id from device dv where ${units}))`)
        : lookup(sql`device dv join claim c on c.device_id = dv.id`, units),
    );
  }
  const union = sql.join(lookups, sql` union all `);
  // A few newest ids: as an array (the union runs once, then the claims are read by primary key) the page takes 10-20 %
  // less of PostgreSQL's time than as `in (…)`, a semi-join the planner weighs every way round. Many ids (a count, a
  // deep offset) stay a semi-join: an array of them would be probed one by one.
  return newest !== undefined && newest <= FEW_IDS ? sql`c.id = any(array(${union}))` : sql`c.id in (${union})`;
}

/** Up to this many newest ids per lookup (a page's offset and limit) a search's union is read as an array. */
const FEW_IDS = 1500;

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
  createHash('sha256')
    .update(JSON.stringify([form.imei, form.formType, form.ciNumber, form.symptoms]))
    .digest('hex');
