import { PolicyInputError } from './errors.js';

/**
 * Money is an integer amount in minor units (cents) of the policy's currency,
 * never a float, so totals are exact.
 */

/**
 * True when the value is a money amount: a whole, non-negative number of minor units small enough to add exactly (H6).
 * @example isMinorUnits(1250) // true; isMinorUnits(12.5) // false
 */
export function isMinorUnits(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Returns the amount when it is whole, non-negative minor units; else throws `PolicyInputError` naming `field` (H6).
 * @example minorUnits(1250, 'materialCost') // 1250
 */
export function minorUnits(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new PolicyInputError(field, 'must be a whole amount in minor units (cents)');
  if (value < 0) throw new PolicyInputError(field, 'must not be negative');
  return value;
}

/**
 * The exact sum of money amounts, as an invoice total (H6); throws `PolicyInputError` naming `field` if it cannot be represented exactly.
 * @example sumMinorUnits([1200, 350], 'lines') // 1550
 */
export function sumMinorUnits(amounts: readonly number[], field: string): number {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (!Number.isSafeInteger(total)) throw new PolicyInputError(field, 'the total is too large to be exact');
  return total;
}
