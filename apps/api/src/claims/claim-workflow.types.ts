import { STAFF_ROLES } from '@aftersale/domain';
import type { Decision, Finding, PolicyClause } from '@aftersale/domain';
import { CLAIM_ACTIONS, QUOTE_STATUSES } from '@aftersale/domain';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { PartType, ServiceCentreType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { DecisionEnum, FindingEnum, PolicyClauseEnum } from '../policy/policy.types.js';
import { ATTACHMENT_KINDS, type AttachmentKind } from './attachment.entity.js';
import { SHIPMENT_DIRECTIONS } from './shipment.entity.js';

export const ClaimActionEnum = graphqlEnum(CLAIM_ACTIONS, 'ClaimAction', 'A step of the claim lifecycle (POLICY.md §4).');
export const QuoteStatusEnum = graphqlEnum(QUOTE_STATUSES, 'QuoteStatus', "The customer's answer to a paid quote (H6, H8).");
export const ShipmentDirectionEnum = graphqlEnum(SHIPMENT_DIRECTIONS, 'ShipmentDirection');
export const AttachmentKindEnum = graphqlEnum(ATTACHMENT_KINDS, 'AttachmentKind');
export const RemoteResolutionEnum = graphqlEnum(
  ['SOFTWARE_UPDATE', 'GUIDANCE', 'PART_SENT'],
  'RemoteResolution',
  'H1: how a fault was solved without shipping the unit.',
);

@ObjectType('AssessedLine')
export class AssessedLineType {
  @Field(() => PartType) part!: PartType;
  @Field() covered!: boolean;
  @Field(() => [PolicyClauseEnum]) clauses!: PolicyClause[];
  @Field(() => Int) charge!: number;
}

@ObjectType('AssessmentProposal', { description: 'What the engine decides for given findings and parts (nothing recorded).' })
export class AssessmentProposalType {
  @Field(() => DecisionEnum) proposedDecision!: Decision;
  @Field(() => DecisionEnum) decision!: Decision;
  @Field(() => [PolicyClauseEnum]) clauses!: PolicyClause[];
  @Field(() => [AssessedLineType]) lines!: AssessedLineType[];
  @Field(() => Int) total!: number;
  @Field() underWarranty!: boolean;
  @Field(() => LocalDateScalar) lastCoveredDay!: string;
  @Field() replacementAllowed!: boolean;
  @Field() agreementRequired!: boolean;
  @Field() policyVersion!: string;
}

@ObjectType('ClaimLine', { description: 'A faulty part, as the latest assessment judged it (R1).', simpleResolvers: true })
export class ClaimLineType {
  @Field(() => ID) id!: number;
  @Field(() => PartType) part!: PartType;
  @Field() worn!: boolean;
  @Field() covered!: boolean;
  @Field(() => [PolicyClauseEnum]) clauses!: PolicyClause[];
  @Field(() => Int, { description: 'Material cost when chargeable, 0 when covered (H6).' }) charge!: number;
}

@ObjectType('ClaimAssessment', {
  description: 'The decision on a claim, with the clauses behind it and the policy version it was made under (R5).',
  simpleResolvers: true,
})
export class AssessmentType {
  @Field(() => ID) id!: number;
  @Field(() => [FindingEnum]) findings!: Finding[];
  @Field(() => DecisionEnum) proposedDecision!: Decision;
  @Field(() => DecisionEnum) decision!: Decision;
  @Field(() => String, { nullable: true }) overrideReason?: string | null;
  @Field(() => [PolicyClauseEnum]) clauses!: PolicyClause[];
  @Field() policyVersion!: string;
  @Field() underWarranty!: boolean;
  @Field(() => LocalDateScalar) lastCoveredDay!: string;
  @Field() replacementAllowed!: boolean;
  @Field({ description: 'H9: water or serious damage found.' }) agreementRequired!: boolean;
  @Field(() => Int, { description: 'Material cost of the chargeable lines.' }) total!: number;
  @Field(() => Int, { nullable: true }) serviceCharge?: number | null;
  @Field(() => String, { nullable: true }) serviceChargeDescription?: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('Shipment', { simpleResolvers: true })
export class ShipmentType {
  @Field(() => ID) id!: number;
  @Field(() => ShipmentDirectionEnum, { description: 'INBOUND (unit to the centre) or OUTBOUND (back to the customer).' })
  direction!: (typeof SHIPMENT_DIRECTIONS)[number];
  @Field() carrier!: string;
  @Field() trackingNumber!: string;
  @Field(() => LocalDateScalar) shippedOn!: string;
  // Not simple: the role check must run on this field.
  @Field(() => Int, { simple: false, nullable: true, description: 'Borne by the customer, never invoiced (H7). Staff only: an internal cost.' })
  @Authorized(...STAFF_ROLES)
  cost?: number | null;
}

@ObjectType('RetainedPart', { description: 'H5: a part removed under warranty, company property.', simpleResolvers: true })
export class RetainedPartType {
  @Field(() => ID) id!: number;
  @Field(() => PartType) part!: PartType;
  @Field(() => ServiceCentreType) serviceCentre!: ServiceCentreType;
  @Field(() => Int) quantity!: number;
  @Field() createdAt!: Date;
}

@ObjectType('MaintenanceAgreement', { description: 'H9: signed by the customer before a water- or serious-damage repair.', simpleResolvers: true })
export class MaintenanceAgreementType {
  @Field(() => LocalDateScalar) signedOn!: string;
  @Field() signedBy!: string;
  @Field() createdAt!: Date;
}

@ObjectType('Attachment', {
  description: 'A photo of the unit or a signed agreement. Download: GET /api/attachments/{id}; upload: POST /api/claims/{id}/attachments.',
  simpleResolvers: true,
})
export class AttachmentType {
  @Field(() => ID) id!: number;
  @Field(() => AttachmentKindEnum) kind!: AttachmentKind;
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field(() => Int) size!: number;
  @Field() createdAt!: Date;
}
