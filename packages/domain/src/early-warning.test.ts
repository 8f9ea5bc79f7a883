import { describe, expect, it } from 'vitest';
import { earlyWarning, poissonUpperTail, type ClaimCohort } from './early-warning.js';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Five models, 24 monthly cohorts of 800–1200 units each, claims drawn unit by unit from one life table; `spike` multiplies one cohort's claim probability. */
function simulatedFleet(seed: number, spike?: { group: string; cohort: string; factor: number }): ClaimCohort[] {
  const random = seeded(seed);
  const monthlyClaimChance = (month: number) => 0.004 + 0.0015 * month; // early failures, then wear-out
  const cohorts: ClaimCohort[] = [];
  for (const group of ['A1', 'B2', 'C3', 'D4', 'E5']) {
    for (let receipt = 0; receipt < 24; receipt++) {
      const cohort = `2024-${String(receipt + 1).padStart(2, '0')}`;
      const units = 800 + Math.floor(400 * random());
      const factor = spike?.group === group && spike.cohort === cohort ? spike.factor : 1;
      const claims = Array.from({ length: 24 - receipt }, (_, month) => {
        let count = 0;
        for (let unit = 0; unit < units; unit++) if (random() < factor * monthlyClaimChance(month)) count++;
        return count;
      });
      cohorts.push({ group, cohort, units, claimsByMonthInService: claims });
    }
  }
  return cohorts;
}

describe('poissonUpperTail', () => {
  it.each([
    [3, 1, 1 - Math.exp(-1) * (1 + 1 + 1 / 2)],
    [1, 0.5, 1 - Math.exp(-0.5)],
    [0, 4, 1],
    [2, 0, 0],
    [30, 7, 9.982993774460032e-11],
  ])('P(X ≥ %d) for a Poisson mean of %d is %d', (observed, expected, p) => {
    expect(poissonUpperTail(observed, expected)).toBeCloseTo(p, 12);
    expect(poissonUpperTail(observed, expected) / (p || 1)).toBeCloseTo(p === 0 ? 0 : 1, 8);
  });

  it('refuses a fractional count or a negative mean', () => {
    expect(() => poissonUpperTail(1.5, 1)).toThrow(/^observed:/);
    expect(() => poissonUpperTail(1, -1)).toThrow(/^expected:/);
  });
});

describe('earlyWarning (Poisson upper tail against the model’s other cohorts, Bonferroni)', () => {
  it('expects a cohort’s claims from the other cohorts’ claims per unit at each month in service', () => {
    const result = earlyWarning([
      { group: 'A', cohort: '2025-01', units: 1000, claimsByMonthInService: [2, 4] },
      { group: 'A', cohort: '2025-02', units: 1000, claimsByMonthInService: [3, 5] },
      { group: 'A', cohort: '2025-03', units: 1000, claimsByMonthInService: [10, 20] },
    ]);
    expect(result.threshold).toBeCloseTo(0.01 / 3, 15);
    const [first, , bad] = result.tests;
    // 2025-03: (2+3)/2000 and (4+5)/2000 per unit → 2.5 + 4.5 = 7 expected, 30 observed.
    expect(bad).toMatchObject({ group: 'A', cohort: '2025-03', units: 1000, observed: 30, expected: 7, flagged: true });
    expect(bad!.ratio).toBeCloseTo(30 / 7, 12);
    expect(bad!.pValue).toBeCloseTo(9.982993774460032e-11, 20);
    // 2025-01: (3+10)/2000 and (5+20)/2000 → 19 expected, 6 observed: below, never flagged.
    expect(first).toMatchObject({ observed: 6, expected: 19, flagged: false });
    expect(result.flags.map((flag) => flag.cohort)).toEqual(['2025-03']);
  });

  it('compares only months in service that other cohorts have completed, and only within a model', () => {
    const result = earlyWarning([
      { group: 'A', cohort: '2025-01', units: 100, claimsByMonthInService: [1, 1, 1] },
      { group: 'A', cohort: '2025-02', units: 100, claimsByMonthInService: [1] },
      { group: 'B', cohort: '2025-01', units: 100, claimsByMonthInService: [50, 50] },
    ]);
    expect(result.tests[0]).toMatchObject({ observed: 1, expected: 1 });
    expect(result.tests[2]).toMatchObject({ observed: 0, expected: 0, ratio: 0, pValue: 1, flagged: false });
    expect(result.threshold).toBeCloseTo(0.01 / 2, 15);
  });

  it('needs enough claims and a large enough ratio, not only a small p-value', () => {
    const cohorts = [
      { group: 'A', cohort: '2025-01', units: 1_000_000, claimsByMonthInService: [10_000] },
      { group: 'A', cohort: '2025-02', units: 1_000_000, claimsByMonthInService: [11_000] },
    ];
    expect(earlyWarning(cohorts).tests[1]!.pValue).toBeLessThan(1e-10);
    expect(earlyWarning(cohorts).flags).toEqual([]);
    expect(earlyWarning(cohorts, { minRatio: 1.05 }).flags).toHaveLength(1);
    const few = [
      { group: 'A', cohort: '2025-01', units: 100_000, claimsByMonthInService: [1] },
      { group: 'A', cohort: '2025-02', units: 100_000, claimsByMonthInService: [4] },
    ];
    expect(earlyWarning(few, { alpha: 0.5 }).flags).toEqual([]);
    expect(earlyWarning(few, { alpha: 0.5, minClaims: 4 }).flags).toHaveLength(1);
  });

  it('finds a cohort whose claim chance was planted three times higher, and nothing else', () => {
    const result = earlyWarning(simulatedFleet(7, { group: 'C3', cohort: '2024-05', factor: 3 }));
    expect(result.flags.map(({ group, cohort }) => `${group} ${cohort}`)).toEqual(['C3 2024-05']);
    expect(result.flags[0]!.ratio).toBeGreaterThan(2.5);
  });

  it.each([1, 2, 3])('raises no flag on a clean fleet (seed %d)', (seed) => {
    expect(earlyWarning(simulatedFleet(seed)).flags).toEqual([]);
  });

  it('ranks several flags by significance', () => {
    const cohorts = [
      { group: 'A', cohort: '2025-01', units: 1000, claimsByMonthInService: [10] },
      { group: 'A', cohort: '2025-02', units: 1000, claimsByMonthInService: [10] },
      { group: 'A', cohort: '2025-03', units: 1000, claimsByMonthInService: [10] },
      { group: 'A', cohort: '2025-04', units: 1000, claimsByMonthInService: [40] },
      { group: 'A', cohort: '2025-05', units: 1000, claimsByMonthInService: [60] },
    ];
    expect(earlyWarning(cohorts, { alpha: 0.05 }).flags.map((flag) => flag.cohort)).toEqual(['2025-05', '2025-04']);
  });

  it.each([
    [{ group: 'A', cohort: '2025-01', units: -1, claimsByMonthInService: [] }, 'cohorts[0].units'],
    [{ group: 'A', cohort: '2025-01', units: 1.5, claimsByMonthInService: [] }, 'cohorts[0].units'],
    [{ group: 'A', cohort: '2025-01', units: 1, claimsByMonthInService: [0, -1] }, 'cohorts[0].claimsByMonthInService[1]'],
  ])('refuses %j, naming %s', (cohort, field) => {
    expect(() => earlyWarning([cohort])).toThrow(`${field}:`);
  });
});
