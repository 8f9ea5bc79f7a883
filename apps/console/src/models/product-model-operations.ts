import { ProductModelsDocument } from '@aftersale/graphql';
import { compact, found, idsPage, listResult, operation, pageOf, text, type ResourceOperations } from '../api/operation';

/** Product models come in the API's order (no sort argument); `q` matches code or name. */
export const productModelOperations: ResourceOperations = {
  getList: ({ pagination, filter }) =>
    operation(
      ProductModelsDocument,
      { ...pageOf(pagination), filter: compact({ q: text(filter?.q) }) },
      (data) => listResult(data.productModels),
    ),
  getMany: (params) => operation(ProductModelsDocument, idsPage(params), (data) => ({ data: data.productModels.items })),
  getOne: ({ id }) =>
    operation(ProductModelsDocument, { offset: 0, limit: 1, filter: { ids: [String(id)] } }, (data) => found(data.productModels.items[0], 'Product model', id)),
};
