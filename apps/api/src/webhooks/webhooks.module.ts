import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { WebhookDispatcher, type DispatcherOptions } from './webhook-dispatcher.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhooksResolver } from './webhooks.resolver.js';
import { type WebhookSettings, WebhooksService } from './webhooks.service.js';

/** Customers' webhook endpoints and the delivery of claim events to them. */
export const webhooksModule = {
  entities: [WebhookEndpoint],
  resolvers: (settings: WebhookSettings, clock: Clock) => [new WebhooksResolver(new WebhooksService(settings, clock))],
  /** This instance's share of the sending: start it with the server, close it before the database. */
  dispatcher: (orm: MikroORM, clock: Clock, log: Logger, options: DispatcherOptions) => new WebhookDispatcher(orm, clock, log, options),
};
