import { PolicyInputError } from './errors.js';
import { STAFF_ROLES, type StaffRole } from './staff-role.js';

/**
 * A paid-maintenance invoice: DRAFT → ISSUED (numbered) → PAID, or ISSUED → VOID.
 * Numbers are gapless per year and given only on issue; a void invoice keeps its number.
 */
export const INVOICE_STATUSES = ['DRAFT', 'ISSUED', 'PAID', 'VOID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_ACTIONS = ['ISSUE', 'PAY', 'VOID'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

// Agents issue invoices, record payments and void them (with ADMIN, who may do everything staff can).
const FROM: Readonly<Record<InvoiceAction, { from: InvoiceStatus; to: InvoiceStatus; roles: readonly StaffRole[] }>> = {
  ISSUE: { from: 'DRAFT', to: 'ISSUED', roles: ['AGENT'] },
  PAY: { from: 'ISSUED', to: 'PAID', roles: ['AGENT'] },
  VOID: { from: 'ISSUED', to: 'VOID', roles: ['AGENT'] },
};

function validateInvoiceAction(action: unknown): InvoiceAction {
  if (!(INVOICE_ACTIONS as readonly unknown[]).includes(action)) throw new PolicyInputError('action', `"${String(action)}" is not an invoice action`);
  return action as InvoiceAction;
}

/** Thrown when an invoice action is not possible from its status (e.g. paying a draft, voiding a paid invoice). */
export class InvoiceTransitionError extends Error {
  override readonly name = 'InvoiceTransitionError';
  constructor(
    readonly status: InvoiceStatus,
    readonly action: InvoiceAction,
  ) {
    super(`${action} is not possible on an invoice in ${status} (only from ${FROM[action].from})`);
  }
}

/**
 * The status an invoice moves to.
 * @example invoiceTransition('DRAFT', 'ISSUE') // 'ISSUED'; invoiceTransition('PAID', 'VOID') // throws InvoiceTransitionError
 */
export function invoiceTransition(status: InvoiceStatus, action: InvoiceAction): InvoiceStatus {
  if (!(INVOICE_STATUSES as readonly unknown[]).includes(status)) throw new PolicyInputError('status', `"${String(status)}" is not an invoice status`);
  const rule = FROM[validateInvoiceAction(action)];
  if (status !== rule.from) throw new InvoiceTransitionError(status, action);
  return rule.to;
}

/**
 * The actions possible on an invoice in a status, in `INVOICE_ACTIONS` order.
 * @example availableInvoiceActions('ISSUED') // ['PAY', 'VOID']
 */
export function availableInvoiceActions(status: InvoiceStatus): InvoiceAction[] {
  return INVOICE_ACTIONS.filter((action) => FROM[action].from === status);
}

/**
 * The staff roles that may take an invoice action: ADMIN always, plus the agents whose work invoicing is (H6–H8), as `rolesAllowedTo` says for claims.
 * @example invoiceRolesAllowedTo('ISSUE') // ['ADMIN', 'AGENT']
 */
export function invoiceRolesAllowedTo(action: InvoiceAction): StaffRole[] {
  const { roles } = FROM[validateInvoiceAction(action)];
  return STAFF_ROLES.filter((role) => role === 'ADMIN' || roles.includes(role));
}

/**
 * The actions a staff role may take on an invoice in a status, in `INVOICE_ACTIONS` order.
 * @example invoiceActionsFor('ISSUED', 'AGENT') // ['PAY', 'VOID']; invoiceActionsFor('ISSUED', 'ANALYST') // []
 */
export function invoiceActionsFor(status: InvoiceStatus, role: StaffRole): InvoiceAction[] {
  return availableInvoiceActions(status).filter((action) => invoiceRolesAllowedTo(action).includes(role));
}

/**
 * The invoice number for the `sequence`-th invoice issued in `year`: `INV-2026-000123`.
 * @example invoiceNumber(2026, 123) // 'INV-2026-000123'
 */
export function invoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new PolicyInputError('year', 'must be a four-digit year');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new PolicyInputError('sequence', 'must be from 1 to 999999');
  return `INV-${year}-${String(sequence).padStart(6, '0')}`;
}
