import { STAFF_ROLES } from '@aftersale/domain';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { WsCloseCode } from '../platform/graphql-ws.js';
import type { ClaimEventFeed } from './claim-event-feed.js';
import type { ClaimEventLog, ClaimUpdate } from './claim-event-log.js';
import { claimUpdateFor, type EventsService, subscribeToClaimUpdates } from './events.service.js';
import { ClaimUpdateConnection, ClaimUpdateType } from './events.types.js';

interface ClaimUpdatesArgs {
  after?: string | null;
  claimId?: string | null;
  customerId?: string | null;
}

/** The root value of subscription operations (see app.ts): type-graphql's `subscribe` gets no resolver instance. */
export interface EventsSubscriptionRoot {
  claimUpdates(args: ClaimUpdatesArgs, ctx: Context): Promise<AsyncIterable<ClaimUpdate>>;
}

export function eventsSubscriptionRoot(log: ClaimEventLog, feed: ClaimEventFeed): EventsSubscriptionRoot {
  return {
    claimUpdates: (args, ctx) =>
      // A short-lived EntityManager of its own: an idle subscription keeps none.
      subscribeToClaimUpdates(log, feed, feed.entityManager(), actorOf(ctx), args, () =>
        ctx.connection?.close(WsCloseCode.SlowConsumer, 'Slow consumer: resubscribe with the last cursor you received'),
      ),
  };
}

const READERS = [...STAFF_ROLES, 'INTEGRATOR'] as const;

@Resolver(() => ClaimUpdateType)
export class EventsResolver {
  constructor(private readonly events: EventsService) {}

  @Authorized(...READERS)
  @Subscription(() => ClaimUpdateType, {
    description:
      "Every event of the caller's claims (an API key: its customer's; staff: all, or one claim) in commit order. " +
      'With `after`, first every event after that cursor, then live: no gap, no duplicate.',
    subscribe: ({ source, args, context }) => (source as EventsSubscriptionRoot).claimUpdates(args as ClaimUpdatesArgs, context as Context),
  })
  claimUpdates(
    @Root() update: ClaimUpdate,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor.' }) _after: string | undefined,
    @Arg('claimId', () => ID, { nullable: true, description: 'Only this claim.' }) _claimId: string | undefined,
    @Arg('customerId', () => ID, { nullable: true, description: "Staff: only this customer's claims (an API key always sees its own customer's only)." })
    _customerId: string | undefined,
    @Ctx() ctx: Context,
  ): ClaimUpdateType {
    return claimUpdateFor(update, actorOf(ctx));
  }

  @Authorized(...READERS)
  @Query(() => ClaimUpdateConnection, { description: 'The same stream as `claimUpdates`, a page at a time, for clients that poll.' })
  claimEvents(
    @Arg('after', () => String, { nullable: true, description: 'Events after this cursor; from the start of the log without it.' }) after: string | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many (default 50, at most 500).' }) first: number | undefined,
    @Arg('claimId', () => ID, { nullable: true, description: 'Only this claim.' }) claimId: string | undefined,
    @Arg('customerId', () => ID, { nullable: true, description: "Staff: only this customer's claims." }) customerId: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<ClaimUpdateConnection> {
    return this.events.page(ctx.em, actorOf(ctx), { after, first, claimId, customerId });
  }
}
