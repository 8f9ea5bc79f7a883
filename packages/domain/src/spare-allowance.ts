import { PolicyInputError } from './errors.js';
import { isPartCategory, type PartCategory } from './part-category.js';
import { DEFAULT_POLICY, validatePolicy, type WarrantyPolicy } from './policy.js';

/** A part of the ordered model, as `spareAllowance` needs it. */
export interface ModelPart {
  readonly partId: string;
  readonly category: PartCategory;
}

/** How many of one part ship free with the order. */
export interface SpareAllowanceLine {
  readonly partId: string;
  readonly quantity: number;
}

/**
 * The allowance rate as the exact fraction of the decimal it is written as, so whole units are rounded down exactly (S1, S3).
 * `floor(quantity × rate)` in floats can lose a unit: 0.29 × 100 is 28.999999999999996; as 29/100 it is 29.
 * @example exactRate(0.02) // { numerator: 2n, denominator: 100n }
 */
export function exactRate(rate: number): { readonly numerator: bigint; readonly denominator: bigint } {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new PolicyInputError('policy.spareAllowanceRate', 'must be a number from 0 to 1');
  // toExponential() gives the shortest decimal that reads back as this number: '2e-2', '1.5e-10', '1e+0'.
  const [mantissa, exponent] = rate.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const scale = Number(exponent) - (digits.length - 1);
  return scale >= 0 ? { numerator: BigInt(digits) * 10n ** BigInt(scale), denominator: 1n } : { numerator: BigInt(digits), denominator: 10n ** BigInt(-scale) };
}

/**
 * An order of up to `spareAllowanceMaxOrderQty` pieces ships with `spareAllowanceRate` of its quantity, rounded down, of each eligible part free; orders above the limit get none (S1, S2, S3).
 * One entry per eligible part in input order (its quantity may be 0); excluded categories are left out; `[]` above the limit.
 * @example
 * spareAllowance(1000, [{ partId: 'bat', category: 'BATTERY' }, { partId: 'lcd', category: 'LCD' }])
 * // [{ partId: 'bat', quantity: 20 }]
 * spareAllowance(3001, [{ partId: 'bat', category: 'BATTERY' }]) // []
 */
export function spareAllowance(orderQuantity: number, parts: readonly ModelPart[], policy: WarrantyPolicy = DEFAULT_POLICY): SpareAllowanceLine[] {
  const { spareAllowanceRate, spareAllowanceMaxOrderQty, spareAllowanceExcluded } = validatePolicy(policy);
  if (typeof orderQuantity !== 'number' || !Number.isSafeInteger(orderQuantity) || orderQuantity < 0) {
    throw new PolicyInputError('orderQuantity', 'must be a whole number of pieces ≥ 0');
  }
  if (!Array.isArray(parts)) throw new PolicyInputError('parts', 'must be a list of parts');
  parts.forEach((part: unknown, index) => {
    if (typeof part !== 'object' || part === null) throw new PolicyInputError(`parts[${index}]`, 'must be a part');
    const { partId, category } = part as Record<keyof ModelPart, unknown>;
    if (typeof partId !== 'string' || partId === '') throw new PolicyInputError(`parts[${index}].partId`, 'must be a non-empty string');
    if (!isPartCategory(category)) throw new PolicyInputError(`parts[${index}].category`, `"${String(category)}" is not a part category`);
  });

  // S3: above the limit there is no automatic allowance (staff may record a negotiated one).
  if (orderQuantity > spareAllowanceMaxOrderQty) return [];
  const { numerator, denominator } = exactRate(spareAllowanceRate);
  // S3: whole units, rounded down; BigInt division truncates, exact for these non-negative values.
  const quantity = Number((BigInt(orderQuantity) * numerator) / denominator);
  // Array.isArray above narrowed `parts` to any[]; each part has been checked since.
  return (parts as readonly ModelPart[])
    .filter((part) => !spareAllowanceExcluded.includes(part.category)) // S2
    .map((part) => ({ partId: part.partId, quantity }));
}
