import type { Assessment, Decision } from './assessment.js';
import { DECISIONS } from './assessment.js';
import { PolicyInputError } from './errors.js';
import { isStaffRole, STAFF_ROLES, type StaffRole } from './staff-role.js';
import { chargesCustomer } from './quote.js';

/**
 * The life of a claim (§4), as a state machine:
 *
 * ```
 * SUBMITTED ─START_REMOTE_DIAGNOSIS→ REMOTE_DIAGNOSIS ─RESOLVE_REMOTELY→ RESOLVED_REMOTELY ─CLOSE→ CLOSED   (H1)
 * SUBMITTED / REMOTE_DIAGNOSIS ─REQUEST_UNIT→ AWAITING_UNIT ─RECEIVE_UNIT→ RECEIVED ─START_INSPECTION→ INSPECTION (H2)
 * INSPECTION ─RECORD_ASSESSMENT→ AWAITING_AGREEMENT   when the agreement is required and not on record (H9)
 *                              → AWAITING_APPROVAL    when something is charged and the quote is not approved (H6)
 *                              → IN_REPAIR            otherwise
 *                              → RETURNED_UNREPAIRED  when the decision is NOT_COVERED (Others B)
 * AWAITING_AGREEMENT ─RECORD_AGREEMENT→ AWAITING_APPROVAL or IN_REPAIR;  ─DECLINE_AGREEMENT→ RETURNED_UNREPAIRED
 * AWAITING_APPROVAL ─APPROVE_QUOTE→ IN_REPAIR;  ─DECLINE_QUOTE→ RETURNED_UNREPAIRED
 * IN_REPAIR ─COMPLETE_REPAIR / REPLACE_UNIT→ READY_TO_SHIP;  ─RECORD_ASSESSMENT→ (re-assessed, as from INSPECTION)
 * READY_TO_SHIP / RETURNED_UNREPAIRED ─SHIP→ SHIPPED ─CLOSE→ CLOSED   (H7: shipping at the customer's expense)
 * SUBMITTED / REMOTE_DIAGNOSIS / AWAITING_UNIT ─CANCEL→ CANCELLED
 * ```
 *
 * Design: `RETURNED_UNREPAIRED` means "no repair will be made; the unit waits to
 * be shipped back as it came" (quote or agreement declined, carrier fault). It
 * is not terminal: the unit is still at the service centre and leaves by `SHIP`,
 * like a repaired one, so every received unit ends `SHIPPED` then `CLOSED`, and
 * the claim's history shows which way it went. Once the unit is received the
 * claim cannot be cancelled, because the unit must go back. `CLOSED` and
 * `CANCELLED` are terminal: no action leaves them.
 */
export const CLAIM_STATUSES = [
  'SUBMITTED',
  'REMOTE_DIAGNOSIS',
  'RESOLVED_REMOTELY',
  'AWAITING_UNIT',
  'RECEIVED',
  'INSPECTION',
  'AWAITING_AGREEMENT',
  'AWAITING_APPROVAL',
  'IN_REPAIR',
  'READY_TO_SHIP',
  'SHIPPED',
  'CLOSED',
  'CANCELLED',
  'RETURNED_UNREPAIRED',
] as const;
/** Where a claim stands (see `CLAIM_STATUSES`). */
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What staff can do to a claim, in the order they usually happen. */
export const CLAIM_ACTIONS = [
  'START_REMOTE_DIAGNOSIS',
  'RESOLVE_REMOTELY',
  'REQUEST_UNIT',
  'RECEIVE_UNIT',
  'START_INSPECTION',
  'RECORD_ASSESSMENT',
  'RECORD_AGREEMENT',
  'DECLINE_AGREEMENT',
  'APPROVE_QUOTE',
  'DECLINE_QUOTE',
  'COMPLETE_REPAIR',
  'REPLACE_UNIT',
  'SHIP',
  'CLOSE',
  'CANCEL',
] as const;
/** A named step of the claim's life. */
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** The statuses no action leaves. */
export const TERMINAL_CLAIM_STATUSES: readonly ClaimStatus[] = Object.freeze(['CLOSED', 'CANCELLED']);

/**
 * What the guards need to know about the claim. For `RECORD_ASSESSMENT` it
 * describes the assessment being recorded; otherwise the one on record.
 */
