import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { sortName } from '../platform/sort-name.js';

export type ProductKind = 'PHONE' | 'FEATURE_PHONE' | 'TABLET';

export const ProductModel = defineEntity({
  name: 'ProductModel',
  tableName: 'product_model',
  properties: {
    id: p.integer().primary(),
    code: p.string(),
    name: p.string(),
    /** lower(name): the order of the name sort. */
    sortName: sortName(),
    kind: p.string().$type<ProductKind>(),
    barcodePattern: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type ProductModel = InferEntity<typeof ProductModel>;
