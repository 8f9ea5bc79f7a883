/**
 * The API's only clock. The domain never reads the time: it gets dates as
 * arguments, and this is where "today" comes from (UTC calendar date).
 */
export interface Clock {
  now(): Date;
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date().toISOString().slice(0, 10),
};

/** A clock running `factor` times faster than `base` from now on (tests of day-long schedules). */
export function acceleratedClock(base: Clock, factor: number): Clock {
  if (factor === 1) return base;
  const start = base.now().getTime();
  const now = () => new Date(start + (base.now().getTime() - start) * factor);
  return { now, today: () => now().toISOString().slice(0, 10) };
}
