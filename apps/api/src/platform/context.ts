import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor.js';
import type { UnauthenticatedError } from './errors.js';
import type { Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/** What every resolver receives: its own EntityManager, the caller, the request's DataLoaders, and a logger tagged with the request id. */
export interface Context {
  em: EntityManager;
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
