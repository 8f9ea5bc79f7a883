import { CreateProductModelDocument, ProductModelDocument, ProductModelsDocument, UpdateProductModelDocument } from '@aftersale/graphql';
import { compact, idsPage, listResult, loadedVersion, operation, pageOf, text, typed, type ResourceOperations } from '../api/operation';

/** Product models come in the API's order, by name (no sort argument); `q` matches code or name. */
export const productModelOperations: ResourceOperations = {
  getList: ({ pagination, filter }) =>
    operation(
      ProductModelsDocument,
      { ...pageOf(pagination), filter: compact({ q: text(filter?.q) }) },
      (data) => listResult(data.productModels),
    ),
  getMany: (params) => operation(ProductModelsDocument, idsPage(params), (data) => ({ data: data.productModels.items })),
  getOne: ({ id }) => operation(ProductModelDocument, { id: String(id) }, (data) => ({ data: data.productModel })),
  create: ({ data }) =>
    operation(
      CreateProductModelDocument,
      { input: { code: typed(data, 'code'), name: typed(data, 'name'), kind: typed(data, 'kind'), barcodePattern: typed(data, 'barcodePattern') } },
      (result) => ({ data: result.createProductModel }),
    ),
  // UpdateProductModelInput has no code or kind: units were registered against them.
  update: (params) =>
    operation(
      UpdateProductModelDocument,
      { input: { id: String(params.id), version: loadedVersion(params), name: typed(params.data, 'name'), barcodePattern: typed(params.data, 'barcodePattern') } },
      (result) => ({ data: result.updateProductModel }),
    ),
};
