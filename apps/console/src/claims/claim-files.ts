import type { AttachmentKind } from '@aftersale/graphql';
import { httpErrorOf, uploadFile } from '../api/files';

/** What the API takes as an attachment (it checks the content itself too). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/** `POST /api/claims/:id/attachments`: the file as the body, its kind and name in the query. */
export async function uploadAttachment(claimId: string, kind: AttachmentKind, file: File): Promise<void> {
  const query = new URLSearchParams({ kind, filename: file.name });
  const path = `/api/claims/${encodeURIComponent(claimId)}/attachments?${query}`;
  const { status, body } = await uploadFile(path, file, undefined, file.type || 'application/octet-stream');
  if (status < 200 || status > 299) throw httpErrorOf(status, body);
}

/** Why a file cannot be attached, before sending it (a catalogue key, with the file's name as `name`); undefined when it can. */
export function attachmentProblem(file: File): string | undefined {
  if (file.size > ATTACHMENT_MAX_BYTES) return 'app.claims.attachments.too_large';
  if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return 'app.claims.attachments.wrong_type';
  return undefined;
}
