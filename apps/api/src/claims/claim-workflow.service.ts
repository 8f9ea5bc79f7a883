import {
  assessClaim,
  assessmentEventData,
  availableActions,
  claimContextOf,
  decideAssessment,
  isMinorUnits,
  isValidBarcode,
  isValidImei,
  NO_ASSESSMENT,
  policyInForce,
  quoteStatusAfter,
  replacementWarranty,
  rolesAllowedTo,
  transition,
  type ClaimAction,
  type ClaimContext,
  type ClaimStatus,
  type DecidedAssessment,
  type StaffRole,
} from '@aftersale/domain';
import type { EntityData, EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { staffUserId, type Actor } from '../platform/actor.js';
import { Part } from '../catalogue/part.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { Device } from '../devices/device.entity.js';
import type { DevicesService } from '../devices/devices.service.js';
import type { Clock } from '../platform/clock.js';
import { checkVersion } from '../platform/optimistic-locking.js';
import { pastDate, nonBlankText } from '../platform/validators.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { groupedBy, keyedBy } from '../platform/loaders.js';
import type { StockService } from '../stock/stock.service.js';
import { appendClaimEvent } from './claim-events.js';
import type { ClaimInvoicing } from './claim-invoicing.js';
import { Assessment } from './assessment.entity.js';
import { Attachment } from './attachment.entity.js';
import { ClaimLine } from './claim-line.entity.js';
import { MaintenanceAgreement } from './maintenance-agreement.entity.js';
import { RetainedPart } from './retained-part.entity.js';
import { Shipment } from './shipment.entity.js';
import { Claim } from './claim.entity.js';
import { ALL_CLAIM_INCLUDES, claimViewOf, readClaims, type ClaimIncludes, type ClaimView } from './claim-reads.js';
import type {
  AssessmentInput,
  AssessmentProposalInput,
  ClaimStepInput,
  RecordAgreementInput,
  ReplaceUnitInput,
  RequestUnitInput,
  ResolveRemotelyInput,
  ServiceChargeInput,
  ShipmentInput,
} from './claim-workflow.inputs.js';

/**
 * One step of the lifecycle, in the order `step` runs its parts: read and
 * check what it needs, ask the state machine (with the context the step
 * itself creates, if any), then do the work.
 */
interface Step<Prepared> {
  /** Reads and checks what the step needs before the state machine is asked (a service centre, an assessment). */
  prepare?: (tx: EntityManager, claim: Claim) => Promise<Prepared>;
  /** The guard context when the step itself changes it (an assessment); otherwise the one on record. */
  contextAfter?: (prepared: Prepared) => ClaimContext;
  /** The step's work once the state machine allowed it; returns what the event log records. */
  work: (tx: EntityManager, claim: Claim, prepared: Prepared, to: ClaimStatus) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * The step reads the claim's unit, order, model, customer or centre, or
   * changes its centre: they join the unit of work as entities and the answer
   * is made from them. Other steps change only the claim's own columns: the
   * claim alone is managed, its relations as references (a cancel's API CPU
   * 4-10 % less), and the answer is what was read with those columns as the
   * flush left them.
   */
  graph?: boolean;
  /** The work changes more of the claim's graph than the unit of work holds (a replaced unit): the answer reads the claim again. */
  rereads?: boolean;
}

/** What an assessment step has read and decided before the state machine is asked. */
interface PreparedAssessment {
  parts: Part[];
  decided: DecidedAssessment;
  serviceCharge: ServiceChargeInput | null;
  context: ClaimContext;
}

/** What a step reads and answers with: the claim with every relation a client may read, and what its guards read. */
const STEP_READ: ClaimIncludes = { ...ALL_CLAIM_INCLUDES, guard: true };

const note = (input: { note?: string | null }) => (input.note?.trim() ? nonBlankText(input.note, 'note', 2000) : undefined);

/**
 * Every change to a claim after submission (§4): one transaction per step that
 * loads the claim at the version the caller saw, asks the domain's state
 * machine whether this role may take this action now, does the step's work,
 * moves the status and appends the event, or does nothing at all.
 */
export class ClaimWorkflowService {
  constructor(
    private readonly devices: DevicesService,
    private readonly stock: StockService,
    private readonly invoicing: ClaimInvoicing,
    private readonly clock: Clock,
  ) {}

  latestAssessment(em: EntityManager, claimId: number): Promise<Assessment | null> {
    return em.findOne(Assessment, { claim: claimId }, { orderBy: { id: 'desc' } });
  }

  /** The actions this caller may take now (none for integrators), from the claim's latest assessment and agreement as loaded. */
  availableActions(
    actor: Actor,
    claim: Pick<Claim, 'status' | 'quoteStatus'>,
    assessment: Assessment | null,
    agreement: MaintenanceAgreement | null,
  ): ClaimAction[] {
    if (actor.kind !== 'staff') return [];
    return availableActions(claim.status, actor.role, guardContextOf(claim, assessment, agreement));
  }

  // The records of many claims at once, one statement each, in the order of `claimIds`: a list's per-claim fields batch through these.

  async latestAssessments(em: EntityManager, claimIds: readonly number[]): Promise<(Assessment | null)[]> {
    const rows = await em.find(Assessment, { claim: { $in: [...claimIds] } }, { orderBy: { id: 'desc' } });
    return keyedBy(claimIds, rows, (row) => row.claim.id);
  }

  async agreementsOf(em: EntityManager, claimIds: readonly number[]): Promise<(MaintenanceAgreement | null)[]> {
    return keyedBy(claimIds, await em.find(MaintenanceAgreement, { claim: { $in: [...claimIds] } }), (row) => row.claim.id);
  }

  async linesOf(em: EntityManager, claimIds: readonly number[]): Promise<ClaimLine[][]> {
    const rows = await em.find(ClaimLine, { claim: { $in: [...claimIds] } }, { populate: ['part', 'part.model'], orderBy: { id: 'asc' } });
    return groupedBy(claimIds, rows, (row) => row.claim.id);
  }

  async shipmentsOf(em: EntityManager, claimIds: readonly number[]): Promise<Shipment[][]> {
    return groupedBy(claimIds, await em.find(Shipment, { claim: { $in: [...claimIds] } }, { orderBy: { id: 'asc' } }), (row) => row.claim.id);
  }

  async retainedPartsOf(em: EntityManager, claimIds: readonly number[]): Promise<RetainedPart[][]> {
    const rows = await em.find(RetainedPart, { claim: { $in: [...claimIds] } }, { populate: ['part', 'part.model', 'serviceCentre'], orderBy: { id: 'asc' } });
    return groupedBy(claimIds, rows, (row) => row.claim.id);
  }

  async attachmentsOf(em: EntityManager, claimIds: readonly number[]): Promise<Attachment[][]> {
    return groupedBy(claimIds, await em.find(Attachment, { claim: { $in: [...claimIds] } }, { orderBy: { id: 'asc' } }), (row) => row.claim.id);
  }

  async serviceCentresOf(em: EntityManager, ids: readonly number[]): Promise<(ServiceCentre | null)[]> {
    return keyedBy(ids, await em.find(ServiceCentre, { id: { $in: [...ids] } }), (row) => row.id);
  }

  startRemoteDiagnosis(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'START_REMOTE_DIAGNOSIS', { work: () => ({ note: note(input) }) });
  }

  resolveRemotely(em: EntityManager, actor: Actor, input: ResolveRemotelyInput) {
    const resolution = nonBlankText(input.resolution, 'resolution', 2000);
    return this.step(em, actor, input, 'RESOLVE_REMOTELY', { work: () => ({ how: input.how, resolution }) });
  }

  requestUnit(em: EntityManager, actor: Actor, input: RequestUnitInput) {
    return this.step(em, actor, input, 'REQUEST_UNIT', {
      graph: true,
      prepare: async (tx) => {
        const centre = await tx.findOne(ServiceCentre, parseId(input.serviceCentreId, 'serviceCentreId'));
        if (!centre) throw new NotFoundError('Service centre', input.serviceCentreId);
        return centre;
      },
      work: (_tx, claim, centre) => {
        claim.serviceCentre = centre;
        return { serviceCentre: centre.code, note: note(input) };
      },
    });
  }

  receiveUnit(em: EntityManager, actor: Actor, input: ShipmentInput) {
    return this.step(em, actor, input, 'RECEIVE_UNIT', { work: (tx, claim) => this.recordShipment(tx, claim, 'INBOUND', input) });
  }

  startInspection(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'START_INSPECTION', { work: () => ({ note: note(input) }) });
  }

  /**
   * The technician's findings and faulty parts; the engine proposes the
   * decision under the policy in force on the submission day (R5), staff may
   * decide otherwise with a reason. The new context decides where the claim
   * goes: the agreement (H9), the quote (H6), the repair, or back unrepaired.
   */
  recordAssessment(em: EntityManager, actor: Actor, input: AssessmentInput) {
    return this.step(em, actor, input, 'RECORD_ASSESSMENT', {
      graph: true,
      prepare: (tx, claim) => this.prepareAssessment(tx, claim, input),
      contextAfter: (assessed) => assessed.context,
      work: (tx, claim, assessed) => this.saveAssessment(tx, claim, actor, input, assessed),
    });
  }

  /** The decision for the findings and parts, a checked service charge, and the context the claim will be in once it is recorded. */
  private async prepareAssessment(tx: EntityManager, claim: Claim, input: AssessmentInput): Promise<PreparedAssessment> {
    const { parts, decided } = await this.assess(tx, claim, input);
    const serviceCharge = input.serviceCharge ?? null;
    if (serviceCharge) {
      nonBlankText(serviceCharge.description, 'serviceCharge.description', 200);
      if (!isMinorUnits(serviceCharge.amount) || serviceCharge.amount === 0)
        throw new BadUserInputError('serviceCharge.amount', 'must be a whole number of cents above 0.');
    }
    const agreementOnRecord = (await tx.count(MaintenanceAgreement, { claim: claim.id })) > 0;
    const context = claimContextOf(decided, { agreementOnRecord, quoteApproved: false, serviceCharged: serviceCharge !== null });
    return { parts, decided, serviceCharge, context };
  }

  /** What the engine would decide for these findings and parts, without recording anything (the inspection form's preview). */
  async proposeAssessment(em: EntityManager, actor: Actor, claimId: string, input: AssessmentProposalInput) {
    staffRoleOf(actor, 'RECORD_ASSESSMENT');
    const claim = await em.findOne(Claim, parseId(claimId, 'claimId'), { populate: ['device', 'device.order', 'model'] });
    if (!claim) throw new NotFoundError('Claim', claimId);
    const { parts, decided } = await this.assess(em, claim, input);
    return { ...decided, lines: decided.lines.map((line, index) => ({ ...line, part: parts[index]! })) };
  }

  /** The engine's assessment of findings and faulty parts under the policy in force on the submission day (R5), with any override. */
  private async assess(em: EntityManager, claim: Claim, input: AssessmentProposalInput): Promise<{ parts: Part[]; decided: DecidedAssessment }> {
    const parts = await this.partsOf(
      em,
      claim,
      input.lines.map((line) => line.partId),
    );
    const receivedOn = this.devices.warrantyOf(claim.device).receivedOn;
    if (!receivedOn) throw new ConflictError(`The unit's order ${claim.device.order.number} has no received date yet: record it first (W2).`);
    const claimInput = {
      formType: claim.formType,
      receivedOn,
      submittedOn: claim.submittedOn,
      lines: input.lines.map((line, index) => ({ category: parts[index]!.category, materialCost: parts[index]!.materialCost, worn: line.worn ?? false })),
      findings: input.findings,
    };
    const policy = policyInForce(claim.submittedOn);
    return { parts, decided: decideAssessment(claimInput, assessClaim(claimInput, policy), input.decision ?? undefined, input.overrideReason ?? undefined) };
  }

  recordAgreement(em: EntityManager, actor: Actor, input: RecordAgreementInput) {
    const signedBy = nonBlankText(input.signedBy, 'signedBy', 200);
    pastDate(input.signedOn, this.clock.today(), 'signedOn');
    return this.step(em, actor, input, 'RECORD_AGREEMENT', {
      work: (tx, claim) => {
        tx.create(MaintenanceAgreement, { claim, signedOn: input.signedOn, signedBy, recordedBy: staffUserId(actor) });
        return { signedOn: input.signedOn, signedBy };
      },
    });
  }

  declineAgreement(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'DECLINE_AGREEMENT', { work: () => ({ note: note(input) }) });
  }

  approveQuote(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'APPROVE_QUOTE', { work: () => ({ note: note(input) }) });
  }

  declineQuote(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'DECLINE_QUOTE', { work: () => ({ note: note(input) }) });
  }

  /**
   * The repair is done: the parts of the lines come out of the service
   * centre's stock (CONFLICT when one is missing), removed parts replaced
   * under warranty stay with the company (H5), and a paid repair gets its
   * draft invoice (H6–H8).
   */
  completeRepair(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'COMPLETE_REPAIR', {
      graph: true,
      work: async (tx, claim) => {
        const lines = await tx.find(ClaimLine, { claim: claim.id }, { populate: ['part'], orderBy: { id: 'asc' } });
        const centre = claim.serviceCentre;
        if (!centre) throw new ConflictError('The claim has no service centre.');
        for (const line of lines) {
          await this.stock.move(tx, {
            serviceCentreId: centre.id,
            partId: line.part.id,
            delta: -1,
            kind: 'CONSUMPTION',
            claimId: claim.id,
            actorUserId: staffUserId(actor),
            reason: claim.number,
          });
          if (line.covered) tx.create(RetainedPart, { claim, part: line.part, serviceCentre: centre });
        }
        const invoice = await this.draftInvoice(tx, claim, lines);
        return {
          partsUsed: lines.map((line) => line.part.sku),
          retained: lines.filter((line) => line.covered).map((line) => line.part.sku),
          invoice: invoice?.id ?? null,
          note: note(input),
        };
      },
    });
  }

  /** H4, W4: a unit of the same model replaces the faulty one and keeps its remaining warranty. */
  replaceUnit(em: EntityManager, actor: Actor, input: ReplaceUnitInput) {
    const imei = input.imei.trim();
    if (!isValidImei(imei)) throw new BadUserInputError('imei', 'must be 15 digits with a valid check digit.');
    return this.step(em, actor, input, 'REPLACE_UNIT', {
      graph: true,
      rereads: true,
      work: async (tx, claim) => {
        const old = claim.device;
        const barcode = input.barcode.trim();
        if (!isValidBarcode(barcode, claim.model.barcodePattern))
          throw new BadUserInputError('barcode', `does not match the ${claim.model.name} barcode pattern.`);
        if (await tx.count(Device, { imei })) throw new ConflictError(`A unit with IMEI ${imei} is already registered.`, { field: 'imei' });
        const warranty = this.replacementWarrantyOf(claim);
        const replacement = tx.create(Device, {
          imei,
          barcode,
          order: old.order,
          model: old.model,
          customer: old.customer,
          receivedOn: warranty.receivedOn,
          replacesDevice: old,
        });
        const invoice = await this.draftInvoice(tx, claim, []);
        return { replacedImei: old.imei, imei: replacement.imei, lastCoveredDay: warranty.lastCoveredDay, invoice: invoice?.id ?? null };
      },
    });
  }

  /** W4 read with W3: the replacement carries the replaced unit's warranty on, whenever it is replaced (domain: replacementWarranty). */
  private replacementWarrantyOf(claim: Claim) {
    // The assessment that allowed the replacement needed the received date (W2), so it is on record.
    const receivedOn = this.devices.warrantyOf(claim.device).receivedOn!;
    return replacementWarranty(receivedOn, claim.submittedOn);
  }

  ship(em: EntityManager, actor: Actor, input: ShipmentInput) {
    return this.step(em, actor, input, 'SHIP', { work: (tx, claim) => this.recordShipment(tx, claim, 'OUTBOUND', input) });
  }

  close(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    return this.step(em, actor, input, 'CLOSE', { work: () => ({ note: note(input) }) });
  }

  cancel(em: EntityManager, actor: Actor, input: ClaimStepInput) {
    const reason = nonBlankText(input.note ?? '', 'note', 2000);
    return this.step(em, actor, input, 'CANCEL', { work: () => ({ note: reason }) });
  }

  /** The one path every step takes: role, version, what it needs, state machine, work, status and quote (H6, H8), event; one transaction. */
  private async step<Prepared = undefined>(
    em: EntityManager,
    actor: Actor,
    input: ClaimStepInput,
    action: ClaimAction,
    step: Step<Prepared>,
  ): Promise<ClaimView> {
    const role = staffRoleOf(actor, action);
    // The claim, everything a step may need of it and what its guards read, in one statement (the read path's). Its
    // version is checked here for a clear answer, and again by the UPDATE (`where version = ?`): a step that raced
    // this one fails, so what was read is what the claim was when the step commits (every change to what the guards
    // read is a step, which moves the version on). Read before the transaction: under READ COMMITTED a statement in it
    // would see no more than this one, and this one runs prepared (planned once per connection, where its plan took
    // longer than its run) and keeps the transaction, and the locks its UPDATE takes, shorter.
    const [read] = await readClaims(em, STEP_READ, { where: [sql`c.id = ${parseId(input.id, 'id')}`], prepare: true });
    if (!read) throw new NotFoundError('Claim', input.id);
    const { guard } = checkVersion(read, 'Claim', input.id, input.version);
    const claim = await em.transactional(async (tx) => {
      const claim = managedClaim(tx, read, step.graph ?? false);
      const prepared = (await step.prepare?.(tx, claim)) as Prepared;
      const from = claim.status;
      const context = step.contextAfter?.(prepared) ?? guardContextOf(claim, guard!.assessment, guard!.agreementOnRecord ? {} : null);
      const to = transition(from, action, role, context);
      const data = await step.work(tx, claim, prepared, to);
      claim.status = to;
      claim.quoteStatus = quoteStatusAfter(action, { to, context }, claim.quoteStatus ?? null);
      // Always a new version, even when only related rows changed: a second technician's stale step fails.
      claim.updatedAt = new Date();
      appendClaimEvent(tx, claim, actor, action, { from, to, data: withoutEmpty(data) });
      // `transactional` flushes once, before its commit.
      return claim;
    });
    // The answer is what the unit of work holds after the flush (the new version included), not a second read.
    if (!step.graph) return viewAfterStep(read, claim);
    if (!step.rereads) return claimViewOf(claim);
    const [view] = await readClaims(em, ALL_CLAIM_INCLUDES, { where: [sql`c.id = ${claim.id}`] });
    return view!;
  }

  private async partsOf(em: EntityManager, claim: Claim, partIds: string[]): Promise<Part[]> {
    const ids = partIds.map((id, index) => parseId(id, `lines[${index}].partId`));
    const found = new Map((await em.find(Part, { id: { $in: ids } })).map((part) => [part.id, part]));
    return ids.map((id, index) => {
      const part = found.get(id);
      if (part?.model.id !== claim.model.id) throw new BadUserInputError(`lines[${index}].partId`, `part ${id} is not a part of the ${claim.model.name}.`);
      return part;
    });
  }

  /** Records the assessment and its part lines, and the decision on the claim; returns what the event log records. */
  private async saveAssessment(tx: EntityManager, claim: Claim, actor: Actor, input: AssessmentInput, { parts, decided, serviceCharge }: PreparedAssessment) {
    tx.create(Assessment, {
      claim,
      findings: input.findings,
      proposedDecision: decided.proposedDecision,
      decision: decided.decision,
      clauses: decided.clauses,
      overrideReason: decided.overrideReason ?? null,
      policyVersion: decided.policyVersion,
      underWarranty: decided.underWarranty,
      lastCoveredDay: decided.lastCoveredDay,
      replacementAllowed: decided.replacementAllowed,
      agreementRequired: decided.agreementRequired,
      total: decided.total,
      serviceCharge: serviceCharge?.amount ?? null,
      serviceChargeDescription: serviceCharge?.description.trim() ?? null,
      assessedBy: staffUserId(actor),
    });
    await tx.nativeDelete(ClaimLine, { claim: claim.id });
    decided.lines.forEach((line, index) => {
      const part = parts[index]!;
      tx.create(ClaimLine, {
        claim,
        part,
        category: part.category,
        materialCost: part.materialCost,
        worn: input.lines[index]!.worn ?? false,
        covered: line.covered,
        clauses: line.clauses,
        charge: line.charge,
      });
    });
    claim.decision = decided.decision;
    return assessmentEventData(decided, { findings: input.findings, parts: parts.map((part) => part.sku), serviceCharge: serviceCharge?.amount ?? null });
  }

  /** H6–H8: the draft invoice of a paid repair (none when nothing is charged): the lines repaired, the latest service charge, the shipping on record. */
  private async draftInvoice(tx: EntityManager, claim: Claim, lines: ClaimLine[]): Promise<{ id: number } | null> {
    const assessment = await this.latestAssessment(tx, claim.id);
    const shipments = await tx.find(Shipment, { claim: claim.id });
    return this.invoicing.draftForClaim(tx, claim, {
      lines: lines.map((line) => ({
        partId: String(line.part.id),
        description: `${line.part.name} (${line.part.sku})`,
        covered: line.covered ?? true,
        charge: line.charge,
        clauses: line.clauses,
      })),
      serviceCharge: assessment?.serviceCharge ? { description: assessment.serviceChargeDescription!, amount: assessment.serviceCharge } : undefined,
      shipping: shipments.reduce((sum, s) => sum + (s.cost ?? 0), 0),
    });
  }

  private recordShipment(tx: EntityManager, claim: Claim, direction: 'INBOUND' | 'OUTBOUND', input: ShipmentInput) {
    pastDate(input.shippedOn, this.clock.today(), 'shippedOn');
    if (input.cost !== undefined && input.cost !== null && !isMinorUnits(input.cost))
      throw new BadUserInputError('cost', 'must be a whole, non-negative number of cents.');
    const shipment = tx.create(Shipment, {
      claim,
      direction,
      carrier: nonBlankText(input.carrier, 'carrier', 100),
      trackingNumber: nonBlankText(input.trackingNumber, 'trackingNumber', 100),
      shippedOn: input.shippedOn,
      // H7: what the customer paid the carrier, for the record; never invoiced.
      cost: input.cost ?? null,
    });
    return { direction, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, shippedOn: shipment.shippedOn, cost: shipment.cost };
  }
}

