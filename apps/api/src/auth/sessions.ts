import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Staff sessions: each sign-in is a row holding the hash of its refresh
 * token. Short-lived access tokens name their session; a revoked or expired
 * session ends every token of it at once.
 */
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Opens a session for a user; returns its id and its refresh token (shown once). */
export async function openSession(em: EntityManager, userId: number, ttlMs: number): Promise<{ sessionId: number; refreshToken: string }> {
  const refreshToken = `rt_${randomBytes(32).toString('base64url')}`;
  const [row] = await em.execute<{ id: string }[]>(
    `insert into staff_session (user_id, refresh_hash, expires_at) values (?, ?, now() + make_interval(secs => ?)) returning id`,
    [userId, hashOf(refreshToken), ttlMs / 1000],
  );
  return { sessionId: Number(row!.id), refreshToken };
}

/**
 * Trades a refresh token for a new one (rotation: the old one stops working),
 * when its session is open and its user active; null otherwise.
 */
export async function rotateSession(em: EntityManager, refreshToken: string): Promise<{ sessionId: number; userId: number; refreshToken: string } | null> {
  const next = `rt_${randomBytes(32).toString('base64url')}`;
  const [row] = await em.execute<{ id: string; user_id: number }[]>(
    `update staff_session s set refresh_hash = ?
       from app_user u
      where s.refresh_hash = ? and s.revoked_at is null and s.expires_at > now() and u.id = s.user_id and u.active
      returning s.id, s.user_id`,
    [hashOf(next), hashOf(refreshToken)],
  );
  return row ? { sessionId: Number(row.id), userId: row.user_id, refreshToken: next } : null;
}

/** The active user behind an open session, or undefined. */
export async function sessionUser(em: EntityManager, sessionId: number, userId: number): Promise<{ id: number; email: string; role: string } | undefined> {
  const [row] = await em.execute<{ id: number; email: string; role: string }[]>(
    `select u.id, u.email, u.role from staff_session s join app_user u on u.id = s.user_id
      where s.id = ? and s.user_id = ? and s.revoked_at is null and s.expires_at > now() and u.active`,
    [sessionId, userId],
  );
  return row;
}

export async function revokeSession(em: EntityManager, sessionId: number): Promise<void> {
  await em.execute(`update staff_session set revoked_at = now() where id = ? and revoked_at is null`, [sessionId]);
}

/** Ends every session of a user (password changed or reset, deactivated). */
export async function revokeUserSessions(em: EntityManager, userId: number): Promise<void> {
  await em.execute(`update staff_session set revoked_at = now() where user_id = ? and revoked_at is null`, [userId]);
}
