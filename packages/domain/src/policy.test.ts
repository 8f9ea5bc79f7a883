import { describe, expect, it } from 'vitest';
import { PolicyInputError } from './errors.js';
import { DEFAULT_POLICY, POLICY_REGISTRY, policyByVersion, policyInForce, validatePolicy, type WarrantyPolicy } from './policy.js';

/** A policy version built from the default one, with some parameters changed. */
function aPolicy(changes: Partial<WarrantyPolicy> = {}): WarrantyPolicy {
  return { ...DEFAULT_POLICY, ...changes };
}

const v2027 = aPolicy({ version: '2027.1', effectiveFrom: '2027-01-01', warrantyMonths: 24 });
const v2028 = aPolicy({ version: '2028.1', effectiveFrom: '2028-07-01', spareAllowanceRate: 0.03 });

describe('the default policy', () => {
  it('has the parameters of the published text (W1, S1, S2, F)', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      warrantyMonths: 12,
      spareAllowanceRate: 0.02,
      spareAllowanceMaxOrderQty: 3000,
      spareAllowanceExcluded: ['MAINBOARD', 'LCD', 'TOUCH_PANEL', 'CAMERA'],
      wearableCategories: ['HOUSING', 'KEYPAD', 'LCD', 'ANTENNA', 'ACCESSORY'],
      currency: 'USD',
    });
    expect(typeof DEFAULT_POLICY.version).toBe('string');
    expect(validatePolicy(DEFAULT_POLICY)).toBe(DEFAULT_POLICY);
  });

  it('cannot be edited once released (R5)', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.spareAllowanceExcluded)).toBe(true);
    expect(Object.isFrozen(POLICY_REGISTRY)).toBe(true);
  });
});

