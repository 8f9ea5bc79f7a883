import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { InvoiceLineKind, PolicyClause } from '@aftersale/domain';
import { Part } from '../catalogue/part.entity.js';
import { Invoice } from './invoice.entity.js';

/** One line of an invoice: a part's material cost or the service charge (H6–H8). */
export const InvoiceLine = defineEntity({
  name: 'InvoiceLine',
  tableName: 'invoice_line',
  properties: {
    id: p.integer().primary(),
    invoice: () => p.manyToOne(Invoice),
    kind: p.string().$type<InvoiceLineKind>(),
    description: p.string(),
    part: () => p.manyToOne(Part).nullable(),
    quantity: p.integer().default(1),
    unitAmount: p.integer(),
    amount: p.integer(),
    /** The policy clauses that made the line chargeable (shown on the PDF). */
    clauses: p.array<PolicyClause>(),
  },
});
export type InvoiceLine = InferEntity<typeof InvoiceLine>;
