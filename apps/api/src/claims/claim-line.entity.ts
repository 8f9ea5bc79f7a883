import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { PartCategory, PolicyClause } from '@aftersale/domain';
import { Part } from '../catalogue/part.entity.js';
import { Claim } from './claim.entity.js';

/** A faulty part found at inspection, as the latest assessment judged it (R1). */
export const ClaimLine = defineEntity({
  name: 'ClaimLine',
  tableName: 'claim_line',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    part: () => p.manyToOne(Part),
    category: p.string().$type<PartCategory>(),
    materialCost: p.integer(),
    worn: p.boolean().default(false),
    covered: p.boolean().nullable(),
    clauses: p.array<PolicyClause>(),
    charge: p.integer().default(0),
  },
});
export type ClaimLine = InferEntity<typeof ClaimLine>;
