import { describe, expect, it } from 'vitest';
import { CLAIM_ACTIONS, type ClaimAction } from './claim-lifecycle.js';
import { chargesCustomer, QUOTE_STATUSES, quoteStatusAfter } from './quote.js';

describe('whether an assessment charges the customer (H6, H8)', () => {
  it.each([
    [{ total: 800, serviceCharged: false }, true],
    [{ total: 0, serviceCharged: true }, true],
    [{ total: 800, serviceCharged: true }, true],
    [{ total: 0, serviceCharged: false }, false],
  ])('charges for %o: %s', (assessment, charged) => {
    expect(chargesCustomer(assessment)).toBe(charged);
  });
});

describe('the quote status after a step (H6, H8, H9)', () => {
  const quoted = { to: 'AWAITING_APPROVAL', context: { quoteRequired: true } } as const;

  it('asks the customer again after an assessment that charges something', () => {
    expect(quoteStatusAfter('RECORD_ASSESSMENT', quoted, null)).toBe('PENDING');
    expect(quoteStatusAfter('RECORD_ASSESSMENT', { to: 'AWAITING_AGREEMENT', context: { quoteRequired: true } }, 'APPROVED')).toBe('PENDING');
  });

  it('puts no quote after an assessment that charges nothing, or when the claim goes back unrepaired', () => {
    expect(quoteStatusAfter('RECORD_ASSESSMENT', { to: 'IN_REPAIR', context: { quoteRequired: false } }, 'PENDING')).toBeNull();
    expect(quoteStatusAfter('RECORD_ASSESSMENT', { to: 'RETURNED_UNREPAIRED', context: { quoteRequired: true } }, null)).toBeNull();
  });

  it("records the customer's answer", () => {
    expect(quoteStatusAfter('APPROVE_QUOTE', { ...quoted, to: 'IN_REPAIR' }, 'PENDING')).toBe('APPROVED');
    expect(quoteStatusAfter('DECLINE_QUOTE', { ...quoted, to: 'RETURNED_UNREPAIRED' }, 'PENDING')).toBe('DECLINED');
  });

  it('drops the quote when the customer declines the maintenance agreement (no agreement, no repair)', () => {
    expect(quoteStatusAfter('DECLINE_AGREEMENT', { ...quoted, to: 'RETURNED_UNREPAIRED' }, 'PENDING')).toBeNull();
  });

  const others = CLAIM_ACTIONS.filter(
    (action): action is ClaimAction => !['RECORD_ASSESSMENT', 'APPROVE_QUOTE', 'DECLINE_QUOTE', 'DECLINE_AGREEMENT'].includes(action),
  );
  it.each(others)('leaves the quote as it was on %s', (action) => {
    for (const current of [null, ...QUOTE_STATUSES]) expect(quoteStatusAfter(action, quoted, current)).toBe(current);
  });
});
