import type { ClaimStatus } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { staffUserId, type Actor } from '../platform/actor.js';
import { ClaimEvent } from './claim-event.entity.js';
import type { Claim } from './claim.entity.js';

/**
 * Appends one line to the claim's event log, in the caller's transaction:
 * the log and the change it describes commit together or not at all.
 */
export function appendClaimEvent(
  em: EntityManager,
  claim: Claim,
  actor: Actor,
  type: string,
  change: { from?: ClaimStatus | null; to?: ClaimStatus | null; data?: Record<string, unknown> } = {},
): ClaimEvent {
  return em.create(ClaimEvent, {
    claim,
    customer: claim.customer,
    type,
    fromStatus: change.from ?? null,
    toStatus: change.to ?? null,
    actorUser: staffUserId(actor),
    actorApiKey: actor.kind === 'integrator' ? actor.apiKeyId : null,
    actorLabel: actor.label,
    data: change.data ?? {},
  });
}
