import { PolicyInputError } from './errors.js';

/**
 * Reliability of a model's units: the two-parameter Weibull life
 * distribution F(t) = 1 − exp(−(t/scale)^shape), fitted by maximum likelihood
 * to times to claim with the units still without a claim as right-censored
 * observations. Time is in whatever unit the caller uses (analytics uses
 * months in service).
 */

/** One observation: a failure at `time`, or a unit still running at `time` (`censored`); `count` weights it (default 1). */
export interface WeibullObservation {
  readonly time: number;
  readonly censored: boolean;
  readonly count?: number;
}

/** The maximum-likelihood fit (CONTRACT.md §4). `b10` is the time by which 10 % of units have failed. */
export interface WeibullFit {
  readonly shape: number;
  readonly scale: number;
  readonly b10: number;
  readonly logLikelihood: number;
}

/** A two-sided interval around an estimate. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** Confidence intervals of a fit (Fisher information, delta method on log parameters). */
export interface WeibullConfidence {
  readonly level: number;
  readonly shape: Interval;
  readonly scale: Interval;
  readonly b10: Interval;
}

interface Sample {
  readonly time: number;
  readonly censored: boolean;
  readonly count: number;
}

const B10_QUANTILE = 0.1;

function samplesOf(observations: readonly WeibullObservation[]): Sample[] {
  if (!Array.isArray(observations)) throw new PolicyInputError('observations', 'must be a list');
  return observations.map((observation: WeibullObservation, index) => {
    const { time, censored, count = 1 } = observation;
    if (typeof time !== 'number' || !Number.isFinite(time) || time <= 0) {
      throw new PolicyInputError(`observations[${index}].time`, 'must be a positive number');
    }
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
      throw new PolicyInputError(`observations[${index}].count`, 'must be a non-negative number');
    }
    return { time, censored: censored === true, count };
  });
}

/**
 * The Weibull distribution function: the share of units failed by `time`.
 * @example weibullCdf(10, { shape: 2, scale: 10 }) // 1 − e⁻¹ ≈ 0.632
 */
export function weibullCdf(time: number, fit: { shape: number; scale: number }): number {
  if (time <= 0) return 0;
  return -Math.expm1(-Math.pow(time / fit.scale, fit.shape));
}

/**
 * The time by which the share `p` of units has failed (B10 life for p = 0.1).
 * @example weibullQuantile(0.1, { shape: 1, scale: 100 }) // 100 · ln(1/0.9) ≈ 10.54
 */
export function weibullQuantile(p: number, fit: { shape: number; scale: number }): number {
  return fit.scale * Math.pow(-Math.log1p(-p), 1 / fit.shape);
}

function logLikelihoodOf(samples: readonly Sample[], shape: number, scale: number): number {
  let sum = 0;
  for (const { time, censored, count } of samples) {
    if (count === 0) continue;
    const z = Math.pow(time / scale, shape);
    sum += count * (censored ? -z : Math.log(shape / scale) + (shape - 1) * Math.log(time / scale) - z);
  }
  return sum;
}

/**
 * Maximum-likelihood Weibull fit of right-censored, weighted observations (CONTRACT.md §4).
 *
 * For a fixed shape β the likelihood is maximal at scale^β = Σ count·t^β / r
 * (r = the weighted number of failures), which leaves one equation in β,
 * Σ w t^β ln t / Σ w t^β − 1/β − (Σ_failures w ln t)/r = 0, increasing in β;
 * it is solved by bisection on ln β. Times are divided by the longest one
 * first, so t^β never overflows. Throws `PolicyInputError` on no failures, a
 * non-positive time, or failures that all sit at the longest time (then the
 * likelihood grows without bound in β: no finite estimate exists).
 *
 * @example
 * fitWeibull([{ time: 1, censored: false }, { time: 2, censored: false }, { time: 3, censored: true }])
 * // { shape ≈ 1.844, scale ≈ 2.663, b10 ≈ 0.786, logLikelihood ≈ −3.803 }
 */
