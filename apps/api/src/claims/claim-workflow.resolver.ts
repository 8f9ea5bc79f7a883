import { policyInForce, rolesAllowedTo as rolesAllowedTo } from '@aftersale/domain';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { ServiceCentreType } from '../catalogue/catalogue.types.js';
import type { Claim } from './claim.entity.js';
import { ClaimType } from './claim.types.js';
import { ClaimWorkflowService } from './claim-workflow.service.js';
import {
  AssessmentProposalType,
  AssessmentType,
  AttachmentType,
  ClaimActionEnum,
  ClaimLineType,
  MaintenanceAgreementType,
  QuoteStatusEnum,
  RetainedPartType,
  ShipmentType,
} from './claim-workflow.types.js';
import {
  AssessmentInput,
  AssessmentProposalInput,
  ClaimStepInput,
  RecordAgreementInput,
  ReplaceUnitInput,
  RequestUnitInput,
  ResolveRemotelyInput,
  ShipmentInput,
} from './claim-workflow.inputs.js';

/**
 * The claim lifecycle of POLICY.md §4, one mutation per action. Who may take
 * each comes from the domain's state machine (rolesAllowedTo), so the schema,
 * the access check and the rules cannot disagree.
 */
@Resolver(() => ClaimType)
export class ClaimWorkflowResolver {
  constructor(private readonly workflow: ClaimWorkflowService) {}

