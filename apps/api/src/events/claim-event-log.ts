import type { ClaimStatus } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScope, type Actor } from '../platform/actor.js';
import { Claim } from '../claims/claim.entity.js';
import { NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { encodeCursor } from './cursor.js';

/** Which events a reader may see: one customer's (an API key), one claim's, or all (staff). */
export interface EventScope {
  customerId?: number;
  claimId?: number;
}

/** One event of the log as delivered: where it stands in commit order, what happened, and the claim now. */
export interface ClaimUpdate {
  cursor: string;
  position: bigint;
  customerId: number;
  claimId: number;
  event: LoggedEvent;
  claim: Claim;
}

export interface LoggedEvent {
  id: number;
  type: string;
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  actorLabel: string;
  byStaff: boolean;
  at: Date;
}

interface EventRow {
  id: string;
  position: string;
  claim_id: number;
  customer_id: number;
  type: string;
  from_status: ClaimStatus | null;
  to_status: ClaimStatus | null;
  actor_label: string;
  by_staff: boolean;
  created_at: Date;
}

const populate = ['device', 'device.order', 'model', 'customer'] as const;

export const inScope = (scope: EventScope, update: { customerId: number; claimId: number }): boolean =>
  (scope.customerId === undefined || scope.customerId === update.customerId) && (scope.claimId === undefined || scope.claimId === update.claimId);

/**
 * Reads the claim event log in commit order (`position`, numbered after each
 * writing transaction commits: migration 0013). Every reader, live or
 * catching up, goes through here.
 */
export class ClaimEventLog {
  /** The numbering under way, and the one asked for while it runs (which must see commits it may have missed). */
  #numbering: Promise<bigint> | undefined;
  #nextNumbering: Promise<bigint> | undefined;

  /**
   * Numbers every event committed before the call (`claim_event_sequence()`,
   * migration 0013) and resolves with the newest position. Callers at the
   * same moment share one numbering: at most one runs per instance, and one
   * more waits behind it for everyone who asked meanwhile.
   */
  sequence(em: EntityManager): Promise<bigint> {
    if (!this.#numbering) return this.#number(em);
    this.#nextNumbering ??= this.#numbering
      .catch(() => undefined)
      .then(() => {
        this.#nextNumbering = undefined;
        return this.#number(em);
      });
    return this.#nextNumbering;
  }

  #number(em: EntityManager): Promise<bigint> {
    const numbering = em
      .getConnection()
      .execute<{ position: string }[]>('select claim_event_sequence()::text as position')
      .then(([row]) => BigInt(row!.position))
      .finally(() => {
        if (this.#numbering === numbering) this.#numbering = undefined;
      });
    this.#numbering = numbering;
    return numbering;
  }

  /**
   * The scope an actor reads: an API key its customer only, staff everything
   * or one customer; `claimId` narrows to one claim it may see.
   */
  async scopeOf(em: EntityManager, actor: Actor, claimId: string | undefined | null, customerId?: string | null): Promise<EventScope> {
    const own = customerScope(actor);
    const asked = customerId === undefined || customerId === null ? undefined : parseId(customerId, 'customerId');
    if (own !== undefined && asked !== undefined && asked !== own) throw new NotFoundError('Customer', customerId!);
    const scopeCustomer = own ?? asked;
    if (claimId === undefined || claimId === null) return { customerId: scopeCustomer };
    const id = parseId(claimId, 'claimId');
    const claim = await em.findOne(Claim, { id, ...(scopeCustomer !== undefined && { customer: scopeCustomer }) }, { fields: ['id'] });
    if (!claim) throw new NotFoundError('Claim', claimId);
    return { customerId: scopeCustomer, claimId: id };
  }

  /**
   * Where the log stands now, in one snapshot: the newest position, and the
   * ids of committed events not numbered yet (they will be numbered after
   * it). A subscription "from now" starts there and leaves those out.
   */
  async now(em: EntityManager): Promise<{ position: bigint; unnumbered: number[] }> {
    const [row] = await em.getConnection().execute<{ position: string; unnumbered: string[] | null }[]>(
      `select (select coalesce(max(position), 0) from claim_event) as position,
                (select array_agg(id) from claim_event where position is null) as unnumbered`,
    );
    return { position: BigInt(row!.position), unnumbered: (row!.unnumbered ?? []).map(Number) };
  }

  /** The newest committed position (0 for an empty log). */
  async latestPosition(em: EntityManager): Promise<bigint> {
    const [row] = await em.getConnection().execute<{ position: string }[]>('select coalesce(max(position), 0) as position from claim_event');
    return BigInt(row!.position);
  }

  /**
   * Up to `limit` events of the scope after `position`, oldest first, with
   * `horizon`: the newest position committed when they were read (one
   * statement, one snapshot), so a reader that got fewer than `limit` has
   * seen everything of its scope up to `horizon`.
   */
  async after(em: EntityManager, position: bigint, limit: number, scope: EventScope = {}): Promise<{ updates: ClaimUpdate[]; horizon: bigint }> {
    const conditions = ['position > ?'];
    const params: unknown[] = [position.toString()];
    if (scope.customerId !== undefined) {
      conditions.push('customer_id = ?');
      params.push(scope.customerId);
    }
    if (scope.claimId !== undefined) {
      conditions.push('claim_id = ?');
      params.push(scope.claimId);
    }
    const [result] = await em.getConnection().execute<{ horizon: string; events: EventRow[] }[]>(
      `select (select coalesce(max(position), 0) from claim_event) as horizon,
              coalesce((select json_agg(page order by page.position) from (
                select id, position, claim_id, customer_id, type, from_status, to_status, actor_label,
                       actor_user_id is not null as by_staff, created_at
                  from claim_event where ${conditions.join(' and ')} order by position limit ${Math.trunc(limit)}
              ) page), '[]') as events`,
      params,
    );
    const rows = result!.events;
    return { updates: await this.withClaims(em, rows), horizon: BigInt(result!.horizon) };
  }

  /** Attaches each event's claim as it stands now: one query for the page. */
  private async withClaims(em: EntityManager, rows: EventRow[]): Promise<ClaimUpdate[]> {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((row) => row.claim_id))];
    const claims = new Map((await em.find(Claim, { id: { $in: ids } }, { populate })).map((claim) => [claim.id, claim]));
    return rows.map((row) => {
      const position = BigInt(row.position);
      return {
        cursor: encodeCursor(position),
        position,
        customerId: row.customer_id,
        claimId: row.claim_id,
        claim: claims.get(row.claim_id)!,
        event: {
          id: Number(row.id),
          type: row.type,
          fromStatus: row.from_status,
          toStatus: row.to_status,
          actorLabel: row.actor_label,
          byStaff: row.by_staff,
          at: new Date(row.created_at),
        },
      };
    });
  }
}
