import { addDays, addMonths, parseCalendarDate } from './calendar-date.js';
import { DEFAULT_POLICY, validatePolicy, type WarrantyPolicy } from './policy.js';

/**
 * The last day a unit is under warranty: the day before the same calendar day `warrantyMonths` later, month ends clamped (W1, W2, W3).
 * @example
 * lastCoveredDay('2025-03-10') // '2026-03-09'
 * lastCoveredDay('2024-02-29') // '2025-02-27' (2025-02-28 is the clamped anniversary)
 * lastCoveredDay('2025-01-31') // '2026-01-30'
 */
export function lastCoveredDay(receivedOn: string, policy: WarrantyPolicy = DEFAULT_POLICY): string {
  const { warrantyMonths } = validatePolicy(policy);
  const anniversary = addMonths(receivedOn, warrantyMonths, 'receivedOn');
  return addDays(anniversary, -1, 'receivedOn');
}

/**
 * A unit is under warranty on a day from the day it was received through its last covered day (W2, W3).
 * Before the received date the warranty has not started, so the answer is false.
 * @example
 * isUnderWarranty('2025-03-10', '2026-03-09') // true
 * isUnderWarranty('2025-03-10', '2026-03-10') // false
 */
export function isUnderWarranty(receivedOn: string, on: string, policy: WarrantyPolicy = DEFAULT_POLICY): boolean {
  const last = lastCoveredDay(receivedOn, policy);
  parseCalendarDate(on, 'on');
  return receivedOn <= on && on <= last;
}

/** The warranty a claim's replacement unit starts with (W4). */
export interface ReplacementWarranty {
  /** The warranty start to record on the replacement unit: the replaced unit's own received date. */
  readonly receivedOn: string;
  /** Unchanged from the replaced unit; may already be past when the unit is replaced. */
  readonly lastCoveredDay: string;
  /** The claim was submitted while the replaced unit was covered (W3), so the replacement is given under warranty. */
  readonly givenUnderWarranty: boolean;
}

/**
 * W4 read with W3: the warranty a claim's replacement unit starts with. The day that counts is the day the claim was submitted (W3), never
 * the day of the replacement: a claim filed while the unit was covered gets its replacement under warranty even when the unit is replaced
 * after the last covered day. The replacement carries the replaced unit's warranty on (its received date, hence the same last covered day,
 * possibly already past) and never restarts the months; a goodwill replacement outside the warranty carries the same dates.
 * @example
 * replacementWarranty('2025-03-10', '2026-03-01')
 * // { receivedOn: '2025-03-10', lastCoveredDay: '2026-03-09', givenUnderWarranty: true } (also when the unit is replaced on 2026-03-20)
 */
export function replacementWarranty(replacedUnitReceivedOn: string, claimSubmittedOn: string, policy: WarrantyPolicy = DEFAULT_POLICY): ReplacementWarranty {
  return {
    receivedOn: replacedUnitReceivedOn,
    lastCoveredDay: lastCoveredDay(replacedUnitReceivedOn, policy),
    givenUnderWarranty: isUnderWarranty(replacedUnitReceivedOn, claimSubmittedOn, policy),
  };
}

/** What `unitWarranty` needs to know of a unit. */
export interface UnitRecord {
  /** The unit's own received date, where one was recorded (a per-unit date, or a replacement's inherited one, W4). */
  readonly receivedOn: string | null;
  /** The received date of the unit's order (W2), if the goods have arrived. */
  readonly orderReceivedOn: string | null;
  /** Another unit replaced this one (W4): the warranty went on with it. */
  readonly replaced: boolean;
}

/** A unit's warranty on a day. */
export interface UnitWarranty {
  /** The day its warranty started; null while the goods are in transit. */
  readonly receivedOn: string | null;
  readonly lastCoveredDay: string | null;
  readonly underWarranty: boolean;
}

/**
 * A unit's warranty on a day (W2–W4): from its own received date where recorded, else its order's;
 * none before the goods arrive; none left once another unit replaced it (W4: the replacement carries it on).
 * @example
 * unitWarranty({ receivedOn: null, orderReceivedOn: '2025-03-10', replaced: false }, '2025-09-01')
 * // { receivedOn: '2025-03-10', lastCoveredDay: '2026-03-09', underWarranty: true }
 */
export function unitWarranty(unit: UnitRecord, on: string, policy: WarrantyPolicy = DEFAULT_POLICY): UnitWarranty {
  const receivedOn = unit.receivedOn ?? unit.orderReceivedOn;
  if (receivedOn === null) return { receivedOn: null, lastCoveredDay: null, underWarranty: false };
  return { receivedOn, lastCoveredDay: lastCoveredDay(receivedOn, policy), underWarranty: !unit.replaced && isUnderWarranty(receivedOn, on, policy) };
}
