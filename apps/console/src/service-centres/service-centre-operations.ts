import {
  CreateServiceCentreDocument,
  ServiceCentreDocument,
  ServiceCentresDocument,
  UpdateServiceCentreDocument,
  type CatalogueSortField,
} from '@aftersale/graphql';
import { compact, idsPage, listResult, loadedVersion, operation, pageOf, text, typed, type FormData, sortOf, type ResourceOperations } from '../api/operation';

/** The sortable columns and the API's sort field for each. */
const sortFields = { code: 'CODE', name: 'NAME' } satisfies Record<string, CatalogueSortField>;

/** The fields both the create and the update input take, as the form holds them. */
const placeOf = (data: FormData) => ({
  name: typed(data, 'name'),
  city: typed(data, 'city'),
  country: typed(data, 'country'),
  address: typed(data, 'address'),
});

/** Service centres come by name unless a column asks for code or name order (`sort`); `q` matches code or name. */
export const serviceCentreOperations: ResourceOperations = {
  getList: ({ pagination, sort, filter }) =>
    operation(ServiceCentresDocument, { ...pageOf(pagination), filter: compact({ q: text(filter?.q) }), sort: sortOf(sort, sortFields) }, (data) =>
      listResult(data.serviceCentres),
    ),
  getMany: (params) => operation(ServiceCentresDocument, idsPage(params), (data) => ({ data: data.serviceCentres.items })),
  getOne: ({ id }) => operation(ServiceCentreDocument, { id: String(id) }, (data) => ({ data: data.serviceCentre })),
  create: ({ data }) =>
    operation(CreateServiceCentreDocument, { input: { code: typed(data, 'code'), ...placeOf(data) } }, (result) => ({
      data: result.createServiceCentre,
    })),
  update: (params) =>
    operation(UpdateServiceCentreDocument, { input: { id: String(params.id), version: loadedVersion(params), ...placeOf(params.data) } }, (result) => ({
      data: result.updateServiceCentre,
    })),
};
