import {
  assessClaim, claimContextOf, decideAssessment, inheritedWarranty, invoiceLines, isUnderWarranty, NO_ASSESSMENT,
  transition,
  type AssessedLine, type ClaimAction, type ClaimContext, type ClaimLineInput, type ClaimStatus, type Decision, type DecidedAssessment,
  type Finding, type FormType, type InvoiceLines, type PartCategory,
} from '@aftersale/domain';
import { dateOfInstant, dayOfInstant, HOUR_MS, instantOn, MINUTE_MS, policyOn } from './calendar.js';
import type { Random } from './random.js';
import type { ModelKind, PartRow } from './rows.js';

/**
 * What happens to one claim: its symptoms, the real cause behind them, and
 * the path it takes through the claim lifecycle with the time each step
 * takes. Every step is an action of the domain's state machine, taken by the
 * role it belongs to (`transition`), and the inspection's decision is the
 * domain's `assessClaim` of the parts found faulty, so the demo cannot tell a
 * story the API would refuse. The claim's status is where its path stands at
 * the cut-off (the start of `today`): old claims are done, recent ones are in
 * the queue, and the waits on the customer keep some older ones open.
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
  { text: 'No power', weight: 8, causes: [['HARDWARE', 9], ['WATER', 1]], parts: ['MAINBOARD', 'BATTERY'] },
  { text: 'Does not charge', weight: 7, causes: [['HARDWARE', 7], ['WEAR', 2], ['SOFTWARE', 1]], parts: ['BATTERY', 'ACCESSORY'] },
  { text: 'Battery drains in 2 hours', weight: 8, causes: [['HARDWARE', 5], ['SOFTWARE', 5]], parts: ['BATTERY'] },
  { text: 'Screen flickers', weight: 5, causes: [['HARDWARE', 9], ['SOFTWARE', 1]], parts: ['LCD'] },
  { text: 'Black screen, unit vibrates when powered on', weight: 4, causes: [['HARDWARE', 8], ['DROP', 2]], parts: ['LCD', 'MAINBOARD'] },
  { text: 'Lines across the display', weight: 3, causes: [['HARDWARE', 7], ['DROP', 3]], parts: ['LCD'] },
  { text: 'Touch not responding in the lower half of the screen', weight: 5, kinds: SMART, causes: [['HARDWARE', 8], ['SOFTWARE', 2]], parts: ['TOUCH_PANEL'] },
  { text: 'Cracked touch panel after drop', weight: 5, kinds: SMART, causes: [['DROP', 1]], parts: ['TOUCH_PANEL'] },
  { text: 'Cracked display after drop', weight: 3, causes: [['DROP', 1]], parts: ['LCD'] },
  { text: 'Water ingress', weight: 3, causes: [['WATER', 1]], parts: ['MAINBOARD'] },
  { text: 'Dropped in water, no power since', weight: 2, causes: [['WATER', 1]], parts: ['MAINBOARD', 'BATTERY'] },
  { text: 'No signal', weight: 5, causes: [['CARRIER', 4], ['SOFTWARE', 3], ['HARDWARE', 3]], parts: ['ANTENNA', 'MAINBOARD'] },
  { text: 'Drops calls after a few minutes', weight: 3, kinds: HANDSETS, causes: [['CARRIER', 4], ['HARDWARE', 4], ['SOFTWARE', 2]], parts: ['ANTENNA', 'MAINBOARD'] },
  { text: 'SIM card not detected', weight: 3, causes: [['HARDWARE', 6], ['SOFTWARE', 3], ['DROP', 1]], parts: ['MAINBOARD'] },
  { text: 'Rear camera out of focus', weight: 2, kinds: SMART, causes: [['HARDWARE', 1]], parts: ['CAMERA'] },
  { text: 'Camera app crashes on start', weight: 2, kinds: SMART, causes: [['SOFTWARE', 7], ['HARDWARE', 3]], parts: ['CAMERA'] },
  { text: 'Microphone not working during calls', weight: 3, kinds: HANDSETS, causes: [['HARDWARE', 9], ['SOFTWARE', 1]], parts: ['MAINBOARD'] },
  { text: 'Earpiece sound distorted', weight: 2, kinds: HANDSETS, causes: [['HARDWARE', 1]], parts: ['MAINBOARD'] },
  { text: 'Keys 5 and 8 do not respond', weight: 6, kinds: ['FEATURE_PHONE'], causes: [['HARDWARE', 5], ['WEAR', 5]], parts: ['KEYPAD'] },
  { text: 'Keypad worn, numbers unreadable', weight: 3, kinds: ['FEATURE_PHONE'], causes: [['WEAR', 1]], parts: ['KEYPAD'] },
  { text: 'Back cover does not close', weight: 2, causes: [['WEAR', 6], ['DROP', 4]], parts: ['HOUSING'] },
  { text: 'Restarts randomly', weight: 5, causes: [['SOFTWARE', 6], ['HARDWARE', 4]], parts: ['MAINBOARD', 'BATTERY'] },
  { text: 'Stuck on the boot logo after the software update', weight: 3, kinds: SMART, causes: [['SOFTWARE', 8], ['HARDWARE', 2]], parts: ['MAINBOARD'] },
  { text: 'Wi-Fi disconnects every few minutes', weight: 3, kinds: SMART, causes: [['SOFTWARE', 6], ['HARDWARE', 4]], parts: ['ANTENNA', 'MAINBOARD'] },
  { text: 'Overheats while charging', weight: 2, causes: [['HARDWARE', 8], ['WEAR', 2]], parts: ['BATTERY', 'ACCESSORY'] },
  { text: 'Charger no longer works', weight: 3, causes: [['WEAR', 6], ['HARDWARE', 4]], parts: ['ACCESSORY'] },
  { text: 'Speaker silent, no ringtone', weight: 2, causes: [['HARDWARE', 8], ['SOFTWARE', 2]], parts: ['MAINBOARD'] },
  { text: 'GPS cannot get a fix', weight: 1, kinds: SMART, causes: [['SOFTWARE', 6], ['HARDWARE', 4]], parts: ['ANTENNA', 'MAINBOARD'] },
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

type ModelSymptoms = { code: string; kind: ModelKind; weakSpots?: Readonly<Record<string, number>> };
const symptomsByModel = new Map<string, readonly (readonly [Symptom, number])[]>();

/** The symptoms a model can show, each weighted by how often it is reported (its weak spots more often). */
function symptomsOf(model: ModelSymptoms): readonly (readonly [Symptom, number])[] {
  let symptoms = symptomsByModel.get(model.code);
  if (!symptoms) {
    symptoms = SYMPTOMS.filter((symptom) => !symptom.kinds || symptom.kinds.includes(model.kind))
      .map((symptom) => [symptom, symptom.weight * (model.weakSpots?.[symptom.text] ?? 1)] as const);
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

/**
 * The open statuses a demo should always show, each with the age in days of a claim that plausibly
 * stands there and the cause that leads there. Most are short-lived, so chance alone can miss them.
 */
export interface Showcase {
  readonly status: ClaimStatus;
  readonly age: readonly [number, number];
  readonly cause: Cause;
}

export const SHOWCASE: readonly Showcase[] = [
  { status: 'SUBMITTED', age: [0, 3], cause: 'HARDWARE' },
  { status: 'REMOTE_DIAGNOSIS', age: [1, 10], cause: 'SOFTWARE' },
  { status: 'AWAITING_UNIT', age: [3, 20], cause: 'HARDWARE' },
  { status: 'RECEIVED', age: [10, 30], cause: 'HARDWARE' },
  { status: 'INSPECTION', age: [10, 30], cause: 'HARDWARE' },
  { status: 'AWAITING_AGREEMENT', age: [15, 40], cause: 'WATER' },
  { status: 'AWAITING_APPROVAL', age: [15, 40], cause: 'DROP' },
  { status: 'IN_REPAIR', age: [15, 40], cause: 'HARDWARE' },
  // A paid repair, so its draft invoice waits to go out with the unit.
  { status: 'READY_TO_SHIP', age: [20, 45], cause: 'DROP' },
  { status: 'RETURNED_UNREPAIRED', age: [20, 45], cause: 'CARRIER' },
];

export type Actor = 'agent' | 'tech';
const ROLE = { agent: 'AGENT', tech: 'TECHNICIAN' } as const;

export interface StoryStep {
  readonly action: ClaimAction;
  readonly from: ClaimStatus;
  readonly to: ClaimStatus;
  readonly at: number;
  readonly actor: Actor;
  /** What the API's event records for this action (claim-workflow.ts); `invoice` is filled in by the generator. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** H2, H7: a carrier trip, at the customer's expense. */
export interface Trip {
  readonly direction: 'INBOUND' | 'OUTBOUND';
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedOn: string;
  /** What the customer paid the carrier, in cents: recorded, never invoiced. */
  readonly cost: number;
  readonly at: number;
}

/** The technician's assessment as the API records it: findings, faulty parts, the decided assessment. */
export interface RecordedAssessment {
  readonly at: number;
  readonly findings: readonly Finding[];
  /** The faulty parts, one per line of `decided.lines`, and whether each was found worn. */
  readonly parts: readonly PartRow[];
  readonly worn: readonly boolean[];
  readonly decided: DecidedAssessment;
  readonly serviceCharge: ServiceCharge | null;
}

export interface ServiceCharge {
  readonly description: string;
  readonly amount: number;
}

export interface Agreement {
  readonly at: number;
  readonly signedOn: string;
  readonly signedBy: string;
}

/** The repair step (COMPLETE_REPAIR or REPLACE_UNIT) and, for a replacement, the new unit (W4). */
export interface Repair {
  readonly at: number;
  readonly action: 'COMPLETE_REPAIR' | 'REPLACE_UNIT';
  readonly replacement?: { readonly imei: string; readonly barcode: string; readonly receivedOn: string };
}

/** The paid-maintenance invoice drafted at the repair (H6–H8) and when the agent issued it and the customer paid. */
export interface InvoiceStory {
  readonly invoiced: InvoiceLines;
  readonly createdAt: number;
  readonly issuedAt: number | null;
  readonly paidAt: number | null;
}

export type QuoteStatus = 'PENDING' | 'APPROVED' | 'DECLINED';

export interface ClaimStory {
  /** The transitions that have happened before the cut-off, after the submission. */
  readonly steps: readonly StoryStep[];
  readonly status: ClaimStatus;
  /** The assessment's decision, once the unit has been inspected. */
  readonly decision: Decision | null;
  /** H6, H8: the quote's state as the API keeps it on the claim. */
  readonly quoteStatus: QuoteStatus | null;
  /** True once the customer was asked to send the unit to the service centre. */
  readonly sentToServiceCentre: boolean;
  readonly trips: readonly Trip[];
  readonly assessment: RecordedAssessment | null;
  readonly agreement: Agreement | null;
  readonly repair: Repair | null;
  readonly invoice: InvoiceStory | null;
}

export interface ClaimStoryInput {
  readonly random: Random;
  readonly submittedAt: number;
  /** Steps at or after this instant have not happened yet. */
  readonly cutoff: number;
  readonly formType: FormType;
  readonly receivedOn: string;
  readonly submittedOn: string;
  readonly fault: Fault;
  /** The parts of the unit's model. */
  readonly parts: readonly PartRow[];
  readonly serviceCentreCode: string;
  /** The claimed unit's IMEI, and the unit that would replace it (W4). */
  readonly imei: string;
  readonly replacementUnit: { readonly imei: string; readonly barcode: string };
  /** A SHOWCASE status: the story heads there without detours, at the quick end of each wait, and stops there. */
  readonly target?: ClaimStatus;
}

const CARRIERS: readonly string[] = ['DHL Express', 'UPS', 'FedEx', 'DPD'];
/** Who signs a maintenance agreement at the service centre for the customer. */
const SIGNATORIES: readonly string[] = ['M. Schneider', 'L. Andersson', 'R. Costa', 'J. Patel', 'A. Diop', 'C. Muñoz', 'S. Okafor', 'E. Novak'];
/** H8: the one service the demo's customers ask for beyond the commitment, when the end user is waiting. */
const EXPRESS_HANDLING: ServiceCharge = { description: 'Express handling', amount: 2500 };

type Hours = readonly [number, number];
const days = (min: number, max: number): Hours => [min * 24, max * 24];

/** The claim's path through the lifecycle, what each step recorded, and where it stands at the cut-off. */
export function claimStory(input: ClaimStoryInput): ClaimStory {
  const { random, fault, target } = input;
  const steps: StoryStep[] = [];
  const trips: Trip[] = [];
  // Changed by `take` as well as by the loop below, hence one object rather than narrowed locals.
  const claim = {
    status: 'SUBMITTED' as ClaimStatus, context: NO_ASSESSMENT as ClaimContext, at: input.submittedAt, stopped: false,
    decision: null as Decision | null, quoteStatus: null as QuoteStatus | null,
    assessment: null as RecordedAssessment | null, agreement: null as Agreement | null, repair: null as Repair | null,
  };

  /** The working time some hours after the previous step; undefined (and the story stops) when that is after the cut-off. */
  const nextTime = (hours: Hours): number | undefined => {
    const spread = (hours[1] - hours[0]) * (target ? 0.25 : 1);
    const when = workingTime(random, claim.at + (hours[0] + random.next() * spread) * HOUR_MS);
    if (when < input.cutoff) return when;
    claim.stopped = true;
    return undefined;
  };
  /** Takes an action at an instant, as the state machine allows it for the actor's role. */
  const takeAt = (at: number, action: ClaimAction, actor: Actor, data: Record<string, unknown> = {}): StoryStep => {
    const to = transition(claim.status, action, ROLE[actor], claim.context);
    const step = { action, from: claim.status, to, at, actor, data };
    steps.push(step);
    claim.status = to;
    claim.at = at;
    return step;
  };
  const take = (action: ClaimAction, actor: Actor, hours: Hours, data?: Record<string, unknown>): StoryStep | undefined => {
    const at = nextTime(hours);
    return at === undefined ? undefined : takeAt(at, action, actor, data);
  };
  /** RECEIVE_UNIT and SHIP record the carrier trip (H7). */
  const travel = (action: 'RECEIVE_UNIT' | 'SHIP', hours: Hours): void => {
    const at = nextTime(hours);
    if (at === undefined) return;
    const trip: Trip = {
      direction: action === 'SHIP' ? 'OUTBOUND' : 'INBOUND', carrier: random.pick(CARRIERS), trackingNumber: String(random.int(1e11, 1e12 - 1)),
      shippedOn: dateOfInstant(at), cost: random.int(90, 450) * 10, at,
    };
    trips.push(trip);
    const { at: _at, ...recorded } = trip;
    takeAt(at, action, action === 'SHIP' ? 'agent' : 'tech', recorded);
  };

  // H1: remote first, when the fault may be the installation or the network.
  const tryRemote = random.chance(fault.cause === 'SOFTWARE' ? 0.9 : fault.cause === 'CARRIER' ? 0.7 : 0.15)
    && target !== 'RETURNED_UNREPAIRED' || target === 'REMOTE_DIAGNOSIS';
  const solvedRemotely = random.chance(fault.cause === 'SOFTWARE' ? 0.85 : fault.cause === 'CARRIER' ? 0.75 : 0.1) && !target;
  /** Whether something that keeps the claim off its target's road (a cancellation, a refusal) happens. */
  const detour = (p: number): boolean => random.chance(p) && !target;
  /** Whether a long wait happens rather than the usual one; never on the way to a target. */
  const delayed = (p: number): boolean => random.chance(p) && !target;
  const withdrawn = { note: 'Withdrawn by the customer' };
  const requestUnit = (hours: Hours) => take('REQUEST_UNIT', 'agent', hours, { serviceCentre: input.serviceCentreCode });

  while (!claim.stopped) {
    if (claim.status === target) break;
    switch (claim.status) {
      case 'SUBMITTED':
        if (detour(0.02)) take('CANCEL', 'agent', [4, 72], withdrawn);
        else if (tryRemote) take('START_REMOTE_DIAGNOSIS', 'agent', [2, 60], { note: `Contacting the customer by ${random.pick(['telephone', 'e-mail', 'remote session'])}` });
        // H2: the customer sends the unit, at their expense, to the appointed centre.
        else requestUnit([2, 60]);
        break;
      case 'REMOTE_DIAGNOSIS':
        if (solvedRemotely) take('RESOLVE_REMOTELY', 'agent', [4, 96], remoteResolution(random, fault.cause));
        else if (detour(0.03)) take('CANCEL', 'agent', [24, 120], withdrawn);
        else requestUnit([2, 72]);
        break;
      case 'AWAITING_UNIT':
        if (detour(0.03)) take('CANCEL', 'agent', days(60, 75), { note: 'Unit not received within 60 days' });
        // Business customers often collect several faulty units before sending them.
        else travel('RECEIVE_UNIT', delayed(0.4) ? random.weighted([[days(14, 30), 3], [days(30, 55), 1]]) : days(4, 14));
        break;
      case 'RECEIVED':
        take('START_INSPECTION', 'tech', [4, 72]);
        break;
      case 'INSPECTION':
        recordAssessment();
        break;
      case 'AWAITING_AGREEMENT':
        // H9: nothing is repaired before the customer signs the maintenance agreement.
        if (!detour(0.2)) recordAgreement();
        // No agreement, no repair: the quote is moot and the unit goes back (as the API records it).
        else if (take('DECLINE_AGREEMENT', 'agent', days(14, 40), { note: 'Customer did not sign the maintenance agreement' })) claim.quoteStatus = null;
        break;
      case 'AWAITING_APPROVAL':
        // H6: a paid repair waits for the customer to approve the material-cost quote.
        if (!detour(claim.decision === 'PARTIAL' ? 0.1 : 0.2)) answerQuote('APPROVE_QUOTE', delayed(0.2) ? days(10, 30) : days(1, 10));
        else answerQuote('DECLINE_QUOTE', days(5, 30), { note: 'Quote declined by the customer' });
        break;
      case 'IN_REPAIR':
        // Now and then a part is back-ordered.
        repair(delayed(0.15) ? days(8, 30) : days(1, 5));
        break;
      case 'READY_TO_SHIP':
        travel('SHIP', [4, 48]);
        break;
      case 'RETURNED_UNREPAIRED':
        // H7: the customer arranges and pays for the way back, which takes them a while.
        travel('SHIP', days(2, 20));
        break;
      case 'SHIPPED':
      case 'RESOLVED_REMOTELY':
        // Some are never formally closed.
        if (!detour(0.15)) take('CLOSE', 'agent', days(3, 21));
        else claim.stopped = true;
        break;
      default:
        claim.stopped = true;
    }
  }

  /** R1–R5: the engine's assessment of the parts found faulty, under the policy in force on the submission day. */
  function recordAssessment(): void {
    const found = inspection(random, input);
    const claimInput = { formType: input.formType, receivedOn: input.receivedOn, submittedOn: input.submittedOn, lines: found.lines, findings: found.findings };
    const decided = decideAssessment(claimInput, assessClaim(claimInput, policyOn(input.submittedOn)));
    const serviceCharge = expressHandling(random, input, decided);
    claim.context = claimContextOf(decided, { agreementOnRecord: false, quoteApproved: false, serviceCharged: serviceCharge !== null });
    const step = take('RECORD_ASSESSMENT', 'tech', [4, 48], {
      decision: decided.decision,
      proposedDecision: decided.proposedDecision,
      overrideReason: decided.overrideReason ?? null,
      clauses: decided.clauses,
      total: decided.total,
      serviceCharge: serviceCharge?.amount ?? null,
      policyVersion: decided.policyVersion,
      findings: found.findings,
      parts: found.parts.map((part) => part.sku),
    });
    if (!step) return;
    const quoted = decided.total > 0 || serviceCharge !== null;
    claim.decision = decided.decision;
    claim.quoteStatus = quoted && step.to !== 'RETURNED_UNREPAIRED' ? 'PENDING' : null;
    claim.assessment = { at: step.at, findings: found.findings, parts: found.parts, worn: found.lines.map((line) => line.worn ?? false), decided, serviceCharge };
  }

  function recordAgreement(): void {
    const at = nextTime(days(3, 30));
    if (at === undefined) return;
    const signed = { signedOn: dateOfInstant(at), signedBy: random.pick(SIGNATORIES) };
    takeAt(at, 'RECORD_AGREEMENT', 'agent', signed);
    claim.agreement = { at, ...signed };
    claim.context = { ...claim.context, agreementOnRecord: true };
  }

  function answerQuote(action: 'APPROVE_QUOTE' | 'DECLINE_QUOTE', hours: Hours, data?: Record<string, unknown>): void {
    if (!take(action, 'agent', hours, data)) return;
    claim.quoteStatus = action === 'APPROVE_QUOTE' ? 'APPROVED' : 'DECLINED';
    claim.context = { ...claim.context, quoteApproved: action === 'APPROVE_QUOTE' };
  }

  /** H4: the faulty parts are replaced, or the unit is, when the assessment allows it and the warranty still runs (W4). */
  function repair(hours: Hours): void {
    const assessment = claim.assessment;
    if (!assessment) throw new Error('a claim is in repair without an assessment');
    const at = nextTime(hours);
    if (at === undefined) return;
    const day = dateOfInstant(at);
    const policy = policyOn(input.submittedOn);
    if (claim.context.replacementAllowed && isUnderWarranty(input.receivedOn, day, policy)) {
      const warranty = inheritedWarranty(input.receivedOn, day, policy);
      takeAt(at, 'REPLACE_UNIT', 'tech', { replacedImei: input.imei, imei: input.replacementUnit.imei, lastCoveredDay: warranty.lastCoveredDay, invoice: null });
      claim.repair = { at, action: 'REPLACE_UNIT', replacement: { ...input.replacementUnit, receivedOn: warranty.receivedOn } };
      return;
    }
    takeAt(at, 'COMPLETE_REPAIR', 'tech', {
      partsUsed: assessment.parts.map((part) => part.sku),
      retained: assessment.parts.filter((_, i) => assessment.decided.lines[i]?.covered).map((part) => part.sku),
      invoice: null,
    });
    claim.repair = { at, action: 'COMPLETE_REPAIR' };
  }

  return {
    steps, status: claim.status, decision: claim.decision, quoteStatus: claim.quoteStatus,
    sentToServiceCentre: steps.some((s) => s.to === 'AWAITING_UNIT'),
    trips, assessment: claim.assessment, agreement: claim.agreement, repair: claim.repair,
    invoice: invoiceStory(random, input.cutoff, claim.repair, claim.assessment, trips),
  };
}

/** H8: an urgent end user gets express handling now and then, charged as a service line, on a claim that is repaired. */
function expressHandling(random: Random, input: ClaimStoryInput, decided: DecidedAssessment): ServiceCharge | null {
  const urgent = input.fault.symptoms.includes('urgently');
  return urgent && decided.decision !== 'NOT_COVERED' && decided.lines.length > 0 && random.chance(0.6) ? EXPRESS_HANDLING : null;
}

/**
 * H6–H8: what the API drafts at the repair (the domain's `invoiceLines`: the material cost of the lines
 * charged, the service charge; never shipping), issued by the agent as the unit ships back and mostly paid
 * within weeks. A draft until then; none when nothing is charged.
 */
function invoiceStory(random: Random, cutoff: number, repair: Repair | null, assessment: RecordedAssessment | null, trips: readonly Trip[]): InvoiceStory | null {
  if (!repair || !assessment) return null;
  const replaced = repair.action === 'REPLACE_UNIT';
  const invoiced = invoiceLines({
    lines: replaced ? [] : assessment.parts.map((part, i) => {
      const line = assessment.decided.lines[i] as AssessedLine;
      return { partId: String(part.id), description: `${part.name} (${part.sku})`, covered: line.covered, charge: line.charge };
    }),
    ...(assessment.serviceCharge && { serviceCharge: assessment.serviceCharge }),
    shipping: trips.reduce((sum, trip) => sum + trip.cost, 0),
  });
  if (invoiced.lines.length === 0) return null;
  const shipped = trips.find((trip) => trip.direction === 'OUTBOUND');
  const issuedAt = shipped ? Math.max(repair.at + 30 * MINUTE_MS, shipped.at - random.int(10, 90) * MINUTE_MS) : null;
  const paidAt = issuedAt !== null && random.chance(0.9) ? workingTime(random, issuedAt + random.int(5, 40) * 24 * HOUR_MS) : null;
  return { invoiced, createdAt: repair.at, issuedAt, paidAt: paidAt !== null && paidAt < cutoff ? paidAt : null };
}

function remoteResolution(random: Random, cause: Cause): { how: 'SOFTWARE_UPDATE' | 'GUIDANCE'; resolution: string } {
  if (cause === 'CARRIER') return { how: 'GUIDANCE', resolution: 'Carrier outage confirmed; customer referred to the network operator' };
  return random.pick([
    { how: 'SOFTWARE_UPDATE', resolution: 'Guided the customer to install the latest software update' },
    { how: 'GUIDANCE', resolution: 'Settings corrected with the customer by telephone' },
    { how: 'GUIDANCE', resolution: 'Factory reset with the customer, fault gone' },
  ] as const);
}

/** The faulty parts and findings an inspection records for the real cause (§5). */
function inspection(random: Random, input: ClaimStoryInput): { lines: ClaimLineInput[]; parts: PartRow[]; findings: Finding[] } {
  const { cause, likelyParts } = input.fault;
  const partIn = (categories: readonly PartCategory[]): PartRow => {
    for (const category of categories) {
      const candidates = input.parts.filter((p) => p.category === category);
      if (candidates.length > 0) return random.pick(candidates);
    }
    return input.parts.find((p) => p.category === 'MAINBOARD') ?? random.pick(input.parts);
  };
  const lines: ClaimLineInput[] = [];
  const parts: PartRow[] = [];
  const add = (part: PartRow, worn = false) => {
    if (parts.includes(part)) return;
    parts.push(part);
    lines.push({ category: part.category, materialCost: part.material_cost, worn });
  };
  const findings: Finding[] = [];
  switch (cause) {
    case 'SOFTWARE': // reflashed, no part replaced
      break;
    case 'CARRIER':
      findings.push('CARRIER_FAULT');
      break;
    case 'WEAR': {
      // F: only a worn part of a wearable category is charged; another fault beside it stays covered.
      const { wearableCategories } = policyOn(input.submittedOn);
      add(partIn(likelyParts.filter((c) => wearableCategories.includes(c)).concat('ACCESSORY')), true);
      if (random.chance(0.5)) add(partIn(['BATTERY', 'MAINBOARD']));
      break;
    }
    case 'WATER':
      findings.push('WATER_DAMAGE');
      add(partIn(['MAINBOARD']));
      if (random.chance(0.5)) add(partIn(['BATTERY']));
      break;
    case 'DROP':
      findings.push('HUMAN_DAMAGE');
      add(partIn(likelyParts));
      if (random.chance(0.4)) add(partIn(['HOUSING']));
      break;
    case 'TAMPERED':
      findings.push('UNAUTHORIZED_REPAIR');
      add(partIn(likelyParts));
      break;
    case 'HARDWARE':
      add(partIn(likelyParts));
      if (random.chance(0.15)) add(partIn(['MAINBOARD', 'BATTERY', 'HOUSING']));
      if (random.chance(0.02)) findings.push('LABEL_DAMAGED');
      break;
  }
  // Others A: scratches forbid a replacement (R3).
  if (input.formType === 'REPLACEMENT' && random.chance(0.25)) findings.push('COSMETIC_DAMAGE');
  return { lines, parts, findings };
}

const OPENS = 7 * 60;
const CLOSES = 18 * 60;

/** The instant itself when it falls in working hours on a weekday, else soon after the next opening. */
function workingTime(random: Random, instant: number): number {
  let day = dayOfInstant(instant);
  const minute = Math.floor((instant - instantOn(day, 0)) / MINUTE_MS);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  if (weekday !== 0 && weekday !== 6 && minute >= OPENS && minute < CLOSES) return instantOn(day, minute);
  if (minute >= OPENS) day += 1;
  while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day += 1;
  return instantOn(day, OPENS + random.int(0, 150));
}
