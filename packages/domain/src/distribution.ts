import { PolicyInputError } from './errors.js';

/**
 * Summaries analysts read off counted things: a Pareto ranking with
 * cumulative share, and percentiles of a histogram.
 */

export interface ParetoEntry<K> {
  readonly key: K;
  readonly count: number;
  /** count / total. */
  readonly share: number;
  /** The share of this entry and every larger one. */
  readonly cumulativeShare: number;
}

/**
 * Ranks counts from largest to smallest (ties by key order of appearance) with each one's share and the running share.
 * @example pareto([{ key: 'LCD', count: 1 }, { key: 'BATTERY', count: 3 }]) // BATTERY 0.75 (0.75), LCD 0.25 (1)
 */
export function pareto<K>(counts: readonly { key: K; count: number }[]): ParetoEntry<K>[] {
  counts.forEach(({ count }, index) => {
    if (!(count >= 0)) throw new PolicyInputError(`counts[${index}].count`, 'must not be negative');
  });
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  let running = 0;
  return counts
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ key, count }) => {
      running += count;
      return { key, count, share: total === 0 ? 0 : count / total, cumulativeShare: total === 0 ? 0 : running / total };
    });
}

/**
 * The p-th percentile (0 < p ≤ 1) of a histogram by the nearest-rank rule: the smallest value with at least p of the counts at or below it; `null` when empty.
 * @example histogramPercentile([{ value: 2, count: 1 }, { value: 5, count: 3 }], 0.5) // 5
 */
export function histogramPercentile(histogram: readonly { value: number; count: number }[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new PolicyInputError('p', 'must be above 0 and at most 1');
  histogram.forEach(({ count }, index) => {
    if (!Number.isInteger(count) || count < 0) throw new PolicyInputError(`histogram[${index}].count`, 'must be a whole number');
  });
  const sorted = [...histogram].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, { count }) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let running = 0;
  return sorted.find(({ count }) => (running += count) >= rank)!.value;
}
