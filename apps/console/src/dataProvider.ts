import buildGraphQLProvider, { type BuildQuery, type GraphqlDataProvider } from 'ra-data-graphql';
import { CREATE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import { toApiError } from './api/errors';
import type { ResourceOperations } from './api/operation';
import { authorizationHeaders } from './api/session';
import { claimOperations } from './claims/claim-operations';
import { customerOperations } from './customers/customer-operations';
import { deviceOperations, warrantyOperations } from './devices/device-operations';
import { invoiceOperations } from './invoices/invoice-operations';
import { productModelOperations } from './models/product-model-operations';
import { orderOperations } from './orders/order-operations';
import { partOperations } from './parts/part-operations';
import { serviceCentreOperations } from './service-centres/service-centre-operations';
import { stockMovementOperations, stockOperations } from './stock/stock-operations';
import { userOperations } from './users/user-operations';

/** Every react-admin resource the console shows, and how each talks to the API. */
const operationsByResource: Record<string, ResourceOperations> = {
  claims: claimOperations,
  invoices: invoiceOperations,
  orders: orderOperations,
  devices: deviceOperations,
  stock: stockOperations,
  'stock-movements': stockMovementOperations,
  warranties: warrantyOperations,
  customers: customerOperations,
  models: productModelOperations,
  parts: partOperations,
  'service-centres': serviceCentreOperations,
  users: userOperations,
};

const methodByFetchType: Record<string, keyof ResourceOperations> = {
  [GET_LIST]: 'getList',
  [GET_ONE]: 'getOne',
  [GET_MANY]: 'getMany',
  [GET_MANY_REFERENCE]: 'getManyReference',
  [CREATE]: 'create',
  [UPDATE]: 'update',
};

/** Our own typed mapping, not ra-data-graphql-simple's naming convention (and so no introspection). */
const buildQuery: BuildQuery = (fetchType, resource, params) => {
  const method = methodByFetchType[fetchType];
  const build = method ? operationsByResource[resource]?.[method] : undefined;
  if (!build) throw new Error(`The API offers no ${fetchType} on ${resource}.`);
  return build(params);
};

/**
 * Each call carries the bearer token of the moment (so a sign-in takes effect
 * without rebuilding the client), and skips Apollo's cache: react-admin keeps
 * its own.
 */
const perCall = () => ({ fetchPolicy: 'no-cache' as const, context: { headers: authorizationHeaders() } });

const graphqlDataProvider = buildGraphQLProvider({
  clientOptions: { uri: '/graphql' },
  introspection: false,
  buildQuery: () => buildQuery,
  query: perCall,
  mutation: perCall,
});

/** The Apollo client underneath, for the calls outside react-admin's data methods (api/request.ts, sign-in included). */
export const apolloClient = graphqlDataProvider.client;

/** react-admin's data provider over the GraphQL API; failures carry the API's message and code (see api/errors.ts). */
export const dataProvider: GraphqlDataProvider = withApiErrors(graphqlDataProvider);

function withApiErrors(provider: GraphqlDataProvider): GraphqlDataProvider {
  const guard =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    (...args: Args) =>
      call(...args).catch((error: unknown) => {
        throw toApiError(error);
      });
  return {
    ...provider,
    getList: guard(provider.getList),
    getOne: guard(provider.getOne),
    getMany: guard(provider.getMany),
    getManyReference: guard(provider.getManyReference),
    create: guard(provider.create),
    update: guard(provider.update),
    updateMany: guard(provider.updateMany),
    delete: guard(provider.delete),
    deleteMany: guard(provider.deleteMany),
  };
}
