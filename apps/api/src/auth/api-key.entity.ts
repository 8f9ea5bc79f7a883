import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Customer } from '../catalogue/customer.entity.js';
import { User } from './user.entity.js';

/** An integrator's key, scoped to one customer; only a hash of the secret is kept. */
export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: p.integer().primary(),
    customer: () => p.manyToOne(Customer),
    name: p.string(),
    prefix: p.string(),
    secretHash: p.string().hidden(),
    createdBy: () => p.manyToOne(User).fieldName('created_by').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiKey = InferEntity<typeof ApiKey>;
