import { addMonths, fromDayNumber, policyInForce, toDayNumber } from '@aftersale/domain';
import type { Random } from './random.js';
import { firstIndexWhere, lastIndexWhere, type Order } from './world.js';

/** How much less often a unit out of warranty is claimed for than one under warranty. */
const OUT_OF_WARRANTY_CLAIM_RATE = 0.3;

export interface ClaimCalendar {
  /** The day of the `index`-th claim (never before the previous claim's) and the unit it is for. */
  pick(index: number, random: Random): { day: number; deviceId: number };
}

/**
 * When claims are submitted and for which units. Each day before today is
 * weighted by the units in the field (those under warranty on it, by the
 * policy in force, count fully, older ones at OUT_OF_WARRANTY_CLAIM_RATE); the i-th of n claims takes
 * the day at quantile (i + u) / n, so days never go backwards. The unit is one
 * received by that day, from the young or the old ones in their proportion.
 * Units are numbered in order of receipt, so "received by day d" is ids
 * 1..receivedBy(d). A `backlog` puts that many more claims in the last days
 * (the queue a demo shows), at the expense of the rest of the history.
 */
export function claimCalendar(received: readonly Order[], today: number, claims: number, backlog?: { days: number; claims: number }): ClaimCalendar {
  const receiptDays = received.map((o) => toDayNumber(o.row.received_on as string));
  const unitsThrough = received.map((o) => o.firstDeviceId + o.devices - 1);
  const receivedBy = (day: number): number => {
    const index = lastIndexWhere(receiptDays, (d) => d <= day);
    return index < 0 ? 0 : (unitsThrough[index] as number);
  };
  const firstDay = receiptDays[0] ?? today;
  const weights = new Float64Array(Math.max(0, today - firstDay));
  // Units received by the day's warranty start (its date `warrantyMonths` earlier) are out of warranty on it.
  const outOfWarranty = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i += 1) {
    const on = fromDayNumber(firstDay + i);
    outOfWarranty[i] = receivedBy(toDayNumber(addMonths(on, -policyInForce(on).warrantyMonths)));
  }
  let natural = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const day = firstDay + i;
    const old = outOfWarranty[i] as number;
    weights[i] = receivedBy(day) - old + OUT_OF_WARRANTY_CLAIM_RATE * old;
    natural += weights[i] as number;
  }
  if (backlog && backlog.claims > 0 && backlog.claims < claims && weights.length >= backlog.days) {
    const extra = (backlog.claims * natural) / (claims - backlog.claims);
    for (let i = weights.length - backlog.days; i < weights.length; i += 1) weights[i] = (weights[i] as number) + extra / backlog.days;
  }
  let total = 0;
  for (let i = 0; i < weights.length; i += 1) {
    total += weights[i] as number;
    weights[i] = total;
  }
  if (claims > 0 && !(total > 0)) throw new RangeError('claims: there is no unit received before today to claim for');
  return {
    pick(index: number, random: Random): { day: number; deviceId: number } {
      const target = ((index + random.next()) / claims) * total;
      const offset = firstIndexWhere(weights, (w) => w > target);
      const day = firstDay + Math.max(0, offset);
      const all = receivedBy(day);
      const old = outOfWarranty[day - firstDay] as number;
      const young = all - old;
      const fromYoung = random.chance(young / (young + OUT_OF_WARRANTY_CLAIM_RATE * old));
      const deviceId = fromYoung ? random.int(old + 1, all) : random.int(1, old);
      return { day, deviceId };
    },
  };
}
