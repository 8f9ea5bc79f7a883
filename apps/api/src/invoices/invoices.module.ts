import type { EntityName } from '@mikro-orm/core';
import { ClaimInvoicesResolver } from './claim-invoices.resolver.js';
import { InvoiceLine } from './invoice-line.entity.js';
import { Invoice } from './invoice.entity.js';
import { invoiceRoutes } from './invoices.http.js';
import { InvoicesResolver } from './invoices.resolver.js';
import type { InvoicesService } from './invoices.service.js';

const entities: EntityName[] = [Invoice, InvoiceLine];

/** Paid-maintenance invoices (H6–H8): drafted by the claims flow, issued with a gapless number, paid or voided, as PDF. */
export const invoicesModule = {
  entities,
  resolvers: (invoices: InvoicesService) => [new InvoicesResolver(invoices), new ClaimInvoicesResolver(invoices)],
  routes: (invoices: InvoicesService) => invoiceRoutes(invoices),
};
