import { fromDayNumber } from '@aftersale/domain';

/**
 * Calendar days as integers (the domain's day numbers: days since 1970-01-01,
 * see toDayNumber/fromDayNumber) and timestamps as milliseconds: the generator
 * does its date arithmetic on numbers and writes `YYYY-MM-DD` dates and ISO
 * 8601 UTC timestamps.
 */

const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The instant `minutes` after midnight (UTC) of a day, in milliseconds. */
export const instantOn = (day: number, minutes: number): number => day * DAY_MS + minutes * MINUTE_MS;

/** The day number an instant falls on (UTC). */
export const dayOfInstant = (ms: number): number => Math.floor(ms / DAY_MS);

/** The `YYYY-MM-DD` date an instant falls on (UTC). */
export const dateOfInstant = (ms: number): string => fromDayNumber(dayOfInstant(ms));

/** ISO 8601 UTC text of an instant, e.g. `2025-03-10T09:41:00.000Z`. */
export const timestamp = (ms: number): string => new Date(ms).toISOString();
