import { lastCoveredDay, toDayNumber } from '@aftersale/domain';
import { policyOn } from './calendar.js';
import { failureModeAt, modelLife, monthOfDay, OUT_OF_WARRANTY_CLAIM_RATE, type FailureMode, type ModelLife, type PlantedDefect } from './life.js';
import type { Random } from './random.js';
import { firstIndexWhere, type Order } from './world.js';

export interface ClaimCalendar {
  /** The day of the `index`-th claim (never before the previous claim's), the unit it is for, and what failed. */
  pick(index: number, random: Random): { day: number; deviceId: number; mode: FailureMode };
}

export interface CalendarPlan {
  /** The orders received before today, in order of receipt. */
  readonly received: readonly Order[];
  readonly today: number;
  readonly claims: number;
  readonly defects: readonly PlantedDefect[];
  /** This many more claims in the last `days` days (the queue a demo shows), at the expense of the rest of the history. */
  readonly backlog?: { readonly days: number; readonly claims: number };
}

/**
 * When claims are submitted, for which units, and what failed. A unit of age
 * `a` days is claimed for at its model's hazard `h(a)` (life.ts: early failures,
 * constant risks, wear-out), times OUT_OF_WARRANTY_CLAIM_RATE once its
 * warranty ran out (W3), times a planted defect's factor for its batch. Each
 * day before today is weighted by the sum of that over the units in the field;
 * the i-th of n claims takes the day at quantile (i + u) / n, so days never go
 * backwards. The unit is then drawn among those in the field that day by the
 * same weights, and the failure mode by the modes' hazards at its age (the
 * batch's defect taking its share).
 */
export function claimCalendar(plan: CalendarPlan): ClaimCalendar {
  const { received, today, claims } = plan;
  if (claims === 0)
    return {
      pick: () => {
        throw new RangeError('claims: there are none to pick');
      },
    };
  const count = received.length;
  const receiptDay = new Int32Array(count);
  const coveredThrough = new Int32Array(count);
  const units = new Float64Array(count);
  const batchFactor = new Float64Array(count);
  const lives: ModelLife[] = [];
  const defectOf: (PlantedDefect | undefined)[] = [];
  const firstDay = received.length > 0 ? toDayNumber(received[0]!.row.received_on!) : today;
  const maxAge = Math.max(0, today - firstDay);
  const lifeOf = new Map<string, ModelLife>();
  received.forEach((order, o) => {
    const receivedOn = order.row.received_on!;
    receiptDay[o] = toDayNumber(receivedOn);
    coveredThrough[o] = toDayNumber(lastCoveredDay(receivedOn, policyOn(receivedOn)));
    units[o] = order.devices;
    const defect = plan.defects.find((d) => d.modelCode === order.model.code && d.receivedMonth === monthOfDay(receiptDay[o]!));
    defectOf[o] = defect;
    batchFactor[o] = defect?.factor ?? 1;
    let life = lifeOf.get(order.model.code);
    if (!life) {
      life = modelLife(order.model, maxAge);
      lifeOf.set(order.model.code, life);
    }
    lives[o] = life;
  });

  /** How likely a claim on `day` is for one of order `o`'s units, relatively. */
  const weight = (o: number, day: number): number => {
    const age = day - receiptDay[o]!;
    if (age < 0) return 0;
    const warranty = day <= coveredThrough[o]! ? 1 : OUT_OF_WARRANTY_CLAIM_RATE;
    return units[o]! * batchFactor[o]! * warranty * lives[o]!.hazard[age]!;
  };
  /** Orders received by `day`: a prefix, as they are in order of receipt. */
  const receivedBy = (day: number): number => {
    let n = 0;
    while (n < count && receiptDay[n]! <= day) n += 1;
    return n;
  };

  const days = new Float64Array(maxAge);
  let natural = 0;
  for (let i = 0, inField = 0; i < days.length; i += 1) {
    const day = firstDay + i;
    while (inField < count && receiptDay[inField]! <= day) inField += 1;
    let sum = 0;
    for (let o = 0; o < inField; o += 1) sum += weight(o, day);
    days[i] = sum;
    natural += sum;
  }
  const backlog = plan.backlog;
  if (backlog && backlog.claims > 0 && backlog.claims < claims && days.length >= backlog.days) {
    const extra = (backlog.claims * natural) / (claims - backlog.claims);
    for (let i = days.length - backlog.days; i < days.length; i += 1) days[i] = days[i]! + extra / backlog.days;
  }
  let total = 0;
  for (let i = 0; i < days.length; i += 1) {
    total += days[i]!;
    days[i] = total;
  }
  if (claims > 0 && !(total > 0)) throw new RangeError('claims: there is no unit received before today to claim for');

  // The orders' weights on one day, cumulated: claims come day by day, so one day's table serves them all.
  let tableDay = -1;
  let table = new Float64Array(0);
  const ordersOn = (day: number): Float64Array => {
    if (day !== tableDay) {
      const inField = receivedBy(day);
      table = new Float64Array(inField);
      let sum = 0;
      for (let o = 0; o < inField; o += 1) {
        sum += weight(o, day);
        table[o] = sum;
      }
      tableDay = day;
    }
    return table;
  };

  return {
    pick(index: number, random: Random) {
      const target = ((index + random.next()) / claims) * total;
      const day =
        firstDay +
        Math.max(
          0,
          firstIndexWhere(days, (w) => w > target),
        );
      const cumulative = ordersOn(day);
      const sum = cumulative[cumulative.length - 1] ?? 0;
      const u = random.next() * sum;
      const o = Math.max(
        0,
        firstIndexWhere(cumulative, (w) => w > u),
      );
      const order = received[o]!;
      const deviceId = order.firstDeviceId + random.int(0, Math.max(0, order.devices - 1));
      const age = day - receiptDay[o]!;
      const defect = defectOf[o];
      const fromDefect = defect !== undefined && random.chance((defect.factor - 1) / defect.factor);
      const mode = fromDefect
        ? { cause: 'HARDWARE' as const, category: defect.category, shape: 1, firstYear: 0 }
        : failureModeAt(lives[o]!, age, random.next());
      return { day, deviceId, mode };
    },
  };
}
