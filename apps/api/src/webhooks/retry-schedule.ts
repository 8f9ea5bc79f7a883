/**
 * When a failed delivery is tried again: 30 s after the first failure,
 * doubling each time up to 8 hours, each delay shifted by up to ±20 % so that
 * endpoints that failed together are not retried together. Thirteen attempts
 * span about a day (24.5 h without the jitter); after the last one the
 * delivery is FAILED and its endpoint is marked failing.
 */
export const RETRY = { firstDelaySeconds: 30, maxDelaySeconds: 8 * 3600, maxAttempts: 13, jitter: 0.2 } as const;

/** Milliseconds to wait after the `attempt`-th failed attempt (1-based); `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number = Math.random()): number {
  const base = Math.min(RETRY.firstDelaySeconds * 2 ** (attempt - 1), RETRY.maxDelaySeconds);
  return Math.round(base * 1000 * (1 - RETRY.jitter + 2 * RETRY.jitter * random));
}
