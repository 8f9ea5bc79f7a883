import {
  assessClaim,
  assessmentEventData,
  claimContextOf,
  decideAssessment,
  invoiceLines,
  NO_ASSESSMENT,
  quoteStatusAfter,
  replacementWarranty,
  transition,
  type QuoteStatus,
  type ClaimAction,
  type ClaimContext,
  type ClaimLineInput,
  type ClaimStatus,
  type Decision,
  type DecidedAssessment,
  type Finding,
  type FormType,
  type InvoiceLines,
  type PartCategory,
} from '@aftersale/domain';
import { dateOfInstant, dayOfInstant, HOUR_MS, instantOn, MINUTE_MS, policyOn } from './calendar.js';
import type { Cause, Fault } from './faults.js';
import type { Random } from './random.js';
import type { PartRow } from './rows.js';

/**
 * What happens to one claim: the real cause behind its symptoms decides
 * the path it takes through the claim lifecycle with the time each step
 * takes. Every step is an action of the domain's state machine, taken by the
 * role it belongs to (`transition`), and the inspection's decision is the
 * domain's `assessClaim` of the parts found faulty, so the demo cannot tell a
 * story the API would refuse. The claim's status is where its path stands at
 * the cut-off (the start of `today`): old claims are done, recent ones are in
 * the queue, and the waits on the customer keep some older ones open.
 */

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
  /** What the API's event records for this action (claim-workflow.service.ts); `invoice` is filled in by the generator. */
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
  const path = new ClaimPath(input);
  while (path.goesOn()) path.takeNextStep();
  return path.story();
}

/**
 * A claim on its way: where it stands, what it has recorded, and how it
 * takes a step. Each step is the domain's `transition` for the actor's role,
 * and the quote's status after it the domain's `quoteStatusAfter`, as in the
 * API's workflow.
 */
class ClaimPath {
  private status: ClaimStatus = 'SUBMITTED';
  private context: ClaimContext = NO_ASSESSMENT;
  private at: number;
  private stopped = false;
  private decision: Decision | null = null;
  private quoteStatus: QuoteStatus | null = null;
  private assessment: RecordedAssessment | null = null;
  private agreement: Agreement | null = null;
  private repaired: Repair | null = null;
  private readonly steps: StoryStep[] = [];
  private readonly trips: Trip[] = [];
  private readonly random: Random;
  /** H1: remote first, when the fault may be the installation or the network. */
  private readonly tryRemote: boolean;
  private readonly solvedRemotely: boolean;

  constructor(private readonly input: ClaimStoryInput) {
    const { random, fault, target } = input;
    this.random = random;
    this.at = input.submittedAt;
    this.tryRemote =
      (random.chance(fault.cause === 'SOFTWARE' ? 0.9 : fault.cause === 'CARRIER' ? 0.7 : 0.15) && target !== 'RETURNED_UNREPAIRED') ||
      target === 'REMOTE_DIAGNOSIS';
    this.solvedRemotely = random.chance(fault.cause === 'SOFTWARE' ? 0.85 : fault.cause === 'CARRIER' ? 0.75 : 0.1) && !target;
  }

  /** Until the cut-off, the target status, or an end. */
  goesOn(): boolean {
    return !this.stopped && this.status !== this.input.target;
  }