/**
 * The claim a step changes, in the unit of work as read (with its unit and
 * order, model, customer and centre when the step reads them: `graph`), as if
 * the ORM had loaded it: the flush writes only what the step changes, checked
 * against the version read.
 */
function managedClaim(tx: EntityManager, read: ClaimView, graph: boolean): Claim {
  const { device, model, customer, serviceCentre } = read;
  const { order } = device;
  const relations = graph
    ? {
        serviceCentre,
        model,
        customer,
        device: {
          id: device.id,
          imei: device.imei,
          barcode: device.barcode,
          receivedOn: device.receivedOn,
          createdAt: device.createdAt,
          replacedByImei: device.replacedByImei ?? null,
          model: model.id,
          customer: customer.id,
          order: { ...order, customer: customer.id, model: model.id },
        },
      }
    : { serviceCentre: serviceCentre?.id ?? null, model: model.id, customer: customer.id, device: device.id };
  return tx.merge(
    Claim,
    {
      id: read.id,
      number: read.number,
      status: read.status,
      formType: read.formType,
      ciNumber: read.ciNumber,
      symptoms: read.symptoms,
      dataBackupAcknowledged: read.dataBackupAcknowledged,
      decision: read.decision,
      quoteStatus: read.quoteStatus,
      submittedOn: read.submittedOn,
      createdAt: read.createdAt,
      updatedAt: read.updatedAt,
      version: read.version,
      ...relations,
      // What was just read wins over an entity an earlier operation of the request left in the identity map.
    } as EntityData<Claim>,
    { refresh: true },
  );
}

