import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScope, staffUserId, type Actor } from '../platform/actor.js';
import { BadUserInputError, NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { Attachment, ATTACHMENT_KINDS, type AttachmentKind } from './attachment.entity.js';
import { appendClaimEvent } from './claim-events.js';
import type { ClaimsService } from './claims.service.js';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** What a file really is, from its first bytes (the declared content type is not trusted). */
const SIGNATURES: { type: string; matches: (head: Buffer) => boolean }[] = [
  { type: 'image/jpeg', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { type: 'image/png', matches: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', matches: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
];

function filenameOf(value: unknown): string {
  const name =
    typeof value === 'string'
      ? value
          .trim()
          .replace(/[\\/\r\n"]/g, '_')
          .slice(0, 200)
      : '';
  if (!name) throw new BadUserInputError('filename', 'must be given (?filename=...).');
  return name;
}

/** Photos and signed documents on a claim: checked by content, stored in the database, logged on the claim. */
export class AttachmentsService {
  constructor(private readonly claims: ClaimsService) {}

  async add(em: EntityManager, actor: Actor, claimId: string, kind: unknown, filename: unknown, data: Buffer): Promise<Attachment> {
    if (!(ATTACHMENT_KINDS as readonly unknown[]).includes(kind)) throw new BadUserInputError('kind', `must be one of ${ATTACHMENT_KINDS.join(', ')}.`);
    const name = filenameOf(filename);
    if (data.length === 0) throw new BadUserInputError('file', 'is empty.');
    const type = SIGNATURES.find((signature) => signature.matches(data))?.type;
    if (!type) throw new BadUserInputError('file', 'must be a JPEG, PNG or WebP photo, or a PDF.');
    const claim = await this.claims.get(em, actor, claimId);
    return em.transactional(async (tx) => {
      const attachment = tx.create(Attachment, {
        claim,
        kind: kind as AttachmentKind,
        filename: name,
        contentType: type,
        size: data.length,
        data,
        uploadedByUser: staffUserId(actor),
      });
      await tx.flush();
      appendClaimEvent(tx, claim, actor, 'ATTACHMENT_ADDED', { data: { attachment: attachment.id, kind, filename: name, size: data.length } });
      await tx.flush();
      return attachment;
    });
  }

  /** One attachment with its bytes; integrators reach only their own customer's. */
  async get(em: EntityManager, actor: Actor, id: string): Promise<Attachment> {
    const scope = customerScope(actor);
    const attachment = await em.findOne(
      Attachment,
      { id: parseId(id, 'id'), ...(scope !== undefined && { claim: { customer: scope } }) },
      { populate: ['data'] },
    );
    if (!attachment) throw new NotFoundError('Attachment', id);
    return attachment;
  }
}