  /** The step a claim in this status takes next, by who, after how long. */
  takeNextStep(): void {
    const { random } = this;
    const withdrawn = { note: 'Withdrawn by the customer' };
    switch (this.status) {
      case 'SUBMITTED':
        if (this.detour(0.02)) this.take('CANCEL', 'agent', [4, 72], withdrawn);
        else if (this.tryRemote)
          this.take('START_REMOTE_DIAGNOSIS', 'agent', [2, 60], {
            note: `Contacting the customer by ${random.pick(['telephone', 'e-mail', 'remote session'])}`,
          });
        // H2: the customer sends the unit, at their expense, to the appointed centre.
        else this.requestUnit([2, 60]);
        break;
      case 'REMOTE_DIAGNOSIS':
        if (this.solvedRemotely) this.take('RESOLVE_REMOTELY', 'agent', [4, 96], remoteResolution(random, this.input.fault.cause));
        else if (this.detour(0.03)) this.take('CANCEL', 'agent', [24, 120], withdrawn);
        else this.requestUnit([2, 72]);
        break;
      case 'AWAITING_UNIT':
        if (this.detour(0.03)) this.take('CANCEL', 'agent', days(60, 75), { note: 'Unit not received within 60 days' });
        // Business customers often collect several faulty units before sending them.
        else
          this.travel(
            'RECEIVE_UNIT',
            this.delayed(0.4)
              ? random.weighted([
                  [days(14, 30), 3],
                  [days(30, 55), 1],
                ])
              : days(4, 14),
          );
        break;
      case 'RECEIVED':
        this.take('START_INSPECTION', 'tech', [4, 72]);
        break;
      case 'INSPECTION':
        this.recordAssessment();
        break;
      case 'AWAITING_AGREEMENT':
        // H9: nothing is repaired before the customer signs the maintenance agreement.
        if (!this.detour(0.2)) this.recordAgreement();
        // No agreement, no repair: the quote is moot and the unit goes back (as the API records it).
        else this.take('DECLINE_AGREEMENT', 'agent', days(14, 40), { note: 'Customer did not sign the maintenance agreement' });
        break;
      case 'AWAITING_APPROVAL':
        // H6: a paid repair waits for the customer to approve the material-cost quote.
        if (!this.detour(this.decision === 'PARTIAL' ? 0.1 : 0.2)) this.answerQuote('APPROVE_QUOTE', this.delayed(0.2) ? days(10, 30) : days(1, 10));
        else this.answerQuote('DECLINE_QUOTE', days(5, 30), { note: 'Quote declined by the customer' });
        break;
      case 'IN_REPAIR':
        // Now and then a part is back-ordered.
        this.repair(this.delayed(0.15) ? days(8, 30) : days(1, 5));
        break;
      case 'READY_TO_SHIP':
        this.travel('SHIP', [4, 48]);
        break;
      case 'RETURNED_UNREPAIRED':
        // H7: the customer arranges and pays for the way back, which takes them a while.
        this.travel('SHIP', days(2, 20));
        break;
      case 'SHIPPED':
      case 'RESOLVED_REMOTELY':
        // Some are never formally closed.
        if (!this.detour(0.15)) this.take('CLOSE', 'agent', days(3, 21));
        else this.stopped = true;
        break;
      default:
        this.stopped = true;
    }
  }

  story(): ClaimStory {
    const { steps, trips } = this;
    return {
      steps,
      status: this.status,
      decision: this.decision,
      quoteStatus: this.quoteStatus,
      sentToServiceCentre: steps.some((s) => s.to === 'AWAITING_UNIT'),
      trips,
      assessment: this.assessment,
      agreement: this.agreement,
      repair: this.repaired,
      invoice: invoiceStory(this.random, this.input.cutoff, this.repaired, this.assessment, trips),
    };
  }

  /** Whether something that keeps the claim off its target's road (a cancellation, a refusal) happens. */
  private detour(p: number): boolean {
    return this.random.chance(p) && !this.input.target;
  }

  /** Whether a long wait happens rather than the usual one; never on the way to a target. */
  private delayed(p: number): boolean {
    return this.random.chance(p) && !this.input.target;
  }

  /** The working time some hours after the previous step; undefined (and the story stops) when that is after the cut-off. */
  private nextTime(hours: Hours): number | undefined {
    const spread = (hours[1] - hours[0]) * (this.input.target ? 0.25 : 1);
    const when = workingTime(this.random, this.at + (hours[0] + this.random.next() * spread) * HOUR_MS);
    if (when < this.input.cutoff) return when;
    this.stopped = true;
    return undefined;
  }

  /** Takes an action at an instant, as the state machine allows it for the actor's role. */
  private takeAt(at: number, action: ClaimAction, actor: Actor, data: Record<string, unknown> = {}): StoryStep {
    const to = transition(this.status, action, ROLE[actor], this.context);
    const step = { action, from: this.status, to, at, actor, data };
    this.steps.push(step);
    this.quoteStatus = quoteStatusAfter(action, { to, context: this.context }, this.quoteStatus);
    this.status = to;
    this.at = at;
    return step;
  }

  private take(action: ClaimAction, actor: Actor, hours: Hours, data?: Record<string, unknown>): StoryStep | undefined {
    const at = this.nextTime(hours);
    return at === undefined ? undefined : this.takeAt(at, action, actor, data);
  }

  private requestUnit(hours: Hours): void {
    this.take('REQUEST_UNIT', 'agent', hours, { serviceCentre: this.input.serviceCentreCode });
  }

