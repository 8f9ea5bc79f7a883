import type { PartCategory } from '@aftersale/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartCategoryEnum } from '../policy/policy.types.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';

@ObjectType('Customer', { simpleResolvers: true })
export class CustomerType {
  @Field(() => ID) id!: number;
  @Field({ description: 'Short unique code, e.g. ACME.' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country code.' }) country!: string;
  @Field(() => String, { nullable: true }) contactEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal address for invoices; lines separated by newlines.' }) address?: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('ProductModel', { simpleResolvers: true })
export class ProductModelType {
  @Field(() => ID) id!: number;
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'PHONE, FEATURE_PHONE or TABLET.' }) kind!: string;
  @Field({ description: 'The regular expression every unit barcode matches whole.' }) barcodePattern!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('ServiceCentre', { simpleResolvers: true })
export class ServiceCentreType {
  @Field(() => ID) id!: number;
  @Field() code!: string;
  @Field() name!: string;
  @Field() city!: string;
  @Field() country!: string;
  @Field() address!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('Part', { simpleResolvers: true })
export class PartType {
  @Field(() => ID) id!: number;
  @Field() sku!: string;
  @Field() name!: string;
  @Field(() => PartCategoryEnum) category!: PartCategory;
  @Field(() => Int, { description: 'Minor units (cents) of `currency`.' }) materialCost!: number;
  @Field() currency!: string;
  @Field() active!: boolean;
  @Field(() => ProductModelType) model!: ProductModelType;
  @Field(() => Int) version!: number;
}

@ObjectType()
export class CustomerPage extends PageOf(CustomerType, 'CustomerPage') {}

@ObjectType()
export class CustomerConnection extends ConnectionOf(CustomerType, 'Customer') {}
@ObjectType()
export class ProductModelPage extends PageOf(ProductModelType, 'ProductModelPage') {}

@ObjectType()
export class ProductModelConnection extends ConnectionOf(ProductModelType, 'ProductModel') {}
@ObjectType()
export class PartPage extends PageOf(PartType, 'PartPage') {}

@ObjectType()
export class PartConnection extends ConnectionOf(PartType, 'Part') {}
@ObjectType()
export class ServiceCentrePage extends PageOf(ServiceCentreType, 'ServiceCentrePage') {}

@ObjectType()
export class ServiceCentreConnection extends ConnectionOf(ServiceCentreType, 'ServiceCentre') {}
