import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';

/** Failed sign-ins that lock an account (whatever email was typed, known or not) for the window. */
export const ACCOUNT_FAILURES = 5;
/** Failed sign-ins from one client address, over every account, that block it for the window. */
export const ADDRESS_FAILURES = 30;
export const WINDOW_MINUTES = 15;

/**
 * Refuses a sign-in while its email or its client address has had too many
 * failures in the last WINDOW_MINUTES (counted in PostgreSQL, so every API
 * instance sees the same attempts).
 */
export async function refuseWhenThrottled(em: EntityManager, email: string, clientAddress: string): Promise<void> {
  const [row] = await em.execute<{ by_email: number; by_address: number }[]>(
    `select count(*) filter (where email = ?)::int as by_email, count(*) filter (where client_address = ?)::int as by_address
       from sign_in_attempt
      where (email = ? or client_address = ?) and not succeeded and attempted_at > now() - make_interval(mins => ?)`,
    [email, clientAddress, email, clientAddress, WINDOW_MINUTES],
  );
  const byEmail = row!.by_email >= ACCOUNT_FAILURES;
  if (byEmail || row!.by_address >= ADDRESS_FAILURES) {
    const who = byEmail ? 'this account' : 'your address';
    throw new GraphQLError(`Too many failed sign-ins for ${who}: try again in ${WINDOW_MINUTES} minutes, or ask an administrator to reset the password.`, {
      extensions: { code: 'RATE_LIMITED', retryAfter: WINDOW_MINUTES * 60 },
    });
  }
}

/** Keeps a sign-in attempt, in its own statement: a failure is kept even when the request then fails. */
export async function recordSignIn(em: EntityManager, email: string, clientAddress: string, succeeded: boolean): Promise<void> {
  await em.execute(`insert into sign_in_attempt (email, client_address, succeeded) values (?, ?, ?)`, [
    email.slice(0, 320),
    clientAddress.slice(0, 100),
    succeeded,
  ]);
}

export interface SignInAttemptRow {
  email: string;
  clientAddress: string;
  succeeded: boolean;
  at: Date;
}

/** The latest attempts, newest first (failed ones only when asked): what an administrator reviews. */
export async function listSignInAttempts(
  em: EntityManager,
  failedOnly: boolean,
  offset: number,
  limit: number,
): Promise<{ items: SignInAttemptRow[]; total: number }> {
  const where = failedOnly ? 'where not succeeded' : '';

  const items = await em.execute<{ email: string; client_address: string; succeeded: boolean; attempted_at: Date }[]>(
    `select email, client_address, succeeded, attempted_at from sign_in_attempt ${where} order by attempted_at desc, id desc offset ? limit ?`,
    [offset, limit],
  );
  const [count] = await em.execute<{ total: number }[]>(`select count(*)::int as total from sign_in_attempt ${where}`);
  return {
    items: items.map((r) => ({ email: r.email, clientAddress: r.client_address, succeeded: r.succeeded, at: new Date(r.attempted_at) })),
    total: count!.total,
  };
}
