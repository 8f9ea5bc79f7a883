import { parseCalendarDate } from './calendar-date.js';
import { PolicyInputError } from './errors.js';
import { isPartCategory, type PartCategory } from './part-category.js';

/**
 * The parameters of the warranty policy (POLICY.md). Every number the rules
 * use, and every **Reading** the business may change, is a field here, never
 * a literal in a rule. A released version is never edited: a change is a new
 * version with a later `effectiveFrom` (R5).
 */
export interface WarrantyPolicy {
  /** Stable name of this version; recorded on every assessment (R5). */
  readonly version: string;
  /** First calendar day this version is in force (inclusive). */
  readonly effectiveFrom: string;
  /** W1: length of the warranty in calendar months. */
  readonly warrantyMonths: number;
  /** S1: share of an order's quantity given as free spare parts (0.02 = 2 %). */
  readonly spareAllowanceRate: number;
  /** S1: largest order quantity that gets the automatic allowance. */
  readonly spareAllowanceMaxOrderQty: number;
  /** S2: categories never given as free spare parts. */
  readonly spareAllowanceExcluded: readonly PartCategory[];
  /** F / R1: categories whose natural wear makes their line chargeable. */
  readonly wearableCategories: readonly PartCategory[];
  /** ISO 4217 code of the currency every money amount (in minor units) is in. */
  readonly currency: string;
}

/**
 * The policy as first published (shared/seed text): 12 months from receipt,
 * 2 % spare parts on orders up to 3000 pieces except board, LCD, TP and
 * cameras, natural wear of housing, keypad, display, antenna and accessories.
 *
 * @example DEFAULT_POLICY.warrantyMonths // 12
 */
export const DEFAULT_POLICY: WarrantyPolicy = Object.freeze({
  version: '2020.1',
  effectiveFrom: '2020-01-01',
  warrantyMonths: 12,
  spareAllowanceRate: 0.02,
  spareAllowanceMaxOrderQty: 3000,
  spareAllowanceExcluded: Object.freeze(['MAINBOARD', 'LCD', 'TOUCH_PANEL', 'CAMERA'] as const),
  wearableCategories: Object.freeze(['HOUSING', 'KEYPAD', 'LCD', 'ANTENNA', 'ACCESSORY'] as const),
  currency: 'USD',
});

/**
 * Every released policy version, oldest first. To change a parameter, append
 * a new version with a later `effectiveFrom`; never edit one already here (R5).
 */
export const POLICY_REGISTRY: readonly WarrantyPolicy[] = Object.freeze([DEFAULT_POLICY]);

const MAX_WARRANTY_MONTHS = 1200;

function categoryList(value: unknown, field: string): void {
  if (!Array.isArray(value)) throw new PolicyInputError(field, 'must be a list of part categories');
  value.forEach((category, index) => {
    if (!isPartCategory(category)) throw new PolicyInputError(`${field}[${index}]`, `"${String(category)}" is not a part category`);
  });
  if (new Set(value).size !== value.length) throw new PolicyInputError(field, 'lists a category twice');
}

/**
 * Checks that a value is a usable warranty policy and returns it typed; throws `PolicyInputError` naming the bad parameter (R5: a version must be self-consistent before it is released).
 * Months are a whole number from 1 to 1200, the rate is within [0, 1], the order limit a whole number ≥ 0, categories known and distinct, the currency a three-letter ISO code.
 * @example validatePolicy({ ...DEFAULT_POLICY, version: '2027.1', effectiveFrom: '2027-01-01', warrantyMonths: 24 })
 */
