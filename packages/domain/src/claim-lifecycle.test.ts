import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  CLAIM_ACTIONS,
  CLAIM_STATUSES,
  claimContextOf,
  ClaimTransitionError,
  isTerminalClaimStatus,
  NO_ASSESSMENT,
  rolesAllowedTo,
  TERMINAL_CLAIM_STATUSES,
  transition,
  type ClaimAction,
  type ClaimContext,
  type ClaimStatus,
} from './claim-lifecycle.js';
import { PolicyInputError } from './errors.js';
import { STAFF_ROLES, type StaffRole } from './staff-role.js';

/** A claim context: nothing required, nothing recorded, unless changed. */
function aContext(changes: Partial<ClaimContext> = {}): ClaimContext {
  return { ...NO_ASSESSMENT, ...changes };
}

const paid = aContext({ decision: 'PAID_MAINTENANCE', quoteRequired: true });
const waterDamaged = aContext({ decision: 'PAID_MAINTENANCE', agreementRequired: true, quoteRequired: true });
const replacement = aContext({ decision: 'WARRANTY_REPLACEMENT', replacementAllowed: true });

function refusalOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('the life of a claim (§4)', () => {
  it('lists the statuses in the contract order', () => {
    expect(CLAIM_STATUSES).toEqual([
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
    ]);
  });

  it.each<[ClaimStatus, ClaimAction, StaffRole, ClaimContext, ClaimStatus]>([
    ['SUBMITTED', 'START_REMOTE_DIAGNOSIS', 'AGENT', NO_ASSESSMENT, 'REMOTE_DIAGNOSIS'],
    ['REMOTE_DIAGNOSIS', 'RESOLVE_REMOTELY', 'AGENT', NO_ASSESSMENT, 'RESOLVED_REMOTELY'],
    ['RESOLVED_REMOTELY', 'CLOSE', 'AGENT', NO_ASSESSMENT, 'CLOSED'],
    ['SUBMITTED', 'REQUEST_UNIT', 'AGENT', NO_ASSESSMENT, 'AWAITING_UNIT'],
    ['REMOTE_DIAGNOSIS', 'REQUEST_UNIT', 'AGENT', NO_ASSESSMENT, 'AWAITING_UNIT'],
    ['AWAITING_UNIT', 'RECEIVE_UNIT', 'TECHNICIAN', NO_ASSESSMENT, 'RECEIVED'],
    ['RECEIVED', 'START_INSPECTION', 'TECHNICIAN', NO_ASSESSMENT, 'INSPECTION'],
    ['INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', aContext({ decision: 'WARRANTY_REPAIR' }), 'IN_REPAIR'],
    ['INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', paid, 'AWAITING_APPROVAL'],
    ['INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', waterDamaged, 'AWAITING_AGREEMENT'],
    ['INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', aContext({ decision: 'WARRANTY_REPAIR', agreementRequired: true }), 'AWAITING_AGREEMENT'],
    ['INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', aContext({ decision: 'NOT_COVERED' }), 'RETURNED_UNREPAIRED'],
    ['INSPECTION', 'RECORD_ASSESSMENT', 'TECHNICIAN', { ...waterDamaged, agreementOnRecord: true, quoteApproved: true }, 'IN_REPAIR'],
    ['AWAITING_AGREEMENT', 'RECORD_AGREEMENT', 'AGENT', waterDamaged, 'AWAITING_APPROVAL'],
    ['AWAITING_AGREEMENT', 'RECORD_AGREEMENT', 'AGENT', aContext({ agreementRequired: true }), 'IN_REPAIR'],
    ['AWAITING_AGREEMENT', 'DECLINE_AGREEMENT', 'AGENT', waterDamaged, 'RETURNED_UNREPAIRED'],
    ['AWAITING_APPROVAL', 'APPROVE_QUOTE', 'AGENT', paid, 'IN_REPAIR'],
    ['AWAITING_APPROVAL', 'DECLINE_QUOTE', 'AGENT', paid, 'RETURNED_UNREPAIRED'],
    ['IN_REPAIR', 'COMPLETE_REPAIR', 'TECHNICIAN', { ...paid, quoteApproved: true }, 'READY_TO_SHIP'],
    ['IN_REPAIR', 'REPLACE_UNIT', 'TECHNICIAN', replacement, 'READY_TO_SHIP'],
    ['IN_REPAIR', 'RECORD_ASSESSMENT', 'TECHNICIAN', paid, 'AWAITING_APPROVAL'],
    ['READY_TO_SHIP', 'SHIP', 'AGENT', NO_ASSESSMENT, 'SHIPPED'],
    ['RETURNED_UNREPAIRED', 'SHIP', 'AGENT', NO_ASSESSMENT, 'SHIPPED'],
    ['SHIPPED', 'CLOSE', 'AGENT', NO_ASSESSMENT, 'CLOSED'],
    ['SUBMITTED', 'CANCEL', 'AGENT', NO_ASSESSMENT, 'CANCELLED'],
    ['REMOTE_DIAGNOSIS', 'CANCEL', 'AGENT', NO_ASSESSMENT, 'CANCELLED'],
    ['AWAITING_UNIT', 'CANCEL', 'AGENT', NO_ASSESSMENT, 'CANCELLED'],
  ])('moves a claim in %s by %s (%s) to the next status', (status, action, role, context, next) => {
    expect(transition(status, action, role, context)).toBe(next);
    expect(transition(status, action, 'ADMIN', context)).toBe(next);
  });

  it.each<[StaffRole, ClaimAction[]]>([
    ['ADMIN', [...CLAIM_ACTIONS]],
    [
      'AGENT',
      [
        'START_REMOTE_DIAGNOSIS',
        'RESOLVE_REMOTELY',
        'REQUEST_UNIT',
        'RECORD_AGREEMENT',
        'DECLINE_AGREEMENT',
        'APPROVE_QUOTE',
        'DECLINE_QUOTE',
        'SHIP',
        'CLOSE',
        'CANCEL',
      ],
    ],
    ['TECHNICIAN', ['RECEIVE_UNIT', 'START_INSPECTION', 'RECORD_ASSESSMENT', 'COMPLETE_REPAIR', 'REPLACE_UNIT']],
    ['ANALYST', []],
  ])('lets a %s take exactly their own actions', (role, actions) => {
    expect(CLAIM_ACTIONS.filter((action) => rolesAllowedTo(action).includes(role))).toEqual(actions);
  });

  it('names ADMIN first among the roles allowed to take an action', () => {
    expect(rolesAllowedTo('RECEIVE_UNIT')).toEqual(['ADMIN', 'TECHNICIAN']);
    expect(() => rolesAllowedTo('FIX' as never)).toThrow(PolicyInputError);
  });

  it.each<[ClaimStatus, StaffRole, ClaimContext, ClaimAction[]]>([
    ['SUBMITTED', 'AGENT', NO_ASSESSMENT, ['START_REMOTE_DIAGNOSIS', 'REQUEST_UNIT', 'CANCEL']],
    ['SUBMITTED', 'TECHNICIAN', NO_ASSESSMENT, []],
    ['SUBMITTED', 'ANALYST', NO_ASSESSMENT, []],
    ['AWAITING_UNIT', 'ADMIN', NO_ASSESSMENT, ['RECEIVE_UNIT', 'CANCEL']],
    ['INSPECTION', 'TECHNICIAN', NO_ASSESSMENT, ['RECORD_ASSESSMENT']],
    ['AWAITING_AGREEMENT', 'AGENT', waterDamaged, ['RECORD_AGREEMENT', 'DECLINE_AGREEMENT']],
    ['AWAITING_APPROVAL', 'AGENT', paid, ['APPROVE_QUOTE', 'DECLINE_QUOTE']],
    ['AWAITING_APPROVAL', 'AGENT', waterDamaged, ['DECLINE_QUOTE']],
    ['IN_REPAIR', 'TECHNICIAN', aContext({ decision: 'WARRANTY_REPAIR' }), ['RECORD_ASSESSMENT', 'COMPLETE_REPAIR']],
    ['IN_REPAIR', 'TECHNICIAN', replacement, ['RECORD_ASSESSMENT', 'COMPLETE_REPAIR', 'REPLACE_UNIT']],
    ['IN_REPAIR', 'TECHNICIAN', paid, ['RECORD_ASSESSMENT']],
    ['RETURNED_UNREPAIRED', 'AGENT', NO_ASSESSMENT, ['SHIP']],
    ['CLOSED', 'ADMIN', NO_ASSESSMENT, []],
    ['CANCELLED', 'ADMIN', NO_ASSESSMENT, []],
  ])('offers a claim in %s to a %s exactly the actions it may take now', (status, role, context, actions) => {
    expect(availableActions(status, role, context)).toEqual(actions);
  });

  it('has no action out of a terminal status, for anyone', () => {
    expect(TERMINAL_CLAIM_STATUSES).toEqual(['CLOSED', 'CANCELLED']);
    for (const status of TERMINAL_CLAIM_STATUSES) {
      for (const role of STAFF_ROLES) expect(availableActions(status, role, replacement)).toEqual([]);
    }
    expect(isTerminalClaimStatus('CLOSED')).toBe(true);
    expect(isTerminalClaimStatus('RETURNED_UNREPAIRED')).toBe(false);
  });

  it('lets every non-terminal status be left by someone', () => {
    const open = CLAIM_STATUSES.filter((status) => !isTerminalClaimStatus(status));
    const contexts = [NO_ASSESSMENT, paid, waterDamaged, replacement];
    for (const status of open) {
      expect(contexts.some((context) => availableActions(status, 'ADMIN', context).length > 0)).toBe(true);
    }
  });
});

