import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import type { WebhookEndpoint } from './webhook-endpoint.entity.js';
import type { WebhookDeliveryRow, WebhooksService } from './webhooks.service.js';
import { CreatedWebhookEndpoint, CreateWebhookEndpointInput, WebhookDeliveryType, WebhookEndpointType } from './webhooks.types.js';

const MANAGERS = ['ADMIN', 'INTEGRATOR'] as const;

const deliveryOf = (row: WebhookDeliveryRow): WebhookDeliveryType => ({
  id: String(row.id),
  deliveryId: row.delivery_id,
  claimId: String(row.claim_id),
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: new Date(row.next_attempt_at),
  lastAttemptAt: row.last_attempt_at && new Date(row.last_attempt_at),
  lastStatusCode: row.last_status_code,
  lastLatencyMs: row.last_latency_ms,
  lastError: row.last_error,
  deliveredAt: row.delivered_at && new Date(row.delivered_at),
  createdAt: new Date(row.created_at),
});

@Resolver(() => WebhookEndpointType)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Authorized(...MANAGERS)
  @Query(() => [WebhookEndpointType], { description: "A customer's webhook endpoints (an API key: its own customer's)." })
  webhookEndpoints(@Arg('customerId', () => ID, { nullable: true }) customerId: string | undefined, @Ctx() ctx: Context): Promise<WebhookEndpoint[]> {
    return this.webhooks.list(ctx.em, actorOf(ctx), customerId);
  }

  @Authorized(...MANAGERS)
  @Query(() => [WebhookDeliveryType], { description: "An endpoint's delivery log, newest first." })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryType[]> {
    return (await this.webhooks.deliveries(ctx.em, actorOf(ctx), endpointId, limit)).map(deliveryOf);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => CreatedWebhookEndpoint, { description: 'Registers an endpoint; the answer holds its secret, shown once.' })
  createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: Context) {
    return this.webhooks.create(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => WebhookEndpointType, { description: 'Sends again, including deliveries that waited while it was failing.' })
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.webhooks.setEnabled(ctx.em, actorOf(ctx), id, true);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => WebhookEndpointType, { description: 'Stops sending; events still queue up for it.' })
  disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.webhooks.setEnabled(ctx.em, actorOf(ctx), id, false);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => CreatedWebhookEndpoint, { description: 'A new secret, shown once; the old one stops signing at once.' })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.webhooks.rotateSecret(ctx.em, actorOf(ctx), id);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => WebhookDeliveryType, { description: 'Sends one delivery again, with the same Aftersale-Delivery id.' })
  async redeliverWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookDeliveryType> {
    return deliveryOf(await this.webhooks.redeliver(ctx.em, actorOf(ctx), id));
  }
}
