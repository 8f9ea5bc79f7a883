import { CustomersDocument } from '@aftersale/graphql';
import { compact, found, idsPage, listResult, operation, pageOf, text, type ResourceOperations } from '../api/operation';

/** Customers come in the API's order (no sort argument); `q` matches code or name. */
export const customerOperations: ResourceOperations = {
  getList: ({ pagination, filter }) =>
    operation(
      CustomersDocument,
      { ...pageOf(pagination), filter: compact({ q: text(filter?.q) }) },
      (data) => listResult(data.customers),
    ),
  getMany: (params) => operation(CustomersDocument, idsPage(params), (data) => ({ data: data.customers.items })),
  getOne: ({ id }) =>
    operation(CustomersDocument, { offset: 0, limit: 1, filter: { ids: [String(id)] } }, (data) => found(data.customers.items[0], 'Customer', id)),
};
