import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Part } from '../catalogue/part.entity.js';
import { Order } from './order.entity.js';

/** S1–S3: the free spare parts shipped with an order, one row per part. */
export const SpareShipment = defineEntity({
  name: 'SpareShipment',
  tableName: 'spare_shipment',
  properties: {
    id: p.integer().primary(),
    order: () => p.manyToOne(Order),
    part: () => p.manyToOne(Part),
    quantity: p.integer(),
    /** A negotiated allowance for an order above the limit (S3), not the policy's. */
    negotiated: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type SpareShipment = InferEntity<typeof SpareShipment>;
