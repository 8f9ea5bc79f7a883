import type { EntityName } from '@mikro-orm/core';
import { StockMovementResolver } from './stock-movement.resolver.js';
import { StockMovement } from './stock-movement.entity.js';
import { Stock } from './stock.entity.js';
import { StockResolver } from './stock.resolver.js';
import type { StockService } from './stock.service.js';

const entities: EntityName[] = [Stock, StockMovement];

/** What each service centre holds of each part, and the ledger of every movement. */
export const stockModule = {
  entities,
  resolvers: (stock: StockService) => [new StockResolver(stock), new StockMovementResolver()],
};
