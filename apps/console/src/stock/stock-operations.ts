import {
  StockLevelDocument,
  StockLevelsDocument,
  StockMovementsDocument,
  UpdateStockSettingsDocument,
  type PartCategory,
  type StockFilter,
  type StockMovementFilter,
  type StockMovementKind,
  type StockSortField,
} from '@aftersale/graphql';
import {
  compact,
  found,
  idsPage,
  list,
  listResult,
  manyReference,
  loadedVersion,
  operation,
  pageOf,
  sortOf,
  text,
  wholeNumber,
  type ResourceOperations,
} from '../api/operation';

/** The columns the stock list may sort on, as the API names them. */
const sortFields: Record<string, StockSortField> = {
  'part.sku': 'PART',
  'part.name': 'PART',
  onHand: 'ON_HAND',
  updatedAt: 'UPDATED_AT',
};

/**
 * The list's filter form (its inputs are named like StockFilter's fields) as
 * a StockFilter. The low-stock switch narrows the list when on; off is every
 * level, not the ones above their threshold.
 */
function stockFilter(values: Record<string, unknown> = {}): StockFilter {
  return compact<StockFilter>({
    q: text(values['q']),
    serviceCentreId: text(values['serviceCentreId']),
    partId: text(values['partId']),
    modelId: text(values['modelId']),
    category: list<PartCategory>(values['category']),
    low: values['low'] === true || values['low'] === 'true' ? true : undefined,
  });
}

/** Stock per service centre and part; its id is `<serviceCentreId>:<partId>`. Only the threshold is edited here: quantities move by receipts, adjustments and consumption. */
export const stockOperations: ResourceOperations = {
  getList: ({ pagination, sort, filter }) =>
    operation(StockLevelsDocument, { ...pageOf(pagination), sort: sortOf(sort, sortFields), filter: stockFilter(filter) }, (data) =>
      listResult(data.stockLevels),
    ),
  getMany: (params) => operation(StockLevelsDocument, idsPage(params), (data) => ({ data: data.stockLevels.items })),
  getOne: ({ id }) => operation(StockLevelDocument, { id: String(id) }, (data) => found(data.stockLevel, 'Stock level', id)),
  update: (params) =>
    operation(
      UpdateStockSettingsDocument,
      { input: { id: String(params.id), version: loadedVersion(params), lowStockThreshold: wholeNumber(params.data, 'lowStockThreshold') } },
      (result) => ({ data: result.updateStockSettings }),
    ),
};

function movementFilter(values: Record<string, unknown> = {}): StockMovementFilter {
  return compact<StockMovementFilter>({
    serviceCentreId: text(values['serviceCentreId']),
    partId: text(values['partId']),
    kind: list<StockMovementKind>(values['kind']),
  });
}

const listMovements: NonNullable<ResourceOperations['getList']> = ({ pagination, filter }) =>
  operation(StockMovementsDocument, { ...pageOf(pagination), filter: movementFilter(filter) }, (data) => listResult(data.stockMovements));

/** The stock ledger, newest first (the API's only order). */
export const stockMovementOperations: ResourceOperations = {
  getList: listMovements,
  getManyReference: manyReference(listMovements),
};
