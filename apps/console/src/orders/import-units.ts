import type { DeviceImportOutcomeFragment } from '@aftersale/graphql';
import { httpErrorOf, uploadFile } from '../api/files';

/** An import the API answered: every unit written, or (a 400) none, with every bad row. */
export interface ImportAnswer extends DeviceImportOutcomeFragment {
  /** The API's summary of a refused file ("The file has 3 problem(s); nothing was imported."). */
  message?: string;
}

/**
 * `POST /api/orders/:id/devices/import` with the CSV file as the body, all or
 * nothing. Resolves with the outcome, a refused file's too (its problems by
 * line); rejects with the API's HttpError for anything else (signed out, not
 * allowed, no such order).
 */
export async function importUnits(orderId: string, file: File, onProgress: (fraction: number) => void): Promise<ImportAnswer> {
  const query = new URLSearchParams({ fileName: file.name });
  const { status, body } = await uploadFile(`/api/orders/${encodeURIComponent(orderId)}/devices/import?${query}`, file, onProgress);
  if ((status === 200 || status === 400) && isOutcome(body)) return body;
  throw httpErrorOf(status, body);
}

function isOutcome(body: unknown): body is ImportAnswer {
  return typeof body === 'object' && body !== null && 'problems' in body && Array.isArray(body.problems) && 'imported' in body;
}
