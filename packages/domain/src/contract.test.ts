/**
 * The public contract of @aftersale/domain, checked from the outside: written
 * only from shared/CONTRACT.md §1 and shared/POLICY.md, through the package's
 * index, the way an integrator's test suite would use it.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as domain from './index.js';
import {
  assessClaim,
  CLAIM_STATUSES,
  DECISIONS,
  DEFAULT_POLICY,
  FINDINGS,
  FORM_TYPES,
  isUnderWarranty,
  lastCoveredDay,
  PART_CATEGORIES,
  POLICY_CLAUSES,
  PolicyInputError,
  spareAllowance,
  STAFF_ROLES,
  type Decision,
  type Finding,
  type FormType,
  type PartCategory,
  type PolicyClause,
  type WarrantyPolicy,
} from './index.js';

describe('the contract of @aftersale/domain (CONTRACT.md §1)', () => {
  it('exports the functions, values and error class the contract names', () => {
    for (const name of ['lastCoveredDay', 'isUnderWarranty', 'spareAllowance', 'assessClaim', 'PolicyInputError']) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
    expect(typeof DEFAULT_POLICY).toBe('object');
  });

  it('exports the enum values other layers build GraphQL enums from, in the contract order', () => {
    expect(PART_CATEGORIES).toEqual(['MAINBOARD', 'LCD', 'TOUCH_PANEL', 'CAMERA', 'BATTERY', 'HOUSING', 'KEYPAD', 'ANTENNA', 'ACCESSORY', 'OTHER']);
    expect(POLICY_CLAUSES).toEqual([
      'BEYOND_WARRANTY_PERIOD',
      'HUMAN_DAMAGE',
      'UNAUTHORIZED_REPAIR',
      'FORCE_MAJEURE',
      'IDENTITY_MISMATCH',
      'NATURAL_WEAR',
      'NON_COMPANY_CAUSE',
      'LABEL_DAMAGED',
      'COSMETIC_DAMAGE',
      'CARRIER_FAULT',
    ]);
    expect([...FINDINGS].sort()).toEqual([
      'CARRIER_FAULT',
      'COSMETIC_DAMAGE',
      'FORCE_MAJEURE',
      'HUMAN_DAMAGE',
      'IDENTITY_MISMATCH',
      'LABEL_DAMAGED',
      'NON_COMPANY_CAUSE',
      'SERIOUS_DAMAGE',
      'UNAUTHORIZED_REPAIR',
      'WATER_DAMAGE',
    ]);
    expect(DECISIONS).toEqual(['WARRANTY_REPAIR', 'WARRANTY_REPLACEMENT', 'PARTIAL', 'PAID_MAINTENANCE', 'NOT_COVERED']);
    expect(FORM_TYPES).toEqual(['REPAIR', 'REPLACEMENT']);
    expect(STAFF_ROLES).toEqual(['ADMIN', 'AGENT', 'TECHNICIAN', 'ANALYST']);
    expect(CLAIM_STATUSES).toHaveLength(14);
  });

  it('types the enums as the contract spells them', () => {
    expectTypeOf<PartCategory>().toEqualTypeOf<
      'MAINBOARD' | 'LCD' | 'TOUCH_PANEL' | 'CAMERA' | 'BATTERY' | 'HOUSING' | 'KEYPAD' | 'ANTENNA' | 'ACCESSORY' | 'OTHER'
    >();
    expectTypeOf<PolicyClause>().toEqualTypeOf<
      | 'BEYOND_WARRANTY_PERIOD'
      | 'HUMAN_DAMAGE'
      | 'UNAUTHORIZED_REPAIR'
      | 'FORCE_MAJEURE'
      | 'IDENTITY_MISMATCH'
      | 'NATURAL_WEAR'
      | 'NON_COMPANY_CAUSE'
      | 'LABEL_DAMAGED'
      | 'COSMETIC_DAMAGE'
      | 'CARRIER_FAULT'
    >();
    expectTypeOf<Finding>().toEqualTypeOf<Exclude<PolicyClause, 'BEYOND_WARRANTY_PERIOD' | 'NATURAL_WEAR'> | 'WATER_DAMAGE' | 'SERIOUS_DAMAGE'>();
    expectTypeOf<Decision>().toEqualTypeOf<'WARRANTY_REPAIR' | 'WARRANTY_REPLACEMENT' | 'PARTIAL' | 'PAID_MAINTENANCE' | 'NOT_COVERED'>();
    expectTypeOf<FormType>().toEqualTypeOf<'REPAIR' | 'REPLACEMENT'>();
    expectTypeOf(lastCoveredDay).toEqualTypeOf<(receivedOn: string, policy?: WarrantyPolicy) => string>();
    expectTypeOf(isUnderWarranty).toEqualTypeOf<(receivedOn: string, on: string, policy?: WarrantyPolicy) => boolean>();
  });

  it('has a default policy with at least the contract parameters', () => {
    expect(typeof DEFAULT_POLICY.version).toBe('string');
    expect(DEFAULT_POLICY.warrantyMonths).toBe(12);
    expect(DEFAULT_POLICY.spareAllowanceRate).toBe(0.02);
    expect(DEFAULT_POLICY.spareAllowanceMaxOrderQty).toBe(3000);
    expect([...DEFAULT_POLICY.spareAllowanceExcluded].sort()).toEqual(['CAMERA', 'LCD', 'MAINBOARD', 'TOUCH_PANEL']);
    expect([...DEFAULT_POLICY.wearableCategories].sort()).toEqual(['ACCESSORY', 'ANTENNA', 'HOUSING', 'KEYPAD', 'LCD']);
    expect(typeof DEFAULT_POLICY.currency).toBe('string');
  });

  it('answers the warranty period with ISO dates, strings in and out (W3)', () => {
    expect(lastCoveredDay('2024-02-29')).toBe('2025-02-27');
    expect(lastCoveredDay('2025-01-31')).toBe('2026-01-30');
    expect(isUnderWarranty('2025-03-10', '2026-03-09')).toBe(true);
    expect(isUnderWarranty('2025-03-10', '2026-03-10')).toBe(false);
    expect(lastCoveredDay('2025-03-10', DEFAULT_POLICY)).toBe('2026-03-09');
  });

  it('gives one allowance entry per eligible part with exactly { partId, quantity }, and [] over the limit (S1–S3)', () => {
    const parts: { partId: string; category: PartCategory }[] = [
      { partId: 'B-1', category: 'BATTERY' },
      { partId: 'H-1', category: 'HOUSING' },
      { partId: 'L-1', category: 'LCD' },
      { partId: 'C-1', category: 'CAMERA' },
    ];
    expect(spareAllowance(1000, parts)).toEqual([
      { partId: 'B-1', quantity: 20 },
      { partId: 'H-1', quantity: 20 },
    ]);
    expect(spareAllowance(49, parts)).toEqual([
      { partId: 'B-1', quantity: 0 },
      { partId: 'H-1', quantity: 0 },
    ]);
    expect(spareAllowance(3001, parts)).toEqual([]);
  });

  it('returns exactly the assessment fields of the contract', () => {
    const result = assessClaim({
      formType: 'REPAIR',
      receivedOn: '2025-03-10',
      submittedOn: '2025-10-01',
      lines: [
        { category: 'MAINBOARD', materialCost: 5000 },
        { category: 'HOUSING', materialCost: 800, worn: true },
      ],
      findings: [],
    });
    expect(Object.keys(result).sort()).toEqual([
      'agreementRequired',
      'clauses',
      'decision',
      'lastCoveredDay',
      'lines',
      'policyVersion',
      'replacementAllowed',
      'total',
      'underWarranty',
    ]);
    for (const line of result.lines) expect(Object.keys(line).sort()).toEqual(['category', 'charge', 'clauses', 'covered']);
    expect(result).toEqual({
      decision: 'PARTIAL',
      underWarranty: true,
      lastCoveredDay: '2026-03-09',
      lines: [
        { category: 'MAINBOARD', covered: true, clauses: [], charge: 0 },
        { category: 'HOUSING', covered: false, clauses: ['NATURAL_WEAR'], charge: 800 },
      ],
      clauses: ['NATURAL_WEAR'],
      replacementAllowed: false,
      agreementRequired: false,
      total: 800,
      policyVersion: DEFAULT_POLICY.version,
    });
  });

  it.each<[string, () => unknown, string]>([
    ['a malformed date', () => lastCoveredDay('2025-3-10'), 'receivedOn'],
    ['an impossible date', () => isUnderWarranty('2025-03-10', '2025-02-30'), 'on'],
    ['a negative quantity', () => spareAllowance(-5, []), 'orderQuantity'],
    [
      'a negative cost',
      () =>
        assessClaim({ formType: 'REPAIR', receivedOn: '2025-03-10', submittedOn: '2025-04-01', lines: [{ category: 'LCD', materialCost: -1 }], findings: [] }),
      'materialCost',
    ],
    [
      'a non-integer money amount',
      () =>
        assessClaim({
          formType: 'REPAIR',
          receivedOn: '2025-03-10',
          submittedOn: '2025-04-01',
          lines: [{ category: 'LCD', materialCost: 10.5 }],
          findings: [],
        }),
      'materialCost',
    ],
    ['an unknown category', () => spareAllowance(100, [{ partId: 'x', category: 'SCREEN' as PartCategory }]), 'category'],
  ])('throws PolicyInputError, naming the field, for %s', (_what, call, field) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyInputError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('PolicyInputError');
    expect((thrown as Error).message).toContain(field);
  });
});
