import type { InvoiceListItemFragment } from '@aftersale/graphql';
import jsonExport from 'jsonexport/dist';
import { downloadCSV } from 'react-admin';

/**
 * The invoices as CSV for machines (accounting imports): headers and values
 * stay the same in every language, dates ISO, amounts in the currency's units
 * with a dot.
 */
export const CSV_HEADERS = ['number', 'status', 'customer', 'claim', 'currency', 'total', 'issuedOn', 'dueOn', 'paidOn', 'daysOverdue'] as const;

export function invoiceRows(invoices: readonly InvoiceListItemFragment[]) {
  return invoices.map((invoice) => ({
    number: invoice.number ?? '',
    status: invoice.status,
    customer: invoice.customer.name,
    claim: invoice.claimNumber,
    currency: invoice.currency,
    total: (invoice.total / 100).toFixed(2),
    issuedOn: invoice.issuedOn ?? '',
    dueOn: invoice.dueOn ?? '',
    paidOn: invoice.paidOn ?? '',
    daysOverdue: invoice.daysOverdue ?? '',
  }));
}

/** react-admin's exporter for the invoices list: every invoice under the current filters. */
export const exportInvoices = (invoices: InvoiceListItemFragment[]) => {
  jsonExport(invoiceRows(invoices), { headers: [...CSV_HEADERS] }, (error, csv) => {
    if (!error) downloadCSV(csv, 'invoices');
  });
};
