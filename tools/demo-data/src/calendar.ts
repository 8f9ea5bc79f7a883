/**
 * Calendar days as integers (days since 1970-01-01, UTC) and timestamps as
 * milliseconds: the generator does its date arithmetic on numbers and writes
 * `YYYY-MM-DD` dates and ISO 8601 UTC timestamps.
 */

const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day number of a `YYYY-MM-DD` date; throws RangeError naming `field` for anything else. */
export function dayOf(date: string, field = 'date'): number {
  const ms = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${field}: "${date}" is not a calendar date YYYY-MM-DD`);
  }
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The instant `minutes` after midnight (UTC) of a day, in milliseconds. */
export const instantOn = (day: number, minutes: number): number => day * DAY_MS + minutes * MINUTE_MS;

/** The day number an instant falls on (UTC). */
export const dayOfInstant = (ms: number): number => Math.floor(ms / DAY_MS);

/** ISO 8601 UTC text of an instant, e.g. `2025-03-10T09:41:00.000Z`. */
export const timestamp = (ms: number): string => new Date(ms).toISOString();
