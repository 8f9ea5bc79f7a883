import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from './actor.js';
import type { UnauthenticatedError } from './errors.js';
import { Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/** What every resolver receives: its own EntityManager, the caller, the request's DataLoaders, and a logger tagged with the request id. */
export interface Context {
  em: EntityManager;
  /**
   * For the read path's own SQL (`rowsOf`), which asks an EntityManager for
   * its connection only: the request's fork once it has one, else the ORM's
   * root one. A read-only request then forks none (~5 % of a claim read's CPU).
   */
  reads: EntityManager;
  loaders: Loaders;
  actor: Actor | null;
  /** Set when the request carried a credential that is invalid or expired. */
  credentialError?: UnauthenticatedError;
  requestId: string;
  log: Logger;
  /** Over WebSocket: the connection the operation runs on (a subscription may have to close it). */
  connection?: { close(code: number, reason: string): void };
  /** The client's address (the socket's peer), for per-address limits. */
  clientAddress?: string;
}

/**
 * The context of an HTTP request or of a subscription. Its EntityManager (a
 * fork: its own identity map), DataLoaders, request id and logger are made
 * when first used: a read answered by the read path for a caller trusted
 * already needs none of them (~7 % of such a request's CPU), an idle
 * subscription holds none. The getters are the class's, not the object's:
 * Apollo copies a context's own properties into a new object of the same
 * prototype for each operation (which would call them), and the copy keeps
 * the lazy ones lazy.
 */
export class RequestContext implements Context {
  actor: Actor | null = null;
  credentialError?: UnauthenticatedError;
  connection?: Context['connection'];
  // Own properties, so that Apollo's copy has them (a #private field would not be copied).
  private madeEm: EntityManager | undefined;
  private madeLoaders: Loaders | undefined;
  private madeLog: Logger | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly serverLog: Logger,
    private madeRequestId: string | undefined,
    readonly clientAddress: string | undefined,
  ) {}

  get em(): EntityManager {
    return (this.madeEm ??= this.orm.em.fork());
  }

  get reads(): EntityManager {
    return this.madeEm ?? this.orm.em;
  }

  get loaders(): Loaders {
    return (this.madeLoaders ??= new Loaders());
  }

  get requestId(): string {
    return (this.madeRequestId ??= randomUUID());
  }

  get log(): Logger {
    return (this.madeLog ??= this.serverLog.child({ requestId: this.requestId }));
  }

  /** Drops the EntityManager and the DataLoaders (a subscription after each event: the next one's resolvers make new ones). */
  forgetEntityManager(): void {
    this.madeEm = undefined;
    this.madeLoaders = undefined;
  }
}

/**
 * Resolves the caller from a request's credential (a bearer token or an API
 * key): null when none was sent; throws UnauthenticatedError when one was
 * sent and is not valid. The auth feature provides it; the server only calls it.
 * `em` is called only when the caller is not trusted already (most requests
 * are answered without the database: see AuthService).
 */
export type Authenticate = (em: () => EntityManager, credential: string | undefined) => Promise<Actor | null>;

/** The caller of an operation that `@Authorized` already let through. */
export function actorOf(ctx: Context): Actor {
  if (!ctx.actor) throw new Error('actorOf() called on an operation that is not @Authorized');
  return ctx.actor;
}