  @Authorized(...rolesAllowedTo('START_REMOTE_DIAGNOSIS'))
  @Mutation(() => ClaimType, { description: 'H1: try to solve the fault remotely first.' })
  startRemoteDiagnosis(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.startRemoteDiagnosis(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('RESOLVE_REMOTELY'))
  @Mutation(() => ClaimType, { description: 'H1: solved without shipping the unit.' })
  resolveClaimRemotely(@Arg('input', () => ResolveRemotelyInput) input: ResolveRemotelyInput, @Ctx() ctx: Context) {
    return this.workflow.resolveRemotely(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('REQUEST_UNIT'))
  @Mutation(() => ClaimType, { description: 'H2: ask the customer to send the unit to a service centre.' })
  requestUnit(@Arg('input', () => RequestUnitInput) input: RequestUnitInput, @Ctx() ctx: Context) {
    return this.workflow.requestUnit(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('RECEIVE_UNIT'))
  @Mutation(() => ClaimType, { description: 'The unit arrived (inbound shipment, H7).' })
  receiveUnit(@Arg('input', () => ShipmentInput) input: ShipmentInput, @Ctx() ctx: Context) {
    return this.workflow.receiveUnit(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('START_INSPECTION'))
  @Mutation(() => ClaimType)
  startInspection(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.startInspection(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('RECORD_ASSESSMENT'))
  @Mutation(() => ClaimType, { description: 'Findings and faulty parts; the engine proposes the decision (§5), staff may override with a reason.' })
  recordAssessment(@Arg('input', () => AssessmentInput) input: AssessmentInput, @Ctx() ctx: Context) {
    return this.workflow.recordAssessment(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('RECORD_ASSESSMENT'))
  @Query(() => AssessmentProposalType, { description: 'What the engine would decide for these findings and parts; records nothing.' })
  proposeAssessment(
    @Arg('claimId', () => ID) claimId: string,
    @Arg('input', () => AssessmentProposalInput) input: AssessmentProposalInput,
    @Ctx() ctx: Context,
  ) {
    return this.workflow.proposeAssessment(ctx.em, actorOf(ctx), claimId, input);
  }

  @Authorized(...rolesAllowedTo('RECORD_AGREEMENT'))
  @Mutation(() => ClaimType, { description: 'H9: the signed maintenance agreement is on record.' })
  recordMaintenanceAgreement(@Arg('input', () => RecordAgreementInput) input: RecordAgreementInput, @Ctx() ctx: Context) {
    return this.workflow.recordAgreement(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('DECLINE_AGREEMENT'))
  @Mutation(() => ClaimType, { description: 'H9: the customer will not sign; the unit goes back unrepaired.' })
  declineMaintenanceAgreement(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.declineAgreement(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('APPROVE_QUOTE'))
  @Mutation(() => ClaimType, { description: 'H6: the customer accepts the paid quote.' })
  approveQuote(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.approveQuote(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('DECLINE_QUOTE'))
  @Mutation(() => ClaimType, { description: 'H6: the customer declines; the unit goes back unrepaired.' })
  declineQuote(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.declineQuote(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('COMPLETE_REPAIR'))
  @Mutation(() => ClaimType, { description: 'Parts come out of stock, removed warranty parts are retained (H5), a paid repair gets its draft invoice.' })
  completeRepair(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.completeRepair(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('REPLACE_UNIT'))
  @Mutation(() => ClaimType, { description: 'H4, W4: a unit of the same model, keeping the remaining warranty.' })
  replaceUnit(@Arg('input', () => ReplaceUnitInput) input: ReplaceUnitInput, @Ctx() ctx: Context) {
    return this.workflow.replaceUnit(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('SHIP'))
  @Mutation(() => ClaimType, { description: "The unit goes back (outbound shipment, at the customer's expense, H7)." })
  shipClaim(@Arg('input', () => ShipmentInput) input: ShipmentInput, @Ctx() ctx: Context) {
    return this.workflow.ship(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('CLOSE'))
  @Mutation(() => ClaimType)
  closeClaim(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.close(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...rolesAllowedTo('CANCEL'))
  @Mutation(() => ClaimType, { description: 'Before the unit is received; the note (reason) is required.' })
  cancelClaim(@Arg('input', () => ClaimStepInput) input: ClaimStepInput, @Ctx() ctx: Context) {
    return this.workflow.cancel(ctx.em, actorOf(ctx), input);
  }

  @FieldResolver(() => [ClaimActionEnum], { description: 'What the caller may do now (none for integrators).' })
  async availableActions(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    const [assessment, agreement] = await Promise.all([this.assessment(claim, ctx), this.maintenanceAgreement(claim, ctx)]);
    return this.workflow.availableActions(actorOf(ctx), claim, assessment, agreement);
  }

  // Each per-claim field loads through the request's DataLoader: a list of claims asks once per field, not once per claim.

  @FieldResolver(() => AssessmentType, { nullable: true, description: 'The latest assessment.' })
  assessment(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.assessment', (ids: readonly number[]) => this.workflow.latestAssessments(ctx.em, ids)).load(claim.id);
  }

  @FieldResolver(() => [ClaimLineType])
  lines(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.lines', (ids: readonly number[]) => this.workflow.linesOf(ctx.em, ids)).load(claim.id);
  }

  @FieldResolver(() => [ShipmentType])
  shipments(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.shipments', (ids: readonly number[]) => this.workflow.shipmentsOf(ctx.em, ids)).load(claim.id);
  }

  @FieldResolver(() => [RetainedPartType])
  retainedParts(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.retainedParts', (ids: readonly number[]) => this.workflow.retainedPartsOf(ctx.em, ids)).load(claim.id);
  }

  @FieldResolver(() => MaintenanceAgreementType, { nullable: true })
  maintenanceAgreement(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.maintenanceAgreement', (ids: readonly number[]) => this.workflow.agreementsOf(ctx.em, ids)).load(claim.id);
  }

  @FieldResolver(() => [AttachmentType])
  attachments(@Root() claim: ClaimRoot, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.attachments', (ids: readonly number[]) => this.workflow.attachmentsOf(ctx.em, ids)).load(claim.id);
  }

  @FieldResolver(() => ServiceCentreType, { nullable: true })
  async serviceCentre(@Root() claim: ClaimRoot, @Ctx() ctx: Context): Promise<ServiceCentreType | null> {
    const centre = claim.serviceCentre;
    if (!centre) return null;
    // The read path joins the centre when the query selects it; an entity after a write has a reference.
    if ('code' in centre && typeof centre.code === 'string') return centre as ServiceCentreType;
    return ctx.loaders.get('ServiceCentre', (ids: readonly number[]) => this.workflow.serviceCentresOf(ctx.em, ids)).load(centre.id);
  }

  @FieldResolver(() => String, { description: "The currency of every amount on the claim: the policy's, as of the submission day." })
  currency(@Root() claim: ClaimRoot) {
    return policyInForce(claim.submittedOn).currency;
  }

  @FieldResolver(() => QuoteStatusEnum, { nullable: true, description: 'While a quote is needed (H6, H8).' })
  quoteStatus(@Root() claim: ClaimRoot) {
    return claim.quoteStatus ?? null;
  }
}

/** What these field resolvers read of a claim: an entity (after a write) or a read-path view (claim-reads.ts). */
type ClaimRoot = Pick<Claim, 'id' | 'status' | 'quoteStatus' | 'submittedOn'> & { serviceCentre?: { id: number; code?: string } | null };
