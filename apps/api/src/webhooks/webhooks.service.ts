import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScope, staffUserId, type Actor } from '../platform/actor.js';
import { Customer } from '../catalogue/customer.entity.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError, NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { newWebhookSecret } from './webhook-signature.js';
import { checkWebhookUrl } from './webhook-url.js';

export interface WebhookSettings {
  /** Local use and tests: accept http://127.0.0.1 and http://localhost endpoints. */
  allowLocalHttp: boolean;
}

/** One row of an endpoint's delivery log. */
export interface WebhookDeliveryRow {
  id: string;
  delivery_id: string;
  claim_id: number;
  event_type: string;
  position: string;
  status: 'PENDING' | 'SENDING' | 'SUCCEEDED' | 'FAILED';
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const EVENT_TYPE = /^[A-Z][A-Z_]{0,63}$/;

/**
 * A customer's webhook endpoints, managed by administrators for any customer
 * and by an integrator's API key for its own customer only.
 */
export class WebhooksService {
  constructor(
    private readonly settings: WebhookSettings,
    private readonly clock: Clock,
  ) {}

  async list(em: EntityManager, actor: Actor, customerId: string | undefined): Promise<WebhookEndpoint[]> {
    const customer = this.customerOf(actor, customerId);
    return em.find(WebhookEndpoint, { customer }, { orderBy: { id: 'asc' }, populate: ['customer'] });
  }

  /** Registers an endpoint; its secret is in this answer only (and in `rotateWebhookSecret`'s). */
  async create(
    em: EntityManager,
    actor: Actor,
    input: { customerId?: string | null; url: string; eventTypes?: string[] | null },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const customerId = this.customerOf(actor, input.customerId ?? undefined);
    const customer = await em.findOne(Customer, customerId);
    if (!customer) throw new NotFoundError('Customer', customerId);
    const url = await checkWebhookUrl(input.url, this.settings.allowLocalHttp);
    const eventTypes = checkEventTypes(input.eventTypes ?? []);
    const secret = newWebhookSecret();
    const endpoint = em.create(WebhookEndpoint, {
      customer,
      url,
      eventTypes,
      secret,
      enabled: true,
      failingSince: null,
      createdByUser: staffUserId(actor),
      createdByApiKey: actor.kind === 'integrator' ? actor.apiKeyId : null,
    });
    await em.flush();
    return { endpoint, secret };
  }

  /** Enabling also clears "failing": its waiting deliveries go out again, in order. */
  async setEnabled(em: EntityManager, actor: Actor, id: string, enabled: boolean): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoint(em, actor, id);
    endpoint.enabled = enabled;
    if (enabled) endpoint.failingSince = null;
    await em.flush();
    return endpoint;
  }

  /** A new secret at once; the old one stops signing. */
  async rotateSecret(em: EntityManager, actor: Actor, id: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const endpoint = await this.endpoint(em, actor, id);
    const secret = newWebhookSecret();
    endpoint.secret = secret;
    await em.flush();
    return { endpoint, secret };
  }

  async deliveries(em: EntityManager, actor: Actor, endpointId: string, limit: number): Promise<WebhookDeliveryRow[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new BadUserInputError('limit', 'must be between 1 and 200.');
    const endpoint = await this.endpoint(em, actor, endpointId);
    return em.getConnection().execute<WebhookDeliveryRow[]>(
      `select id, delivery_id, claim_id, event_type, position, status, attempts, next_attempt_at, last_attempt_at,
              last_status_code, last_latency_ms, last_error, delivered_at, created_at
         from webhook_delivery where endpoint_id = ? order by id desc limit ?`,
      [endpoint.id, limit],
    );
  }

  /** Sends a delivery again (same `Aftersale-Delivery` id), as soon as the ones before it for its claim are done. */
  async redeliver(em: EntityManager, actor: Actor, id: string): Promise<WebhookDeliveryRow> {
    const deliveryId = parseId(id, 'id');
    const [row] = await em.getConnection().execute<{ endpoint_id: number }[]>('select endpoint_id from webhook_delivery where id = ?', [deliveryId]);
    if (!row) throw new NotFoundError('Webhook delivery', id);
    await this.endpoint(em, actor, String(row.endpoint_id));
    const [updated] = await em.getConnection().execute<WebhookDeliveryRow[]>(
      `update webhook_delivery set status = 'PENDING', next_attempt_at = ?, lease_until = null
        where id = ? and status <> 'SENDING'
        returning id, delivery_id, claim_id, event_type, position, status, attempts, next_attempt_at, last_attempt_at,
                  last_status_code, last_latency_ms, last_error, delivered_at, created_at`,
      [this.clock.now(), deliveryId],
    );
    if (!updated) throw new BadUserInputError('id', 'this delivery is being sent right now.');
    return updated;
  }

  private async endpoint(em: EntityManager, actor: Actor, id: string): Promise<WebhookEndpoint> {
    const scope = customerScope(actor);
    const endpoint = await em.findOne(
      WebhookEndpoint,
      { id: parseId(id, 'id'), ...(scope !== undefined && { customer: scope }) },
      { populate: ['customer', 'secret'] },
    );
    if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
    return endpoint;
  }

  /** An integrator manages its own customer's endpoints; an administrator names the customer. */
  private customerOf(actor: Actor, customerId: string | undefined): number {
    const scope = customerScope(actor);
    if (scope !== undefined) {
      if (customerId !== undefined && parseId(customerId, 'customerId') !== scope) throw new NotFoundError('Customer', customerId);
      return scope;
    }
    if (customerId === undefined) throw new BadUserInputError('customerId', 'is required.');
    return parseId(customerId, 'customerId');
  }
}

function checkEventTypes(types: string[]): string[] {
  if (types.length > 50) throw new BadUserInputError('eventTypes', 'at most 50.');
  for (const type of types) {
    if (!EVENT_TYPE.test(type)) throw new BadUserInputError('eventTypes', `"${type.slice(0, 64)}" is not an event type (e.g. SUBMITTED, REQUEST_UNIT).`);
  }
  return [...new Set(types)];
}
