import { STAFF_ROLES } from '@aftersale/domain';
import type { Decision, Finding, PolicyClause } from '@aftersale/domain';
import { CLAIM_ACTIONS } from '@aftersale/domain';
import { Field, ID, InputType, Int, ObjectType, Authorized } from 'type-graphql';
import { PartType, ServiceCentreType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { DecisionEnum, FindingEnum, PolicyClauseEnum } from '../policy/policy.types.js';
import { ATTACHMENT_KINDS, type AttachmentKind } from './attachment.entity.js';
import { SHIPMENT_DIRECTIONS } from './shipment.entity.js';

export const ClaimActionEnum = graphqlEnum(CLAIM_ACTIONS, 'ClaimAction', 'A step of the claim lifecycle (POLICY.md §4).');
export const QuoteStatusEnum = graphqlEnum(['PENDING', 'APPROVED', 'DECLINED'], 'QuoteStatus', "The customer's answer to a paid quote (H6, H8).");
export const ShipmentDirectionEnum = graphqlEnum(SHIPMENT_DIRECTIONS, 'ShipmentDirection');
export const AttachmentKindEnum = graphqlEnum(ATTACHMENT_KINDS, 'AttachmentKind');
export const RemoteResolutionEnum = graphqlEnum(['SOFTWARE_UPDATE', 'GUIDANCE', 'PART_SENT'], 'RemoteResolution', 'H1: how a fault was solved without shipping the unit.');

/** Every step names the claim and the version the caller last read (optimistic locking). */
@InputType()
export class ClaimStepInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you last read; a stale one gets CONFLICT.' }) version!: number;
  @Field(() => String, { nullable: true, description: 'A note for the event log (required to cancel).' }) note?: string | null;
}

@InputType()
export class ResolveRemotelyInput extends ClaimStepInput {
  @Field(() => RemoteResolutionEnum) how!: keyof typeof RemoteResolutionEnum;
  @Field({ description: 'What was done, for the customer and the log.' }) resolution!: string;
}

@InputType()
export class RequestUnitInput extends ClaimStepInput {
  @Field(() => ID, { description: 'H2: the service centre the customer sends the unit to.' }) serviceCentreId!: string;
}

@InputType({ description: "H2, H7: a carrier trip, at the customer's expense." })
export class ShipmentInput extends ClaimStepInput {
  @Field() carrier!: string;
  @Field() trackingNumber!: string;
  @Field(() => LocalDateScalar) shippedOn!: string;
  @Field(() => Int, { nullable: true, description: 'What the customer paid, in cents: recorded, never invoiced (H7).' }) cost?: number | null;
}

@InputType()
export class AssessmentLineInput {
  @Field(() => ID, { description: "A part of the claim's model." }) partId!: string;
  @Field(() => Boolean, { nullable: true, description: 'Natural wear of this part (F).' }) worn?: boolean | null;
}

@InputType({ description: 'H8: a solution beyond the commitment, charged as its own line.' })
export class ServiceChargeInput {
  @Field() description!: string;
  @Field(() => Int, { description: 'Cents, > 0.' }) amount!: number;
}

@InputType({ description: 'Findings and faulty parts, for a preview of the decision.' })
export class AssessmentProposalInput {
  @Field(() => [FindingEnum]) findings!: Finding[];
  @Field(() => [AssessmentLineInput], { description: 'The faulty parts found (may be empty: no fault found).' }) lines!: AssessmentLineInput[];
  @Field(() => DecisionEnum, { nullable: true, description: 'Decide otherwise than the engine proposes; needs overrideReason.' }) decision?: Decision | null;
  @Field(() => String, { nullable: true }) overrideReason?: string | null;
}

@InputType()
export class AssessmentInput extends ClaimStepInput {
  @Field(() => [FindingEnum]) findings!: Finding[];
  @Field(() => [AssessmentLineInput], { description: 'The faulty parts found (may be empty: no fault found).' }) lines!: AssessmentLineInput[];
  @Field(() => DecisionEnum, { nullable: true, description: 'Decide otherwise than the engine proposes; needs overrideReason.' }) decision?: Decision | null;
  @Field(() => String, { nullable: true }) overrideReason?: string | null;
  @Field(() => ServiceChargeInput, { nullable: true }) serviceCharge?: ServiceChargeInput | null;
}

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

@InputType()
export class RecordAgreementInput extends ClaimStepInput {
  @Field(() => LocalDateScalar) signedOn!: string;
  @Field({ description: 'Who signed for the customer.' }) signedBy!: string;
}

@InputType()
export class ReplaceUnitInput extends ClaimStepInput {
  @Field({ description: 'The replacement unit (same model).' }) imei!: string;
  @Field() barcode!: string;
}

@ObjectType('ClaimLine', { description: 'A faulty part, as the latest assessment judged it (R1).' })
export class ClaimLineType {
  @Field(() => ID) id!: number;
  @Field(() => PartType) part!: PartType;
  @Field() worn!: boolean;
  @Field() covered!: boolean;
  @Field(() => [PolicyClauseEnum]) clauses!: PolicyClause[];
  @Field(() => Int, { description: 'Material cost when chargeable, 0 when covered (H6).' }) charge!: number;
}

@ObjectType('ClaimAssessment', { description: 'The decision on a claim, with the clauses behind it and the policy version it was made under (R5).' })
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

@ObjectType('Shipment')
export class ShipmentType {
  @Field(() => ID) id!: number;
  @Field(() => ShipmentDirectionEnum, { description: 'INBOUND (unit to the centre) or OUTBOUND (back to the customer).' }) direction!: (typeof SHIPMENT_DIRECTIONS)[number];
  @Field() carrier!: string;
  @Field() trackingNumber!: string;
  @Field(() => LocalDateScalar) shippedOn!: string;
  @Field(() => Int, { nullable: true, description: 'Borne by the customer, never invoiced (H7). Staff only: an internal cost.' })
  @Authorized(...STAFF_ROLES)
  cost?: number | null;
}

@ObjectType('RetainedPart', { description: 'H5: a part removed under warranty, company property.' })
export class RetainedPartType {
  @Field(() => ID) id!: number;
  @Field(() => PartType) part!: PartType;
  @Field(() => ServiceCentreType) serviceCentre!: ServiceCentreType;
  @Field(() => Int) quantity!: number;
  @Field() createdAt!: Date;
}

@ObjectType('MaintenanceAgreement', { description: 'H9: signed by the customer before a water- or serious-damage repair.' })
export class MaintenanceAgreementType {
  @Field(() => LocalDateScalar) signedOn!: string;
  @Field() signedBy!: string;
  @Field() createdAt!: Date;
}

@ObjectType('Attachment', { description: 'A photo of the unit or a signed agreement. Download: GET /api/attachments/{id}; upload: POST /api/claims/{id}/attachments.' })
export class AttachmentType {
  @Field(() => ID) id!: number;
  @Field(() => AttachmentKindEnum) kind!: AttachmentKind;
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field(() => Int) size!: number;
  @Field() createdAt!: Date;
}
