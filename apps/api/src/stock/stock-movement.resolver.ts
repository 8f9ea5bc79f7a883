import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { StockMovement } from './stock-movement.entity.js';
import { StockMovementType } from './stock.types.js';

@Resolver(() => StockMovementType)
export class StockMovementResolver {
  @FieldResolver(() => String, { nullable: true })
  actorName(@Root() movement: StockMovement) {
    return movement.actor?.name ?? null;
  }
}
