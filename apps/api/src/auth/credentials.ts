import { BadUserInputError } from '../platform/errors.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify } from 'jose';

/** Staff passwords: argon2id, salted, slow on purpose. */
const MIN_PASSWORD = 10;

/** A password a user may be given or choose; BAD_USER_INPUT naming `field` otherwise. */
export function acceptablePassword(value: string, field: string): string {
  if (value.length < MIN_PASSWORD || value.length > 200) throw new BadUserInputError(field, `must be ${MIN_PASSWORD} to 200 characters.`);
  return value;
}

export const hashPassword = (password: string): Promise<string> => hash(password);
export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false);

export interface TokenClaims {
  userId: number;
  /** The sign-in (staff_session row) the token belongs to: revoking it ends the token. */
  sessionId: number;
  /** When the token expires (ms since the epoch); set on verified tokens. */
  expiresAt?: number;
}

export class TokenSigner {
  readonly #key: Uint8Array;
  /** How long a sign-in lasts, refreshes included (ms). */
  readonly sessionTtlMs: number;

  constructor(
    secret: string,
    /** How long one access token lasts (`15m`): a client refreshes it with its refresh token. */
    private readonly ttl: string,
    sessionTtl = '8h',
  ) {
    this.#key = new TextEncoder().encode(secret);
    this.sessionTtlMs = durationMs(sessionTtl);
  }

  sign(claims: TokenClaims): Promise<string> {
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.userId))
      .setIssuedAt()
      .setIssuer('aftersale')
      .setExpirationTime(this.ttl)
      .sign(this.#key);
  }

  /** The claims of a valid, unexpired token, or null. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer: 'aftersale', algorithms: ['HS256'] });
      const userId = Number(payload.sub);
      const sessionId = Number(payload['sid']);
      return Number.isInteger(userId) && Number.isInteger(sessionId)
        ? { userId, sessionId, ...(payload.exp !== undefined && { expiresAt: payload.exp * 1000 }) }
        : null;
    } catch {
      return null;
    }
  }
}

/** `30m`, `8h`, `1d` in milliseconds. */
export function durationMs(duration: string): number {
  const match = /^(\d+)([smhd])$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration} (write 30m, 8h, 1d)`);
  return Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

export const randomSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Integrator API keys look like `ask_<prefix>_<secret>`. The secret is 32
 * random bytes, so a SHA-256 of it is enough (no need for a slow hash), and
 * lookups go by the public prefix.
 */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `ask_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = /^ask_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

export function apiKeyMatches(secret: string, secretHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(secretHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
