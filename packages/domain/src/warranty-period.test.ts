import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './calendar-date.js';
import { PolicyInputError } from './errors.js';
import { DEFAULT_POLICY } from './policy.js';
import { isUnderWarranty, lastCoveredDay, replacementWarranty, unitWarranty } from './warranty-period.js';

/** Any date a unit can be received on and still have its whole warranty within the calendar. */
const aReceivedDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('9000-12-31') }).map((n) => fromDayNumber(n));

describe('the warranty period (W1, W2, W3)', () => {
  it.each([
    ['2025-03-10', '2026-03-09', 'an ordinary day'],
    ['2024-02-29', '2025-02-27', 'a leap day: the anniversary clamps to 2025-02-28'],
    ['2025-01-31', '2026-01-30', 'a month end'],
    ['2025-12-31', '2026-12-30', 'the last day of the year'],
    ['2025-01-01', '2025-12-31', 'the first day of the year'],
    ['2023-02-28', '2024-02-27', "the day before a leap year's leap day"],
    ['2023-03-01', '2024-02-29', 'the day after February'],
  ])('covers a unit received on %s through %s (%s)', (receivedOn, last) => {
    expect(lastCoveredDay(receivedOn)).toBe(last);
  });

  it.each([
    ['2025-03-10', '2025-03-10', true, 'the day it was received'],
    ['2025-03-10', '2026-03-08', true, 'two days before expiry'],
    ['2025-03-10', '2026-03-09', true, 'the last covered day'],
    ['2025-03-10', '2026-03-10', false, 'the anniversary'],
    ['2024-02-29', '2025-02-27', true, 'the last covered day after a leap day'],
    ['2024-02-29', '2025-02-28', false, 'the clamped anniversary of a leap day'],
    ['2025-01-31', '2026-01-30', true, 'the last covered day after a month end'],
    ['2025-01-31', '2026-01-31', false, 'the anniversary of a month end'],
    ['2025-03-10', '2025-03-09', false, 'the day before it was received: the warranty has not started (W2)'],
  ])('for a unit received on %s, on %s answers %s (%s)', (receivedOn, on, covered) => {
    expect(isUnderWarranty(receivedOn, on)).toBe(covered);
  });

  it("follows the policy version's number of months", () => {
    const twoYears = { ...DEFAULT_POLICY, version: 'two-years', warrantyMonths: 24 };
    expect(lastCoveredDay('2024-02-29', twoYears)).toBe('2026-02-27');
    expect(lastCoveredDay('2025-01-31', { ...DEFAULT_POLICY, warrantyMonths: 1 })).toBe('2025-02-27');
    expect(isUnderWarranty('2025-03-10', '2026-03-10', twoYears)).toBe(true);
  });

  it.each([
    ['receivedOn', () => lastCoveredDay('2025-02-30')],
    ['receivedOn', () => lastCoveredDay('2025/03/10')],
    ['receivedOn', () => lastCoveredDay(undefined as never)],
    ['receivedOn', () => lastCoveredDay('9999-03-10')],
    ['on', () => isUnderWarranty('2025-03-10', '2026-02-29')],
    ['receivedOn', () => isUnderWarranty('2025-13-10', '2026-02-01')],
    ['policy.warrantyMonths', () => lastCoveredDay('2025-03-10', { ...DEFAULT_POLICY, warrantyMonths: 0 })],
  ])('refuses bad input with a PolicyInputError naming %s', (field, call) => {
    expect(call).toThrow(PolicyInputError);
    expect(call).toThrow(new RegExp(`^${field}: `));
  });

  it('covers every unit on its last covered day and not on the day after', () => {
    fc.assert(
      fc.property(aReceivedDate, (receivedOn) => {
        const last = lastCoveredDay(receivedOn);
        return isUnderWarranty(receivedOn, last) && !isUnderWarranty(receivedOn, addDays(last, 1));
      }),
    );
  });

  it('ends every warranty the day before the same day 12 months later (month ends clamped)', () => {
    fc.assert(
      fc.property(aReceivedDate, (receivedOn) => {
        const last = lastCoveredDay(receivedOn);
        const sameDayLater = addMonths(receivedOn, 12);
        return last < sameDayLater && addDays(last, 1) === sameDayLater && last > receivedOn;
      }),
    );
  });

  it('covers every day from receipt through the last covered day', () => {
    fc.assert(
      fc.property(aReceivedDate, fc.integer({ min: 0, max: 400 }), (receivedOn, offset) => {
        const on = addDays(receivedOn, offset);
        return isUnderWarranty(receivedOn, on) === on <= lastCoveredDay(receivedOn);
      }),
    );
  });
});

describe('unitWarranty (W2–W4)', () => {
  it("starts from the unit's own received date, else its order's", () => {
    expect(unitWarranty({ receivedOn: '2025-03-12', orderReceivedOn: '2025-03-10', replaced: false }, '2026-03-10')).toEqual({
      receivedOn: '2025-03-12',
      lastCoveredDay: '2026-03-11',
      underWarranty: true,
    });
    expect(unitWarranty({ receivedOn: null, orderReceivedOn: '2025-03-10', replaced: false }, '2026-03-10')).toEqual({
      receivedOn: '2025-03-10',
      lastCoveredDay: '2026-03-09',
      underWarranty: false,
    });
  });

  it('has no warranty while the goods are in transit, and none left once the unit was replaced', () => {
    expect(unitWarranty({ receivedOn: null, orderReceivedOn: null, replaced: false }, '2026-01-01')).toEqual({
      receivedOn: null,
      lastCoveredDay: null,
      underWarranty: false,
    });
    expect(unitWarranty({ receivedOn: null, orderReceivedOn: '2025-12-01', replaced: true }, '2026-01-01')).toEqual({
      receivedOn: '2025-12-01',
      lastCoveredDay: '2026-11-30',
      underWarranty: false,
    });
  });
});

describe("the warranty of a claim's replacement unit (W4 with W3: the submission day counts)", () => {
  it("carries the replaced unit's warranty on, given under warranty for a claim filed in time, whenever the unit is replaced", () => {
    expect(replacementWarranty('2025-03-10', '2025-09-01')).toEqual({ receivedOn: '2025-03-10', lastCoveredDay: '2026-03-09', givenUnderWarranty: true });
    expect(replacementWarranty('2025-03-10', '2026-03-09')).toEqual({ receivedOn: '2025-03-10', lastCoveredDay: '2026-03-09', givenUnderWarranty: true });
  });

  it('carries the same dates on a goodwill replacement for a claim submitted after the last covered day, never restarting the months', () => {
    expect(replacementWarranty('2025-03-10', '2026-03-10')).toEqual({ receivedOn: '2025-03-10', lastCoveredDay: '2026-03-09', givenUnderWarranty: false });
  });

  it('gives the replacement unit the same cover as the unit it replaces, under warranty exactly when the claim was filed in time', () => {
    fc.assert(
      fc.property(aReceivedDate, fc.integer({ min: 0, max: 400 }), (receivedOn, offset) => {
        const submittedOn = addDays(receivedOn, offset);
        const replacement = replacementWarranty(receivedOn, submittedOn);
        return (
          replacement.receivedOn === receivedOn &&
          replacement.lastCoveredDay === lastCoveredDay(receivedOn) &&
          replacement.givenUnderWarranty === isUnderWarranty(receivedOn, submittedOn)
        );
      }),
    );
  });

  it('refuses a malformed date', () => {
    expect(() => replacementWarranty('2025-02-30', '2025-09-01')).toThrow(PolicyInputError);
  });
});
