import { CreatePartDocument, PartCategory, PartDocument, PartsDocument, UpdatePartDocument, type PartFilter, type PartSortField } from '@aftersale/graphql';
import {
  compact,
  flag,
  idsPage,
  list,
  listResult,
  manyReference,
  loadedVersion,
  oneOf,
  operation,
  pageOf,
  sortOf,
  text,
  typed,
  wholeNumber,
  yesNo,
  type ResourceOperations,
} from '../api/operation';

/** The sortable columns and the API's sort field for each. */
const sortFields = { sku: 'SKU', name: 'NAME', category: 'CATEGORY', materialCost: 'MATERIAL_COST' } satisfies Record<string, PartSortField>;

/** The list's filter form (its inputs are named like PartFilter's fields) as a PartFilter. */
function partFilter(values: Record<string, unknown> = {}): PartFilter {
  return compact<PartFilter>({
    q: text(values['q']),
    modelId: text(values['modelId']),
    category: list<PartCategory>(values['category']),
    active: yesNo(values['active']),
  });
}

const listParts: NonNullable<ResourceOperations['getList']> = ({ pagination, sort, filter }) =>
  operation(PartsDocument, { ...pageOf(pagination), filter: partFilter(filter), sort: sortOf(sort, sortFields) }, (data) => listResult(data.parts));

/** Parts come in the API's order (model, category, SKU) unless a column asks for another (`sort`). Money is in cents of the part's currency. */
export const partOperations: ResourceOperations = {
  getList: listParts,
  getMany: (params) => operation(PartsDocument, idsPage(params), (data) => ({ data: data.parts.items })),
  getManyReference: manyReference(listParts),
  getOne: ({ id }) => operation(PartDocument, { id: String(id) }, (data) => ({ data: data.part })),
  // The API sets the currency: the policy in force's.
  create: ({ data }) =>
    operation(
      CreatePartDocument,
      {
        input: {
          modelId: typed(data, 'modelId'),
          sku: typed(data, 'sku'),
          name: typed(data, 'name'),
          category: oneOf(data, 'category', PartCategory),
          materialCost: wholeNumber(data, 'materialCost'),
        },
      },
      (result) => ({ data: result.createPart }),
    ),
  // UpdatePartInput has no model, SKU or category: claims and stock refer to the part by them.
  update: (params) =>
    operation(
      UpdatePartDocument,
      {
        input: {
          id: String(params.id),
          version: loadedVersion(params),
          name: typed(params.data, 'name'),
          materialCost: wholeNumber(params.data, 'materialCost'),
          active: flag(params.data, 'active'),
        },
      },
      (result) => ({ data: result.updatePart }),
    ),
};
