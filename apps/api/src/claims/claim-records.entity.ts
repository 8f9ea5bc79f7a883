import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { Decision, Finding, PartCategory, PolicyClause } from '@aftersale/domain';
import { User } from '../auth/user.entity.js';
import { Part } from '../catalogue/part.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { Claim } from './claim.entity.js';

/** What the claims flow records on a claim, one entity per table; all append-only but the current part lines. */

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

/** H9: the customer's signed maintenance agreement. */
export const MaintenanceAgreement = defineEntity({
  name: 'MaintenanceAgreement',
  tableName: 'maintenance_agreement',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    signedOn: p.date(),
    signedBy: p.string(),
    recordedBy: () => p.manyToOne(User).fieldName('recorded_by').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MaintenanceAgreement = InferEntity<typeof MaintenanceAgreement>;

export const SHIPMENT_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;

/** H2, H7: the unit's trip in and out, at the customer's expense; the cost is recorded, never invoiced. */
export const Shipment = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    direction: p.string().$type<(typeof SHIPMENT_DIRECTIONS)[number]>(),
    carrier: p.string(),
    trackingNumber: p.string(),
    shippedOn: p.date(),
    cost: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Shipment = InferEntity<typeof Shipment>;

/** H5: a faulty part removed under warranty, kept by the company. */
export const RetainedPart = defineEntity({
  name: 'RetainedPart',
  tableName: 'retained_part',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    part: () => p.manyToOne(Part),
    serviceCentre: () => p.manyToOne(ServiceCentre),
    quantity: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RetainedPart = InferEntity<typeof RetainedPart>;
