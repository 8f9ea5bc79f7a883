import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Claim } from './claim.entity.js';

export const ATTACHMENT_KINDS = ['PHOTO', 'AGREEMENT', 'OTHER'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A photo of the unit or a signed agreement, kept in PostgreSQL (small, checked files). */
export const Attachment = defineEntity({
  name: 'Attachment',
  tableName: 'attachment',
  properties: {
    id: p.integer().primary(),
    claim: () => p.manyToOne(Claim),
    kind: p.string().$type<AttachmentKind>(),
    filename: p.string(),
    contentType: p.string(),
    size: p.integer(),
    /** Loaded only when downloaded. */
    data: p.blob().lazy(),
    uploadedByUser: () => p.manyToOne(User).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Attachment = InferEntity<typeof Attachment>;
