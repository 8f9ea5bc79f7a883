import { addMonths, toDayNumber, type PartCategory } from '@aftersale/domain';
import { dateOfDay } from './calendar.js';
import { MODELS, type ModelSpec } from './catalogue.js';
import type { Cause } from './faults.js';
import { seededRandom } from './random.js';

/**
 * How long units live before they are claimed for: the failure modes of the
 * range, each a Weibull hazard over the unit's age, and the batches planted
 * with a defect for analysts to find.
 *
 * A mode's cumulative hazard is `firstYear · (age / 1 year)^shape`: shape
 * below 1 is an early failure (most of it in the first months, a decreasing
 * hazard), 1 a constant risk (accidents, the network), above 1 wear-out
 * (batteries, housings, keypads: a hazard rising toward and past 12 months).
 */
export interface FailureMode {
  readonly cause: Cause;
  /** The part it breaks; null when the reported symptom decides (software, accidents, tampering). */
  readonly category: PartCategory | null;
  readonly shape: number;
  /** Claims per unit in the unit's first year, before the model's factors. */
  readonly firstYear: number;
}

export const FAILURE_MODES: readonly FailureMode[] = [
  // Early failures: solder joints, panels and modules that fail young.
  { cause: 'HARDWARE', category: 'MAINBOARD', shape: 0.5, firstYear: 0.014 },
  { cause: 'HARDWARE', category: 'LCD', shape: 0.6, firstYear: 0.007 },
  { cause: 'HARDWARE', category: 'TOUCH_PANEL', shape: 0.6, firstYear: 0.005 },
  { cause: 'HARDWARE', category: 'CAMERA', shape: 0.7, firstYear: 0.003 },
  { cause: 'HARDWARE', category: 'ANTENNA', shape: 0.8, firstYear: 0.003 },
  // Wear-out: battery chemistry, housings, keypads and chargers.
  { cause: 'HARDWARE', category: 'BATTERY', shape: 2.8, firstYear: 0.006 },
  { cause: 'WEAR', category: 'HOUSING', shape: 2.4, firstYear: 0.003 },
  { cause: 'WEAR', category: 'KEYPAD', shape: 2.2, firstYear: 0.005 },
  { cause: 'WEAR', category: 'ACCESSORY', shape: 2, firstYear: 0.003 },
  // Constant or nearly: software, the network, accidents, a local repair shop.
  { cause: 'SOFTWARE', category: null, shape: 0.8, firstYear: 0.012 },
  { cause: 'CARRIER', category: null, shape: 1, firstYear: 0.004 },
  { cause: 'DROP', category: null, shape: 1, firstYear: 0.012 },
  { cause: 'WATER', category: null, shape: 1, firstYear: 0.004 },
  { cause: 'TAMPERED', category: null, shape: 1.3, firstYear: 0.0015 },
];

/** How much less often a unit out of warranty is claimed for than one under it: the customer pays. */
export const OUT_OF_WARRANTY_CLAIM_RATE = 0.2;

const DAYS_PER_YEAR = 365.25;

/** A mode's expected claims per unit on the day a unit is `age` days old (the cumulative hazard's increment). */
function dailyHazard(mode: FailureMode, age: number, factor: number): number {
  return factor * mode.firstYear * (((age + 1) / DAYS_PER_YEAR) ** mode.shape - (age / DAYS_PER_YEAR) ** mode.shape);
}

/** The failure modes a model can have (the parts it has), each with the model's factor for it. */
export interface ModelLife {
  readonly modes: readonly { readonly mode: FailureMode; readonly factor: number }[];
  /** Expected claims per unit on each day of age, all modes: `hazard[age]`. */
  readonly hazard: Float64Array;
}

/** The life of a model's units up to `maxAge` days. */
export function modelLife(model: ModelSpec, maxAge: number): ModelLife {
  const categories = new Set(model.parts.map((part) => part.category));
  const modes = FAILURE_MODES.filter((mode) => mode.category === null || categories.has(mode.category)).map((mode) => ({
    mode,
    factor: (model.reliability ?? 1) * (mode.category ? (model.weakParts?.[mode.category] ?? 1) : 1),
  }));
  const hazard = new Float64Array(maxAge + 1);
  for (let age = 0; age <= maxAge; age += 1) {
    let sum = 0;
    for (const { mode, factor } of modes) sum += dailyHazard(mode, age, factor);
    hazard[age] = sum;
  }
  return { modes, hazard };
}

/** The mode a claim on a unit of `age` days comes from, drawn in proportion to each mode's hazard at that age. */
export function failureModeAt(life: ModelLife, age: number, u: number): FailureMode {
  let total = 0;
  for (const { mode, factor } of life.modes) total += dailyHazard(mode, age, factor);
  let target = u * total;
  for (const { mode, factor } of life.modes) {
    target -= dailyHazard(mode, age, factor);
    if (target < 0) return mode;
  }
  return life.modes[life.modes.length - 1]!.mode;
}

/** A bad batch: the units of a model received in one month are claimed for `factor` times as often, for one faulty part. */
export interface PlantedDefect {
  readonly modelCode: string;
  /** `YYYY-MM`. */
  readonly receivedMonth: string;
  readonly factor: number;
  readonly category: PartCategory;
}

const DEFECT_FACTOR = 4;
const DEFECT_CATEGORIES: readonly PartCategory[] = ['MAINBOARD', 'BATTERY', 'LCD', 'TOUCH_PANEL'];

/**
 * The bad batch a data set of this seed and day carries (unless made without
 * defects): one model, its units received in one month 4 to 15 months before
 * `today` (old enough to have been claimed for through most of their
 * warranty), claimed for 4 times as often as the model's other units of the
 * same age, the excess all on one part. The generator makes sure that model
 * has an order received that month.
 *
 * @example plantedDefects(1, '2026-11-25') // [{ modelCode: 'AX-200', receivedMonth: '2026-02', factor: 4, category: 'BATTERY' }]
 */
export function plantedDefects(seed: number, today: string): PlantedDefect[] {
  const random = seededRandom(seed, 'planted-defect');
  const month = addMonths(today, -random.int(4, 15)).slice(0, 7);
  const firstDay = toDayNumber(`${month}-01`);
  const todayDay = toDayNumber(today);
  // A model on sale for the whole month.
  const models = MODELS.filter((model) => !model.launchedDaysAgo || todayDay - model.launchedDaysAgo < firstDay);
  const model = random.pick(models);
  const categories = DEFECT_CATEGORIES.filter((category) => model.parts.some((part) => part.category === category));
  return [{ modelCode: model.code, receivedMonth: month, factor: DEFECT_FACTOR, category: random.pick(categories) }];
}

/** The month (`YYYY-MM`) of a day number. */
export const monthOfDay = (day: number): string => dateOfDay(day).slice(0, 7);
