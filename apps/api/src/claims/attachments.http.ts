import { STAFF_ROLES } from '@aftersale/domain';
import { create as contentDisposition } from 'content-disposition';
import type { Request } from 'express';
import { BadUserInputError } from '../platform/errors.js';
import type { RestRoute } from '../platform/rest.js';
import { MAX_ATTACHMENT_BYTES, type AttachmentsService } from './attachments.service.js';

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

/**
 * `POST /api/claims/:id/attachments?kind=PHOTO|AGREEMENT|OTHER&filename=…` with the file as the body
 * (≤ 5 MB; JPEG, PNG, WebP or PDF, checked by content); `GET /api/attachments/:id` downloads one.
 * Integrators reach only their own customer's claims.
 */
export function attachmentRoutes(attachments: AttachmentsService): RestRoute[] {
  const callers = [...STAFF_ROLES.filter((role) => role !== 'ANALYST'), 'INTEGRATOR'] as const;
  return [
    {
      method: 'post',
      path: '/api/claims/:id/attachments',
      roles: callers,
      async handle(req, res, ctx) {
        const attachment = await attachments.add(ctx.em, ctx.actor, String(req.params['id']), req.query['kind'], req.query['filename'], await readBody(req));
        res
          .status(201)
          .json({ id: attachment.id, kind: attachment.kind, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size });
      },
    },
    {
      method: 'get',
      path: '/api/attachments/:id',
      roles: [...STAFF_ROLES, 'INTEGRATOR'],
      async handle(req, res, ctx) {
        const attachment = await attachments.get(ctx.em, ctx.actor, String(req.params['id']));
        res.setHeader('content-type', attachment.contentType);
        // RFC 6266: an ASCII fallback name and the exact one in RFC 5987 form (`filename*=UTF-8''…`).
        res.setHeader('content-disposition', contentDisposition(attachment.filename, { type: 'inline' }));
        res.setHeader('x-content-type-options', 'nosniff');
        res.end(attachment.data);
      },
    },
  ];
}
