import { PolicyInputError } from './errors.js';

/**
 * ISO calendar dates (`YYYY-MM-DD`, years 0001 to 9999) as plain strings, with
 * pure integer arithmetic: no `Date`, no time zone, no clock. Every date in the
 * policy (received, submitted, effective from) is a calendar day.
 */

/** The parts of a calendar date. */
export interface CalendarDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/**
 * A year is a leap year when divisible by 4, except centuries not divisible by 400; it decides where W3 clamps February.
 * @example isLeapYear(2024) // true; isLeapYear(2100) // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month of a year (1-based month), the day month ends clamp to (W3).
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The parts of `YYYY-MM-DD` read character by character (no pattern to match: dates are read on every policy step), or undefined. */
function partsOf(value: string): CalendarDateParts | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const DASH = 0x2d;
const ZERO = 0x30;

/** The number `count` ASCII digits from `at` write, or -1 when a character there is not one. */
function digitsAt(value: string, at: number, count: number): number {
  let n = 0;
  for (let k = at; k < at + count; k += 1) {
    const digit = value.charCodeAt(k) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * True when the value is an ISO calendar date `YYYY-MM-DD` that exists (no 2025-02-30, no 2025-13-01), the only date form the policy takes (W2, W3).
 * @example isCalendarDate('2024-02-29') // true; isCalendarDate('2025-02-29') // false
 */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && partsOf(value) !== undefined;
}

/**
 * Reads an ISO calendar date into its parts, or throws `PolicyInputError` naming `field` (never guesses a date, W2).
 * @example parseCalendarDate('2025-01-31') // { year: 2025, month: 1, day: 31 }
 */
export function parseCalendarDate(value: unknown, field = 'date'): CalendarDateParts {
  if (typeof value !== 'string') throw new PolicyInputError(field, 'must be an ISO calendar date YYYY-MM-DD');
  const parts = partsOf(value);
  if (parts === undefined) throw new PolicyInputError(field, `"${value}" is not a calendar date (YYYY-MM-DD, a day that exists)`);
  return parts;
}

/**
 * Writes calendar date parts as `YYYY-MM-DD`; throws `PolicyInputError` naming `field` when they are not a real day in years 0001–9999 (W3).
 * @example formatCalendarDate({ year: 2026, month: 3, day: 9 }) // '2026-03-09'
 */
export function formatCalendarDate(parts: CalendarDateParts, field = 'date'): string {
  const { year, month, day } = parts;
  const valid =
    [year, month, day].every(Number.isInteger) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) throw new PolicyInputError(field, `${year}-${month}-${day} is not a calendar date between 0001-01-01 and 9999-12-31`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The same day `months` calendar months later (or earlier when negative), clamped to the month's last day (W3).
 * @example addMonths('2024-02-29', 12) // '2025-02-28'; addMonths('2025-01-31', 1) // '2025-02-28'
 */
export function addMonths(date: string, months: number, field = 'date'): string {
  const { year, month, day } = parseCalendarDate(date, field);
  if (!Number.isSafeInteger(months)) throw new PolicyInputError('months', 'must be an integer');
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const inRange = targetYear >= MIN_YEAR && targetYear <= MAX_YEAR;
  const clampedDay = inRange ? Math.min(day, daysInMonth(targetYear, targetMonth)) : day;
  return formatCalendarDate({ year: targetYear, month: targetMonth, day: clampedDay }, field);
}

/**
 * The number of days from 1970-01-01 to the date (negative before it), by pure arithmetic, so day counts never depend on a time zone (W3).
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: string, field = 'date'): number {
  const { year, month, day } = parseCalendarDate(date, field);
  // Days from civil (H. Hinnant): years counted from March so the leap day ends the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The calendar date of a day number (days since 1970-01-01); the inverse of `toDayNumber` (W3).
 * @example fromDayNumber(0) // '1970-01-01'
 */
export function fromDayNumber(dayNumber: number, field = 'date'): string {
  if (!Number.isSafeInteger(dayNumber)) throw new PolicyInputError(field, 'day number must be an integer');
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatCalendarDate({ year, month, day }, field);
}

/**
 * The date `days` days after `date` (before it when negative); W3's last covered day is the anniversary minus one day.
 * @example addDays('2024-02-28', 1) // '2024-02-29'
 */
export function addDays(date: string, days: number, field = 'date'): string {
  if (!Number.isSafeInteger(days)) throw new PolicyInputError('days', 'must be an integer');
  return fromDayNumber(toDayNumber(date, field) + days, field);
}

/**
 * The number of days from `from` to `to` (negative when `to` is earlier), e.g. the warranty left to a replacement unit (W4).
 * @example daysBetween('2025-12-31', '2026-01-01') // 1
 */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/**
 * Orders two calendar dates: -1 when `a` is earlier, 0 when the same day, 1 when later (W3: the submission day against the last covered day).
 * @example compareCalendarDates('2025-01-31', '2025-02-01') // -1
 */
export function compareCalendarDates(a: string, b: string): -1 | 0 | 1 {
  parseCalendarDate(a, 'a');
  parseCalendarDate(b, 'b');
  // Valid ISO dates of four-digit years sort as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}
