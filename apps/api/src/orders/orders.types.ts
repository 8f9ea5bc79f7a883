import { STAFF_ROLES } from '@aftersale/domain';
import { Field, Float, ID, InputType, Int, ObjectType, Authorized } from 'type-graphql';
import { IsOptional, MaxLength, Min } from 'class-validator';
import { CustomerType, PartType, ProductModelType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { PageOf, SortOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';

@ObjectType('SpareShipmentLine', { description: 'Free spare parts shipped with an order (S1–S3).' })
export class SpareShipmentLineType {
  @Field(() => PartType) part!: PartType;
  @Field(() => Int) quantity!: number;
  @Field({ description: 'A negotiated allowance for an order above the limit, not the policy rate.' }) negotiated!: boolean;
}

@ObjectType('SpareAllowanceLine')
export class SpareAllowanceLineType {
  @Field(() => PartType) part!: PartType;
  @Field(() => Int) quantity!: number;
}

@ObjectType('SpareAllowance', { description: "What the policy grants an order: the rate of its quantity of each eligible part, up to the order-size limit (S1–S3)." })
export class SpareAllowanceType {
  @Field({ description: 'False for an order above the limit: no automatic allowance (S3).' }) withinLimit!: boolean;
  @Field(() => Float) rate!: number;
  @Field(() => Int) maxOrderQuantity!: number;
  @Field() policyVersion!: string;
  @Field(() => [SpareAllowanceLineType], { description: 'One line per eligible part of the model (quantity may be 0); empty above the limit.' })
  lines!: SpareAllowanceLineType[];
}

@ObjectType('DeviceImport', { description: 'One CSV file of units imported into an order (the audit of imports).' })
export class DeviceImportType {
  @Field(() => ID) id!: number;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => Int) units!: number;
  @Field(() => String, { nullable: true, description: 'Who imported it (staff only).' })
  @Authorized(...STAFF_ROLES)
  importedBy!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('Order', { description: 'A bulk order of one model for one customer.' })
export class OrderType {
  @Field(() => ID) id!: number;
  @Field() number!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => LocalDateScalar, { nullable: true }) shippedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'W2: the warranty of its units starts here.' })
  receivedOn?: string | null;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field(() => ProductModelType) model!: ProductModelType;
  @Field() allowanceNegotiated!: boolean;
  @Field(() => String, { nullable: true }) allowanceReason?: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

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

@ObjectType()
export class OrderPage extends PageOf(OrderType, 'OrderPage') {}

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
