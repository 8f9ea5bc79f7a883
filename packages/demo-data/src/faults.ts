import type { PartCategory } from '@aftersale/domain';
import type { Random } from './random.js';
import type { ModelKind } from './rows.js';

/**
 * What customers report and what is really wrong: the symptoms a unit can
 * show, by kind of model, each with the causes that can be behind it and the
 * parts usually at fault. The cause decides the claim's path (claim-story.ts).
 */

/** The real cause of a fault, found at inspection; it decides the path. */
export type Cause = 'HARDWARE' | 'SOFTWARE' | 'CARRIER' | 'DROP' | 'WATER' | 'TAMPERED' | 'WEAR';

interface Symptom {
  readonly text: string;
  /** How often it is reported, relative to the others. */
  readonly weight: number;
  /** The models it can happen to; all when absent. */
  readonly kinds?: readonly ModelKind[];
  readonly causes: readonly (readonly [Cause, number])[];
  /** The parts usually at fault, most likely first. */
  readonly parts: readonly PartCategory[];
}

const SMART: readonly ModelKind[] = ['PHONE', 'TABLET'];
const HANDSETS: readonly ModelKind[] = ['PHONE', 'FEATURE_PHONE'];

const SYMPTOMS: readonly Symptom[] = [
  {
    text: 'No power',
    weight: 8,
    causes: [
      ['HARDWARE', 9],
      ['WATER', 1],
    ],
    parts: ['MAINBOARD', 'BATTERY'],
  },
  {
    text: 'Does not charge',
    weight: 7,
    causes: [
      ['HARDWARE', 7],
      ['WEAR', 2],
      ['SOFTWARE', 1],
    ],
    parts: ['BATTERY', 'ACCESSORY'],
  },
  {
    text: 'Battery drains in 2 hours',
    weight: 8,
    causes: [
      ['HARDWARE', 5],
      ['SOFTWARE', 5],
    ],
    parts: ['BATTERY'],
  },
  {
    text: 'Screen flickers',
    weight: 5,
    causes: [
      ['HARDWARE', 9],
      ['SOFTWARE', 1],
    ],
    parts: ['LCD'],
  },
  {
    text: 'Black screen, unit vibrates when powered on',
    weight: 4,
    causes: [
      ['HARDWARE', 8],
      ['DROP', 2],
    ],
    parts: ['LCD', 'MAINBOARD'],
  },
  {
    text: 'Lines across the display',
    weight: 3,
    causes: [
      ['HARDWARE', 7],
      ['DROP', 3],
    ],
    parts: ['LCD'],
  },
  {
    text: 'Touch not responding in the lower half of the screen',
    weight: 5,
    kinds: SMART,
    causes: [
      ['HARDWARE', 8],
      ['SOFTWARE', 2],
    ],
    parts: ['TOUCH_PANEL'],
  },
  { text: 'Cracked touch panel after drop', weight: 5, kinds: SMART, causes: [['DROP', 1]], parts: ['TOUCH_PANEL'] },
  { text: 'Cracked display after drop', weight: 3, causes: [['DROP', 1]], parts: ['LCD'] },
  { text: 'Water ingress', weight: 3, causes: [['WATER', 1]], parts: ['MAINBOARD'] },
  { text: 'Dropped in water, no power since', weight: 2, causes: [['WATER', 1]], parts: ['MAINBOARD', 'BATTERY'] },
  {
    text: 'No signal',
    weight: 5,
    causes: [
      ['CARRIER', 4],
      ['SOFTWARE', 3],
      ['HARDWARE', 3],
    ],
    parts: ['ANTENNA', 'MAINBOARD'],
  },
  {
    text: 'Drops calls after a few minutes',
    weight: 3,
    kinds: HANDSETS,
    causes: [
      ['CARRIER', 4],
      ['HARDWARE', 4],
      ['SOFTWARE', 2],
    ],
    parts: ['ANTENNA', 'MAINBOARD'],
  },
  {
    text: 'SIM card not detected',
    weight: 3,
    causes: [
      ['HARDWARE', 6],
      ['SOFTWARE', 3],
      ['DROP', 1],
    ],
    parts: ['MAINBOARD'],
  },
  { text: 'Rear camera out of focus', weight: 2, kinds: SMART, causes: [['HARDWARE', 1]], parts: ['CAMERA'] },
  {
    text: 'Camera app crashes on start',
    weight: 2,
    kinds: SMART,
    causes: [
      ['SOFTWARE', 7],
      ['HARDWARE', 3],
    ],
    parts: ['CAMERA'],
  },
  {
    text: 'Microphone not working during calls',
    weight: 3,
    kinds: HANDSETS,
    causes: [
      ['HARDWARE', 9],
      ['SOFTWARE', 1],
    ],
    parts: ['MAINBOARD'],
  },
  { text: 'Earpiece sound distorted', weight: 2, kinds: HANDSETS, causes: [['HARDWARE', 1]], parts: ['MAINBOARD'] },
  {
    text: 'Keys 5 and 8 do not respond',
    weight: 6,
    kinds: ['FEATURE_PHONE'],
    causes: [
      ['HARDWARE', 5],
      ['WEAR', 5],
    ],
    parts: ['KEYPAD'],
  },
  { text: 'Keypad worn, numbers unreadable', weight: 3, kinds: ['FEATURE_PHONE'], causes: [['WEAR', 1]], parts: ['KEYPAD'] },
  {
    text: 'Back cover does not close',
    weight: 2,
    causes: [
      ['WEAR', 6],
      ['DROP', 4],
    ],
    parts: ['HOUSING'],
  },
  {
    text: 'Restarts randomly',
    weight: 5,
    causes: [
      ['SOFTWARE', 6],
      ['HARDWARE', 4],
    ],
    parts: ['MAINBOARD', 'BATTERY'],
  },
  {
    text: 'Stuck on the boot logo after the software update',
    weight: 3,
    kinds: SMART,
    causes: [
      ['SOFTWARE', 8],
      ['HARDWARE', 2],
    ],
    parts: ['MAINBOARD'],
  },
  {
    text: 'Wi-Fi disconnects every few minutes',
    weight: 3,
    kinds: SMART,
    causes: [
      ['SOFTWARE', 6],
      ['HARDWARE', 4],
    ],
    parts: ['ANTENNA', 'MAINBOARD'],
  },
  {
    text: 'Overheats while charging',
    weight: 2,
    causes: [
      ['HARDWARE', 8],
      ['WEAR', 2],
    ],
    parts: ['BATTERY', 'ACCESSORY'],
  },
  {
    text: 'Charger no longer works',
    weight: 3,
    causes: [
      ['WEAR', 6],
      ['HARDWARE', 4],
    ],
    parts: ['ACCESSORY'],
  },
  {
    text: 'Speaker silent, no ringtone',
    weight: 2,
    causes: [
      ['HARDWARE', 8],
      ['SOFTWARE', 2],
    ],
    parts: ['MAINBOARD'],
  },
  {
    text: 'GPS cannot get a fix',
    weight: 1,
    kinds: SMART,
    causes: [
      ['SOFTWARE', 6],
      ['HARDWARE', 4],
    ],
    parts: ['ANTENNA', 'MAINBOARD'],
  },
  { text: 'Opened by a local repair shop, no power since', weight: 1, causes: [['TAMPERED', 1]], parts: ['MAINBOARD'] },
];

