import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';

export const WebhookDeliveryStatusEnum = graphqlEnum(
  ['PENDING', 'SENDING', 'SUCCEEDED', 'FAILED'] as const,
  'WebhookDeliveryStatus',
  'Where a webhook delivery stands.',
);

@ObjectType('WebhookEndpoint', { description: "Where a customer's claim events are POSTed, signed with the endpoint's secret." })
export class WebhookEndpointType {
  @Field(() => ID) id!: number;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field() url!: string;
  @Field(() => [String], { description: 'Event types sent (e.g. SUBMITTED, REQUEST_UNIT); empty: every event.' }) eventTypes!: string[];
  @Field() enabled!: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'Set when a delivery failed every retry (about a day): deliveries wait until the endpoint is enabled again.',
  })
  failingSince?: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('CreatedWebhookEndpoint')
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field({ description: 'Signs every delivery (Aftersale-Signature). Shown once: keep it now.' }) secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One event sent (or to be sent) to one endpoint, with how its last attempt went.' })
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The Aftersale-Delivery header: the same on every attempt.' }) deliveryId!: string;
  @Field(() => ID) claimId!: string;
  @Field() eventType!: string;
  @Field(() => WebhookDeliveryStatusEnum) status!: string;
  @Field(() => Int) attempts!: number;
  @Field({ description: 'When it is (or was to be) tried next.' }) nextAttemptAt!: Date;
  @Field(() => Date, { nullable: true }) lastAttemptAt?: Date | null;
  @Field(() => Int, { nullable: true, description: "The endpoint's HTTP status on the last attempt." }) lastStatusCode?: number | null;
  @Field(() => Int, { nullable: true }) lastLatencyMs?: number | null;
  @Field(() => String, { nullable: true }) lastError?: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt?: Date | null;
  @Field() createdAt!: Date;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: 'Required for administrators; an API key registers for its own customer.' }) customerId?: string;
  @Field({ description: 'https, public address (http://127.0.0.1 only where the server allows it).' }) url!: string;
  @Field(() => [String], { nullable: true, description: 'Only these event types; every event when empty or absent.' }) eventTypes?: string[];
}
