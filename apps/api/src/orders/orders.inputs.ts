import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength, Min } from 'class-validator';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';

@InputType()
export class OrderFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) modelId?: string;
  @Field({ nullable: true, description: 'True: received orders only; false: orders still in transit.' }) received?: boolean;
  @Field({ nullable: true, description: 'Matches the order number.' })
  @IsOptional()
  @MaxLength(100)
  q?: string;
}

export const OrderSortField = graphqlEnum(['NUMBER', 'QUANTITY', 'RECEIVED_ON', 'CREATED_AT'], 'OrderSortField');

@InputType()
export class OrderSort extends SortOf(OrderSortField, 'OrderSort') {}

@InputType()
export class CreateOrderInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID) modelId!: string;
  @Field(() => Int) quantity!: number;
  @Field({ nullable: true, description: 'Left out: the next SO-YYYY-NNNN of the year.' }) number?: string;
  @Field(() => LocalDateScalar, { nullable: true }) shippedOn?: string;
}

@InputType()
export class UpdateOrderInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you last read (optimistic locking).' }) version!: number;
  @Field({ nullable: true }) number?: string;
  @Field(() => Int, { nullable: true, description: 'Only before the goods are received.' }) quantity?: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'null clears it (while in transit).' }) shippedOn?: string | null;
}

@InputType()
export class AllowanceLineInput {
  @Field(() => ID) partId!: string;
  @Field(() => Int)
  @Min(0)
  quantity!: number;
}

@InputType({ description: 'S3: an allowance agreed with the customer for an order above the limit.' })
export class NegotiatedAllowanceInput {
  @Field() reason!: string;
  @Field(() => [AllowanceLineInput]) lines!: AllowanceLineInput[];
}

@InputType()
export class RecordOrderReceiptInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => LocalDateScalar, { description: 'W2: the day the customer received the goods.' }) receivedOn!: string;
  @Field(() => NegotiatedAllowanceInput, { nullable: true, description: 'Only for an order above the limit.' })
  negotiatedAllowance?: NegotiatedAllowanceInput;
}
