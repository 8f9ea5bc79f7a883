import {
  CreateOrderDocument,
  OrderDocument,
  OrdersDocument,
  UpdateOrderDocument,
  type CreateOrderInput,
  type OrderFilter,
  type OrderSortField,
  type UpdateOrderInput,
} from '@aftersale/graphql';
import type { UpdateParams } from 'react-admin';
import {
  compact,
  found,
  idsPage,
  listResult,
  manyReference,
  loadedVersion,
  operation,
  pageOf,
  sortOf,
  text,
  typed,
  wholeNumber,
  yesNo,
  type FormData,
  type ResourceOperations,
} from '../api/operation';

/** The columns the orders list may sort on, as the API names them. */
const sortFields: Record<string, OrderSortField> = {
  number: 'NUMBER',
  quantity: 'QUANTITY',
  receivedOn: 'RECEIVED_ON',
  createdAt: 'CREATED_AT',
};

/** The list's filter form (its inputs are named like OrderFilter's fields) as an OrderFilter. */
function orderFilter(values: Record<string, unknown> = {}): OrderFilter {
  return compact<OrderFilter>({
    q: text(values['q']),
    customerId: text(values['customerId']),
    modelId: text(values['modelId']),
    received: yesNo(values['received']),
  });
}

/** A blank number lets the API give the next SO-YYYY-NNNN; a blank shipped date means "not shipped yet". */
function createOrderInput(data: FormData): CreateOrderInput {
  return compact<CreateOrderInput>({
    customerId: typed(data, 'customerId'),
    modelId: typed(data, 'modelId'),
    quantity: wholeNumber(data, 'quantity'),
    number: text(data['number']),
    shippedOn: text(data['shippedOn']),
  });
}

/**
 * Only what changed goes out (an absent field is left as is). The quantity
 * is fixed once the goods are received: the spare parts were counted from it.
 */
function updateOrderInput(params: UpdateParams): UpdateOrderInput {
  const { data, previousData } = params;
  const changed = (key: string) => data[key] !== previousData?.[key];
  return compact<UpdateOrderInput>({
    id: String(params.id),
    version: loadedVersion(params),
    number: changed('number') ? typed(data, 'number') : undefined,
    quantity: changed('quantity') ? wholeNumber(data, 'quantity') : undefined,
    shippedOn: changed('shippedOn') ? text(data['shippedOn']) : undefined,
  });
}

const listOrders: NonNullable<ResourceOperations['getList']> = ({ pagination, sort, filter }) =>
  operation(OrdersDocument, { ...pageOf(pagination), sort: sortOf(sort, sortFields), filter: orderFilter(filter) }, (data) => listResult(data.orders));

export const orderOperations: ResourceOperations = {
  getList: listOrders,
  getMany: (params) => operation(OrdersDocument, idsPage(params), (data) => ({ data: data.orders.items })),
  getManyReference: manyReference(listOrders),
  getOne: ({ id }) => operation(OrderDocument, { id: String(id) }, (data) => found(data.order, 'Order', id)),
  create: ({ data }) => operation(CreateOrderDocument, { input: createOrderInput(data) }, (result) => ({ data: result.createOrder })),
  update: (params) => operation(UpdateOrderDocument, { input: updateOrderInput(params) }, (result) => ({ data: result.updateOrder })),
};
