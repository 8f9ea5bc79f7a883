import { describe, expect, it } from 'vitest';
import {
  INVOICE_ACTIONS,
  INVOICE_STATUSES,
  InvoiceTransitionError,
  availableInvoiceActions,
  invoiceActionsFor,
  invoiceNumber,
  invoiceRolesAllowedTo,
  invoiceTransition,
} from './invoice-lifecycle.js';

describe('invoice lifecycle', () => {
  it('issues a draft, pays or voids an issued invoice', () => {
    expect(invoiceTransition('DRAFT', 'ISSUE')).toBe('ISSUED');
    expect(invoiceTransition('ISSUED', 'PAY')).toBe('PAID');
    expect(invoiceTransition('ISSUED', 'VOID')).toBe('VOID');
  });

  it('offers exactly the actions invoiceTransition allows', () => {
    expect(INVOICE_STATUSES.map((status) => [status, availableInvoiceActions(status)])).toEqual([
      ['DRAFT', ['ISSUE']],
      ['ISSUED', ['PAY', 'VOID']],
      ['PAID', []],
      ['VOID', []],
    ]);
  });

  it('refuses every other move with InvoiceTransitionError', () => {
    const allowed = new Set(['DRAFT ISSUE', 'ISSUED PAY', 'ISSUED VOID']);
    for (const status of INVOICE_STATUSES) {
      for (const action of INVOICE_ACTIONS) {
        if (allowed.has(`${status} ${action}`)) continue;
        expect(() => invoiceTransition(status, action)).toThrow(InvoiceTransitionError);
      }
    }
    expect(() => invoiceTransition('PAID', 'VOID')).toThrow('VOID is not possible on an invoice in PAID (only from ISSUED)');
  });

  it('refuses unknown statuses and actions as input errors', () => {
    expect(() => invoiceTransition('LOST' as never, 'PAY')).toThrow(expect.objectContaining({ name: 'PolicyInputError', field: 'status' }));
    expect(() => invoiceTransition('DRAFT', 'FORGET' as never)).toThrow(expect.objectContaining({ name: 'PolicyInputError', field: 'action' }));
  });

  it('numbers invoices INV-YYYY-NNNNNN', () => {
    expect(invoiceNumber(2026, 123)).toBe('INV-2026-000123');
    expect(invoiceNumber(2027, 999_999)).toBe('INV-2027-999999');
    expect(() => invoiceNumber(26, 1)).toThrow(expect.objectContaining({ field: 'year' }));
    expect(() => invoiceNumber(2026, 0)).toThrow(expect.objectContaining({ field: 'sequence' }));
    expect(() => invoiceNumber(2026, 1.5)).toThrow(expect.objectContaining({ field: 'sequence' }));
  });
});

describe('who moves invoices (H6–H8)', () => {
  it.each(INVOICE_ACTIONS)('lets ADMIN and AGENT %s an invoice, nobody else', (action) => {
    expect(invoiceRolesAllowedTo(action)).toEqual(['ADMIN', 'AGENT']);
  });

  it('refuses an unknown action', () => {
    expect(() => invoiceRolesAllowedTo('REFUND' as never)).toThrow(/^action: "REFUND" is not an invoice action/);
  });

  it('offers a role the actions of the status it may take', () => {
    expect(invoiceActionsFor('ISSUED', 'AGENT')).toEqual(['PAY', 'VOID']);
    expect(invoiceActionsFor('DRAFT', 'ADMIN')).toEqual(['ISSUE']);
    expect(invoiceActionsFor('ISSUED', 'TECHNICIAN')).toEqual([]);
    expect(invoiceActionsFor('DRAFT', 'ANALYST')).toEqual([]);
    expect(invoiceActionsFor('PAID', 'AGENT')).toEqual([]);
  });
});
