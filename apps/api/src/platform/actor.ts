import type { StaffRole } from '@aftersale/domain';

/** Who is calling: a signed-in staff user, or an integrator's API key scoped to one customer. */
export type Actor =
  | { kind: 'staff'; userId: number; role: StaffRole; label: string; sessionId?: number }
  | { kind: 'integrator'; apiKeyId: number; customerId: number; label: string };

/** The roles `@Authorized(...)` speaks of: the staff roles plus integrators. */
export type CallerRole = StaffRole | 'INTEGRATOR';

export const roleOf = (actor: Actor): CallerRole => (actor.kind === 'staff' ? actor.role : 'INTEGRATOR');

/** The customer an actor is confined to, or undefined for staff (who see every customer). */
export const customerScope = (actor: Actor): number | undefined => (actor.kind === 'integrator' ? actor.customerId : undefined);

/** The staff user behind an actor, for "who did it" columns; null for an integrator's key. */
export const staffUserId = (actor: Actor): number | null => (actor.kind === 'staff' ? actor.userId : null);
