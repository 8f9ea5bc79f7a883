import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Part } from '../catalogue/part.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';

export const STOCK_MOVEMENT_KINDS = ['RECEIPT', 'ADJUSTMENT', 'CONSUMPTION'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** The ledger: every change of `onHand`, who made it and why. */
export const StockMovement = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  properties: {
    id: p.bigint('number').primary(),
    serviceCentre: () => p.manyToOne(ServiceCentre),
    part: () => p.manyToOne(Part),
    delta: p.integer(),
    kind: p.string().$type<StockMovementKind>(),
    reason: p.string().nullable(),
    claimId: p.integer().fieldName('claim_id').nullable(),
    actor: () => p.manyToOne(User).fieldName('actor_user_id').nullable(),
    createdAt: p.datetime(),
  },
});
export type StockMovement = InferEntity<typeof StockMovement>;
