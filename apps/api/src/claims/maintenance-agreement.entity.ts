import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Claim } from './claim.entity.js';

/** H9: the customer's signed maintenance agreement. */
export const MaintenanceAgreement = defineEntity({
  name: 'MaintenanceAgreement',
  tableName: 'maintenance_agreement',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    signedOn: p.date(),
    signedBy: p.string(),
    recordedBy: () => p.manyToOne(User).fieldName('recorded_by').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MaintenanceAgreement = InferEntity<typeof MaintenanceAgreement>;