export interface ClaimContext {
  /** The decision of the assessment; absent before one is recorded. */
  readonly decision?: Decision;
  /** H9, R4: water or serious damage was found. */
  readonly agreementRequired: boolean;
  /** H9: the customer's signed maintenance agreement is on record. */
  readonly agreementOnRecord: boolean;
  /** H6, H8: something will be charged, so the customer must approve a quote first. */
  readonly quoteRequired: boolean;
  /** The customer approved the quote. */
  readonly quoteApproved: boolean;
  /** R3: the assessment allows replacing the unit. */
  readonly replacementAllowed: boolean;
}

/** Why a transition was refused. */
export type ClaimTransitionReason = 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'AGREEMENT_REQUIRED' | 'QUOTE_NOT_APPROVED' | 'REPLACEMENT_NOT_ALLOWED';

/**
 * Thrown by `transition` when an action may not be taken: not from this status,
 * not by this role, or not yet (agreement H9, quote H6, replacement R3 guards).
 * `reason` is the machine-readable code; the message says it for people.
 * @example
 * transition('IN_REPAIR', 'COMPLETE_REPAIR', 'TECHNICIAN', { ...NO_ASSESSMENT, agreementRequired: true })
 * // throws ClaimTransitionError { reason: 'AGREEMENT_REQUIRED' }
 */
export class ClaimTransitionError extends Error {
  override readonly name = 'ClaimTransitionError';
  readonly reason: ClaimTransitionReason;
  readonly status: ClaimStatus;
  readonly action: ClaimAction;
  readonly role: StaffRole;

  constructor(reason: ClaimTransitionReason, status: ClaimStatus, action: ClaimAction, role: StaffRole, message: string) {
    super(message);
    this.reason = reason;
    this.status = status;
    this.action = action;
    this.role = role;
  }
}

interface ActionRule {
  readonly from: readonly ClaimStatus[];
  /** Who may take it besides ADMIN. */
  readonly roles: readonly StaffRole[];
  readonly guards?: readonly Guard[];
  readonly to: (context: ClaimContext) => ClaimStatus;
}

interface Guard {
  readonly reason: ClaimTransitionReason;
  readonly passes: (context: ClaimContext) => boolean;
  readonly message: string;
}

// H9: no repair before the maintenance agreement when one is required.
const AGREEMENT_ON_RECORD: Guard = {
  reason: 'AGREEMENT_REQUIRED',
  passes: (context) => !context.agreementRequired || context.agreementOnRecord,
  message: 'the maintenance agreement must be on record before the repair (H9)',
};
// H6: no paid repair before the customer approves the quote.
const QUOTE_APPROVED: Guard = {
  reason: 'QUOTE_NOT_APPROVED',
  passes: (context) => !context.quoteRequired || context.quoteApproved,
  message: 'the customer must approve the quote before a paid repair (H6)',
};
// R3: replacement only when the assessment allows it.
const REPLACEMENT_ALLOWED: Guard = {
  reason: 'REPLACEMENT_NOT_ALLOWED',
  passes: (context) => context.replacementAllowed,
  message: 'the assessment does not allow a replacement (R3)',
};

/** H9 then H6: the first gate the repair still waits for, or the repair itself. */
function nextGate(context: ClaimContext): ClaimStatus {
  if (!AGREEMENT_ON_RECORD.passes(context)) return 'AWAITING_AGREEMENT';
  if (!QUOTE_APPROVED.passes(context)) return 'AWAITING_APPROVAL';
  return 'IN_REPAIR';
}

