import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { ClaimStatus } from '@aftersale/domain';
import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../auth/user.entity.js';
import { Customer } from '../catalogue/customer.entity.js';
import { Claim } from './claim.entity.js';

/** One line of a claim's story: who, when, from → to, what changed. Append-only. */
export const ClaimEvent = defineEntity({
  name: 'ClaimEvent',
  tableName: 'claim_event',
  properties: {
    id: p.bigint('number').primary(),
    claim: () => p.manyToOne(Claim),
    customer: () => p.manyToOne(Customer),
    type: p.string(),
    fromStatus: p.string().$type<ClaimStatus>().nullable(),
    toStatus: p.string().$type<ClaimStatus>().nullable(),
    actorUser: () => p.manyToOne(User).nullable(),
    actorApiKey: () => p.manyToOne(ApiKey).nullable(),
    actorLabel: p.string(),
    data: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ClaimEvent = InferEntity<typeof ClaimEvent>;
