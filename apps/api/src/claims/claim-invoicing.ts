import type { InvoiceablePartLine, InvoiceInput, PolicyClause } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Claim } from './claim.entity.js';

/** What a finished claim charges (H6–H8): its assessed part lines with their clauses, any service charge and the shipping on record. */
export interface ClaimCharges extends InvoiceInput {
  readonly lines: readonly (InvoiceablePartLine & { readonly clauses: readonly PolicyClause[] })[];
}

/**
 * What the claims flow needs from invoicing: the draft invoice of a paid
 * repair, or null when nothing is charged. The invoices feature provides it
 * (InvoicesService.draftForClaim) and app.ts wires it in, so claims never
 * imports invoices.
 */
export interface ClaimInvoicing {
  draftForClaim(em: EntityManager, claim: Claim, charges: ClaimCharges): Promise<{ id: number } | null>;
}
