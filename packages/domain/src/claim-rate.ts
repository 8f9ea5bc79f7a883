import { PolicyInputError } from './errors.js';

/**
 * How often units are claimed: claims per 1000 units in the field, and a
 * unit's age at claim in whole months (months in service), so that cohorts of
 * different ages are compared at the same age.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthIndex(month: string, field: string): number {
  const match = typeof month === 'string' ? MONTH.exec(month) : null;
  if (match === null) throw new PolicyInputError(field, 'must be a month as YYYY-MM');
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * Claims per 1000 units; `null` when there are no units to divide by.
 * @example claimRatePer1000(3, 1500) // 2
 */
export function claimRatePer1000(claims: number, units: number): number | null {
  if (!(claims >= 0)) throw new PolicyInputError('claims', 'must not be negative');
  if (!(units >= 0)) throw new PolicyInputError('units', 'must not be negative');
  return units === 0 ? null : (1000 * claims) / units;
}

/**
 * Months in service at claim: month of claim minus month of receipt (both `YYYY-MM`).
 * @example monthsInService('2025-11', '2026-02') // 3
 */
export function monthsInService(receiptMonth: string, claimMonth: string): number {
  return monthIndex(claimMonth, 'claimMonth') - monthIndex(receiptMonth, 'receiptMonth');
}

/**
 * The month `months` after a `YYYY-MM` month (negative goes back).
 * @example addToMonth('2025-11', 3) // '2026-02'
 */
export function addToMonth(month: string, months: number): string {
  const index = monthIndex(month, 'month') + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
