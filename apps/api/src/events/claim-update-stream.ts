import type { QueuedEvents } from '../platform/graphql-ws.js';
import { inScope, type ClaimUpdate, type EventScope } from './claim-event-log.js';

/** What a stream needs from the instance's feed. */
export interface StreamSource {
  /** The newest position the feed has handed out. */
  readonly position: bigint;
  /** Scoped events after `position`, and the newest committed position when they were read. */
  read(position: bigint, limit: number, scope: EventScope): Promise<{ updates: ClaimUpdate[]; horizon: bigint }>;
  detach(stream: ClaimUpdateStream): void;
}

export interface StreamLimits {
  /** Undelivered events a subscriber may have queued before it counts as too slow. */
  maxQueued: number;
  /** Events read per query while catching up. */
  pageSize: number;
}

/** Thrown out of the iterator when the subscriber fell more than `maxQueued` events behind. */
export class SlowConsumerError extends Error {
  constructor(readonly maxQueued: number) {
    super(`More than ${maxQueued} events waited for this subscriber: resubscribe with the last cursor you received.`);
    this.name = 'SlowConsumerError';
  }
}

/**
 * One subscriber's events, in commit order, after its cursor: first from the
 * log (catching up, a page at a time and only as fast as the client reads),
 * then live from the instance's feed, with no gap and no duplicate.
 *
 * While it catches up, live events are kept aside (bounded); when the last
 * page came back short, everything up to that read's horizon was in the log
 * pages, and everything after it is either kept aside or still to come from
 * the feed. If the aside list overflowed, it reads the log again instead.
 */
export class ClaimUpdateStream implements AsyncIterableIterator<ClaimUpdate>, QueuedEvents<ClaimUpdate> {
  private readonly queue: ClaimUpdate[] = [];
  private wake: (() => void) | undefined;
  private live = false;
  private aside: ClaimUpdate[] | null = [];
  private asideEnd = 0n;
  /** Every event of the scope up to here was queued or delivered. */
  private covered: bigint;
  private failure: Error | undefined;
  private done = false;

  constructor(
    private readonly source: StreamSource,
    readonly scope: EventScope,
    after: bigint,
    private readonly limits: StreamLimits,
    private readonly onSlow: (error: SlowConsumerError) => void,
    /** Ids of events committed before a "from now" subscription began but numbered after it: not for this stream. */
    private readonly skip?: ReadonlySet<number>,
  ) {
    this.covered = after;
  }

  private wants(update: ClaimUpdate): boolean {
    return inScope(this.scope, update) && !this.skip?.has(update.event.id);
  }

  /** Starts catching up; call it once the feed offers this stream its batches. */
  start(): void {
    void this.catchUp().catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
  }

  /** A batch from the feed: every event after the previous batch up to `end`, in commit order. */
  offer(updates: readonly ClaimUpdate[], end: bigint): void {
    if (this.done) return;
    if (!this.live) {
      if (this.aside) {
        for (const update of updates) if (this.wants(update)) this.aside.push(update);
        if (this.aside.length > this.limits.maxQueued) this.aside = null;
      }
      if (end > this.asideEnd) this.asideEnd = end;
      return;
    }
    for (const update of updates) {
      if (update.position > this.covered && this.wants(update)) this.queue.push(update);
    }
    if (end > this.covered) this.covered = end;
    if (this.queue.length > this.limits.maxQueued) {
      const error = new SlowConsumerError(this.limits.maxQueued);
      this.fail(error);
      this.onSlow(error);
      return;
    }
    this.notify();
  }

  private async catchUp(): Promise<void> {
    let cursor = this.covered;
    for (;;) {
      const { updates, horizon } = await this.readWithRetries(cursor);
      if (this.done) return;
      for (const update of updates) if (!this.skip?.has(update.event.id)) this.queue.push(update);
      this.notify();
      if (updates.length > 0) cursor = updates.at(-1)!.position;
      if (updates.length === this.limits.pageSize) {
        await this.drained();
        if (this.done) return;
        continue;
      }
      // A short page: every event of the scope up to `horizon` is queued.
      if (horizon > cursor) cursor = horizon;
      if (this.aside === null) {
        // More arrived while catching up than may wait aside: read it from the log instead.
        this.aside = [];
        continue;
      }
      for (const update of this.aside) if (update.position > cursor) this.queue.push(update);
      const last = this.queue.at(-1)?.position ?? 0n;
      this.covered = [cursor, this.asideEnd, last].reduce((a, b) => (b > a ? b : a));
      this.aside = null;
      this.live = true;
      this.notify();
      return;
    }
  }

  /** A read of the log; a transient failure (a pool timeout, the database restarting) is tried again before the subscription gives up. */
  private async readWithRetries(cursor: bigint, attempts = 5): Promise<{ updates: ClaimUpdate[]; horizon: bigint }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.source.read(cursor, this.limits.pageSize, this.scope);
      } catch (error) {
        if (attempt >= attempts || this.done) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  /** Resolves when the client has taken every queued event. */
  private drained(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.onDrained = resolve;
    });
  }
  private onDrained: (() => void) | undefined;

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.queue.length = 0;
    this.notify();
  }

  async next(): Promise<IteratorResult<ClaimUpdate>> {
    for (;;) {
      if (this.failure) {
        const failure = this.failure;
        await this.return();
        // A slow consumer's socket is being closed with its own code: nothing more to say on it.
        if (failure instanceof SlowConsumerError) return { done: true, value: undefined };
        throw failure;
      }
      if (this.done) return { done: true, value: undefined };
      const update = this.queue.shift();
      if (update) {
        if (this.queue.length === 0) {
          const drained = this.onDrained;
          this.onDrained = undefined;
          drained?.();
        }
        return { done: false, value: update };
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Every event queued now, in order, without waiting (delivery writes them at once); none after a failure or the end. */
  takeQueued(): ClaimUpdate[] {
    if (this.failure || this.done || this.queue.length === 0) return [];
    const taken = this.queue.splice(0);
    const drained = this.onDrained;
    this.onDrained = undefined;
    drained?.();
    return taken;
  }

  return(): Promise<IteratorResult<ClaimUpdate>> {
    if (!this.done) {
      this.done = true;
      this.queue.length = 0;
      this.source.detach(this);
      this.notify();
      this.onDrained?.();
    }
    return Promise.resolve({ done: true, value: undefined });
  }

  async throw(error: unknown): Promise<IteratorResult<ClaimUpdate>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
