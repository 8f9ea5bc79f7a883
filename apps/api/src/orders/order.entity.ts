import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Customer } from '../catalogue/customer.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';

export const Order = defineEntity({
  name: 'Order',
  tableName: 'sales_order',
  properties: {
    id: p.integer().primary(),
    number: p.string(),
    customer: () => p.manyToOne(Customer),
    model: () => p.manyToOne(ProductModel),
    quantity: p.integer(),
    shippedOn: p.date().nullable(),
    /** W2: the warranty starts on the date the customer received the goods. */
    receivedOn: p.date().nullable(),
    allowanceNegotiated: p.boolean().default(false),
    allowanceReason: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Order = InferEntity<typeof Order>;