const DETAILS: readonly string[] = [
  'Intermittent.',
  'Factory reset already tried.',
  'Several units from the same batch show it.',
  'End user needs the unit back urgently.',
  'Fault reproduced by our technician.',
];

export interface Fault {
  /** What the customer writes on the form. */
  readonly symptoms: string;
  readonly cause: Cause;
  readonly likelyParts: readonly PartCategory[];
}

interface ModelSymptoms {
  code: string;
  kind: ModelKind;
  weakSpots?: Readonly<Record<string, number>>;
}
const symptomsByModel = new Map<string, readonly (readonly [Symptom, number])[]>();

/** The symptoms a model can show, each weighted by how often it is reported (its weak spots more often). */
function symptomsOf(model: ModelSymptoms): readonly (readonly [Symptom, number])[] {
  let symptoms = symptomsByModel.get(model.code);
  if (!symptoms) {
    symptoms = SYMPTOMS.filter((symptom) => !symptom.kinds || symptom.kinds.includes(model.kind)).map(
      (symptom) => [symptom, symptom.weight * (model.weakSpots?.[symptom.text] ?? 1)] as const,
    );
    symptomsByModel.set(model.code, symptoms);
  }
  return symptoms;
}

const describe = (random: Random, symptom: Symptom): string => (random.chance(0.3) ? `${symptom.text}. ${random.pick(DETAILS)}` : symptom.text);

/**
 * What the customer reports for a unit of this model, and what is really wrong with it; with `cause`, a
 * symptom that cause can be behind.
 */
export function reportedFault(random: Random, model: ModelSymptoms, cause?: Cause): Fault {
  const symptoms = symptomsOf(model);
  const symptom = random.weighted(cause ? symptoms.filter(([s]) => s.causes.some(([c]) => c === cause)) : symptoms);
  return { symptoms: describe(random, symptom), cause: cause ?? random.weighted(symptom.causes), likelyParts: symptom.parts };
}

const symptomsByFailure = new Map<string, readonly (readonly [Symptom, number])[]>();

/**
 * What the customer reports when a part failed for a cause (a failure mode of life.ts): a symptom that part
 * and cause can be behind, with that part the first the technician suspects.
 */
export function failureFault(random: Random, model: ModelSymptoms, failure: { cause: Cause; category: PartCategory | null }): Fault {
  const { cause, category } = failure;
  if (category === null) return reportedFault(random, model, cause);
  const key = `${model.code}:${cause}:${category}`;
  let symptoms = symptomsByFailure.get(key);
  if (!symptoms) {
    const ofCause = symptomsOf(model).filter(([s]) => s.causes.some(([c]) => c === cause));
    const ofPart = ofCause.filter(([s]) => s.parts.includes(category));
    symptoms = ofPart.length > 0 ? ofPart : ofCause;
    symptomsByFailure.set(key, symptoms);
  }
  const symptom = random.weighted(symptoms);
  return { symptoms: describe(random, symptom), cause, likelyParts: [category, ...symptom.parts.filter((part) => part !== category)] };
}
