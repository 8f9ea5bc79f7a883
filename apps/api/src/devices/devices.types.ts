import { STAFF_ROLES } from '@aftersale/domain';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { CustomerType, ProductModelType } from '../catalogue/catalogue.types.js';
import { OrderType } from '../orders/orders.types.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';

@ObjectType('Device', { description: 'One unit, identified by its IMEI.', simpleResolvers: true })
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
  // Not simple: the role check must run on this field.
  @Field(() => OrderType, { simple: false, description: 'Staff only: orders are internal (integrators get FORBIDDEN, as for the order query).' })
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

@ObjectType()
export class DevicePage extends PageOf(DeviceType, 'DevicePage') {}

@ObjectType()
export class DeviceConnection extends ConnectionOf(DeviceType, 'Device') {}
