import { ChangeSetType, type EntityManager, type EventSubscriber, type FlushEventArgs, type TransactionEventArgs } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ClaimEvent } from '../claims/claim-event.entity.js';
import type { Logger } from '../platform/logger.js';
import type { ClaimEventLog, ClaimUpdate, EventScope } from './claim-event-log.js';
import { ClaimUpdateStream, type SlowConsumerError, type StreamLimits, type StreamSource } from './claim-update-stream.js';

export interface FeedOptions extends Partial<StreamLimits> {
  /** Events read per query by the feed. */
  batchSize?: number;
  /** How often the log is numbered and read even without a notification (a safety net, not the path of delivery). */
  pollMs?: number;
  /**
   * While this instance has subscribers, how often it numbers events that
   * other programs wrote with plain SQL and did not announce (the API's own
   * writes are numbered as they commit).
   */
  sequencePollMs?: number;
}

/**
 * What ends a caller's access, each sent with the id it names by a trigger:
 * an API key revoked (migration 0007), a staff user deactivated (0013), a
 * staff session revoked (sign-out, password change or reset: 0016), a staff
 * user's role changed (0016).
 */
export const ACCESS_ENDED_CHANNELS = ['api_key_revoked', 'app_user_deactivated', 'staff_session_revoked', 'app_user_role_changed'] as const;
export type AccessEndedChannel = (typeof ACCESS_ENDED_CHANNELS)[number];
const isAccessEndedChannel = (channel: string): channel is AccessEndedChannel => (ACCESS_ENDED_CHANNELS as readonly string[]).includes(channel);

/**
 * This instance's view of the claim event log. Events get their positions
 * after commit (`ClaimEventLog.sequence`, migration 0013): this instance
 * numbers them as soon as one of its own transactions that appended an event
 * commits, when a program announces plain-SQL writes (`NOTIFY
 * claim_event_pending`), and on a timer. Each numbering sends `claim_event`;
 * one dedicated connection LISTENs for it, and each notification makes the
 * feed read the log after the last position it handed out, once, for every
 * subscriber of the instance. The notification carries no data: the log is
 * the truth, so a lost notification or a dropped connection costs latency,
 * never an event. After a reconnect the feed reads what it missed.
 */
export class ClaimEventFeed implements StreamSource {
  private listener: pg.Client | undefined;
  private readonly streams = new Set<ClaimUpdateStream>();
  private readonly accessEndedHandlers: ((channel: AccessEndedChannel, id: number) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  private reading: Promise<void> | undefined;
  private readonly pendingReads = new Map<string, Promise<{ updates: ClaimUpdate[]; horizon: bigint }>>();
  private readAgain = false;
  private closed = false;
  private poll: NodeJS.Timeout | undefined;
  private sequencePoll: NodeJS.Timeout | undefined;
  private reconnectDelay = 100;
  private readonly limits: StreamLimits;
  position = 0n;

  constructor(
    private readonly orm: MikroORM,
    private readonly databaseUrl: string,
    private readonly log: ClaimEventLog,
    private readonly logger: Logger,
    private readonly options: FeedOptions = {},
  ) {
    this.limits = { maxQueued: options.maxQueued ?? 1000, pageSize: options.pageSize ?? 500 };
  }

  async start(): Promise<void> {
    // Whatever was committed while no instance ran is numbered first.
    this.position = await this.log.sequence(this.orm.em.fork());
    this.orm.em.getEventManager().registerSubscriber(this.numberAfterCommit());
    await this.listen();
    // One statement a tick: numbering answers with the newest position, and the log is read only when it moved.
    this.poll = setInterval(() => this.number(), this.options.pollMs ?? 2000).unref();
    this.sequencePoll = setInterval(() => {
      if (this.streams.size > 0) this.number();
    }, this.options.sequencePollMs ?? 100).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.poll);
    clearInterval(this.sequencePoll);
    for (const stream of [...this.streams]) await stream.return();
    await this.listener?.end().catch(() => undefined);
    await this.reading;
  }

  /** Calls `handler` with every ended access from now on (by any instance): the channel says what ended, `id` which one. */
  onAccessEnded(handler: (channel: AccessEndedChannel, id: number) => void): void {
    this.accessEndedHandlers.push(handler);
  }

  /** Calls `handler` after the listener reconnected: notifications sent meanwhile were lost. */
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  /** A subscriber's stream: the scope's events after `after` (or from now), then live. */
  async open(scope: EventScope, after: bigint | undefined, onSlow: (error: SlowConsumerError) => void): Promise<ClaimUpdateStream> {
    // "From now": after the newest numbered event, leaving out those committed before and numbered after.
    const now = after === undefined ? await this.log.now(this.orm.em.fork()) : undefined;
    const skip = now && now.unnumbered.length > 0 ? new Set(now.unnumbered) : undefined;
    const stream = new ClaimUpdateStream(this, scope, after ?? now!.position, this.limits, onSlow, skip);
    this.streams.add(stream);
    stream.start();
    return stream;
  }

  /** A fresh EntityManager for one short read. */
  entityManager() {
    return this.orm.em.fork();
  }

  get subscribers(): number {
    return this.streams.size;
  }

