import type { ClaimStatus } from '@aftersale/domain';
import { Field, ObjectType } from 'type-graphql';
import { ClaimStatusEnum, ClaimType } from '../claims/claim.types.js';
import type { Claim } from '../claims/claim.entity.js';

@ObjectType('ClaimUpdateEvent', { description: 'What happened to the claim.', simpleResolvers: true })
export class ClaimUpdateEventType {
  @Field({ description: 'What happened, e.g. SUBMITTED, REQUEST_UNIT, ASSESSED.' }) type!: string;
  @Field(() => ClaimStatusEnum, { nullable: true }) fromStatus?: ClaimStatus | null;
  @Field(() => ClaimStatusEnum, { nullable: true }) toStatus?: ClaimStatus | null;
  @Field({ description: "Who did it: the API key's name for an integrator; staff show as `staff` to integrators." }) actor!: string;
  @Field({ description: 'When it was committed.' }) at!: Date;
}

@ObjectType('ClaimUpdate', { description: 'One event of the claim event log, in commit order, with the claim as it stands after it.' })
export class ClaimUpdateType {
  @Field({ description: 'Opaque; pass it as `after` to resume right after this event.' }) cursor!: string;
  @Field(() => ClaimUpdateEventType) event!: ClaimUpdateEventType;
  @Field(() => ClaimType) claim!: Claim;
}

@ObjectType('ClaimUpdateEdge')
export class ClaimUpdateEdge {
  @Field() cursor!: string;
  @Field(() => ClaimUpdateType) node!: ClaimUpdateType;
}

@ObjectType('ClaimUpdatePageInfo', { description: 'Where a page of the event log ends.' })
export class ClaimUpdatePageInfo {
  @Field({ description: 'More events after this page are already committed.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The last cursor of the page, or the `after` given when the page is empty.' })
  endCursor!: string | null;
}

@ObjectType('ClaimUpdateConnection', { description: 'The claim event log after a cursor, for clients that poll.' })
export class ClaimUpdateConnection {
  @Field(() => [ClaimUpdateEdge]) edges!: ClaimUpdateEdge[];
  @Field(() => ClaimUpdatePageInfo) pageInfo!: ClaimUpdatePageInfo;
}
