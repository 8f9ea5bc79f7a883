import type { Decision, Finding } from '@aftersale/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../platform/scalars.js';
import { DecisionEnum, FindingEnum } from '../policy/policy.types.js';
import { RemoteResolutionEnum } from './claim-workflow.types.js';

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