const RULES: Readonly<Record<ClaimAction, ActionRule>> = {
  START_REMOTE_DIAGNOSIS: { from: ['SUBMITTED'], roles: ['AGENT'], to: () => 'REMOTE_DIAGNOSIS' },
  RESOLVE_REMOTELY: { from: ['REMOTE_DIAGNOSIS'], roles: ['AGENT'], to: () => 'RESOLVED_REMOTELY' },
  REQUEST_UNIT: { from: ['SUBMITTED', 'REMOTE_DIAGNOSIS'], roles: ['AGENT'], to: () => 'AWAITING_UNIT' },
  RECEIVE_UNIT: { from: ['AWAITING_UNIT'], roles: ['TECHNICIAN'], to: () => 'RECEIVED' },
  START_INSPECTION: { from: ['RECEIVED'], roles: ['TECHNICIAN'], to: () => 'INSPECTION' },
  RECORD_ASSESSMENT: {
    from: ['INSPECTION', 'IN_REPAIR'],
    roles: ['TECHNICIAN'],
    // Others B: nothing to repair, the unit goes back.
    to: (context) => (context.decision === 'NOT_COVERED' ? 'RETURNED_UNREPAIRED' : nextGate(context)),
  },
  RECORD_AGREEMENT: { from: ['AWAITING_AGREEMENT'], roles: ['AGENT'], to: (context) => nextGate({ ...context, agreementOnRecord: true }) },
  DECLINE_AGREEMENT: { from: ['AWAITING_AGREEMENT'], roles: ['AGENT'], to: () => 'RETURNED_UNREPAIRED' },
  APPROVE_QUOTE: { from: ['AWAITING_APPROVAL'], roles: ['AGENT'], guards: [AGREEMENT_ON_RECORD], to: () => 'IN_REPAIR' },
  DECLINE_QUOTE: { from: ['AWAITING_APPROVAL'], roles: ['AGENT'], to: () => 'RETURNED_UNREPAIRED' },
  COMPLETE_REPAIR: { from: ['IN_REPAIR'], roles: ['TECHNICIAN'], guards: [AGREEMENT_ON_RECORD, QUOTE_APPROVED], to: () => 'READY_TO_SHIP' },
  REPLACE_UNIT: {
    from: ['IN_REPAIR'],
    roles: ['TECHNICIAN'],
    guards: [AGREEMENT_ON_RECORD, QUOTE_APPROVED, REPLACEMENT_ALLOWED],
    to: () => 'READY_TO_SHIP',
  },
  SHIP: { from: ['READY_TO_SHIP', 'RETURNED_UNREPAIRED'], roles: ['AGENT'], to: () => 'SHIPPED' },
  CLOSE: { from: ['SHIPPED', 'RESOLVED_REMOTELY'], roles: ['AGENT'], to: () => 'CLOSED' },
  CANCEL: { from: ['SUBMITTED', 'REMOTE_DIAGNOSIS', 'AWAITING_UNIT'], roles: ['AGENT'], to: () => 'CANCELLED' },
};

const CONTEXT_FLAGS = ['agreementRequired', 'agreementOnRecord', 'quoteRequired', 'quoteApproved', 'replacementAllowed'] as const;

function validateStatus(status: unknown): ClaimStatus {
  if (!(CLAIM_STATUSES as readonly unknown[]).includes(status)) throw new PolicyInputError('status', `"${String(status)}" is not a claim status`);
  return status as ClaimStatus;
}

function validateAction(action: unknown): ClaimAction {
  if (!(CLAIM_ACTIONS as readonly unknown[]).includes(action)) throw new PolicyInputError('action', `"${String(action)}" is not a claim action`);
  return action as ClaimAction;
}

function validateRole(role: unknown): StaffRole {
  if (!isStaffRole(role)) throw new PolicyInputError('role', `"${String(role)}" is not a staff role (${STAFF_ROLES.join(', ')})`);
  return role;
}

function validateContext(context: unknown): ClaimContext {
  if (typeof context !== 'object' || context === null) throw new PolicyInputError('context', 'must be a claim context object');
  const record = context as Record<string, unknown>;
  for (const flag of CONTEXT_FLAGS) {
    if (typeof record[flag] !== 'boolean') throw new PolicyInputError(`context.${flag}`, 'must be true or false');
  }
  if (record.decision !== undefined && !(DECISIONS as readonly unknown[]).includes(record.decision)) {
    throw new PolicyInputError('context.decision', `${JSON.stringify(record.decision)} is not a decision`);
  }
  return context as ClaimContext;
}