  /**
   * A catching-up stream's page of the log. Streams that ask for the same
   * page within one turn of the event loop (many subscribers starting at
   * once) share one read, and its events: the read starts after every one of
   * them was attached to the feed, so each either finds an event in the page
   * or is offered it live.
   */
  read(position: bigint, limit: number, scope: EventScope): Promise<{ updates: ClaimUpdate[]; horizon: bigint }> {
    const key = `${position}|${limit}|${scope.customerId ?? ''}|${scope.claimId ?? ''}`;
    let page = this.pendingReads.get(key);
    if (!page) {
      page = new Promise((resolve) => setImmediate(resolve)).then(() => {
        this.pendingReads.delete(key);
        return this.log.after(this.orm.em.fork(), position, limit, scope);
      });
      this.pendingReads.set(key, page);
    }
    return page;
  }

  detach(stream: ClaimUpdateStream): void {
    this.streams.delete(stream);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true });
    this.listener = client;
    client.on('notification', (message) => {
      if (message.channel === 'claim_event') {
        // This instance's own numbering has usually been taken already.
        if (/^\d+$/.test(message.payload ?? '')) this.advance(BigInt(message.payload!));
        else this.wake();
      } else if (message.channel === 'claim_event_pending') this.number();
      else if (isAccessEndedChannel(message.channel)) for (const handler of this.accessEndedHandlers) handler(message.channel, Number(message.payload));
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event listener connection lost');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(['claim_event', 'claim_event_pending', ...ACCESS_ENDED_CHANNELS].map((channel) => `listen ${channel}`).join('; '));
    } catch (error) {
      this.reconnect(client);
      throw error;
    }
    this.reconnectDelay = 100;
  }

  /** Drops a broken listener connection and opens a new one, backing off up to 5 s between tries. */
  private reconnect(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = undefined;
    void client.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, 5000);
    setTimeout(() => {
      if (this.closed) return;
      this.listen().then(
        () => {
          this.logger.info('event listener reconnected');
          // Whatever committed while the listener was away is in the log.
          this.wake();
          for (const handler of this.reconnectHandlers) handler();
        },
        (error: unknown) => this.logger.warn({ err: error }, 'event listener could not reconnect'),
      );
    }, delay).unref();
  }

  /** Numbers the committed events that have no position yet, then reads them (without waiting for the NOTIFY). */
  number(): void {
    if (this.closed) return;
    this.log.sequence(this.orm.em.fork()).then(
      (position) => this.advance(position),
      // The timer and the next write try again.
      (error: unknown) => this.logger.warn({ err: error }, 'could not number the claim event log'),
    );
  }

  /**
   * The log is numbered up to `position` (committed). Without subscribers the
   * feed's position just moves there, as `readNew` would one statement later:
   * a stream opened from now on reads a horizon at least as new while it
   * catches up. With subscribers, the feed reads what is new for them.
   */
  private advance(position: bigint): void {
    if (position <= this.position) return;
    if (this.streams.size === 0 && !this.reading) this.position = position;
    else this.wake();
  }

  /**
   * A MikroORM subscriber: a transaction of this instance that appended a
   * claim event has it numbered as soon as it commits. The request does not
   * wait for it: readers that need it (a poll, a new subscription) number
   * first.
   */
  private numberAfterCommit(): EventSubscriber {
    const appended = new WeakSet<EntityManager>();
    const eventClass = ClaimEvent.meta.className;
    return {
      onFlush: ({ em, uow }: FlushEventArgs) => {
        for (const change of uow.getChangeSets()) {
          if (change.type === ChangeSetType.CREATE && change.meta.className === eventClass) {
            appended.add(em);
            return;
          }
        }
      },
      afterTransactionCommit: ({ em, transaction }: TransactionEventArgs) => {
        // A savepoint is not the commit: the outer transaction's is (or the timer's numbering).
        if ((transaction as { savepointName?: string } | undefined)?.savepointName || !em || !appended.has(em)) return;
        appended.delete(em);
        this.number();
      },
      afterTransactionRollback: ({ em }: TransactionEventArgs) => {
        if (em) appended.delete(em);
      },
    };
  }

  /** Reads the log after the last position, once at a time; a wake during a read reads again after it. */
  wake(): void {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => {
        // The database restarting, a pool timeout: try again shortly, from the same position.
        this.logger.warn({ err: error }, 'could not read the claim event log; retrying');
        setTimeout(() => this.wake(), 250).unref();
      })
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain) {
          this.readAgain = false;
          this.wake();
        }
      });
  }

  private async readNew(): Promise<void> {
    const batchSize = this.options.batchSize ?? 1000;
    for (;;) {
      // Events are read only for subscribers; without any, the position just moves to "now".
      const listening = this.streams.size > 0;
      const { updates, horizon } = listening
        ? await this.log.after(this.orm.em.fork(), this.position, batchSize)
        : { updates: [], horizon: await this.log.latestPosition(this.orm.em.fork()) };
      if (!listening && this.streams.size > 0) continue;
      const end = updates.length === batchSize ? updates.at(-1)!.position : horizon;
      if (end <= this.position && updates.length === 0) return;
      for (const stream of [...this.streams]) stream.offer(updates, end);
      if (end > this.position) this.position = end;
      if (updates.length < batchSize) return;
    }
  }
}
