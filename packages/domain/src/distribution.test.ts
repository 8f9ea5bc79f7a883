import { describe, expect, it } from 'vitest';
import { histogramPercentile, pareto } from './distribution.js';

describe('pareto', () => {
  it('ranks from largest to smallest with each share and the running share', () => {
    expect(
      pareto([
        { key: 'LCD', count: 1 },
        { key: 'BATTERY', count: 3 },
        { key: 'HOUSING', count: 1 },
        { key: 'CAMERA', count: 5 },
      ]),
    ).toEqual([
      { key: 'CAMERA', count: 5, share: 0.5, cumulativeShare: 0.5 },
      { key: 'BATTERY', count: 3, share: 0.3, cumulativeShare: 0.8 },
      { key: 'LCD', count: 1, share: 0.1, cumulativeShare: 0.9 },
      { key: 'HOUSING', count: 1, share: 0.1, cumulativeShare: 1 },
    ]);
  });

  it('gives zero shares when nothing was counted, and refuses a negative count', () => {
    expect(pareto([{ key: 'LCD', count: 0 }])).toEqual([{ key: 'LCD', count: 0, share: 0, cumulativeShare: 0 }]);
    expect(pareto([])).toEqual([]);
    expect(() => pareto([{ key: 'LCD', count: -1 }])).toThrow(/^counts\[0\]\.count:/);
  });
});

describe('histogramPercentile (nearest rank)', () => {
  // Days to ship back: 2 days ×1, 5 days ×3, 9 days ×6 (10 claims).
  const days = [
    { value: 9, count: 6 },
    { value: 2, count: 1 },
    { value: 5, count: 3 },
  ];

  it.each([
    [0.1, 2],
    [0.2, 5],
    [0.4, 5],
    [0.5, 9],
    [0.9, 9],
    [1, 9],
  ])('the %d percentile is %d days', (p, value) => {
    expect(histogramPercentile(days, p)).toBe(value);
  });

  it('has no percentile of an empty histogram, and refuses a bad p or count', () => {
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(histogramPercentile([{ value: 3, count: 0 }], 0.5)).toBeNull();
    expect(() => histogramPercentile(days, 0)).toThrow(/^p:/);
    expect(() => histogramPercentile(days, 1.5)).toThrow(/^p:/);
    expect(() => histogramPercentile([{ value: 1, count: 0.5 }], 0.5)).toThrow(/^histogram\[0\]\.count:/);
  });
});
