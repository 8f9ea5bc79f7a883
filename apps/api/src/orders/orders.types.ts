import { STAFF_ROLES } from '@aftersale/domain';
import { Authorized, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CustomerType, PartType, ProductModelType } from '../catalogue/catalogue.types.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
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

@ObjectType('SpareAllowance', {
  description: 'What the policy grants an order: the rate of its quantity of each eligible part, up to the order-size limit (S1–S3).',
})
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

@ObjectType('Order', { description: 'A bulk order of one model for one customer.', simpleResolvers: true })
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

@ObjectType()
export class OrderPage extends PageOf(OrderType, 'OrderPage') {}

@ObjectType()
export class OrderConnection extends ConnectionOf(OrderType, 'Order') {}