/** The answer of a step that changed only the claim's own columns: the claim as read, with them as the flush left them. */
function viewAfterStep(read: ClaimView, claim: Claim): ClaimView {
  const { guard: _guard, ...view } = read;
  return {
    ...view,
    status: claim.status,
    quoteStatus: claim.quoteStatus ?? null,
    decision: claim.decision ?? null,
    updatedAt: claim.updatedAt,
    version: claim.version,
  };
}

/** Only staff move claims, and only the roles the state machine names for the action (checked before anything is read). */
function staffRoleOf(actor: Actor, action: ClaimAction): StaffRole {
  if (actor.kind !== 'staff' || !rolesAllowedTo(action).includes(actor.role)) {
    throw new ForbiddenError(`Your role may not ${action} (allowed: ${rolesAllowedTo(action).join(', ')}).`);
  }
  return actor.role;
}

const withoutEmpty = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));

/** The state machine's guard context from the claim's records: its latest assessment, its agreement, the quote's answer. */
function guardContextOf(
  claim: Pick<Claim, 'quoteStatus'>,
  assessment: Pick<Assessment, 'decision' | 'agreementRequired' | 'replacementAllowed' | 'total' | 'serviceCharge'> | null,
  agreement: object | null,
): ClaimContext {
  if (!assessment) return { ...NO_ASSESSMENT, agreementOnRecord: agreement !== null };
  return claimContextOf(assessment, {
    agreementOnRecord: agreement !== null,
    quoteApproved: claim.quoteStatus === 'APPROVED',
    serviceCharged: assessment.serviceCharge !== null,
  });
}
