import { CLAIM_STATUSES, type ClaimStatus, type Decision, type FormType } from '@aftersale/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, Min } from 'class-validator';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { DecisionEnum, FormTypeEnum } from '../policy/policy.types.js';
import { ClaimStatusEnum } from './claim.types.js';

@InputType()
export class ClaimFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => [ClaimStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(CLAIM_STATUSES.length)
  status?: ClaimStatus[];
  @Field(() => ID, { nullable: true }) modelId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) deviceId?: string;
  @Field(() => ID, { nullable: true }) serviceCentreId?: string;
  @Field(() => [DecisionEnum], { nullable: true }) decision?: Decision[];
  @Field(() => Int, { nullable: true, description: 'Submitted at least this many days ago (the age of the work).' })
  @IsOptional()
  @Min(0)
  olderThanDays?: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Submitted on or after.' }) submittedFrom?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Submitted on or before.' }) submittedTo?: string;
  @Field({ nullable: true, description: 'Matches the claim number, the CI number or the start of the IMEI (8 digits or more).' })
  @IsOptional()
  @MaxLength(64)
  q?: string;
}

export const ClaimSortField = graphqlEnum(
  ['NUMBER', 'SUBMITTED_AT', 'STATUS', 'UPDATED_AT', 'FORM_TYPE', 'DECISION', 'IMEI', 'MODEL', 'CUSTOMER', 'SERVICE_CENTRE', 'CI_NUMBER'],
  'ClaimSortField',
);

@InputType()
export class ClaimSort extends SortOf(ClaimSortField, 'ClaimSort') {}

@InputType({ description: 'A Repair or Replacement Form for one unit.' })
export class SubmitClaimInput {
  @Field({ description: '15 digits with a valid check digit.' }) imei!: string;
  @Field(() => FormTypeEnum) formType!: FormType;
  @Field() ciNumber!: string;
  @Field() symptoms!: string;
  @Field({ description: 'H3: must be true; the company bears no responsibility for data loss.' })
  dataBackupAcknowledged!: boolean;
  @Field({ nullable: true, description: 'Retrying with the same key returns the same claim instead of a new one.' })
  idempotencyKey?: string;
}
