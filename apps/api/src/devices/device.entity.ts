import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Customer } from '../catalogue/customer.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';
import { Order } from '../orders/order.entity.js';

export const Device = defineEntity({
  name: 'Device',
  tableName: 'device',
  properties: {
    id: p.integer().primary(),
    imei: p.string(),
    barcode: p.string(),
    order: () => p.manyToOne(Order),
    model: () => p.manyToOne(ProductModel),
    customer: () => p.manyToOne(Customer),
    /** W2: a per-unit received date where recorded, else the order's. */
    receivedOn: p.date().nullable(),
    /** W4: a replacement unit carries the replaced unit's received date. */
    replacesDevice: () => p.manyToOne(Device).nullable(),
    /** W4: the IMEI of the unit that replaced this one, which carries its warranty on; read, never written. */
    replacedByImei: p
      .string()
      .formula((_columns, table) => `(select r.imei from device r where r.replaces_device_id = ${table.alias}.id order by r.id desc limit 1)`)
      .nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Device = InferEntity<typeof Device>;
