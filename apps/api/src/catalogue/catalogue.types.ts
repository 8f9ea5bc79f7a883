import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { PageOf } from '../platform/pagination.js';

@ObjectType('Customer', { simpleResolvers: true })
export class CustomerType {
  @Field(() => ID) id!: number;
  @Field({ description: 'Short unique code, e.g. ACME.' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country code.' }) country!: string;
}

@ObjectType('ProductModel', { simpleResolvers: true })
export class ProductModelType {
  @Field(() => ID) id!: number;
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'PHONE, FEATURE_PHONE or TABLET.' }) kind!: string;
}

@ObjectType('ServiceCentre', { simpleResolvers: true })
export class ServiceCentreType {
  @Field(() => ID) id!: number;
  @Field() code!: string;
  @Field() name!: string;
  @Field() city!: string;
  @Field() country!: string;
}

/** Filter shared by the small catalogue lists: by ids (react-admin's getMany) or free text. */
@InputType()
export class CatalogueFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: 'Matches code or name.' })
  @IsOptional()
  @MaxLength(100)
  q?: string;
}

@ObjectType()
export class CustomerPage extends PageOf(CustomerType, 'CustomerPage') {}
@ObjectType()
export class ProductModelPage extends PageOf(ProductModelType, 'ProductModelPage') {}
@ObjectType()
export class ServiceCentrePage extends PageOf(ServiceCentreType, 'ServiceCentrePage') {}
