import { HttpError } from 'react-admin';
import { authorizationHeaders } from '../api/session';

/** What the API takes as an attachment (it checks the content itself too). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_KINDS = ['PHOTO', 'AGREEMENT', 'OTHER'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * Fetches a file the API serves behind the bearer token (an invoice PDF, an
 * attachment) and hands it to the browser as a download under `filename`.
 */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: authorizationHeaders() });
  if (!response.ok) throw await restError(response);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser time to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** `POST /api/claims/:id/attachments`: the file as the body, its kind and name in the query. */
export async function uploadAttachment(claimId: string, kind: AttachmentKind, file: File): Promise<void> {
  const query = new URLSearchParams({ kind, filename: file.name });
  const response = await fetch(`/api/claims/${encodeURIComponent(claimId)}/attachments?${query}`, {
    method: 'POST',
    headers: { ...authorizationHeaders(), 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await restError(response);
}

/** Why a file cannot be attached, before sending it; undefined when it can. */
export function attachmentProblem(file: File): string | undefined {
  if (file.size > ATTACHMENT_MAX_BYTES) return `${file.name} is larger than 5 MB.`;
  if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return `${file.name} is not a JPEG, PNG, WebP or PDF file.`;
  return undefined;
}

/** The REST routes answer `{ code, message, field? }`, like the GraphQL errors' extensions. */
async function restError(response: Response): Promise<HttpError> {
  const body: unknown = await response.json().catch(() => undefined);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof fields['message'] === 'string' ? fields['message'] : `The API answered HTTP ${response.status}.`;
  return new HttpError(message, response.status, { code: fields['code'], field: fields['field'] });
}
