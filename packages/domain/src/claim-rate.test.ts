import { describe, expect, it } from 'vitest';
import { addToMonth, claimRatePer1000, monthsInService } from './claim-rate.js';

describe('claimRatePer1000', () => {
  it.each([
    [3, 1500, 2],
    [0, 10, 0],
    [1, 3, 1000 / 3],
  ])('%d claims over %d units is %d per 1000', (claims, units, rate) => {
    expect(claimRatePer1000(claims, units)).toBeCloseTo(rate, 12);
  });

  it('has no rate without units, and refuses negative counts', () => {
    expect(claimRatePer1000(0, 0)).toBeNull();
    expect(() => claimRatePer1000(-1, 10)).toThrow(/^claims:/);
    expect(() => claimRatePer1000(1, -10)).toThrow(/^units:/);
  });
});

describe('monthsInService', () => {
  it.each([
    ['2025-11', '2026-02', 3],
    ['2025-01', '2025-01', 0],
    ['2024-12', '2025-01', 1],
  ])('a unit received in %s and claimed in %s is %d months in service', (receipt, claim, months) => {
    expect(monthsInService(receipt, claim)).toBe(months);
  });

  it('refuses what is not a YYYY-MM month', () => {
    expect(() => monthsInService('2025-13', '2026-01')).toThrow(/^receiptMonth:/);
    expect(() => monthsInService('2025-01', '2026-1')).toThrow(/^claimMonth:/);
    expect(() => monthsInService(12 as unknown as string, '2026-01')).toThrow(/^receiptMonth:/);
  });
});

describe('addToMonth', () => {
  it.each([
    ['2025-11', 3, '2026-02'],
    ['2025-01', -1, '2024-12'],
    ['2025-06', 0, '2025-06'],
  ])('%s plus %d months is %s', (month, months, result) => {
    expect(addToMonth(month, months)).toBe(result);
  });
});
