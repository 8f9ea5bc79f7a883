import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { sortName } from '../platform/sort-name.js';
import type { PartCategory } from '@aftersale/domain';
import { ProductModel } from './product-model.entity.js';

export const Part = defineEntity({
  name: 'Part',
  tableName: 'part',
  properties: {
    id: p.integer().primary(),
    model: () => p.manyToOne(ProductModel),
    sku: p.string(),
    name: p.string(),
    /** lower(name): the order of the name sort. */
    sortName: sortName(),
    category: p.string().$type<PartCategory>(),
    /** Minor units (cents) of `currency`. */
    materialCost: p.integer(),
    currency: p.string(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Part = InferEntity<typeof Part>;
