import type { SignedInUserFragment } from '@aftersale/graphql';

/** Who is signed in on this browser, kept across reloads until sign-out. */
interface Session {
  token: string;
  user: SignedInUserFragment;
}

const KEY = 'aftersale.session';

export function readSession(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    if (!session?.token || !session.user) return null;
    return tokenHasExpired(session.token) ? null : session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

/** The header every call carries once signed in (CONTRACT: `Authorization: Bearer <token>`; `login`, being public, ignores it). */
export function authorizationHeaders(): Record<string, string> {
  const session = readSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

/**
 * Whether a JWT's `exp` has passed. Only spares a round trip that would end
 * in UNAUTHENTICATED anyway: the API is the judge, so an unreadable token
 * counts as unexpired.
 */
function tokenHasExpired(token: string): boolean {
  try {
    const payload = token.split('.')[1];
    if (!payload) return false;
    const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof exp === 'number' && exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}
