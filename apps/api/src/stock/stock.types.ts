import type { PartCategory } from '@aftersale/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { PartType, ServiceCentreType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { PageOf, SortOf } from '../platform/pagination.js';
import { PartCategoryEnum } from '../policy/policy.types.js';
import { STOCK_MOVEMENT_KINDS, type StockMovementKind } from './stock-movement.entity.js';

export const StockMovementKindEnum = graphqlEnum(STOCK_MOVEMENT_KINDS, 'StockMovementKind');

@ObjectType('StockLevel', { description: 'What one service centre holds of one part.' })
export class StockLevelType {
  @Field(() => ID, { description: '`<serviceCentreId>:<partId>`' }) id!: string;
  @Field(() => ServiceCentreType) serviceCentre!: ServiceCentreType;
  @Field(() => PartType) part!: PartType;
  @Field(() => Int) onHand!: number;
  @Field(() => Int) lowStockThreshold!: number;
  @Field({ description: 'onHand is at or below the threshold.' }) low!: boolean;
  @Field() updatedAt!: Date;
  @Field(() => Int, { description: 'Version of the settings (threshold), for optimistic locking; stock movements do not change it.' })
  version!: number;
}

@ObjectType('StockMovement')
export class StockMovementType {
  @Field(() => ID) id!: number;
  @Field(() => ServiceCentreType) serviceCentre!: ServiceCentreType;
  @Field(() => PartType) part!: PartType;
  @Field(() => Int, { description: 'Positive in, negative out.' }) delta!: number;
  @Field(() => StockMovementKindEnum) kind!: StockMovementKind;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => ID, { nullable: true, description: 'The claim the parts were consumed for.' }) claimId?: number | null;
  @Field(() => String, { nullable: true, description: 'Who moved the stock.' }) actorName?: string | null;
  @Field() createdAt!: Date;
}

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

@ObjectType()
export class StockLevelPage extends PageOf(StockLevelType, 'StockLevelPage') {}

@InputType()
export class StockMovementFilter {
  @Field(() => ID, { nullable: true }) serviceCentreId?: string;
  @Field(() => ID, { nullable: true }) partId?: string;
  @Field(() => [StockMovementKindEnum], { nullable: true }) kind?: StockMovementKind[];
}

@ObjectType()
export class StockMovementPage extends PageOf(StockMovementType, 'StockMovementPage') {}

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
