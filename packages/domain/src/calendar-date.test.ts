import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareCalendarDates,
  daysBetween,
  daysInMonth,
  formatCalendarDate,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  parseCalendarDate,
  toDayNumber,
} from './calendar-date.js';
import { PolicyInputError } from './errors.js';

/** Any calendar date from 0001-01-01 to 9999-12-31. */
const aCalendarDate = fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }).map((dayNumber) => fromDayNumber(dayNumber));

/** The reference the pure arithmetic must agree with: JavaScript's proleptic Gregorian UTC calendar. */
function utcDayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.floor(utc.getTime() / 86_400_000);
}

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['0000-01-01', false],
    ['2025-1-05', false],
    ['2025-01-05T00:00:00Z', false],
    [' 2025-01-05', false],
    ['2025-01-05\n', false],
    ['2025/01/05', false],
    ['20a5-01-05', false],
    ['2025-01-0\uff15', false],
    ['2025-+1-05', false],
    ['', false],
    [20250105, false],
    [null, false],
  ])('accepts %j as a calendar date only when it is a real day written YYYY-MM-DD (%s)', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    [2024, true],
    [2025, false],
    [1900, false],
    [2000, true],
  ])('knows %i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
  ])('counts the days of %i-%i as %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('reads a date into its parts and writes it back unchanged', () => {
    expect(parseCalendarDate('2025-01-31')).toEqual({ year: 2025, month: 1, day: 31 });
    expect(formatCalendarDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(formatCalendarDate({ year: 1, month: 1, day: 1 })).toBe('0001-01-01');
  });

  it.each([
    [undefined, 'receivedOn'],
    [42, 'receivedOn'],
    ['2025-02-30', 'receivedOn'],
    ['31/01/2025', 'receivedOn'],
  ])('refuses %j with a PolicyInputError naming the field', (value, field) => {
    expect(() => parseCalendarDate(value, field)).toThrow(PolicyInputError);
    expect(() => parseCalendarDate(value, field)).toThrow(/^receivedOn: /);
  });

  it('names the field "date" when none is given', () => {
    expect(() => parseCalendarDate('nope')).toThrow(/^date: /);
  });

  it.each([
    [{ year: 10_000, month: 1, day: 1 }],
    [{ year: 0, month: 1, day: 1 }],
    [{ year: 2025, month: 2, day: 29 }],
    [{ year: 2025, month: 13, day: 1 }],
    [{ year: 2025, month: 0, day: 1 }],
    [{ year: 2025, month: 1, day: 0 }],
    [{ year: 2025.5, month: 1, day: 1 }],
  ])('refuses to write %j, which is not a day between 0001-01-01 and 9999-12-31', (parts) => {
    expect(() => formatCalendarDate(parts)).toThrow(PolicyInputError);
  });

  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-01-31', 12, '2026-01-31'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-05-10', 0, '2025-05-10'],
  ])('moves %s by %i months to %s, clamping to the month end', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses to move a date by a fraction of a month or beyond year 9999', () => {
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(/^months: /);
    expect(() => addMonths('9999-06-01', 12, 'receivedOn')).toThrow(/^receivedOn: /);
    expect(() => addMonths('0001-06-01', -12)).toThrow(PolicyInputError);
  });

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017],
    ['0001-01-01', -719_162],
  ])('counts %s as day %i since 1970-01-01', (date, dayNumber) => {
    expect(toDayNumber(date)).toBe(dayNumber);
    expect(fromDayNumber(dayNumber)).toBe(date);
  });

  it('refuses a day number that is not a whole number', () => {
    expect(() => fromDayNumber(0.5)).toThrow(PolicyInputError);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('adds to %s %i day(s) giving %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses to add a fraction of a day', () => {
    expect(() => addDays('2025-01-01', 0.5)).toThrow(/^days: /);
  });

  it('counts the days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2025-01-01')).toBe(-365);
  });

  it('orders dates by the calendar', () => {
    expect(compareCalendarDates('2025-01-31', '2025-02-01')).toBe(-1);
    expect(compareCalendarDates('2025-02-01', '2025-02-01')).toBe(0);
    expect(compareCalendarDates('2025-02-01', '2025-01-31')).toBe(1);
    expect(() => compareCalendarDates('2025-02-30', '2025-01-31')).toThrow(/^a: /);
    expect(() => compareCalendarDates('2025-01-31', 'x')).toThrow(/^b: /);
  });

  it('agrees with the UTC calendar on the day number of every date', () => {
    fc.assert(fc.property(aCalendarDate, (date) => toDayNumber(date) === utcDayNumber(date)));
  });

  it('reads back every day number it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        return isCalendarDate(date) && toDayNumber(date) === dayNumber;
      }),
    );
  });

  it('keeps the day of the month when adding months unless the target month is shorter', () => {
    fc.assert(
      fc.property(
        aCalendarDate.filter((date) => date < '9000-01-01'),
        fc.integer({ min: 0, max: 1200 }),
        (date, months) => {
          const moved = parseCalendarDate(addMonths(date, months));
          const { year, month, day } = parseCalendarDate(date);
          const index = year * 12 + month - 1 + months;
          return moved.year * 12 + moved.month - 1 === index && moved.day === Math.min(day, daysInMonth(moved.year, moved.month));
        },
      ),
    );
  });
});
