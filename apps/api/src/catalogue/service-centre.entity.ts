import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** An "appointed service place" where units are sent for repair or replacement. */
export const ServiceCentre = defineEntity({
  name: 'ServiceCentre',
  tableName: 'service_centre',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    name: p.string(),
    city: p.string(),
    country: p.string(),
    address: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type ServiceCentre = InferEntity<typeof ServiceCentre>;