export function validatePolicy(policy: unknown): WarrantyPolicy {
  if (typeof policy !== 'object' || policy === null) throw new PolicyInputError('policy', 'must be a warranty policy object');
  if (CHECKED_FOR_GOOD.has(policy)) return policy as WarrantyPolicy;
  const p = policy as Record<keyof WarrantyPolicy, unknown>;
  if (typeof p.version !== 'string' || p.version.trim() === '') throw new PolicyInputError('policy.version', 'must be a non-empty string');
  parseCalendarDate(p.effectiveFrom, 'policy.effectiveFrom');
  if (!Number.isInteger(p.warrantyMonths) || (p.warrantyMonths as number) < 1 || (p.warrantyMonths as number) > MAX_WARRANTY_MONTHS) {
    throw new PolicyInputError('policy.warrantyMonths', `must be a whole number of months from 1 to ${MAX_WARRANTY_MONTHS}`);
  }
  if (typeof p.spareAllowanceRate !== 'number' || !(p.spareAllowanceRate >= 0 && p.spareAllowanceRate <= 1)) {
    throw new PolicyInputError('policy.spareAllowanceRate', 'must be a number from 0 to 1');
  }
  if (!Number.isSafeInteger(p.spareAllowanceMaxOrderQty) || (p.spareAllowanceMaxOrderQty as number) < 0) {
    throw new PolicyInputError('policy.spareAllowanceMaxOrderQty', 'must be a whole number ≥ 0');
  }
  categoryList(p.spareAllowanceExcluded, 'policy.spareAllowanceExcluded');
  categoryList(p.wearableCategories, 'policy.wearableCategories');
  if (typeof p.currency !== 'string' || !/^[A-Z]{3}$/.test(p.currency)) {
    throw new PolicyInputError('policy.currency', 'must be a three-letter ISO 4217 code such as USD');
  }
  if (Object.isFrozen(policy) && Object.isFrozen(p.spareAllowanceExcluded) && Object.isFrozen(p.wearableCategories)) CHECKED_FOR_GOOD.add(policy);
  return policy as WarrantyPolicy;
}

/**
 * Valid policies that cannot change (frozen, their lists too, as released versions are): checked once,
 * not on every rule that takes a policy (a large data set assesses millions of claims).
 */
const CHECKED_FOR_GOOD = new WeakSet<object>();

function validateRegistry(registry: unknown): readonly WarrantyPolicy[] {
  if (!Array.isArray(registry) || registry.length === 0) throw new PolicyInputError('registry', 'must be a non-empty list of policies');
  const versions = new Set<string>();
  const dates = new Set<string>();
  for (const policy of registry) {
    const { version, effectiveFrom } = validatePolicy(policy);
    if (versions.has(version)) throw new PolicyInputError('registry', `version "${version}" is listed twice`);
    if (dates.has(effectiveFrom)) throw new PolicyInputError('registry', `two versions take effect on ${effectiveFrom}`);
    versions.add(version);
    dates.add(effectiveFrom);
  }
  return registry as readonly WarrantyPolicy[];
}

/**
 * The policy version in force on a date: the one with the latest `effectiveFrom` on or before it (R5).
 * Throws `PolicyInputError` when no version is in force yet on that date.
 * @example policyInForce('2026-03-09') // DEFAULT_POLICY
 */
export function policyInForce(on: string, registry: readonly WarrantyPolicy[] = POLICY_REGISTRY): WarrantyPolicy {
  parseCalendarDate(on, 'on');
  let inForce: WarrantyPolicy | undefined;
  for (const policy of validateRegistry(registry)) {
    if (policy.effectiveFrom <= on && (inForce === undefined || policy.effectiveFrom > inForce.effectiveFrom)) inForce = policy;
  }
  if (inForce === undefined) throw new PolicyInputError('on', `no policy version is in force on ${on}`);
  return inForce;
}

/**
 * The released policy of a given version, to re-read or re-assess a past claim under the version it recorded (R5).
 * Throws `PolicyInputError` when the registry has no such version.
 * @example policyByVersion(DEFAULT_POLICY.version) // DEFAULT_POLICY
 */
export function policyByVersion(version: string, registry: readonly WarrantyPolicy[] = POLICY_REGISTRY): WarrantyPolicy {
  const policy = validateRegistry(registry).find((candidate) => candidate.version === version);
  if (policy === undefined) throw new PolicyInputError('version', `no policy version "${String(version)}" in the registry`);
  return policy;
}
