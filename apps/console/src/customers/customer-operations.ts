import { CreateCustomerDocument, CustomerDocument, CustomersDocument, UpdateCustomerDocument, type CatalogueSortField } from '@aftersale/graphql';
import { compact, idsPage, listResult, loadedVersion, operation, pageOf, text, typed, sortOf, type ResourceOperations } from '../api/operation';

/** The sortable columns and the API's sort field for each. */
const sortFields = { code: 'CODE', name: 'NAME' } satisfies Record<string, CatalogueSortField>;

/** Customers come by name unless a column asks for code or name order (`sort`); `q` matches code or name. */
export const customerOperations: ResourceOperations = {
  getList: ({ pagination, sort, filter }) =>
    operation(CustomersDocument, { ...pageOf(pagination), filter: compact({ q: text(filter?.q) }), sort: sortOf(sort, sortFields) }, (data) =>
      listResult(data.customers),
    ),
  getMany: (params) => operation(CustomersDocument, idsPage(params), (data) => ({ data: data.customers.items })),
  getOne: ({ id }) => operation(CustomerDocument, { id: String(id) }, (data) => ({ data: data.customer })),
  create: ({ data }) =>
    operation(
      CreateCustomerDocument,
      { input: { code: typed(data, 'code'), name: typed(data, 'name'), country: typed(data, 'country'), contactEmail: typed(data, 'contactEmail') } },
      (result) => ({ data: result.createCustomer }),
    ),
  // UpdateCustomerInput has no code: once created, a customer's code is fixed.
  update: (params) =>
    operation(
      UpdateCustomerDocument,
      {
        input: {
          id: String(params.id),
          version: loadedVersion(params),
          name: typed(params.data, 'name'),
          country: typed(params.data, 'country'),
          contactEmail: typed(params.data, 'contactEmail'),
        },
      },
      (result) => ({ data: result.updateCustomer }),
    ),
};
