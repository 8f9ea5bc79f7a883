import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyInputError } from './errors.js';
import { PART_CATEGORIES, type PartCategory } from './part-category.js';
import { DEFAULT_POLICY, type WarrantyPolicy } from './policy.js';
import { exactRate, spareAllowance, type ModelPart } from './spare-allowance.js';

/** A model's parts, one per category given, named after it. */
function partsOf(...categories: PartCategory[]): ModelPart[] {
  return categories.map((category) => ({ partId: category.toLowerCase(), category }));
}

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const eligible = partsOf('BATTERY', 'HOUSING');
const everyCategory = partsOf(...PART_CATEGORIES);

describe('free spare parts with an order (S1, S2, S3)', () => {
  it('gives 20 batteries and 20 housings, no LCD and no camera, with an order of 1000 pieces (§6)', () => {
    expect(spareAllowance(1000, partsOf('BATTERY', 'HOUSING', 'LCD', 'CAMERA'))).toEqual([
      { partId: 'battery', quantity: 20 },
      { partId: 'housing', quantity: 20 },
    ]);
  });

  it('gives no automatic allowance to an order of 3001 pieces (§6)', () => {
    expect(spareAllowance(3001, eligible)).toEqual([]);
  });

  it.each([
    [0, 0],
    [1, 0],
    [49, 0],
    [50, 1],
    [99, 1],
    [100, 2],
    [1000, 20],
    [2999, 59],
    [3000, 60],
  ])('gives %i pieces an allowance of %i of each eligible part, rounded down', (quantity, allowance) => {
    expect(spareAllowance(quantity, eligible)).toEqual([
      { partId: 'battery', quantity: allowance },
      { partId: 'housing', quantity: allowance },
    ]);
  });

  it.each([[3001], [10_000]])('gives no automatic allowance above the limit (%i pieces)', (quantity) => {
    expect(spareAllowance(quantity, eligible)).toEqual([]);
  });

  it("never gives a board, LCD, touch panel or camera, and lists the other parts in the model's order", () => {
    expect(spareAllowance(500, everyCategory).map((line) => line.partId)).toEqual(['battery', 'housing', 'keypad', 'antenna', 'accessory', 'other']);
  });

  it('lists an eligible part even when its allowance is 0', () => {
    expect(spareAllowance(10, partsOf('BATTERY'))).toEqual([{ partId: 'battery', quantity: 0 }]);
  });

  it('gives nothing for a model with no parts', () => {
    expect(spareAllowance(1000, [])).toEqual([]);
  });

  it("follows the policy version's rate, limit and exclusions", () => {
    const generous: WarrantyPolicy = {
      ...DEFAULT_POLICY,
      version: 'generous',
      spareAllowanceRate: 0.05,
      spareAllowanceMaxOrderQty: 5000,
      spareAllowanceExcluded: [],
    };
    expect(spareAllowance(4000, partsOf('LCD', 'BATTERY'), generous)).toEqual([
      { partId: 'lcd', quantity: 200 },
      { partId: 'battery', quantity: 200 },
    ]);
  });

  it('computes with the rate as written, never with binary rounding (0.29 × 100 is 29)', () => {
    const policy = { ...DEFAULT_POLICY, spareAllowanceRate: 0.29 };
    expect(0.29 * 100).toBeLessThan(29);
    expect(spareAllowance(100, partsOf('BATTERY'), policy)).toEqual([{ partId: 'battery', quantity: 29 }]);
    expect(spareAllowance(100, partsOf('BATTERY'), { ...DEFAULT_POLICY, spareAllowanceRate: 0.07 })).toEqual([{ partId: 'battery', quantity: 7 }]);
  });

  it.each([
    [0.02, 2n, 100n],
    [0.5, 5n, 10n],
    [1, 1n, 1n],
    [0, 0n, 1n],
    [0.125, 125n, 1000n],
    [1e-7, 1n, 10_000_000n],
    [1.5e-10, 15n, 100_000_000_000n],
  ])('reads the rate %s as the fraction %s/%s', (rate, numerator, denominator) => {
    expect(exactRate(rate)).toEqual({ numerator, denominator });
  });

  it.each([[-0.1], [1.1], [Number.NaN], ['0.02']])('refuses %s as a rate', (rate) => {
    expect(() => exactRate(rate as number)).toThrow(/^policy.spareAllowanceRate: /);
  });

  it.each([
    ['orderQuantity', () => spareAllowance(-1, eligible)],
    ['orderQuantity', () => spareAllowance(10.5, eligible)],
    ['orderQuantity', () => spareAllowance(Number.NaN, eligible)],
    ['orderQuantity', () => spareAllowance('1000' as never, eligible)],
    ['parts', () => spareAllowance(1000, 'BATTERY' as never)],
    ['parts[0]', () => spareAllowance(1000, [null as never])],
    ['parts[0].partId', () => spareAllowance(1000, [{ partId: '', category: 'BATTERY' }])],
    ['parts[2].category', () => spareAllowance(1000, [...eligible, { partId: 'x', category: 'SCREEN' as never }])],
    ['policy.spareAllowanceRate', () => spareAllowance(1000, eligible, { ...DEFAULT_POLICY, spareAllowanceRate: 2 })],
  ])('refuses bad input with a PolicyInputError naming %s', (field, call) => {
    expect(call).toThrow(PolicyInputError);
    expect(errorOf(call)).toMatchObject({ name: 'PolicyInputError', field });
  });

  const aRate = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 10_000),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );

  it('never gives more than rate × quantity, nor a whole unit less, and nothing above the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), aRate, fc.integer({ min: 0, max: 10_000 }), (quantity, rate, limit) => {
        const policy = { ...DEFAULT_POLICY, spareAllowanceRate: rate, spareAllowanceMaxOrderQty: limit };
        const result = spareAllowance(quantity, eligible, policy);
        if (quantity > limit) return result.length === 0;
        const { numerator, denominator } = exactRate(rate);
        const exact = BigInt(quantity) * numerator;
        return (
          result.length === eligible.length &&
          result.every((line) => {
            const given = BigInt(line.quantity);
            return (
              Number.isInteger(line.quantity) && given * denominator <= exact && exact < (given + 1n) * denominator && line.quantity <= rate * quantity + 1e-9
            );
          })
        );
      }),
    );
  });

  it('gives one entry per eligible part, never an excluded one, under the default policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(fc.constantFrom(...PART_CATEGORIES)), (quantity, categories) => {
        const parts = categories.map((category, index) => ({ partId: `p${index}`, category }));
        const result = spareAllowance(quantity, parts);
        const expected = parts.filter((part) => !DEFAULT_POLICY.spareAllowanceExcluded.includes(part.category));
        return (
          result.length === expected.length &&
          result.every((line, index) => line.partId === expected[index]?.partId && line.quantity === Math.floor(quantity / 50))
        );
      }),
    );
  });
});
