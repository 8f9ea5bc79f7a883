import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../auth/user.entity.js';
import { Customer } from '../catalogue/customer.entity.js';

/** Where a customer wants its claim events POSTed, signed with its secret. */
export const WebhookEndpoint = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoint',
  properties: {
    id: p.integer().primary(),
    customer: () => p.manyToOne(Customer),
    url: p.string(),
    eventTypes: p.array().$type<string[]>(),
    secret: p.string().hidden().lazy(),
    enabled: p.boolean(),
    failingSince: p.datetime().nullable(),
    createdByUser: () => p.manyToOne(User).nullable(),
    createdByApiKey: () => p.manyToOne(ApiKey).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type WebhookEndpoint = InferEntity<typeof WebhookEndpoint>;
