import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { sortName } from '../platform/sort-name.js';
import type { StaffRole } from '@aftersale/domain';

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary(),
    email: p.string(),
    name: p.string(),
    /** lower(name): the order of the name sort. */
    sortName: sortName(),
    role: p.string().$type<StaffRole>(),
    passwordHash: p.string().hidden().lazy(),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type User = InferEntity<typeof User>;
