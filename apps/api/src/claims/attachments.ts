import { STAFF_ROLES } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { customerScope, staffUserId, type Actor } from '../auth/actor.js';
import { BadUserInputError, NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { RestRoute } from '../platform/rest.js';
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

async function readBody(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ATTACHMENT_BYTES) throw new BadUserInputError('file', `is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function filenameOf(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().replace(/[\\/\r\n"]/g, '_').slice(0, 200) : '';
  if (!name) throw new BadUserInputError('filename', 'must be given (?filename=...).');
  return name;
}

export async function addAttachment(em: EntityManager, claims: ClaimsService, actor: Actor, claimId: string, kind: unknown, filename: unknown, data: Buffer): Promise<Attachment> {
  if (!(ATTACHMENT_KINDS as readonly unknown[]).includes(kind)) throw new BadUserInputError('kind', `must be one of ${ATTACHMENT_KINDS.join(', ')}.`);
  const name = filenameOf(filename);
  if (data.length === 0) throw new BadUserInputError('file', 'is empty.');
  const type = SIGNATURES.find((signature) => signature.matches(data))?.type;
  if (!type) throw new BadUserInputError('file', 'must be a JPEG, PNG or WebP photo, or a PDF.');
  const claim = await claims.get(em, claimId, actor);
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

/**
 * `POST /api/claims/:id/attachments?kind=PHOTO|AGREEMENT|OTHER&filename=…` with the file as the body
 * (≤ 5 MB; JPEG, PNG, WebP or PDF, checked by content); `GET /api/attachments/:id` downloads one.
 * Integrators reach only their own customer's claims.
 */
export function attachmentRoutes(claims: ClaimsService): RestRoute[] {
  const callers = [...STAFF_ROLES.filter((role) => role !== 'ANALYST'), 'INTEGRATOR'] as const;
  return [
    {
      method: 'post',
      path: '/api/claims/:id/attachments',
      roles: callers,
      async handle(req, res, ctx) {
        const attachment = await addAttachment(ctx.em, claims, ctx.actor, String(req.params['id']), req.query['kind'], req.query['filename'], await readBody(req));
        res.status(201).json({ id: attachment.id, kind: attachment.kind, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size });
      },
    },
    {
      method: 'get',
      path: '/api/attachments/:id',
      roles: [...STAFF_ROLES, 'INTEGRATOR'],
      async handle(req, res, ctx) {
        const id = String(req.params['id']);
        const scope = customerScope(ctx.actor);
        const attachment = await ctx.em.findOne(Attachment, { id: parseId(id, 'id'), ...(scope !== undefined && { claim: { customer: scope } }) }, { populate: ['data'] });
        if (!attachment) throw new NotFoundError('Attachment', id);
        res.setHeader('content-type', attachment.contentType);
        res.setHeader('content-disposition', `inline; filename="${attachment.filename}"`);
        res.setHeader('x-content-type-options', 'nosniff');
        res.end(attachment.data);
      },
    },
  ];
}