export function fitWeibull(observations: readonly WeibullObservation[]): WeibullFit {
  const samples = samplesOf(observations);
  const failures = samples.filter((sample) => !sample.censored && sample.count > 0);
  const failureWeight = failures.reduce((sum, sample) => sum + sample.count, 0);
  if (failureWeight === 0) throw new PolicyInputError('observations', 'need at least one failure (an observation that is not censored)');
  const longest = Math.max(...samples.map((sample) => sample.time));
  const logTimes = samples.map((sample) => Math.log(sample.time / longest));
  const meanFailureLog = failures.reduce((sum, sample) => sum + sample.count * Math.log(sample.time / longest), 0) / failureWeight;
  if (meanFailureLog === 0) throw new PolicyInputError('observations', 'need a failure before the longest observed time');

  // g(β) = Σ w t^β ln t / Σ w t^β − 1/β − mean of ln t over failures, increasing in β.
  const slope = (shape: number): number => {
    let weighted = 0;
    let total = 0;
    samples.forEach((sample, index) => {
      const power = sample.count * Math.exp(shape * logTimes[index]!);
      weighted += power * logTimes[index]!;
      total += power;
    });
    return weighted / total - 1 / shape - meanFailureLog;
  };
  // g → −∞ as β → 0 and g → −mean(ln t) > 0 as β → ∞: widen the bracket until the sign changes.
  let low = 0;
  let high = 0;
  while (slope(Math.exp(low)) > 0) low -= 1;
  while (slope(Math.exp(high)) < 0) high += 1;
  for (let iteration = 0; iteration < 200 && high - low > 1e-13; iteration++) {
    const middle = (low + high) / 2;
    if (slope(Math.exp(middle)) < 0) low = middle;
    else high = middle;
  }
  const shape = Math.exp((low + high) / 2);
  const sumPower = samples.reduce((sum, sample, index) => sum + sample.count * Math.exp(shape * logTimes[index]!), 0);
  const scale = longest * Math.pow(sumPower / failureWeight, 1 / shape);
  return { shape, scale, b10: weibullQuantile(B10_QUANTILE, { shape, scale }), logLikelihood: logLikelihoodOf(samples, shape, scale) };
}

/** The standard normal quantile for a two-sided `level` (0.8, 0.9, 0.95 or 0.99). */
function normalQuantile(level: number): number {
  const table: Record<string, number> = { '0.8': 1.2815515655446004, '0.9': 1.6448536269514722, '0.95': 1.959963984540054, '0.99': 2.5758293035489004 };
  const z = table[String(level)];
  if (z === undefined) throw new PolicyInputError('level', 'must be 0.8, 0.9, 0.95 or 0.99');
  return z;
}

/**
 * The covariance of (μ, σ) = (ln scale, 1/shape): the inverse of the observed
 * Fisher information of the smallest-extreme-value form of the likelihood.
 */
function covarianceOf(samples: readonly Sample[], fit: WeibullFit): { mm: number; ms: number; ss: number } {
  const mu = Math.log(fit.scale);
  const sigma = 1 / fit.shape;
  let hmm = 0;
  let hms = 0;
  let hss = 0;
  for (const { time, censored, count } of samples) {
    const s = (Math.log(time) - mu) / sigma;
    const es = Math.exp(s);
    hmm -= count * es;
    hms -= count * es * (s + 1);
    hss -= count * s * es * (s + 2);
    if (!censored) {
      hms += count;
      hss += count * (1 + 2 * s);
    }
  }
  // Information = −Hessian (the common 1/σ² factor restored); covariance = its inverse.
  const imm = -hmm / sigma ** 2;
  const ims = -hms / sigma ** 2;
  const iss = -hss / sigma ** 2;
  const determinant = imm * iss - ims * ims;
  return { mm: iss / determinant, ms: -ims / determinant, ss: imm / determinant };
}

/**
 * Two-sided confidence intervals for shape, scale and B10 of a fit by the
 * Fisher-matrix (delta) method: normal on ln scale, ln shape and ln B10,
 * with the covariance from the observed information at the estimate.
 * @example weibullConfidence(observations, fitWeibull(observations), 0.95).b10 // { lower, upper }
 */
