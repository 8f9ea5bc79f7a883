import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { sortName } from '../platform/sort-name.js';

/** An "appointed service place" where units are sent for repair or replacement. */
export const ServiceCentre = defineEntity({
  name: 'ServiceCentre',
  tableName: 'service_centre',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    name: p.string(),
    /** lower(name): the order of the name sort. */
    sortName: sortName(),
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
