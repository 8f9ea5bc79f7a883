import { DECISIONS, FINDINGS, FORM_TYPES, PART_CATEGORIES, POLICY_CLAUSES, type Finding, type PartCategory, type PolicyClause } from '@aftersale/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { LocalDateScalar } from '../platform/scalars.js';

/** The policy's vocabulary as GraphQL enums (CONTRACT.md §2): the domain's values, nothing else. */
export const FormTypeEnum = graphqlEnum(FORM_TYPES, 'FormType', 'Repair Form or Replacement Form.');
export const DecisionEnum = graphqlEnum(DECISIONS, 'Decision', 'What the warranty covers (POLICY.md R2).');
export const PolicyClauseEnum = graphqlEnum(POLICY_CLAUSES, 'PolicyClause', 'A reason the warranty does not cover something (POLICY.md §5).');
export const PartCategoryEnum = graphqlEnum(PART_CATEGORIES, 'PartCategory');
export const FindingEnum = graphqlEnum(FINDINGS, 'Finding', 'What a technician can find at inspection (POLICY.md §5).');

@ObjectType('PolicyFindingInfo', { description: 'How a finding reads in the policy (§5, R4).', simpleResolvers: true })
export class PolicyFindingInfoType {
  @Field(() => FindingEnum) code!: Finding;
  @Field(() => PolicyClauseEnum, { nullable: true, description: 'The clause it brings in; none for serious damage (R4).' }) clause!: PolicyClause | null;
  @Field({ description: 'Water or serious damage: no repair before the maintenance agreement (H9).' }) agreementRequired!: boolean;
  @Field(() => String, { nullable: true, description: "What else the policy says of it, beyond its clause's text." }) reading!: string | null;
}

@ObjectType('PolicyClauseInfo', {
  description: 'A clause of POLICY.md §5: its stable code, its letter in the policy text, and its text.',
  simpleResolvers: true,
})
export class PolicyClauseInfoType {
  @Field(() => PolicyClauseEnum) code!: PolicyClause;
  @Field({ description: "'A' to 'H', 'Others A', 'Others B'." }) letter!: string;
  @Field() text!: string;
  @Field({ description: 'EVERY_LINE_CHARGEABLE, WORN_LINES_CHARGEABLE, NO_REPLACEMENT or NOT_COVERED.' }) effect!: string;
}

@ObjectType('WarrantyPolicy', { description: 'A released version of the warranty policy parameters.', simpleResolvers: true })
export class WarrantyPolicyType {
  @Field() version!: string;
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => Int) warrantyMonths!: number;
  @Field(() => Float) spareAllowanceRate!: number;
  @Field(() => Int) spareAllowanceMaxOrderQty!: number;
  @Field(() => [PartCategoryEnum]) spareAllowanceExcluded!: readonly PartCategory[];
  @Field(() => [PartCategoryEnum]) wearableCategories!: readonly PartCategory[];
  @Field() currency!: string;
}
