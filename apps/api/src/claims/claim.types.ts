import { CLAIM_STATUSES, type ClaimStatus, type Decision, type FormType } from '@aftersale/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, type MiddlewareFn, ObjectType, UseMiddleware } from 'type-graphql';
import type { Context } from '../platform/context.js';
import { CustomerType, ProductModelType } from '../catalogue/catalogue.types.js';
import { DeviceType } from '../devices/devices.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { DecisionEnum, FormTypeEnum } from '../policy/policy.types.js';

export const ClaimStatusEnum = graphqlEnum(CLAIM_STATUSES, 'ClaimStatus', 'Where a claim stands in its lifecycle.');

/** What an integrator reads as an event's actor: its own keys by name, and "staff" for any member of staff (no staff emails leave the company). */
export const actorForCaller: MiddlewareFn<Context> = async ({ context }, next) => {
  const actor = (await next()) as string;
  return context.actor?.kind === 'integrator' && !actor.startsWith('api-key:') ? 'staff' : actor;
};

// Every field is a plain read (no middleware) but `actor`, which depends on who asks.
@ObjectType('ClaimEvent', { description: "One line of a claim's story." })
export class ClaimEventType {
  @Field(() => ID, { simple: true }) id!: number;
  @Field({ simple: true, description: 'What happened, e.g. SUBMITTED, TRANSITION, ASSESSED.' }) type!: string;
  @Field(() => ClaimStatusEnum, { simple: true, nullable: true }) fromStatus?: ClaimStatus | null;
  @Field(() => ClaimStatusEnum, { simple: true, nullable: true }) toStatus?: ClaimStatus | null;
  @Field({ description: 'Who did it: a staff email or an API key name (integrators see "staff" for any member of staff).' })
  @UseMiddleware(actorForCaller)
  actor!: string;
  @Field({ simple: true, description: 'When it happened.' }) at!: Date;
  @Field(() => String, { simple: true, nullable: true, description: 'What the person wrote, if anything.' }) note?: string | null;
  @Field(() => GraphQLJSONObject, { simple: true, description: 'What changed.' }) data!: Record<string, unknown>;
}

@ObjectType('Claim', { description: 'What a customer files for one unit, on a Repair or Replacement Form.', simpleResolvers: true })
export class ClaimType {
  @Field(() => ID) id!: number;
  @Field({ description: 'The human reference, e.g. CL-0000123.' }) number!: string;
  @Field(() => ClaimStatusEnum) status!: ClaimStatus;
  @Field(() => FormTypeEnum) formType!: FormType;
  @Field({ description: "The customer's commercial-invoice reference." }) ciNumber!: string;
  @Field() symptoms!: string;
  @Field({ description: 'H3: the customer backed up and deleted their data.' }) dataBackupAcknowledged!: boolean;
  @Field(() => DecisionEnum, { nullable: true }) decision?: Decision | null;
  @Field(() => LocalDateScalar, { description: 'The day that counts for the warranty (W3).' }) submittedOn!: string;
  @Field({ description: 'When the claim was filed.' }) submittedAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int, { description: 'Send it back on edits: a stale version gets CONFLICT.' }) version!: number;
  @Field(() => DeviceType) device!: DeviceType;
  @Field(() => ProductModelType) model!: ProductModelType;
  @Field(() => CustomerType) customer!: CustomerType;
}

@ObjectType('ClaimStatusCount')
export class ClaimStatusCountType {
  @Field(() => ClaimStatusEnum) status!: ClaimStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ClaimPage extends PageOf(ClaimType, 'ClaimPage') {}

@ObjectType()
export class ClaimConnection extends ConnectionOf(ClaimType, 'Claim') {}
