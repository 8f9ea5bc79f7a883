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
