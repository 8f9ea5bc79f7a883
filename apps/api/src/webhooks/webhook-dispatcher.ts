import http from 'node:http';
import https from 'node:https';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { RETRY, retryDelayMs } from './retry-schedule.js';
import { signatureHeader } from './webhook-signature.js';
import { publicOnlyLookup } from './webhook-url.js';

export interface DispatcherOptions {
  allowLocalHttp: boolean;
  /** How long one request may take before it counts as failed. */
  timeoutMs: number;
  /** Requests in flight to one endpoint at most (per instance). */
  perEndpoint: number;
  /** Requests in flight from this instance at most. */
  maxInFlight: number;
  /** How often the queue is looked at (real milliseconds). */
  pollMs: number;
}

interface ClaimedDelivery {
  id: string;
  delivery_id: string;
  endpoint_id: number;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

const FAN_OUT_BATCH = 500;

/** An array parameter as PostgreSQL's literal: the ORM would spread a JS array into a list. */
const pgArray = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;

/**
 * Webhook delivery, from the claim event log to customers' endpoints.
 *
 * Fan-out: the one row of `webhook_feed` says how far the log has been turned
 * into deliveries; an instance locks it (SKIP LOCKED: one at a time), inserts
 * one `webhook_delivery` per matching endpoint for the next events in commit
 * order, and moves it on, in one transaction.
 *
 * Sending: due deliveries are claimed with `FOR UPDATE SKIP LOCKED` (several
 * instances share the work), marked SENDING with a lease in database time (a
 * crashed instance's claims come back when it runs out), and sent outside any
 * transaction. A delivery waits while an earlier one of the same endpoint and
 * claim is not done, so each endpoint sees a claim's events in order. Each
 * endpoint has its own few slots and every request a timeout: a slow or dead
 * endpoint holds only its own slots, never another endpoint's deliveries.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private closed = false;
  private readonly inFlight = new Map<number, number>();
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.sending]);
  }

  /** One round: fan new events out into deliveries, then start what is due. */
  async tick(): Promise<void> {
    if (this.ticking || this.closed) return;
    this.ticking = true;
    try {
      while ((await this.fanOut()) === FAN_OUT_BATCH && !this.closed);
      for (const delivery of await this.claimDue()) this.launch(delivery);
    } catch (error) {
      this.log.warn({ err: error }, 'webhook dispatch failed; retrying');
    } finally {
      this.ticking = false;
    }
  }

