import { describe, expect, it } from 'vitest';
import { PolicyInputError } from './errors.js';
import {
  expectedClaims,
  fitWeibull,
  observedFailureShare,
  weibullCdf,
  weibullCdfBand,
  weibullCdfBands,
  weibullConfidence,
  weibullQuantile,
  type WeibullObservation,
} from './weibull.js';

/** mulberry32: a small seeded generator, so the simulated data are the same on every run. */
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

// Reference values from an independent maximisation of the same likelihood (Nelder–Mead, scipy).
const small: WeibullObservation[] = [
  { time: 1, censored: false },
  { time: 2, censored: false },
  { time: 3, censored: true },
];
const weighted: WeibullObservation[] = [
  { time: 2, censored: false },
  { time: 3, censored: false, count: 2 },
  { time: 5, censored: false },
  { time: 7, censored: true, count: 3 },
  { time: 8, censored: false },
  { time: 10, censored: true, count: 4 },
];

describe('fitWeibull', () => {
  it('finds the maximum-likelihood shape and scale of a small censored sample', () => {
    const fit = fitWeibull(small);
    expect(fit.shape).toBeCloseTo(1.8442459993, 6);
    expect(fit.scale).toBeCloseTo(2.6628556994, 6);
    expect(fit.b10).toBeCloseTo(0.7859902929, 6);
    expect(fit.logLikelihood).toBeCloseTo(-3.803178000353, 8);
  });

  it('weights an observation by its count, as if it were repeated', () => {
    const fit = fitWeibull(weighted);
    expect(fit.shape).toBeCloseTo(1.33271115746, 6);
    expect(fit.scale).toBeCloseTo(13.5882600254, 5);
    expect(fit.logLikelihood).toBeCloseTo(-18.76152406693, 8);
    const repeated = weighted.flatMap(({ time, censored, count = 1 }) => Array.from({ length: count }, () => ({ time, censored })));
    const same = fitWeibull(repeated);
    expect(same.shape).toBeCloseTo(fit.shape, 9);
    expect(same.scale).toBeCloseTo(fit.scale, 9);
  });

  it('ignores observations with a count of zero', () => {
    const fit = fitWeibull([...small, { time: 50, censored: false, count: 0 }]);
    expect(fit.shape).toBeCloseTo(1.8442459993, 6);
  });

  it('recovers the shape and scale of simulated censored lives within 3 %', () => {
    const random = seeded(20261130);
    const shape = 1.6;
    const scale = 40;
    const observations: WeibullObservation[] = [];
    for (let unit = 0; unit < 20_000; unit++) {
      const life = scale * Math.pow(-Math.log(1 - random()), 1 / shape);
      // Each unit is watched for between 6 and 36 months: most are still running (censored).
      const watched = 6 + 30 * random();
      observations.push(life < watched ? { time: life, censored: false } : { time: watched, censored: true });
    }
    expect(observations.filter((o) => o.censored).length).toBeGreaterThan(10_000);
    const fit = fitWeibull(observations);
    expect(Math.abs(fit.shape / shape - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.scale / scale - 1)).toBeLessThan(0.03);
    const band = weibullConfidence(observations, fit, 0.99);
    expect(band.shape.lower).toBeLessThan(fit.shape);
    expect(band.scale.upper).toBeGreaterThan(fit.scale);
    expect(band.shape.lower).toBeLessThan(shape);
    expect(band.shape.upper).toBeGreaterThan(shape);
    expect(band.scale.lower).toBeLessThan(scale);
    expect(band.scale.upper).toBeGreaterThan(scale);
  });

  it.each([
    [[{ time: 3, censored: true }], 'observations'],
    [[], 'observations'],
    [[{ time: 0, censored: false }], 'observations[0].time'],
    [
      [
        { time: 1, censored: false },
        { time: -2, censored: true },
      ],
      'observations[1].time',
    ],
    [[{ time: Number.NaN, censored: false }], 'observations[0].time'],
    [[{ time: 1, censored: false, count: -1 }], 'observations[0].count'],
    [
      [
        { time: 2, censored: false },
        { time: 2, censored: false },
        { time: 1, censored: true },
      ],
      'observations',
    ],
  ] as [WeibullObservation[], string][])('refuses %j, naming %s', (observations, field) => {
    expect(() => fitWeibull(observations)).toThrow(PolicyInputError);
    try {
      fitWeibull(observations);
    } catch (error) {
      expect((error as PolicyInputError).field).toBe(field);
    }
  });

  it('refuses something that is not a list', () => {
    expect(() => fitWeibull('nope' as unknown as WeibullObservation[])).toThrow(/observations: must be a list/);
  });

  it('finds a steep shape (wear-out) and a shallow one (early failures) alike', () => {
    expect(
      fitWeibull([
        { time: 9, censored: false },
        { time: 10, censored: false },
        { time: 11, censored: false },
      ]).shape,
    ).toBeGreaterThan(8);
    expect(
      fitWeibull([
        { time: 0.001, censored: false },
        { time: 1, censored: false },
        { time: 1000, censored: false },
      ]).shape,
    ).toBeLessThan(0.3);
  });
});

