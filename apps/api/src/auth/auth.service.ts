import type { EntityManager } from '@mikro-orm/postgresql';
import { UnauthenticatedError } from '../platform/errors.js';
import type { Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { ApiKey } from './api-key.entity.js';
import type { StaffRole } from '@aftersale/domain';
import { BadUserInputError } from '../platform/errors.js';
import { apiKeyMatches, hashPassword, parseApiKey, randomSecret, type TokenSigner, verifyPassword } from './credentials.js';
import { strongPassword } from './password-strength.js';
import { openSession, revokeSession, revokeUserSessions, rotateSession, sessionUser } from './sessions.js';
import { recordSignIn, refuseWhenThrottled } from './sign-in-attempts.js';
import { User } from './user.entity.js';

/**
 * How long a verified credential is trusted without asking the database
 * again: a deactivated user or a revoked API key loses access at most this
 * long after the change, on every instance.
 */
export const CALLER_CACHE_MS = 5_000;
/** Callers remembered at once; the oldest go first. */
const CALLER_CACHE_SIZE = 10_000;

export interface SignedIn {
  token: string;
  refreshToken: string;
  user: User;
}

export class AuthService {
  /** Credential → the caller it was verified as, and until when that holds (a per-process cache, CALLER_CACHE_MS). */
  readonly #recent = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly tokens: TokenSigner,
    private readonly clock: Clock,
  ) {}

  /** Hash of a password nobody has: an unknown email costs the same time to refuse as a wrong password. */
  #dummyHash: Promise<string> | undefined;

  /**
   * Signs a staff user in; the same error, in the same time, for an unknown
   * email and a wrong password. Throttled per account and per client address;
   * every attempt is recorded.
   */
  async login(em: EntityManager, email: string, password: string, clientAddress: string): Promise<SignedIn> {
    const normalized = normalizeEmail(email);
    await refuseWhenThrottled(em, normalized, clientAddress);
    const user = await em.findOne(User, { email: normalized, active: true }, { populate: ['passwordHash'] });
    this.#dummyHash ??= hashPassword(randomSecret());
    const matches = await verifyPassword(user?.passwordHash ?? (await this.#dummyHash), password);
    await recordSignIn(em, normalized, clientAddress, !!user && matches);
    if (!user || !matches) throw new UnauthenticatedError('Wrong email or password.');
    return this.signIn(em, user);
  }

  /** A new session for a user: a short-lived access token and the refresh token that renews it. */
  private async signIn(em: EntityManager, user: User): Promise<SignedIn> {
    const { sessionId, refreshToken } = await openSession(em, user.id, this.tokens.sessionTtlMs);
    return { token: await this.tokens.sign({ userId: user.id, sessionId }), refreshToken, user };
  }

  /** Trades a refresh token for a new access token and a new refresh token (the old one stops working). */
  async refresh(em: EntityManager, refreshToken: string): Promise<SignedIn> {
    const rotated = await rotateSession(em, refreshToken);
    const user = rotated && (await em.findOne(User, rotated.userId));
    if (!rotated || !user) throw new UnauthenticatedError('The session has ended: sign in again.');
    return { token: await this.tokens.sign({ userId: user.id, sessionId: rotated.sessionId }), refreshToken: rotated.refreshToken, user };
  }

  /** Ends the caller's session: its access and refresh tokens stop working. */
  async logout(em: EntityManager, actor: Actor): Promise<void> {
    if (actor.kind !== 'staff' || actor.sessionId === undefined) return;
    await revokeSession(em, actor.sessionId);
    this.forget((cached) => cached.kind === 'staff' && cached.sessionId === actor.sessionId);
  }

  /** Changes the caller's own password: every session of theirs ends, and a new one begins. */
  async changePassword(em: EntityManager, actor: Actor, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const user = actor.kind === 'staff' ? await em.findOne(User, actor.userId, { populate: ['passwordHash'] }) : null;
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw new BadUserInputError('currentPassword', 'is not your current password.');
    user.passwordHash = await hashPassword(strongPassword(newPassword, user, 'newPassword'));
    await em.transactional(async (tx) => {
      await tx.persist(user).flush();
      await revokeUserSessions(tx, user.id);
    });
    this.sessionsEnded(user.id);
    return this.signIn(em, user);
  }

  /** Called once a user's sessions were revoked: this process stops trusting its cached tokens at once (others within CALLER_CACHE_MS). */
  sessionsEnded(userId: number): void {
    this.forget((cached) => cached.kind === 'staff' && cached.userId === userId);
  }

  private forget(match: (actor: Actor) => boolean): void {
    for (const [credential, { actor }] of this.#recent) if (match(actor)) this.#recent.delete(credential);
  }

  /**
   * Resolves the caller from the request's credentials: `Authorization:
   * Bearer <token>` for staff, or an integrator's `ask_…` key (as a bearer or
   * in `X-Api-Key`). Returns null when none was sent; throws when one was
   * sent and is not valid, so a bad token never silently becomes anonymous.
   */
  async authenticate(em: () => EntityManager, credential: string | undefined): Promise<Actor | null> {
    if (!credential) return null;
    const now = this.clock.now().getTime();
    const recent = this.#recent.get(credential);
    if (recent && recent.until > now) return recent.actor;
    this.#recent.delete(credential);
    const apiKey = parseApiKey(credential);
    const verified = apiKey ? await this.authenticateApiKey(em(), apiKey) : await this.authenticateToken(em(), credential);
    if (this.#recent.size >= CALLER_CACHE_SIZE) this.#recent.delete(this.#recent.keys().next().value!);
    this.#recent.set(credential, { actor: verified.actor, until: Math.min(now + CALLER_CACHE_MS, verified.expiresAt ?? Infinity) });
    return verified.actor;
  }

  /** Forgets every trusted caller: after a change to who may do what, the next request of each is verified afresh. */
  forgetCallers(): void {
    this.#recent.clear();
  }

  private async authenticateToken(em: EntityManager, token: string): Promise<{ actor: Actor; expiresAt?: number }> {
    const claims = await this.tokens.verify(token);
    const user = claims && (await sessionUser(em, claims.sessionId, claims.userId));
    if (!user) throw new UnauthenticatedError('The token is invalid or expired, or its session ended: sign in again.');
    return {
      actor: { kind: 'staff', userId: user.id, role: user.role as StaffRole, label: user.email, sessionId: claims.sessionId },
      expiresAt: claims.expiresAt,
    };
  }

  private async authenticateApiKey(em: EntityManager, key: { prefix: string; secret: string }): Promise<{ actor: Actor; expiresAt?: number }> {
    const found = await em.findOne(ApiKey, { prefix: key.prefix, revokedAt: null });
    if (!found || !apiKeyMatches(key.secret, found.secretHash)) {
      throw new UnauthenticatedError('The API key is invalid or revoked.');
    }
    // "Last used" to the minute: enough to spot dead keys, without a write per request.
    await em
      .getConnection()
      .execute(`update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [found.id]);
    return { actor: { kind: 'integrator', apiKeyId: found.id, customerId: found.customer.id, label: `api-key:${found.name}` } };
  }

  /** The first administrator comes from the environment; created once, never overwritten. */
  static async ensureFirstAdmin(em: EntityManager, email: string, password: string): Promise<boolean> {
    if ((await em.count(User, { role: 'ADMIN' })) > 0) return false;
    em.create(User, { email: normalizeEmail(email), name: 'Administrator', role: 'ADMIN', passwordHash: await hashPassword(password) });
    await em.flush();
    return true;
  }
}

/** Emails are kept lower-case (a CHECK constraint holds it), so lookups are plain equality. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