export function weibullConfidence(observations: readonly WeibullObservation[], fit: WeibullFit, level = 0.95): WeibullConfidence {
  const z = normalQuantile(level);
  const cov = covarianceOf(samplesOf(observations), fit);
  const sigma = 1 / fit.shape;
  const around = (estimate: number, logSe: number): Interval => ({ lower: estimate * Math.exp(-z * logSe), upper: estimate * Math.exp(z * logSe) });
  const k = Math.log(-Math.log1p(-B10_QUANTILE));
  return {
    level,
    // ln shape = −ln σ, so its standard error is se(σ)/σ.
    shape: around(fit.shape, Math.sqrt(cov.ss) / sigma),
    scale: around(fit.scale, Math.sqrt(cov.mm)),
    b10: around(fit.b10, Math.sqrt(cov.mm + 2 * k * cov.ms + k * k * cov.ss)),
  };
}

/**
 * The band of the distribution function at `time`: normal on the log-log
 * scale s = (ln t − μ)/σ, then mapped back, so it stays inside (0, 1).
 * @example weibullCdfBand(12, observations, fit) // { lower, upper } around weibullCdf(12, fit)
 */
export function weibullCdfBand(time: number, observations: readonly WeibullObservation[], fit: WeibullFit, level = 0.95): Interval {
  return weibullCdfBands([time], observations, fit, level)[0]!;
}

/**
 * `weibullCdfBand` at each of `times`, the covariance computed once for all (a curve's band).
 * @example weibullCdfBands([1, 2, 3], observations, fit) // [{ lower, upper }, …] one per time
 */
export function weibullCdfBands(times: readonly number[], observations: readonly WeibullObservation[], fit: WeibullFit, level = 0.95): Interval[] {
  const z = normalQuantile(level);
  const cov = covarianceOf(samplesOf(observations), fit);
  const sigma = 1 / fit.shape;
  const cdf = (x: number) => -Math.expm1(-Math.exp(x));
  return times.map((time) => {
    const s = (Math.log(time) - Math.log(fit.scale)) / sigma;
    // ds/dμ = −1/σ, ds/dσ = −s/σ.
    const se = Math.sqrt(cov.mm + 2 * s * cov.ms + s * s * cov.ss) / sigma;
    return { lower: cdf(s - z * se), upper: cdf(s + z * se) };
  });
}

/** Units of one age still in the field (no claim yet). */
export interface FleetCohort {
  readonly age: number;
  readonly units: number;
}

/**
 * Expected claims in each of the next `months` months from the units in the
 * field: a unit of age a that has not failed fails in month j with the
 * conditional probability (S(a+j−1) − S(a+j)) / S(a), S = 1 − F.
 * @example expectedClaims({ shape: 1, scale: 10 }, [{ age: 5, units: 1000 }], 2) // [≈95.2, ≈86.1]
 */
export function expectedClaims(fit: { shape: number; scale: number }, fleet: readonly FleetCohort[], months = 12): number[] {
  if (!Number.isInteger(months) || months < 1) throw new PolicyInputError('months', 'must be a positive whole number');
  const logSurvival = (t: number) => (t <= 0 ? 0 : -Math.pow(t / fit.scale, fit.shape));
  const expected = new Array<number>(months).fill(0);
  fleet.forEach(({ age, units }, index) => {
    if (!(age >= 0)) throw new PolicyInputError(`fleet[${index}].age`, 'must not be negative');
    if (!(units >= 0)) throw new PolicyInputError(`fleet[${index}].units`, 'must not be negative');
    const start = logSurvival(age);
    for (let month = 1; month <= months; month++) {
      const before = Math.exp(logSurvival(age + month - 1) - start);
      const after = Math.exp(logSurvival(age + month) - start);
      expected[month - 1]! += units * (before - after);
    }
  });
  return expected;
}

/**
 * The observed share of units claimed by the end of each month in service
 * (actuarial life table): 1 − Π (1 − claims_k / exposed_k), where exposed_k
 * counts the units that reached month k; a month with no units exposed adds nothing.
 * @example observedFailureShare([10, 5], [1000, 500]) // [0.01, 1 − 0.99 · 0.99 = 0.0199]
 */
export function observedFailureShare(claims: readonly number[], exposed: readonly number[]): number[] {
  let surviving = 1;
  return claims.map((count, month) => {
    const units = exposed[month] ?? 0;
    if (!(count >= 0)) throw new PolicyInputError(`claims[${month}]`, 'must not be negative');
    if (units > 0) surviving *= 1 - Math.min(count / units, 1);
    return 1 - surviving;
  });
}
