import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../platform/actor.js';
import { BadUserInputError } from '../platform/errors.js';
import type { ClaimEventFeed } from './claim-event-feed.js';
import type { ClaimEventLog, ClaimUpdate } from './claim-event-log.js';
import { decodeCursor } from './cursor.js';
import type { ClaimUpdateConnection, ClaimUpdateType } from './events.types.js';

/** What the viewer may read of an event: integrators do not see staff members' identities. */
export function claimUpdateFor(update: ClaimUpdate, viewer: Actor): ClaimUpdateType {
  const { event } = update;
  return {
    cursor: update.cursor,
    claim: update.claim,
    event: {
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: viewer.kind === 'integrator' && event.byStaff ? 'staff' : event.actorLabel,
      at: event.at,
    },
  };
}

export const MAX_PAGE = 500;

/**
 * The caller's events after `after` (or from now), then live, through this
 * instance's feed; `onSlow` when the subscriber fell too far behind.
 */
export async function subscribeToClaimUpdates(
  log: ClaimEventLog,
  feed: ClaimEventFeed,
  em: EntityManager,
  actor: Actor,
  args: { after?: string | null; claimId?: string | null; customerId?: string | null },
  onSlow: (message: string) => void,
): Promise<AsyncIterable<ClaimUpdate>> {
  const after = args.after ? decodeCursor(args.after, 'after') : undefined;
  const scope = await log.scopeOf(em, actor, args.claimId, args.customerId);
  return feed.open(scope, after, (error) => onSlow(error.message));
}

/** Claim updates a page at a time, for clients that poll. */
export class EventsService {
  constructor(private readonly log: ClaimEventLog) {}

  /** A page of the caller's events after `after` (from the start of the log without it). */
  async page(
    em: EntityManager,
    actor: Actor,
    args: { after?: string | null; first?: number | null; claimId?: string | null; customerId?: string | null },
  ): Promise<ClaimUpdateConnection> {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE}.`);
    const after = args.after ? decodeCursor(args.after, 'after') : 0n;
    const scope = await this.log.scopeOf(em, actor, args.claimId, args.customerId);
    // Events are numbered just after their commit: number what is committed, so a poll sees its own writes.
    await this.log.sequence(em);
    const { updates } = await this.log.after(em, after, first + 1, scope);
    const page = updates.slice(0, first);
    return {
      edges: page.map((update) => ({ cursor: update.cursor, node: claimUpdateFor(update, actor) })),
      pageInfo: { hasNextPage: updates.length > first, endCursor: page.at(-1)?.cursor ?? args.after ?? null },
    };
  }
}
