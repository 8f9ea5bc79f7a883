import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartType, ServiceCentreType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
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

@ObjectType()
export class StockLevelPage extends PageOf(StockLevelType, 'StockLevelPage') {}

@ObjectType()
export class StockLevelConnection extends ConnectionOf(StockLevelType, 'StockLevel') {}

@ObjectType()
export class StockMovementPage extends PageOf(StockMovementType, 'StockMovementPage') {}

@ObjectType()
export class StockMovementConnection extends ConnectionOf(StockMovementType, 'StockMovement') {}