describe('validating a policy version', () => {
  it('accepts a new version with changed parameters', () => {
    expect(validatePolicy(v2027)).toBe(v2027);
    expect(validatePolicy(aPolicy({ spareAllowanceRate: 0, spareAllowanceMaxOrderQty: 0, wearableCategories: [] }))).toBeTruthy();
    expect(validatePolicy(aPolicy({ spareAllowanceRate: 1 }))).toBeTruthy();
  });

  it('checks a policy that can still change every time it is given: one made invalid after a first check is refused', () => {
    const editable = aPolicy({});
    expect(validatePolicy(editable)).toBe(editable);
    (editable as { warrantyMonths: number }).warrantyMonths = 0;
    expect(() => validatePolicy(editable)).toThrow(/^policy\.warrantyMonths: /);
    const listsEditable = Object.freeze({ ...DEFAULT_POLICY, wearableCategories: ['HOUSING'] });
    expect(validatePolicy(listsEditable)).toBe(listsEditable);
    listsEditable.wearableCategories.push('housing');
    expect(() => validatePolicy(listsEditable)).toThrow(/^policy\.wearableCategories\[1\]: /);
    const excludedEditable = Object.freeze({ ...DEFAULT_POLICY, wearableCategories: Object.freeze(['HOUSING'] as const), spareAllowanceExcluded: ['LCD'] });
    expect(validatePolicy(excludedEditable)).toBe(excludedEditable);
    excludedEditable.spareAllowanceExcluded.push('LCD');
    expect(() => validatePolicy(excludedEditable)).toThrow(/^policy\.spareAllowanceExcluded: /);
    // A frozen version is checked once and stays valid.
    const frozen = Object.freeze({
      ...DEFAULT_POLICY,
      spareAllowanceExcluded: Object.freeze(['LCD'] as const),
      wearableCategories: Object.freeze([] as const),
    });
    expect(validatePolicy(frozen)).toBe(frozen);
    expect(validatePolicy(frozen)).toBe(frozen);
  });

  it.each([
    ['policy', null],
    ['policy', 'DEFAULT'],
    ['policy.version', aPolicy({ version: '' })],
    ['policy.version', aPolicy({ version: '  ' })],
    ['policy.version', { ...DEFAULT_POLICY, version: 3 }],
    ['policy.effectiveFrom', aPolicy({ effectiveFrom: '2025-02-30' })],
    ['policy.warrantyMonths', aPolicy({ warrantyMonths: 0 })],
    ['policy.warrantyMonths', aPolicy({ warrantyMonths: 12.5 })],
    ['policy.warrantyMonths', aPolicy({ warrantyMonths: 1201 })],
    ['policy.warrantyMonths', aPolicy({ warrantyMonths: Number.NaN })],
    ['policy.spareAllowanceRate', aPolicy({ spareAllowanceRate: -0.01 })],
    ['policy.spareAllowanceRate', aPolicy({ spareAllowanceRate: 1.01 })],
    ['policy.spareAllowanceRate', aPolicy({ spareAllowanceRate: Number.NaN })],
    ['policy.spareAllowanceRate', { ...DEFAULT_POLICY, spareAllowanceRate: '2%' }],
    ['policy.spareAllowanceMaxOrderQty', aPolicy({ spareAllowanceMaxOrderQty: -1 })],
    ['policy.spareAllowanceMaxOrderQty', aPolicy({ spareAllowanceMaxOrderQty: 3000.5 })],
    ['policy.spareAllowanceMaxOrderQty', aPolicy({ spareAllowanceMaxOrderQty: Number.POSITIVE_INFINITY })],
    ['policy.spareAllowanceExcluded', { ...DEFAULT_POLICY, spareAllowanceExcluded: 'LCD' }],
    ['policy.spareAllowanceExcluded[1]', { ...DEFAULT_POLICY, spareAllowanceExcluded: ['LCD', 'SCREEN'] }],
    ['policy.spareAllowanceExcluded', aPolicy({ spareAllowanceExcluded: ['LCD', 'LCD'] })],
    ['policy.wearableCategories[0]', { ...DEFAULT_POLICY, wearableCategories: ['housing'] }],
    ['policy.currency', aPolicy({ currency: 'usd' })],
    ['policy.currency', aPolicy({ currency: 'EURO' })],
    ['policy.currency', { ...DEFAULT_POLICY, currency: undefined }],
  ])('refuses a policy whose %s is wrong', (field, policy) => {
    expect(() => validatePolicy(policy)).toThrow(PolicyInputError);
    expect(() => validatePolicy(policy)).toThrow(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
  });
});

describe('the policy in force on a date (R5)', () => {
  const registry = [DEFAULT_POLICY, v2027, v2028];

  it.each([
    ['2020-01-01', DEFAULT_POLICY.version],
    ['2026-12-31', DEFAULT_POLICY.version],
    ['2027-01-01', '2027.1'],
    ['2028-06-30', '2027.1'],
    ['2028-07-01', '2028.1'],
    ['2099-01-01', '2028.1'],
  ])('on %s is version %s: the latest that took effect on or before that day', (on, version) => {
    expect(policyInForce(on, registry).version).toBe(version);
  });

  it('does not depend on the order the registry lists the versions in', () => {
    expect(policyInForce('2027-06-01', [v2028, v2027, DEFAULT_POLICY]).version).toBe('2027.1');
  });

  it('is the default policy when no registry is given', () => {
    expect(policyInForce('2026-03-09')).toBe(DEFAULT_POLICY);
  });

  it('does not exist before the first version took effect', () => {
    expect(() => policyInForce('2019-12-31')).toThrow(/^on: no policy version is in force/);
  });

  it.each([
    ['on', () => policyInForce('2026-02-30')],
    ['registry', () => policyInForce('2026-01-01', [])],
    ['registry', () => policyInForce('2026-01-01', 'all' as never)],
    ['registry', () => policyInForce('2026-01-01', [DEFAULT_POLICY, aPolicy({ effectiveFrom: '2030-01-01' })])],
    ['registry', () => policyInForce('2026-01-01', [DEFAULT_POLICY, aPolicy({ version: 'other' })])],
    ['policy.warrantyMonths', () => policyInForce('2026-01-01', [aPolicy({ warrantyMonths: -1 })])],
  ])('refuses a bad date or registry, naming %s', (field, call) => {
    expect(call).toThrow(PolicyInputError);
    expect(call).toThrow(new RegExp(`^${field}: `));
  });

  it('finds a released version by its name, to re-read a past assessment', () => {
    expect(policyByVersion(DEFAULT_POLICY.version)).toBe(DEFAULT_POLICY);
    expect(policyByVersion('2027.1', registry)).toBe(v2027);
    expect(() => policyByVersion('1999.1', registry)).toThrow(/^version: /);
  });
});
