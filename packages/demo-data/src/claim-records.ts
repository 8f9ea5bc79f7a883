import { invoiceNumber } from '@aftersale/domain';
import { dateOfInstant, policyOn, timestamp } from './calendar.js';
import type { Actor, ClaimStory, StoryStep } from './claim-story.js';
import type {
  AssessmentRow,
  ClaimEventRow,
  ClaimLineRow,
  ClaimRow,
  DeviceRow,
  InvoiceCounterRow,
  InvoiceLineRow,
  InvoiceRow,
  MaintenanceAgreementRow,
  RetainedPartRow,
  ShipmentRow,
  StockMovementRow,
} from './rows.js';

/**
 * What the API writes at each step a claim took (apps/api/src/claims/claim-workflow.service.ts and
 * invoices/invoices.service.ts), as rows, from the claim's story. Each function gives one table's rows
 * of one claim, new objects with the id 0: the generator numbers them (sets their id) as it streams them.
 */

/** One claim as generated: its row, its unit, and its story. */
export interface ClaimLife {
  readonly index: number;
  readonly claim: ClaimRow;
  readonly unit: DeviceRow;
  readonly story: ClaimStory;
}

export type Staff = Readonly<Record<Actor, { readonly id: number; readonly email: string }>>;

/** A claim's invoice: its id and, once issued, its number's year and sequence. */
export interface InvoiceEntry {
  readonly id: number;
  readonly year: number | null;
  readonly sequence: number | null;
}

