import { addDays, daysBetween } from './calendar-date.js';
import { PolicyInputError } from './errors.js';
import { minorUnits } from './money.js';

/**
 * The commercial terms printed on an issued invoice: when it falls due, how
 * long it has been unpaid, and the tax on its net amount. The seller sets the
 * payment terms and the tax rate; the policy only says what is charged (H6–H8).
 */

/**
 * The day an invoice issued on `issuedOn` falls due, `paymentTermsDays` later.
 * @example invoiceDueOn('2026-03-10', 30) // '2026-04-09'
 */
export function invoiceDueOn(issuedOn: string, paymentTermsDays: number): string {
  if (!Number.isSafeInteger(paymentTermsDays) || paymentTermsDays < 0)
    throw new PolicyInputError('paymentTermsDays', 'must be a whole number of days, 0 or more');
  return addDays(issuedOn, paymentTermsDays, 'issuedOn');
}

/**
 * How many days an invoice has gone unpaid past its due day on `today` (0 while it is not yet due).
 * @example daysOverdue('2026-04-09', '2026-04-19') // 10
 */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}

/**
 * The tax on a net amount at `ratePercent` (e.g. 21 or 7.7), rounded to the nearest minor unit, and the gross amount.
 * @example invoiceTax(10_000, 21) // { tax: 2100, gross: 12100 }
 */
export function invoiceTax(net: number, ratePercent: number): { tax: number; gross: number } {
  minorUnits(net, 'net');
  if (typeof ratePercent !== 'number' || !Number.isFinite(ratePercent) || ratePercent < 0 || ratePercent > 100) {
    throw new PolicyInputError('ratePercent', 'must be a percentage from 0 to 100');
  }
  const tax = Math.round((net * ratePercent) / 100);
  return { tax, gross: net + tax };
}