  private async fanOut(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const [feed] = await conn.execute<{ position: string }[]>(
        'select position from webhook_feed where id = 1 for update skip locked',
        [],
        'all',
        tx.getTransactionContext(),
      );
      if (!feed) return 0;
      const [result] = await conn.execute<{ events: number; last: string | null }[]>(
        `with events as (
           select e.id, e.position, e.claim_id, e.customer_id, e.type, e.from_status, e.to_status, e.actor_label,
                  e.actor_user_id is not null as by_staff, e.created_at
             from claim_event e where e.position > ? order by e.position limit ${FAN_OUT_BATCH}
         ), inserted as (
           insert into webhook_delivery (endpoint_id, claim_event_id, claim_id, position, event_type, payload, next_attempt_at)
           select w.id, ev.id, ev.claim_id, ev.position, ev.type,
                  jsonb_build_object(
                    'cursor', translate(rtrim(encode(convert_to('ce1:' || ev.position, 'UTF8'), 'base64'), '='), '+/', '-_'),
                    'event', jsonb_build_object('type', ev.type, 'fromStatus', ev.from_status, 'toStatus', ev.to_status,
                                                'actor', case when ev.by_staff then 'staff' else ev.actor_label end, 'at', ev.created_at),
                    'claim', jsonb_build_object('id', c.id::text, 'number', c.number, 'status', c.status, 'formType', c.form_type,
                                                'ciNumber', c.ci_number, 'imei', d.imei, 'updatedAt', c.updated_at, 'version', c.version)),
                  ?
             from events ev
             join webhook_endpoint w on w.customer_id = ev.customer_id and w.enabled
                                    and (cardinality(w.event_types) = 0 or ev.type = any(w.event_types))
             join claim c on c.id = ev.claim_id
             join device d on d.id = c.device_id
           on conflict (endpoint_id, claim_event_id) do nothing
         )
         select (select count(*)::int from events) as events, (select max(position)::text from events) as last`,
        [feed.position, this.clock.now()],
        'all',
        tx.getTransactionContext(),
      );
      if (result!.last) await conn.execute('update webhook_feed set position = ? where id = 1', [result!.last], 'run', tx.getTransactionContext());
      return result!.events;
    });
  }

  private async claimDue(): Promise<ClaimedDelivery[]> {
    const free = this.options.maxInFlight - this.sending.size;
    if (free <= 0) return [];
    const busy = [...this.inFlight].filter(([, count]) => count >= this.options.perEndpoint).map(([id]) => id);
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx: unknown = tx.getTransactionContext();
      const candidates = await conn.execute<{ id: string; endpoint_id: number }[]>(
        `select d.id, d.endpoint_id from webhook_delivery d
           join webhook_endpoint w on w.id = d.endpoint_id and w.enabled and w.failing_since is null
          where ((d.status = 'PENDING' and d.next_attempt_at <= ?) or (d.status = 'SENDING' and d.lease_until < now()))
            and d.endpoint_id <> all(?::int[])
            and not exists (select 1 from webhook_delivery earlier
                             where earlier.endpoint_id = d.endpoint_id and earlier.claim_id = d.claim_id
                               and earlier.position < d.position and earlier.status in ('PENDING', 'SENDING'))
          order by d.next_attempt_at, d.position
          limit ?
          for update of d skip locked`,
        [this.clock.now(), pgArray(busy), free * 4],
        'all',
        ctx,
      );
      const slots = new Map(this.inFlight);
      const picked: string[] = [];
      for (const candidate of candidates) {
        const used = slots.get(candidate.endpoint_id) ?? 0;
        if (used >= this.options.perEndpoint || picked.length >= free) continue;
        slots.set(candidate.endpoint_id, used + 1);
        picked.push(candidate.id);
      }
      if (picked.length === 0) return [];
      const leaseSeconds = Math.ceil(this.options.timeoutMs / 1000) + 30;
      return conn.execute<ClaimedDelivery[]>(
        `update webhook_delivery d
            set status = 'SENDING', attempts = d.attempts + 1, last_attempt_at = ?, lease_until = now() + make_interval(secs => ?)
           from webhook_endpoint w
          where d.id = any(?::bigint[]) and w.id = d.endpoint_id
          returning d.id, d.delivery_id, d.endpoint_id, d.event_type, d.payload, d.attempts, w.url, w.secret`,
        [this.clock.now(), leaseSeconds, pgArray(picked)],
        'all',
        ctx,
      );
    });
  }

  private launch(delivery: ClaimedDelivery): void {
    this.inFlight.set(delivery.endpoint_id, (this.inFlight.get(delivery.endpoint_id) ?? 0) + 1);
    const done = this.send(delivery)
      .then((outcome) => this.record(delivery, outcome))
      .catch((error: unknown) => this.log.warn({ err: error, delivery: delivery.delivery_id }, 'could not record a webhook attempt'))
      .finally(() => {
        this.sending.delete(done);
        const left = (this.inFlight.get(delivery.endpoint_id) ?? 1) - 1;
        if (left > 0) this.inFlight.set(delivery.endpoint_id, left);
        else this.inFlight.delete(delivery.endpoint_id);
      });
    this.sending.add(done);
  }

  /** One POST; never throws: the outcome says what happened. */
  private send(delivery: ClaimedDelivery): Promise<{ statusCode: number | null; latencyMs: number; error: string | null }> {
    const body = JSON.stringify(delivery.payload);
    const url = new URL(delivery.url);
    const started = performance.now();
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const finish = (statusCode: number | null, error: string | null) => resolve({ statusCode, error, latencyMs: Math.round(performance.now() - started) });
      const request = client.request(
        url,
        {
          method: 'POST',
          lookup: publicOnlyLookup(url, this.options.allowLocalHttp),
          timeout: this.options.timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Aftersale-Webhooks/1',
            'aftersale-delivery': delivery.delivery_id,
            'aftersale-event': delivery.event_type,
            'aftersale-signature': signatureHeader(delivery.secret, body, Math.floor(Date.now() / 1000)),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => finish(response.statusCode ?? null, null));
          response.on('error', () => finish(response.statusCode ?? null, null));
        },
      );
      request.setTimeout(this.options.timeoutMs, () => request.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)));
      request.on('error', (error) => finish(null, error.message.slice(0, 200)));
      request.end(body);
    });
  }

  private async record(delivery: ClaimedDelivery, outcome: { statusCode: number | null; latencyMs: number; error: string | null }): Promise<void> {
    const conn = this.orm.em.fork().getConnection();
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const error = ok ? null : (outcome.error ?? `answered ${outcome.statusCode}`);
    if (ok) {
      await conn.execute(
        `update webhook_delivery set status = 'SUCCEEDED', delivered_at = ?, lease_until = null,
                last_status_code = ?, last_latency_ms = ?, last_error = null where id = ?`,
        [this.clock.now(), outcome.statusCode, outcome.latencyMs, delivery.id],
      );
      return;
    }
    const exhausted = delivery.attempts >= RETRY.maxAttempts;
    const next = new Date(this.clock.now().getTime() + retryDelayMs(Math.min(delivery.attempts, RETRY.maxAttempts)));
    await conn.execute(
      `update webhook_delivery set status = ?, next_attempt_at = ?, lease_until = null,
              last_status_code = ?, last_latency_ms = ?, last_error = ? where id = ?`,
      [exhausted ? 'FAILED' : 'PENDING', next, outcome.statusCode, outcome.latencyMs, error, delivery.id],
    );
    if (exhausted) {
      await conn.execute('update webhook_endpoint set failing_since = coalesce(failing_since, ?) where id = ?', [this.clock.now(), delivery.endpoint_id]);
      this.log.warn({ endpoint: delivery.endpoint_id, delivery: delivery.delivery_id }, 'webhook endpoint marked failing');
    }
  }
}
