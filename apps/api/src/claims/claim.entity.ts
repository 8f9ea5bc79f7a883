import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { ClaimStatus, Decision, FormType, QuoteStatus } from '@aftersale/domain';
import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../auth/user.entity.js';
import { Customer } from '../catalogue/customer.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { Device } from '../devices/device.entity.js';

export const Claim = defineEntity({
  name: 'Claim',
  tableName: 'claim',
  properties: {
    id: p.integer().primary(),
    /** Given by the database (claim_number_seq). */
    number: p.string().defaultRaw(`('CL-' || lpad(nextval('claim_number_seq')::text, 7, '0'))`),
    device: () => p.manyToOne(Device),
    customer: () => p.manyToOne(Customer),
    model: () => p.manyToOne(ProductModel),
    serviceCentre: () => p.manyToOne(ServiceCentre).nullable(),
    formType: p.string().$type<FormType>(),
    ciNumber: p.string(),
    symptoms: p.text(),
    dataBackupAcknowledged: p.boolean(),
    status: p.string().$type<ClaimStatus>(),
    decision: p.string().$type<Decision>().nullable(),
    /** H6, H8: the customer's answer to the quote, while one is needed. */
    quoteStatus: p.string().$type<QuoteStatus>().nullable(),
    submittedOn: p.date(),
    idempotencyKey: p.string().nullable(),
    requestHash: p.string().nullable().hidden(),
    submittedByUser: () => p.manyToOne(User).nullable(),
    submittedByApiKey: () => p.manyToOne(ApiKey).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Claim = InferEntity<typeof Claim>;
