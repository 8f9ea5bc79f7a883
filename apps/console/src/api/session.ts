import { print } from 'graphql';
import { RefreshSessionDocument, type SignedInUserFragment } from '@aftersale/graphql';

/**
 * Who is signed in on this browser, kept across reloads until sign-out: a
 * short-lived access token (15 minutes) and the refresh token that renews it
 * (each works once; the API ends them all on logout or a password change).
 */
interface Session {
  token: string;
  refreshToken: string;
  user: SignedInUserFragment;
}

const KEY = 'aftersale.session';
/** Renew this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;

export function readSession(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    if (!session?.token || !session.refreshToken || !session.user) return null;
    return session;
  } catch {
    return null;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
  scheduleRefresh(session.token);
}

export function clearSession(): void {
  clearTimeout(timer);
  localStorage.removeItem(KEY);
}

/** The header every call carries once signed in (CONTRACT: `Authorization: Bearer <token>`; `login`, being public, ignores it). */
export function authorizationHeaders(): Record<string, string> {
  const session = readSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

let refreshing: Promise<boolean> | undefined;

/**
 * Trades the refresh token for a new pair (once at a time, however many
 * callers ask). False when the session has ended: the user signs in again.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = readSession();
    if (!session) return false;
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(RefreshSessionDocument), variables: { refreshToken: session.refreshToken } }),
      });
      const { data } = (await response.json()) as { data?: { refreshSession?: Session } | null };
      if (!data?.refreshSession) {
        clearSession();
        return false;
      }
      saveSession(data.refreshSession);
      return true;
    } catch {
      // The API cannot be reached: keep the session, the next call tells.
      return true;
    }
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

/** Whether the access token expires within REFRESH_AHEAD_MS (an unreadable token counts as fresh: the API is the judge). */
export function tokenExpiresSoon(token: string): boolean {
  const exp = expiryOf(token);
  return exp !== undefined && exp - REFRESH_AHEAD_MS <= Date.now();
}

function scheduleRefresh(token: string): void {
  clearTimeout(timer);
  const exp = expiryOf(token);
  if (exp !== undefined) timer = setTimeout(() => void refreshSession(), Math.max(0, exp - REFRESH_AHEAD_MS - Date.now()));
}

function expiryOf(token: string): number | undefined {
  try {
    const payload = token.split('.')[1];
    if (!payload) return undefined;
    const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

// A reload keeps the session: renew it ahead of its expiry from here on.
const current = readSession();
if (current) scheduleRefresh(current.token);
