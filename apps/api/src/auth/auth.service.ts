import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, UnauthenticatedError } from '../platform/errors.js';
import type { Actor } from '../platform/actor.js';
import type { Clock } from '../platform/clock.js';
import { ApiKey } from './api-key.entity.js';
import { acceptablePassword, apiKeyMatches, hashPassword, parseApiKey, type TokenSigner, verifyPassword } from './credentials.js';
import { User } from './user.entity.js';

/**
 * How long a verified credential is trusted without asking the database
 * again: a deactivated user or a revoked API key loses access at most this
 * long after the change, on every instance.
 */
export const CALLER_CACHE_MS = 5_000;
/** Callers remembered at once; the oldest go first. */
const CALLER_CACHE_SIZE = 10_000;

export class AuthService {
  /** Credential → the caller it was verified as, and until when that holds (a per-process cache, CALLER_CACHE_MS). */
  readonly #recent = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly tokens: TokenSigner,
    private readonly clock: Clock,
  ) {}

  /** Signs a staff user in; the same error for an unknown email and a wrong password. */
  async login(em: EntityManager, email: string, password: string): Promise<{ token: string; user: User }> {
    const user = await em.findOne(
      User,
      { email: normalizeEmail(email), active: true },
      { populate: ['passwordHash'] },
    );
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw new UnauthenticatedError('Wrong email or password.');
    }
    return { token: await this.tokens.sign({ userId: user.id }), user };
  }

  /** A signed-in user changes their own password, proving they know the current one. */
  async changePassword(em: EntityManager, userId: number, currentPassword: string, newPassword: string): Promise<void> {
    await em.transactional(async (tx) => {
      const user = await tx.findOneOrFail(User, { id: userId, active: true }, { populate: ['passwordHash'] });
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new BadUserInputError('currentPassword', 'is not your current password.');
      if (currentPassword === newPassword) throw new BadUserInputError('newPassword', 'must differ from the current password.');
      user.passwordHash = await hashPassword(acceptablePassword(newPassword, 'newPassword'));
      await tx.flush();
    });
  }

  /**
   * Resolves the caller from the request's credentials: `Authorization:
   * Bearer <token>` for staff, or an integrator's `ask_…` key (as a bearer or
   * in `X-Api-Key`). Returns null when none was sent; throws when one was
   * sent and is not valid, so a bad token never silently becomes anonymous.
   */
  async authenticate(em: EntityManager, credential: string | undefined): Promise<Actor | null> {
    if (!credential) return null;
    const now = this.clock.now().getTime();
    const recent = this.#recent.get(credential);
    if (recent && recent.until > now) return recent.actor;
    this.#recent.delete(credential);
    const apiKey = parseApiKey(credential);
    const verified = apiKey ? await this.authenticateApiKey(em, apiKey) : await this.authenticateToken(em, credential);
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
    const user = claims && (await em.findOne(User, { id: claims.userId, active: true }));
    if (!user) throw new UnauthenticatedError('The token is invalid or expired: sign in again.');
    return { actor: { kind: 'staff', userId: user.id, role: user.role, label: user.email }, expiresAt: claims.expiresAt };
  }

  private async authenticateApiKey(em: EntityManager, key: { prefix: string; secret: string }): Promise<{ actor: Actor; expiresAt?: number }> {
    const found = await em.findOne(ApiKey, { prefix: key.prefix, revokedAt: null });
    if (!found || !apiKeyMatches(key.secret, found.secretHash)) {
      throw new UnauthenticatedError('The API key is invalid or revoked.');
    }
    // "Last used" to the minute: enough to spot dead keys, without a write per request.
    await em.getConnection().execute(
      `update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      [found.id],
    );
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
