import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { InvoiceStatus } from '@aftersale/domain';
import { Customer } from '../catalogue/customer.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { InvoiceLine } from './invoice-line.entity.js';

/** A paid-maintenance invoice (H6–H8): material cost and any service charge; never labour, never shipping. */
export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    customer: () => p.manyToOne(Customer),
    status: p.string().$type<InvoiceStatus>(),
    year: p.integer().nullable(),
    sequence: p.integer().nullable(),
    number: p.string().nullable(),
    currency: p.string(),
    total: p.integer(),
    issuedOn: p.date().nullable(),
    paidOn: p.date().nullable(),
    voidReason: p.string().nullable(),
    lines: () => p.oneToMany(InvoiceLine).mappedBy('invoice').orderBy({ id: 'asc' }),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Invoice = InferEntity<typeof Invoice>;