/** The refusal of an action, or undefined when it may be taken. */
function refusal(status: ClaimStatus, action: ClaimAction, role: StaffRole, context: ClaimContext): ClaimTransitionError | undefined {
  const rule = RULES[action];
  if (!rule.from.includes(status)) {
    return new ClaimTransitionError('ILLEGAL_TRANSITION', status, action, role, `${action} is not possible on a claim in ${status}`);
  }
  if (role !== 'ADMIN' && !rule.roles.includes(role)) {
    return new ClaimTransitionError(
      'ROLE_NOT_ALLOWED',
      status,
      action,
      role,
      `the ${role} role may not ${action} (allowed: ${rolesAllowedTo(action).join(', ')})`,
    );
  }
  const failed = rule.guards?.find((guard) => !guard.passes(context));
  if (failed !== undefined) return new ClaimTransitionError(failed.reason, status, action, role, `${action} refused: ${failed.message}`);
  return undefined;
}

/**
 * The roles that may take an action: ADMIN always, plus the staff whose work it is (§4).
 * @example rolesAllowedTo('RECEIVE_UNIT') // ['ADMIN', 'TECHNICIAN']
 */
export function rolesAllowedTo(action: ClaimAction): StaffRole[] {
  const { roles } = RULES[validateAction(action)];
  return STAFF_ROLES.filter((role) => role === 'ADMIN' || roles.includes(role));
}

/**
 * True when no action leaves the status (CLOSED, CANCELLED).
 * @example isTerminalClaimStatus('CLOSED') // true; isTerminalClaimStatus('RETURNED_UNREPAIRED') // false
 */
export function isTerminalClaimStatus(status: ClaimStatus): boolean {
  return TERMINAL_CLAIM_STATUSES.includes(validateStatus(status));
}

/**
 * The actions a role may take now on a claim in a status, given its context, in `CLAIM_ACTIONS` order (H1, H9, H6, R3).
 * Terminal statuses and ANALYST get none.
 * @example availableActions('SUBMITTED', 'AGENT', NO_ASSESSMENT) // ['START_REMOTE_DIAGNOSIS', 'REQUEST_UNIT', 'CANCEL']
 */
export function availableActions(status: ClaimStatus, role: StaffRole, context: ClaimContext): ClaimAction[] {
  const from = validateStatus(status);
  const by = validateRole(role);
  const ctx = validateContext(context);
  return CLAIM_ACTIONS.filter((action) => refusal(from, action, by, ctx) === undefined);
}

/**
 * The status a claim moves to when a role takes an action; no repair before a required agreement (H9), no paid repair before the quote is approved (H6), replacement only when allowed (R3).
 * Throws `ClaimTransitionError` with its `reason` when the action may not be taken, `PolicyInputError` for an unknown status, action, role or a malformed context.
 * @example
 * transition('INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', { ...NO_ASSESSMENT, decision: 'PAID_MAINTENANCE', agreementRequired: true })
 * // 'AWAITING_AGREEMENT'
 */
export function transition(status: ClaimStatus, action: ClaimAction, role: StaffRole, context: ClaimContext): ClaimStatus {
  const from = validateStatus(status);
  const taken = validateAction(action);
  const by = validateRole(role);
  const ctx = validateContext(context);
  const refused = refusal(from, taken, by, ctx);
  if (refused !== undefined) throw refused;
  return RULES[taken].to(ctx);
}

/** The context of a claim with no assessment yet: nothing required, nothing recorded. */
export const NO_ASSESSMENT: ClaimContext = Object.freeze({
  agreementRequired: false,
  agreementOnRecord: false,
  quoteRequired: false,
  quoteApproved: false,
  replacementAllowed: false,
});

/**
 * The guard context that follows from an assessment and what is on record: the agreement as the assessment requires it (H9), a quote whenever something is charged (H6), replacement as allowed (R3).
 * A service charge (H8) also needs a quote: pass `serviceCharged: true`.
 * @example claimContextOf(assessment, { agreementOnRecord: false, quoteApproved: false })
 */
export function claimContextOf(
  assessment: Pick<Assessment, 'decision' | 'agreementRequired' | 'replacementAllowed' | 'total'>,
  onRecord: { readonly agreementOnRecord: boolean; readonly quoteApproved: boolean; readonly serviceCharged?: boolean },
): ClaimContext {
  return validateContext({
    decision: assessment.decision,
    agreementRequired: assessment.agreementRequired,
    agreementOnRecord: onRecord.agreementOnRecord,
    quoteRequired: chargesCustomer({ total: assessment.total, serviceCharged: onRecord.serviceCharged === true }),
    quoteApproved: onRecord.quoteApproved,
    replacementAllowed: assessment.replacementAllowed,
  });
}
