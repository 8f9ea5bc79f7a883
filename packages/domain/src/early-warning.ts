import jStat from 'jstat';
import { PolicyInputError } from './errors.js';

/**
 * Early warning of a bad batch: for each model and receipt month (a cohort),
 * are its claims above what the model's other cohorts predict for units of
 * the same ages?
 *
 * For cohort c with N units and complete months in service 0..A−1, the
 * expected claims are E = Σ_k N·λ_k, where λ_k is the claims at months in
 * service k per unit over the same model's other cohorts that have completed
 * month k. The observed claims O over the same months are tested against
 * Poisson(E): p = P(X ≥ O). A cohort is flagged when p is below α divided by
 * the number of cohorts tested (Bonferroni), its claims are at least
 * `minRatio` times the expected and at least `minClaims`; so with the defaults
 * (α = 0.01, ratio 1.5, 5 claims) a clean data set of any size raises no
 * flag with probability ≥ 99 %.
 */

/** A model's units received in one month, and their claims by months in service. */
export interface ClaimCohort {
  /** What cohorts are compared within (the model). */
  readonly group: string;
  /** The receipt month (`YYYY-MM`). */
  readonly cohort: string;
  readonly units: number;
  /** Claims at 0, 1, 2, … complete months in service; its length is how many months are complete. */
  readonly claimsByMonthInService: readonly number[];
}

/** What a test of one cohort found. */
export interface CohortTest {
  readonly group: string;
  readonly cohort: string;
  readonly units: number;
  readonly observed: number;
  readonly expected: number;
  /** observed / expected. */
  readonly ratio: number;
  /** P(X ≥ observed) for X ~ Poisson(expected). */
  readonly pValue: number;
  readonly flagged: boolean;
}

export interface EarlyWarningOptions {
  /** Family-wise false-alarm rate, split over the cohorts tested. */
  readonly alpha?: number;
  readonly minRatio?: number;
  readonly minClaims?: number;
}

export interface EarlyWarning {
  /** The per-cohort p-value threshold actually used (α / cohorts tested). */
  readonly threshold: number;
  readonly tests: CohortTest[];
  /** The flagged cohorts, most significant first. */
  readonly flags: CohortTest[];
}

/**
 * P(X ≥ observed) for X ~ Poisson(expected): the regularized lower incomplete gamma P(observed, expected).
 * @example poissonUpperTail(3, 1) // 1 − e⁻¹(1 + 1 + 1/2) ≈ 0.0803
 */
export function poissonUpperTail(observed: number, expected: number): number {
  if (!Number.isInteger(observed) || observed < 0) throw new PolicyInputError('observed', 'must be a whole number of claims');
  if (!(expected >= 0)) throw new PolicyInputError('expected', 'must not be negative');
  if (observed === 0) return 1;
  if (expected === 0) return 0;
  return jStat.lowRegGamma(observed, expected);
}

function checkCohorts(cohorts: readonly ClaimCohort[]): void {
  cohorts.forEach((cohort, index) => {
    if (!Number.isInteger(cohort.units) || cohort.units < 0) throw new PolicyInputError(`cohorts[${index}].units`, 'must be a whole number');
    cohort.claimsByMonthInService.forEach((claims, month) => {
      if (!Number.isInteger(claims) || claims < 0) {
        throw new PolicyInputError(`cohorts[${index}].claimsByMonthInService[${month}]`, 'must be a whole number of claims');
      }
    });
  });
}

/**
 * Tests every cohort against its model's other cohorts and lists the flags, with their evidence.
 * @example earlyWarning(cohorts).flags // [{ group: 'X1', cohort: '2025-03', observed: 90, expected: 30, ratio: 3, pValue: 1e-15, ... }]
 */
export function earlyWarning(cohorts: readonly ClaimCohort[], options: EarlyWarningOptions = {}): EarlyWarning {
  const { alpha = 0.01, minRatio = 1.5, minClaims = 5 } = options;
  checkCohorts(cohorts);
  // Per model and month in service: claims and units over every cohort that completed that month.
  const totals = new Map<string, { claims: number[]; units: number[] }>();
  for (const { group, units, claimsByMonthInService } of cohorts) {
    let total = totals.get(group);
    if (total === undefined) totals.set(group, (total = { claims: [], units: [] }));
    claimsByMonthInService.forEach((claims, month) => {
      total.claims[month] = (total.claims[month] ?? 0) + claims;
      total.units[month] = (total.units[month] ?? 0) + units;
    });
  }
  const measured = cohorts.map((cohort) => {
    const total = totals.get(cohort.group)!;
    let observed = 0;
    let expected = 0;
    cohort.claimsByMonthInService.forEach((claims, month) => {
      // The others' history: everything at this month in service less this cohort.
      const otherUnits = total.units[month]! - cohort.units;
      if (otherUnits <= 0) return;
      observed += claims;
      expected += (cohort.units * (total.claims[month]! - claims)) / otherUnits;
    });
    return { cohort, observed, expected };
  });
  const tested = measured.filter(({ expected }) => expected > 0).length;
  const threshold = alpha / Math.max(tested, 1);
  const tests = measured.map(({ cohort, observed, expected }): CohortTest => {
    const pValue = expected > 0 ? poissonUpperTail(observed, expected) : 1;
    const ratio = expected > 0 ? observed / expected : 0;
    return {
      group: cohort.group,
      cohort: cohort.cohort,
      units: cohort.units,
      observed,
      expected,
      ratio,
      pValue,
      flagged: expected > 0 && pValue < threshold && ratio >= minRatio && observed >= minClaims,
    };
  });
  const flags = tests.filter((test) => test.flagged).sort((a, b) => a.pValue - b.pValue);
  return { threshold, tests, flags };
}