describe('the Weibull distribution', () => {
  it('gives the share failed by a time, zero before any time has passed', () => {
    expect(weibullCdf(10, { shape: 2, scale: 10 })).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(weibullCdf(0, { shape: 2, scale: 10 })).toBe(0);
  });

  it('gives B10 as the time by which one unit in ten has failed', () => {
    expect(weibullQuantile(0.1, { shape: 1, scale: 100 })).toBeCloseTo(100 * Math.log(1 / 0.9), 10);
    expect(weibullCdf(weibullQuantile(0.1, { shape: 2.5, scale: 30 }), { shape: 2.5, scale: 30 })).toBeCloseTo(0.1, 12);
  });
});

describe('weibullConfidence and weibullCdfBand (Fisher matrix, delta method)', () => {
  // Reference: the inverse of the numerical Hessian of the same likelihood in (ln scale, 1/shape).
  const fit = fitWeibull(weighted);

  it('brackets shape, scale and B10 at 95 %', () => {
    const band = weibullConfidence(weighted, fit);
    expect(band.level).toBe(0.95);
    expect(band.shape.lower).toBeCloseTo(0.6026245, 4);
    expect(band.shape.upper).toBeCloseTo(2.9473064, 3);
    expect(band.scale.lower).toBeCloseTo(6.1896797, 3);
    expect(band.scale.upper).toBeCloseTo(29.8304307, 2);
    expect(band.b10.lower).toBeCloseTo(0.8174994, 4);
    expect(band.b10.upper).toBeCloseTo(7.712101, 3);
  });

  it('bands the share failed by a time inside (0, 1)', () => {
    const band = weibullCdfBand(12, weighted, fit);
    expect(weibullCdf(12, fit)).toBeCloseTo(0.57144586, 6);
    expect(band.lower).toBeCloseTo(0.27193268, 4);
    expect(band.upper).toBeCloseTo(0.895894, 4);
  });

  it('bands a whole curve at once, each time as it would be alone', () => {
    const times = [0.5, 3, 12, 40];
    const bands = weibullCdfBands(times, weighted, fit);
    expect(bands).toEqual(times.map((time) => weibullCdfBand(time, weighted, fit)));
    expect(bands[2]!.lower).toBeCloseTo(0.27193268, 4);
    expect(weibullCdfBands(times, weighted, fit, 0.8)[2]!.upper).toBeLessThan(bands[2]!.upper);
  });

  it('narrows as the level falls and refuses an unknown level', () => {
    const wide = weibullConfidence(weighted, fit, 0.99).shape;
    const narrow = weibullConfidence(weighted, fit, 0.8).shape;
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
    expect(weibullConfidence(weighted, fit, 0.9).shape.upper).toBeLessThan(wide.upper);
    expect(() => weibullCdfBand(12, weighted, fit, 0.5)).toThrow(/level/);
  });
});

describe('expectedClaims', () => {
  it('expects each month the failures of the units still in the field, given they survived to their age', () => {
    // Exponential life (shape 1): memoryless, so each month takes 1 − e^(−1/10) of what is left.
    const [first, second] = expectedClaims({ shape: 1, scale: 10 }, [{ age: 5, units: 1000 }], 2);
    expect(first).toBeCloseTo(1000 * (1 - Math.exp(-0.1)), 9);
    expect(second).toBeCloseTo(1000 * (Math.exp(-0.1) - Math.exp(-0.2)), 9);
  });

  it('adds up cohorts of different ages, new units included, over twelve months by default', () => {
    const fit = { shape: 2, scale: 10 };
    const months = expectedClaims(fit, [
      { age: 0, units: 100 },
      { age: 3, units: 50 },
    ]);
    expect(months).toHaveLength(12);
    const survival = (t: number) => Math.exp(-((t / 10) ** 2));
    expect(months[0]).toBeCloseTo(100 * (1 - survival(1)) + (50 * (survival(3) - survival(4))) / survival(3), 9);
  });

  it.each([
    [[{ age: -1, units: 1 }], 12, 'fleet[0].age'],
    [[{ age: 1, units: -1 }], 12, 'fleet[0].units'],
    [[], 0, 'months'],
    [[], 1.5, 'months'],
  ])('refuses %j over %d months, naming %s', (fleet, months, field) => {
    expect(() => expectedClaims({ shape: 1, scale: 1 }, fleet, months)).toThrow(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}:`));
  });
});

describe('observedFailureShare (actuarial life table)', () => {
  it('multiplies the share surviving each month in service', () => {
    const [first, second, third] = observedFailureShare([10, 5, 3], [1000, 500, 0]);
    expect(first).toBeCloseTo(0.01, 12);
    expect(second).toBeCloseTo(1 - 0.99 * 0.99, 12);
    // No unit reached month 2: the share stays where it was.
    expect(third).toBeCloseTo(second!, 12);
  });

  it('never goes past every unit, and refuses a negative count', () => {
    expect(observedFailureShare([5], [2])).toEqual([1]);
    expect(observedFailureShare([1], [])).toEqual([0]);
    expect(() => observedFailureShare([-1], [10])).toThrow(/^claims\[0\]:/);
  });
});