describe('refusing a transition', () => {
  it.each<[string, () => unknown, string]>([
    ['an action not possible from the status', () => transition('SUBMITTED', 'COMPLETE_REPAIR', 'ADMIN', NO_ASSESSMENT), 'ILLEGAL_TRANSITION'],
    ['any action on a closed claim', () => transition('CLOSED', 'CANCEL', 'ADMIN', NO_ASSESSMENT), 'ILLEGAL_TRANSITION'],
    ['cancelling once the unit is received (it must go back)', () => transition('RECEIVED', 'CANCEL', 'AGENT', NO_ASSESSMENT), 'ILLEGAL_TRANSITION'],
    ['an analyst doing anything', () => transition('SUBMITTED', 'REQUEST_UNIT', 'ANALYST', NO_ASSESSMENT), 'ROLE_NOT_ALLOWED'],
    ['an agent repairing', () => transition('IN_REPAIR', 'COMPLETE_REPAIR', 'AGENT', NO_ASSESSMENT), 'ROLE_NOT_ALLOWED'],
    ['a technician approving a quote', () => transition('AWAITING_APPROVAL', 'APPROVE_QUOTE', 'TECHNICIAN', paid), 'ROLE_NOT_ALLOWED'],
    [
      'a repair before the required agreement (H9)',
      () => transition('IN_REPAIR', 'COMPLETE_REPAIR', 'TECHNICIAN', aContext({ agreementRequired: true })),
      'AGREEMENT_REQUIRED',
    ],
    [
      'approving a quote before the required agreement (H9)',
      () => transition('AWAITING_APPROVAL', 'APPROVE_QUOTE', 'AGENT', waterDamaged),
      'AGREEMENT_REQUIRED',
    ],
    ['a paid repair before the quote is approved', () => transition('IN_REPAIR', 'COMPLETE_REPAIR', 'TECHNICIAN', paid), 'QUOTE_NOT_APPROVED'],
    [
      'a replacement the assessment does not allow (R3)',
      () => transition('IN_REPAIR', 'REPLACE_UNIT', 'TECHNICIAN', aContext({ decision: 'WARRANTY_REPAIR' })),
      'REPLACEMENT_NOT_ALLOWED',
    ],
  ])('refuses %s with a ClaimTransitionError giving the reason', (_what, call, reason) => {
    const error = refusalOf(call);
    expect(error).toBeInstanceOf(ClaimTransitionError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ClaimTransitionError', reason });
    expect((error as Error).message.length).toBeGreaterThan(20);
  });

  it('says which status, action and role were refused, and who may act instead', () => {
    expect(refusalOf(() => transition('SUBMITTED', 'REQUEST_UNIT', 'ANALYST', NO_ASSESSMENT))).toMatchObject({
      status: 'SUBMITTED',
      action: 'REQUEST_UNIT',
      role: 'ANALYST',
      message: 'the ANALYST role may not REQUEST_UNIT (allowed: ADMIN, AGENT)',
    });
  });

  it.each<[string, () => unknown]>([
    ['status', () => transition('LOST' as never, 'SHIP', 'AGENT', NO_ASSESSMENT)],
    ['action', () => transition('SUBMITTED', 'FIX' as never, 'AGENT', NO_ASSESSMENT)],
    ['role', () => transition('SUBMITTED', 'CANCEL', 'CUSTOMER' as never, NO_ASSESSMENT)],
    ['context', () => transition('SUBMITTED', 'CANCEL', 'AGENT', null as never)],
    ['context.quoteApproved', () => transition('SUBMITTED', 'CANCEL', 'AGENT', { ...NO_ASSESSMENT, quoteApproved: 'yes' } as never)],
    ['context.agreementRequired', () => availableActions('SUBMITTED', 'AGENT', {} as never)],
    ['context.decision', () => availableActions('SUBMITTED', 'AGENT', { ...NO_ASSESSMENT, decision: 'FREE' } as never)],
    ['status', () => availableActions('submitted' as never, 'AGENT', NO_ASSESSMENT)],
    ['role', () => availableActions('SUBMITTED', 'admin' as never, NO_ASSESSMENT)],
    ['status', () => isTerminalClaimStatus('DONE' as never)],
  ])('refuses an unknown %s with a PolicyInputError', (field, call) => {
    expect(refusalOf(call)).toMatchObject({ name: 'PolicyInputError', field });
  });
});

describe('the guard context of an assessed claim', () => {
  it('requires a quote when something is charged or a service charge is entered (H6, H8), and carries the agreement and replacement (H9, R3)', () => {
    const assessment = { decision: 'PARTIAL', agreementRequired: true, replacementAllowed: false, total: 800 } as const;
    expect(claimContextOf(assessment, { agreementOnRecord: false, quoteApproved: false })).toEqual({
      decision: 'PARTIAL',
      agreementRequired: true,
      agreementOnRecord: false,
      quoteRequired: true,
      quoteApproved: false,
      replacementAllowed: false,
    });
    const free = { decision: 'WARRANTY_REPLACEMENT', agreementRequired: false, replacementAllowed: true, total: 0 } as const;
    expect(claimContextOf(free, { agreementOnRecord: false, quoteApproved: false })).toMatchObject({ quoteRequired: false, replacementAllowed: true });
    expect(claimContextOf(free, { agreementOnRecord: false, quoteApproved: true, serviceCharged: true })).toMatchObject({
      quoteRequired: true,
      quoteApproved: true,
    });
  });
});

describe('walking the claim through any sequence of allowed actions (properties)', () => {
  const aContextArb = fc
    .record({
      decision: fc.constantFrom('WARRANTY_REPAIR', 'WARRANTY_REPLACEMENT', 'PARTIAL', 'PAID_MAINTENANCE', 'NOT_COVERED', undefined),
      agreementRequired: fc.boolean(),
      agreementOnRecord: fc.boolean(),
      quoteRequired: fc.boolean(),
      quoteApproved: fc.boolean(),
      replacementAllowed: fc.boolean(),
    })
    .map(({ decision, ...flags }): ClaimContext => (decision === undefined ? flags : { ...flags, decision }));

  /** Plays choices of allowed actions; recording the agreement or approving the quote puts it on record. */
  function walk(
    start: ClaimContext,
    choices: readonly number[],
    roles: readonly StaffRole[],
    visit: (status: ClaimStatus, context: ClaimContext, action: ClaimAction) => void,
  ): void {
    let status: ClaimStatus = 'SUBMITTED';
    let context = start;
    choices.forEach((choice, step) => {
      const role = roles[step % roles.length]!;
      const actions = availableActions(status, role, context);
      if (actions.length === 0) return;
      const action = actions[choice % actions.length]!;
      status = transition(status, action, role, context);
      if (action === 'RECORD_AGREEMENT') context = { ...context, agreementOnRecord: true };
      if (action === 'APPROVE_QUOTE') context = { ...context, quoteApproved: true };
      visit(status, context, action);
    });
  }

  const someChoices = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });
  const someRoles = fc.array(fc.constantFrom(...STAFF_ROLES), { minLength: 1, maxLength: 5 });

  it('never reaches IN_REPAIR while a required agreement is not on record (H9)', () => {
    fc.assert(
      fc.property(aContextArb, someChoices, someRoles, (context, choices, roles) => {
        walk(context, choices, roles, (status, now) => {
          if (status === 'IN_REPAIR' || status === 'READY_TO_SHIP') expect(!now.agreementRequired || now.agreementOnRecord).toBe(true);
        });
      }),
    );
  });

  it('never reaches a paid repair before the quote is approved (H6)', () => {
    fc.assert(
      fc.property(aContextArb, someChoices, someRoles, (context, choices, roles) => {
        walk(context, choices, roles, (status, now, action) => {
          if (status === 'IN_REPAIR' || action === 'COMPLETE_REPAIR' || action === 'REPLACE_UNIT') expect(!now.quoteRequired || now.quoteApproved).toBe(true);
        });
      }),
    );
  });

  it('replaces a unit only when the assessment allows it (R3)', () => {
    fc.assert(
      fc.property(aContextArb, someChoices, someRoles, (context, choices, roles) => {
        walk(context, choices, roles, (_status, now, action) => {
          if (action === 'REPLACE_UNIT') expect(now.replacementAllowed).toBe(true);
        });
      }),
    );
  });

  it('offers only actions that transition accepts, and transition refuses every other', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLAIM_STATUSES), fc.constantFrom(...STAFF_ROLES), aContextArb, (status, role, context) => {
        const offered = availableActions(status, role, context);
        for (const action of CLAIM_ACTIONS) {
          if (offered.includes(action)) expect(CLAIM_STATUSES).toContain(transition(status, action, role, context));
          else expect(() => transition(status, action, role, context)).toThrow(ClaimTransitionError);
        }
      }),
    );
  });
});
