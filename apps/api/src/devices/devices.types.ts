import { STAFF_ROLES } from '@aftersale/domain';
import { Field, ID, InputType, ObjectType, Authorized } from 'type-graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { CustomerType, ProductModelType } from '../catalogue/catalogue.types.js';
import { OrderType } from '../orders/orders.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { PageOf, SortOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';

@ObjectType('Device', { description: 'One unit, identified by its IMEI.' })
export class DeviceType {
  @Field(() => ID) id!: number;
  @Field() imei!: string;
  @Field() barcode!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'W2: the date the customer received the unit.' })
  receivedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'W3/W4: the last day the warranty covers.' })
  lastCoveredDay?: string | null;
  @Field({ description: 'Whether the warranty covers the unit today.' })
  underWarranty!: boolean;
  @Field(() => ProductModelType) model!: ProductModelType;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field(() => OrderType, { description: 'Staff only: orders are internal (integrators get FORBIDDEN, as for the order query).' })
  @Authorized(...STAFF_ROLES)
  order!: OrderType;
  @Field(() => String, { nullable: true, description: 'W4: the IMEI of the unit that replaced this one (which carries the warranty on).' })
  replacedByImei?: string | null;
}

@ObjectType('WarrantyStatus')
export class WarrantyStatusType {
  @Field() imei!: string;
  @Field() underWarranty!: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while the goods are not received yet.' })
  receivedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) lastCoveredDay!: string | null;
  @Field(() => ProductModelType) model!: ProductModelType;
}

@InputType()
export class DeviceFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: 'The whole IMEI or its first digits.' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'imei must be up to 15 digits' })
  imei?: string;
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => ID, { nullable: true }) modelId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field({ nullable: true, description: 'The whole barcode.' })
  @IsOptional()
  @MaxLength(64)
  barcode?: string;
}

export const DeviceSortField = graphqlEnum(['IMEI', 'RECEIVED_ON', 'CREATED_AT'], 'DeviceSortField');

@InputType()
export class DeviceSort extends SortOf(DeviceSortField, 'DeviceSort') {}

@ObjectType()
export class DevicePage extends PageOf(DeviceType, 'DevicePage') {}
