import {
  CreateProductModelDocument,
  ProductModelDocument,
  ProductModelsDocument,
  UpdateProductModelDocument,
  type CatalogueSortField,
} from '@aftersale/graphql';
import { compact, idsPage, listResult, loadedVersion, operation, pageOf, text, typed, sortOf, type ResourceOperations } from '../api/operation';

/** The sortable columns and the API's sort field for each. */
const sortFields = { code: 'CODE', name: 'NAME' } satisfies Record<string, CatalogueSortField>;

/** Product models come by name unless a column asks for code or name order (`sort`); `q` matches code or name. */
export const productModelOperations: ResourceOperations = {
  getList: ({ pagination, sort, filter }) =>
    operation(ProductModelsDocument, { ...pageOf(pagination), filter: compact({ q: text(filter?.q) }), sort: sortOf(sort, sortFields) }, (data) =>
      listResult(data.productModels),
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
      {
        input: {
          id: String(params.id),
          version: loadedVersion(params),
          name: typed(params.data, 'name'),
          barcodePattern: typed(params.data, 'barcodePattern'),
        },
      },
      (result) => ({ data: result.updateProductModel }),
    ),
};
