import type { EntityName } from '@mikro-orm/core';
import type { Clock } from '../platform/clock.js';
import { Order } from './order.entity.js';
import { OrdersResolver } from './orders.resolver.js';
import { OrdersService } from './orders.service.js';
import { SpareShipment } from './spare-shipment.entity.js';

const entities: EntityName[] = [Order, SpareShipment];

/** Customers' orders, their received dates (W1, W2) and the free spare parts shipped with them (S1–S4). */
export const ordersModule = {
  entities,
  resolvers: (clock: Clock) => [new OrdersResolver(new OrdersService(clock))],
};
