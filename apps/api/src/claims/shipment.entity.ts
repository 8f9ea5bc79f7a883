import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Claim } from './claim.entity.js';

export const SHIPMENT_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;

/** H2, H7: the unit's trip in and out, at the customer's expense; the cost is recorded, never invoiced. */
export const Shipment = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    direction: p.string().$type<(typeof SHIPMENT_DIRECTIONS)[number]>(),
    carrier: p.string(),
    trackingNumber: p.string(),
    shippedOn: p.date(),
    cost: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Shipment = InferEntity<typeof Shipment>;
