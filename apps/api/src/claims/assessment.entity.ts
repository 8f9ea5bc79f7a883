import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { Decision, Finding, PolicyClause } from '@aftersale/domain';
import { User } from '../auth/user.entity.js';
import { Claim } from './claim.entity.js';

/** An assessment as recorded (R5: with its policy version; never recomputed). */
export const Assessment = defineEntity({
  name: 'Assessment',
  tableName: 'assessment',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    findings: p.array<Finding>(),
    proposedDecision: p.string().$type<Decision>(),
    decision: p.string().$type<Decision>(),
    clauses: p.array<PolicyClause>(),
    overrideReason: p.string().nullable(),
    policyVersion: p.string(),
    underWarranty: p.boolean(),
    lastCoveredDay: p.date(),
    replacementAllowed: p.boolean(),
    agreementRequired: p.boolean(),
    total: p.integer(),
    serviceCharge: p.integer().nullable(),
    serviceChargeDescription: p.string().nullable(),
    assessedBy: () => p.manyToOne(User).fieldName('assessed_by').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Assessment = InferEntity<typeof Assessment>;
