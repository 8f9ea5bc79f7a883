import { CLAIM_STATUSES, type ClaimStatus, type Decision, type FormType } from '@aftersale/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Actor } from '../platform/actor.js';
import { CustomerType, ProductModelType } from '../catalogue/catalogue.types.js';
import { DeviceType } from '../devices/devices.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { DecisionEnum, FormTypeEnum } from '../policy/policy.types.js';

export const ClaimStatusEnum = graphqlEnum(CLAIM_STATUSES, 'ClaimStatus', 'Where a claim stands in its lifecycle.');

/** What an integrator reads as an event's actor: its own keys by name, and "staff" for any member of staff (no staff emails leave the company). */
export function eventsAsSeenBy<E extends { actor: string }>(caller: Actor | null, events: E[]): E[] {
  if (caller?.kind !== 'integrator') return events;
  return events.map((event) => (event.actor.startsWith('api-key:') ? event : { ...event, actor: 'staff' }));
}

// Every field is a plain read (no middleware): the actor is already as the caller may see it (eventsAsSeenBy).
@ObjectType('ClaimEvent', { description: "One line of a claim's story.", simpleResolvers: true })
export class ClaimEventType {
  @Field(() => ID) id!: number;
  @Field({ description: 'What happened, e.g. SUBMITTED, TRANSITION, ASSESSED.' }) type!: string;
  @Field(() => ClaimStatusEnum, { nullable: true }) fromStatus?: ClaimStatus | null;
  @Field(() => ClaimStatusEnum, { nullable: true }) toStatus?: ClaimStatus | null;
  @Field({ description: 'Who did it: a staff email or an API key name (integrators see "staff" for any member of staff).' })
  actor!: string;
  @Field({ description: 'When it happened.' }) at!: Date;
  @Field(() => String, { nullable: true, description: 'What the person wrote, if anything.' }) note?: string | null;
  @Field(() => GraphQLJSONObject, { description: 'What changed.' }) data!: Record<string, unknown>;
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
