import { fromDayNumber, policyInForce, type WarrantyPolicy } from '@aftersale/domain';

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

/** The domain's `YYYY-MM-DD` of a day number, remembered: a large data set writes millions of dates from a few thousand days. */
const dates = new Map<number, string>();
export function dateOfDay(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = fromDayNumber(day);
    dates.set(day, date);
  }
  return date;
}

/** The `YYYY-MM-DD` date an instant falls on (UTC). */
export const dateOfInstant = (ms: number): string => dateOfDay(dayOfInstant(ms));

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 UTC text of an instant, e.g. `2025-03-10T09:41:00.000Z` (as `Date#toISOString` writes it, for years 1970–9999). */
export function timestamp(ms: number): string {
  const day = dayOfInstant(ms);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${dateOfDay(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** The domain's `policyInForce` on a date, remembered per date (R5): asked for on every step of millions of claims. */
const policies = new Map<string, WarrantyPolicy>();
export function policyOn(date: string): WarrantyPolicy {
  let policy = policies.get(date);
  if (policy === undefined) {
    policy = policyInForce(date);
    policies.set(date, policy);
  }
  return policy;
}
