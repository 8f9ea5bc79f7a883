import { DeviceDocument, DevicesDocument, WarrantyStatusDocument, type DeviceFilter, type DeviceSortField } from '@aftersale/graphql';
import { compact, idsPage, listResult, manyReference, operation, pageOf, sortOf, text, type ResourceOperations } from '../api/operation';

const sortFields: Record<string, DeviceSortField> = {
  imei: 'IMEI',
  receivedOn: 'RECEIVED_ON',
  createdAt: 'CREATED_AT',
};

/** The list's filter form (its inputs are named like DeviceFilter's fields) as a DeviceFilter. */
export function deviceFilter(values: Record<string, unknown> = {}): DeviceFilter {
  return compact<DeviceFilter>({
    imei: text(values['imei']),
    barcode: text(values['barcode']),
    orderId: text(values['orderId']),
    modelId: text(values['modelId']),
    customerId: text(values['customerId']),
  });
}

const listDevices: NonNullable<ResourceOperations['getList']> = ({ pagination, sort, filter }) =>
  operation(DevicesDocument, { ...pageOf(pagination), sort: sortOf(sort, sortFields), filter: deviceFilter(filter) }, (data) => listResult(data.devices));

export const deviceOperations: ResourceOperations = {
  getList: listDevices,
  getMany: (params) => operation(DevicesDocument, idsPage(params), (data) => ({ data: data.devices.items })),
  getManyReference: manyReference(listDevices),
  getOne: ({ id }) => operation(DeviceDocument, { id: String(id) }, (data) => ({ data: data.device })),
};

/**
 * A unit's warranty today, looked up by IMEI (`warrantyStatus`): the
 * resource `warranties`, whose record id is the IMEI. The claim form uses it
 * to show whether the unit is covered before the claim is filed.
 */
export const warrantyOperations: ResourceOperations = {
  getOne: ({ id }) =>
    operation(WarrantyStatusDocument, { imei: String(id) }, (data) => ({
      data: { id: data.warrantyStatus.imei, ...data.warrantyStatus },
    })),
};
