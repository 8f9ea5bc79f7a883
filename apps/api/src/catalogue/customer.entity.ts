import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { sortName } from '../platform/sort-name.js';

export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    name: p.string(),
    /** lower(name): the order of the name sort. */
    sortName: sortName(),
    country: p.string(),
    contactEmail: p.string().nullable(),
    /** Postal address, as printed on invoices (lines separated by newlines). */
    address: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Customer = InferEntity<typeof Customer>;