/** SUBMITTED, one event per step (type = the action, as the API appends it), and the invoice's steps, oldest first. */
export function claimEvents(life: ClaimLife, staff: Staff, invoice: InvoiceEntry | undefined): ClaimEventRow[] {
  const { claim, story } = life;
  const event = (
    type: ClaimEventRow['type'],
    actor: Actor,
    at: string,
    from: ClaimEventRow['from_status'],
    to: ClaimEventRow['to_status'],
    data: ClaimEventRow['data'],
  ): ClaimEventRow => ({
    id: 0,
    claim_id: claim.id,
    customer_id: claim.customer_id,
    type,
    from_status: from,
    to_status: to,
    data,
    actor_user_id: staff[actor].id,
    actor_label: staff[actor].email,
    created_at: at,
  });
  const events = [
    event('SUBMITTED', 'agent', claim.created_at, null, 'SUBMITTED', { formType: claim.form_type, ciNumber: claim.ci_number, imei: life.unit.imei }),
    ...story.steps.map((step) => event(step.action, step.actor, timestamp(step.at), step.from, step.to, stepData(step, invoice))),
    ...invoiceEvents(life, invoice).map(({ type, at, data }) => event(type, 'agent', at, null, null, data)),
  ];
  // The invoice's steps interleave with shipping and closing; a stable sort keeps a claim's own order on ties.
  return events.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

/** The repair's event names the invoice it drafted, as the API's does. */
function stepData(step: StoryStep, invoice: InvoiceEntry | undefined): Readonly<Record<string, unknown>> {
  return 'invoice' in step.data ? { ...step.data, invoice: invoice?.id ?? null } : step.data;
}

function invoiceEvents(life: ClaimLife, entry: InvoiceEntry | undefined) {
  const invoice = life.story.invoice;
  if (!invoice || !entry || invoice.issuedAt === null) return [];
  const number = numberOf(entry);
  const base = { invoice: entry.id, number, total: invoice.invoiced.total };
  const events: { type: 'INVOICE_ISSUED' | 'INVOICE_PAID'; at: string; data: Record<string, unknown> }[] = [
    { type: 'INVOICE_ISSUED', at: timestamp(invoice.issuedAt), data: base },
  ];
  if (invoice.paidAt !== null) events.push({ type: 'INVOICE_PAID', at: timestamp(invoice.paidAt), data: { ...base, paidOn: dateOfInstant(invoice.paidAt) } });
  return events;
}

const numberOf = (entry: InvoiceEntry): string | null => (entry.year !== null && entry.sequence !== null ? invoiceNumber(entry.year, entry.sequence) : null);

/** RECEIVE_UNIT (INBOUND) and SHIP (OUTBOUND), with what the customer paid the carrier (H7). */
export function shipmentRows({ claim, story }: ClaimLife): ShipmentRow[] {
  return story.trips.map((trip) => ({
    id: 0,
    claim_id: claim.id,
    direction: trip.direction,
    carrier: trip.carrier,
    tracking_number: trip.trackingNumber,
    shipped_on: trip.shippedOn,
    cost: trip.cost,
    created_at: timestamp(trip.at),
  }));
}

/** RECORD_ASSESSMENT: the decided assessment, by the technician. */
export function assessmentRows({ claim, story }: ClaimLife, staff: Staff): AssessmentRow[] {
  const recorded = story.assessment;
  if (!recorded) return [];
  const { decided, serviceCharge } = recorded;
  return [
    {
      id: 0,
      claim_id: claim.id,
      findings: [...recorded.findings],
      proposed_decision: decided.proposedDecision,
      decision: decided.decision,
      clauses: decided.clauses,
      override_reason: decided.overrideReason ?? null,
      policy_version: decided.policyVersion,
      under_warranty: decided.underWarranty,
      last_covered_day: decided.lastCoveredDay,
      replacement_allowed: decided.replacementAllowed,
      agreement_required: decided.agreementRequired,
      total: decided.total,
      service_charge: serviceCharge?.amount ?? null,
      service_charge_description: serviceCharge?.description ?? null,
      assessed_by: staff.tech.id,
      created_at: timestamp(recorded.at),
    },
  ];
}

/** The assessment's part lines (R1), one per faulty part. */
export function claimLineRows({ claim, story }: ClaimLife): ClaimLineRow[] {
  const recorded = story.assessment;
  if (!recorded) return [];
  return recorded.parts.map((part, i) => {
    const line = recorded.decided.lines[i];
    if (!line) throw new Error(`claim ${claim.number}: no assessed line for part ${part.sku}`);
    return {
      id: 0,
      claim_id: claim.id,
      part_id: part.id,
      category: part.category,
      material_cost: part.material_cost,
      worn: recorded.worn[i] ?? false,
      covered: line.covered,
      clauses: line.clauses,
      charge: line.charge,
    };
  });
}

/** H9: the signed maintenance agreement, recorded by the agent. */
export function agreementRows({ claim, story }: ClaimLife, staff: Staff): MaintenanceAgreementRow[] {
  const agreement = story.agreement;
  if (!agreement) return [];
  return [
    {
      id: 0,
      claim_id: claim.id,
      signed_on: agreement.signedOn,
      signed_by: agreement.signedBy,
      recorded_by: staff.agent.id,
      created_at: timestamp(agreement.at),
    },
  ];
}

/** COMPLETE_REPAIR: each line's part comes out of the centre's stock, and the covered ones stay with the company (H5). */
function repairedLines(life: ClaimLife) {
  const { story, claim } = life;
  if (story.repair?.action !== 'COMPLETE_REPAIR' || !story.assessment) return [];
  if (claim.service_centre_id === null) throw new Error(`claim ${claim.number}: repaired without a service centre`);
  const centreId = claim.service_centre_id;
  const { parts, decided } = story.assessment;
  return parts.map((part, i) => ({ part, covered: decided.lines[i]?.covered === true, centreId, at: timestamp(story.repair?.at ?? 0) }));
}

export function retainedPartRows(life: ClaimLife): RetainedPartRow[] {
  return repairedLines(life)
    .filter((line) => line.covered)
    .map((line) => ({ id: 0, claim_id: life.claim.id, part_id: line.part.id, service_centre_id: line.centreId, quantity: 1, created_at: line.at }));
}

export function consumptionRows(life: ClaimLife, staff: Staff): StockMovementRow[] {
  return repairedLines(life).map((line) => ({
    id: 0,
    service_centre_id: line.centreId,
    part_id: line.part.id,
    delta: -1,
    kind: 'CONSUMPTION',
    reason: life.claim.number,
    claim_id: life.claim.id,
    actor_user_id: staff.tech.id,
    created_at: line.at,
  }));
}

/** The paid repair's invoice: DRAFT until the agent issues it (numbered), PAID once the customer paid. */
export function invoiceRow({ claim, story }: ClaimLife, entry: InvoiceEntry): InvoiceRow | undefined {
  const invoice = story.invoice;
  if (!invoice) return undefined;
  const steps = [invoice.issuedAt, invoice.paidAt].filter((at): at is number => at !== null);
  return {
    id: entry.id,
    claim_id: claim.id,
    customer_id: claim.customer_id,
    status: invoice.paidAt !== null ? 'PAID' : invoice.issuedAt !== null ? 'ISSUED' : 'DRAFT',
    year: entry.year,
    sequence: entry.sequence,
    number: numberOf(entry),
    currency: policyOn(claim.submitted_on).currency,
    total: invoice.invoiced.total,
    issued_on: invoice.issuedAt === null ? null : dateOfInstant(invoice.issuedAt),
    paid_on: invoice.paidAt === null ? null : dateOfInstant(invoice.paidAt),
    created_at: timestamp(invoice.createdAt),
    updated_at: timestamp(steps[steps.length - 1] ?? invoice.createdAt),
    version: 1 + steps.length,
  };
}

/** The domain's invoice lines (material cost, service charge; never shipping), each with the clauses of its part line. */
export function invoiceLineRows({ story }: ClaimLife, invoiceId: number): InvoiceLineRow[] {
  const invoice = story.invoice;
  if (!invoice) return [];
  const clausesOf = new Map(story.assessment?.parts.map((part, i) => [String(part.id), story.assessment?.decided.lines[i]?.clauses ?? []]));
  return invoice.invoiced.lines.map((line) => ({
    id: 0,
    invoice_id: invoiceId,
    kind: line.kind,
    description: line.description,
    part_id: line.partId === undefined ? null : Number(line.partId),
    quantity: 1,
    unit_amount: line.amount,
    amount: line.amount,
    clauses: line.partId === undefined ? [] : (clausesOf.get(line.partId) ?? []),
  }));
}

/**
 * Numbers the issued invoices gaplessly per year in the order they were
 * issued (as the API's counter does), a share at a time as the claims are
 * told; `counters` are the rows that let the API's next invoice continue each
 * year's sequence.
 */
export class InvoiceNumbering {
  private readonly last = new Map<number, number>();
  private numberedBefore = -Infinity;

  /**
   * Numbers the invoices of `issued` issued before `before` (ms), in the order issued, and takes them out of
   * `issued`. Every invoice issued before then must be among them: the caller knows that no claim still to come
   * issues one earlier. An invoice issued before an earlier share's `before` is refused: it came too late.
   */
  numberBefore(issued: { key: number; at: number }[], before: number): Map<number, { year: number; sequence: number }> {
    const sequences = new Map<number, { year: number; sequence: number }>();
    const due = takeWhere(issued, ({ at }) => at < before).sort((a, b) => a.at - b.at || a.key - b.key);
    if (due.length > 0 && due[0]!.at < this.numberedBefore) {
      throw new Error(`invoice ${due[0]!.key} was issued before invoices already numbered: the claims are told out of order`);
    }
    for (const { key, at } of due) {
      const year = Number(dateOfInstant(at).slice(0, 4));
      const sequence = (this.last.get(year) ?? 0) + 1;
      this.last.set(year, sequence);
      sequences.set(key, { year, sequence });
    }
    this.numberedBefore = Math.max(this.numberedBefore, before);
    return sequences;
  }

  counters(): InvoiceCounterRow[] {
    return [...this.last].sort(([a], [b]) => a - b).map(([year, last_number]) => ({ year, last_number }));
  }
}

/** Takes the items that match out of `items` (in place, the others keep their order) and returns them, in order. */
export function takeWhere<T>(items: T[], matches: (item: T) => boolean): T[] {
  const taken: T[] = [];
  let kept = 0;
  for (const item of items) {
    if (matches(item)) taken.push(item);
    else items[kept++] = item;
  }
  items.length = kept;
  return taken;
}
