import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphqlWsServer } from '../platform/graphql-ws.js';
import type { Logger } from '../platform/logger.js';
import { ClaimEventFeed, type FeedOptions } from './claim-event-feed.js';
import { ClaimEventLog } from './claim-event-log.js';
import { EventsResolver, eventsSubscriptionRoot } from './events.resolver.js';
import { EventsService } from './events.service.js';
import { closeRevokedKeyConnections } from './revoked-keys.js';

/**
 * Claim updates for integrators and the console, read from the claim event
 * log: `claimEvents` (polling) and `claimUpdates` (graphql-ws), fed by one
 * LISTEN connection per instance.
 */
export const eventsModule = {
  entities: [],
  log: () => new ClaimEventLog(),
  resolvers: (log: ClaimEventLog) => [new EventsResolver(new EventsService(log))],
  /** This instance's feed: start it before serving, close it after. */
  feed: (orm: MikroORM, databaseUrl: string, log: ClaimEventLog, logger: Logger, options?: FeedOptions) =>
    new ClaimEventFeed(orm, databaseUrl, log, logger, options),
  subscriptionRoot: eventsSubscriptionRoot,
  /** Ends a revoked API key's subscriptions on this instance. */
  enforceRevocations: (orm: MikroORM, feed: ClaimEventFeed, websocket: GraphqlWsServer, logger: Logger) =>
    closeRevokedKeyConnections(orm, feed, websocket, logger),
};
