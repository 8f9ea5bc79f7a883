import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Part } from '../catalogue/part.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { Claim } from './claim.entity.js';

/** H5: a faulty part removed under warranty, kept by the company. */
export const RetainedPart = defineEntity({
  name: 'RetainedPart',
  tableName: 'retained_part',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    part: () => p.manyToOne(Part),
    serviceCentre: () => p.manyToOne(ServiceCentre),
    quantity: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RetainedPart = InferEntity<typeof RetainedPart>;
