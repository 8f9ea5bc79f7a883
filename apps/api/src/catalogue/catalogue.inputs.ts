import { Field, ID, InputType, Int } from 'type-graphql';
import { PartCategoryEnum } from '../policy/policy.types.js';
import type { PartCategory } from '@aftersale/domain';
import { IsOptional, MaxLength } from 'class-validator';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';

@InputType()
export class CreateCustomerInput {
  @Field({ description: 'Short unique code, e.g. ACME (A–Z, 0–9, -).' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. DE.' }) country!: string;
  @Field({ nullable: true }) contactEmail?: string;
  @Field({ nullable: true, description: 'Postal address for invoices; lines separated by newlines.' }) address?: string;
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you loaded: a stale one gets CONFLICT.' }) version!: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) country?: string;
  @Field({ nullable: true }) contactEmail?: string;
  @Field({ nullable: true, description: 'Postal address for invoices; lines separated by newlines.' }) address?: string;
}

@InputType()
export class CreateServiceCentreInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field() city!: string;
  @Field() country!: string;
  @Field() address!: string;
}

@InputType()
export class UpdateServiceCentreInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) city?: string;
  @Field({ nullable: true }) country?: string;
  @Field({ nullable: true }) address?: string;
}

@InputType()
export class CreateProductModelInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'PHONE, FEATURE_PHONE or TABLET.' }) kind!: string;
  @Field({ description: 'A regular expression every unit barcode of the model must match whole.' }) barcodePattern!: string;
}

@InputType()
export class UpdateProductModelInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) barcodePattern?: string;
}

@InputType()
export class CreatePartInput {
  @Field(() => ID) modelId!: string;
  @Field() sku!: string;
  @Field() name!: string;
  @Field(() => PartCategoryEnum) category!: PartCategory;
  @Field(() => Int, { description: 'Material cost in minor units (cents) of the policy currency.' }) materialCost!: number;
}

@InputType()
export class UpdatePartInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) materialCost?: number;
  @Field({ nullable: true, description: 'Inactive parts are kept for history but no longer offered.' }) active?: boolean;
}

@InputType()
export class PartFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) modelId?: string;
  @Field(() => [PartCategoryEnum], { nullable: true }) category?: PartCategory[];
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true, description: 'Matches SKU or name.' })
  @IsOptional()
  @MaxLength(100)
  q?: string;
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

export const CatalogueSortField = graphqlEnum(['CODE', 'NAME', 'CREATED_AT'], 'CatalogueSortField');
@InputType()
export class CatalogueSort extends SortOf(CatalogueSortField, 'CatalogueSort') {}

export const PartSortField = graphqlEnum(['SKU', 'NAME', 'CATEGORY', 'MATERIAL_COST'], 'PartSortField');
@InputType()
export class PartSort extends SortOf(PartSortField, 'PartSort') {}
