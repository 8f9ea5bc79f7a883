import { InvoiceDocument, InvoicesDocument, type InvoiceFilter, type InvoiceSortField, type InvoiceStatus } from '@aftersale/graphql';
import { compact, idsPage, list, listResult, manyReference, operation, pageOf, sortOf, text, type ResourceOperations } from '../api/operation';

/** The columns the invoices list sorts on, as the API names them (the due day follows the issue day: one payment term for all). */
const sortFields: Record<string, InvoiceSortField> = {
  number: 'NUMBER',
  status: 'STATUS',
  'customer.name': 'CUSTOMER',
  total: 'TOTAL',
  issuedOn: 'ISSUED_ON',
  dueOn: 'ISSUED_ON',
  paidOn: 'PAID_ON',
  createdAt: 'CREATED_AT',
};

/** The list's filter form (inputs named like InvoiceFilter's fields) as an InvoiceFilter. */
export function invoiceFilter(values: Record<string, unknown> = {}): InvoiceFilter {
  const overdue = typeof values['overdueDays'] === 'string' ? Number(values['overdueDays']) : values['overdueDays'];
  return compact<InvoiceFilter>({
    q: text(values['q']),
    status: list<InvoiceStatus>(values['status']),
    customerId: text(values['customerId']),
    claimId: text(values['claimId']),
    issuedFrom: text(values['issuedFrom']),
    issuedTo: text(values['issuedTo']),
    overdueDays: typeof overdue === 'number' && Number.isInteger(overdue) && overdue >= 0 ? overdue : undefined,
  });
}

const listInvoices: NonNullable<ResourceOperations['getList']> = ({ pagination, sort, filter }) =>
  operation(InvoicesDocument, { ...pageOf(pagination), sort: sortOf(sort, sortFields), filter: invoiceFilter(filter) }, (data) => listResult(data.invoices));

export const invoiceOperations: ResourceOperations = {
  getList: listInvoices,
  getMany: (params) => operation(InvoicesDocument, idsPage(params), (data) => ({ data: data.invoices.items })),
  getManyReference: manyReference(listInvoices),
  getOne: ({ id }) => operation(InvoiceDocument, { id: String(id) }, (data) => ({ data: data.invoice })),
};
