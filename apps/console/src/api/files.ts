import { HttpError } from 'react-admin';
import { authorizationHeaders } from './session';

/**
 * The files the API serves and takes beside /graphql (`/api/...`: invoice
 * PDFs, attachments, device CSV import and export), behind the same bearer
 * token, answering errors as `{ code, message, field? }`.
 */

/** Fetches a file behind the bearer token and hands it to the browser as a download under `filename`. */
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

/** A REST route's error answer as the HttpError the rest of the console knows (see errors.ts). */
export async function restError(response: Response): Promise<HttpError> {
  const body: unknown = await response.json().catch(() => undefined);
  return httpErrorOf(response.status, body);
}

/** An upload's answer: its status and its JSON body (or undefined). */
interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs a file as the request body with XMLHttpRequest rather than fetch, as
 * only XHR reports upload progress: `onProgress` gets the fraction sent
 * (0–1). Sent as `contentType` (the file's own type, else CSV). Resolves
 * with any HTTP answer (the caller reads 4xx bodies too); rejects only when
 * no answer came.
 */
export function uploadFile(
  path: string,
  file: File,
  onProgress: (fraction: number) => void = () => undefined,
  contentType: string = file.type || 'text/csv',
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(authorizationHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    xhr.onerror = () => reject(new HttpError('The Aftersale API cannot be reached.', 503, {}));
    xhr.send(file);
  });
}

/** `{ code, message, field? }` (the REST routes' error body) as an HttpError. */
export function httpErrorOf(status: number, body: unknown): HttpError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof fields['message'] === 'string' ? fields['message'] : `The API answered HTTP ${status}.`;
  return new HttpError(message, status, { code: fields['code'], field: fields['field'] });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
