import type { PartCategory } from '@aftersale/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';
import { PartCategoryEnum } from '../policy/policy.types.js';
import { type StockMovementKind } from './stock-movement.entity.js';
import { StockMovementKindEnum } from './stock.types.js';

@InputType()
export class StockFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) serviceCentreId?: string;
  @Field(() => ID, { nullable: true }) partId?: string;
  @Field(() => ID, { nullable: true }) modelId?: string;
  @Field(() => [PartCategoryEnum], { nullable: true }) category?: PartCategory[];
  @Field({ nullable: true, description: 'True: only parts at or below their low-stock threshold.' }) low?: boolean;
  @Field({ nullable: true, description: "Matches the part's SKU or name." })
  @IsOptional()
  @MaxLength(100)
  q?: string;
}

export const StockSortField = graphqlEnum(['PART', 'ON_HAND', 'UPDATED_AT'], 'StockSortField');

@InputType()
export class StockSort extends SortOf(StockSortField, 'StockSort') {}

@InputType()
export class StockMovementFilter {
  @Field(() => ID, { nullable: true }) serviceCentreId?: string;
  @Field(() => ID, { nullable: true }) partId?: string;
  @Field(() => [StockMovementKindEnum], { nullable: true }) kind?: StockMovementKind[];
}

@InputType()
export class ReceiveStockInput {
  @Field(() => ID) serviceCentreId!: string;
  @Field(() => ID) partId!: string;
  @Field(() => Int, { description: 'Pieces received, > 0.' }) quantity!: number;
  @Field({ nullable: true, description: 'E.g. the delivery note.' }) reason?: string;
}

@InputType()
export class AdjustStockInput {
  @Field(() => ID) serviceCentreId!: string;
  @Field(() => ID) partId!: string;
  @Field(() => Int, { description: 'Pieces to add (positive) or remove (negative); never below zero on hand.' }) delta!: number;
  @Field({ description: 'Why: stocktake, damaged in storage, …' }) reason!: string;
}

@InputType()
export class ConsumeStockInput {
  @Field(() => ID) serviceCentreId!: string;
  @Field(() => ID) partId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ID, { nullable: true, description: 'The claim the parts go into.' }) claimId?: string;
  @Field({ nullable: true }) reason?: string;
}

@InputType()
export class UpdateStockSettingsInput {
  @Field(() => ID, { description: '`<serviceCentreId>:<partId>`' }) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => Int) lowStockThreshold!: number;
}