  /** RECEIVE_UNIT and SHIP record the carrier trip (H7). */
  private travel(action: 'RECEIVE_UNIT' | 'SHIP', hours: Hours): void {
    const at = this.nextTime(hours);
    if (at === undefined) return;
    const { random } = this;
    const trip: Trip = {
      direction: action === 'SHIP' ? 'OUTBOUND' : 'INBOUND',
      carrier: random.pick(CARRIERS),
      trackingNumber: String(random.int(1e11, 1e12 - 1)),
      shippedOn: dateOfInstant(at),
      cost: random.int(90, 450) * 10,
      at,
    };
    this.trips.push(trip);
    const { at: _at, ...recorded } = trip;
    this.takeAt(at, action, action === 'SHIP' ? 'agent' : 'tech', recorded);
  }

  /** R1–R5: the engine's assessment of the parts found faulty, under the policy in force on the submission day. */
  private recordAssessment(): void {
    const { input, random } = this;
    const found = inspection(random, input);
    const claimInput = { formType: input.formType, receivedOn: input.receivedOn, submittedOn: input.submittedOn, lines: found.lines, findings: found.findings };
    const decided = decideAssessment(claimInput, assessClaim(claimInput, policyOn(input.submittedOn)));
    const serviceCharge = expressHandling(random, input, decided);
    this.context = claimContextOf(decided, { agreementOnRecord: false, quoteApproved: false, serviceCharged: serviceCharge !== null });
    const step = this.take('RECORD_ASSESSMENT', 'tech', [4, 48], {
      ...assessmentEventData(decided, { findings: found.findings, parts: found.parts.map((part) => part.sku), serviceCharge: serviceCharge?.amount ?? null }),
    });
    if (!step) return;
    this.decision = decided.decision;
    this.assessment = {
      at: step.at,
      findings: found.findings,
      parts: found.parts,
      worn: found.lines.map((line) => line.worn ?? false),
      decided,
      serviceCharge,
    };
  }

  private recordAgreement(): void {
    const at = this.nextTime(days(3, 30));
    if (at === undefined) return;
    const signed = { signedOn: dateOfInstant(at), signedBy: this.random.pick(SIGNATORIES) };
    this.takeAt(at, 'RECORD_AGREEMENT', 'agent', signed);
    this.agreement = { at, ...signed };
    this.context = { ...this.context, agreementOnRecord: true };
  }

  private answerQuote(action: 'APPROVE_QUOTE' | 'DECLINE_QUOTE', hours: Hours, data?: Record<string, unknown>): void {
    if (!this.take(action, 'agent', hours, data)) return;
    this.context = { ...this.context, quoteApproved: action === 'APPROVE_QUOTE' };
  }

  /** H4: the faulty parts are replaced, or the unit is when the assessment allows it (R3), with the warranty of the claim filed in time (W4, W3). */
  private repair(hours: Hours): void {
    const { assessment, input } = this;
    if (!assessment) throw new Error('a claim is in repair without an assessment');
    const at = this.nextTime(hours);
    if (at === undefined) return;
    if (this.context.replacementAllowed) {
      const warranty = replacementWarranty(input.receivedOn, input.submittedOn, policyOn(input.submittedOn));
      this.takeAt(at, 'REPLACE_UNIT', 'tech', {
        replacedImei: input.imei,
        imei: input.replacementUnit.imei,
        lastCoveredDay: warranty.lastCoveredDay,
        invoice: null,
      });
      this.repaired = { at, action: 'REPLACE_UNIT', replacement: { ...input.replacementUnit, receivedOn: warranty.receivedOn } };
      return;
    }
    this.takeAt(at, 'COMPLETE_REPAIR', 'tech', {
      partsUsed: assessment.parts.map((part) => part.sku),
      retained: assessment.parts.filter((_, i) => assessment.decided.lines[i]?.covered).map((part) => part.sku),
      invoice: null,
    });
    this.repaired = { at, action: 'COMPLETE_REPAIR' };
  }
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
function invoiceStory(
  random: Random,
  cutoff: number,
  repair: Repair | null,
  assessment: RecordedAssessment | null,
  trips: readonly Trip[],
): InvoiceStory | null {
  if (!repair || !assessment) return null;
  const replaced = repair.action === 'REPLACE_UNIT';
  const invoiced = invoiceLines({
    lines: replaced
      ? []
      : assessment.parts.map((part, i) => {
          const line = assessment.decided.lines[i]!;
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
