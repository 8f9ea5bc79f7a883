import type { ClaimAction, ClaimContext, ClaimStatus } from './claim-lifecycle.js';

/** The customer's answer to a paid-maintenance quote (H6, H8), while one is needed. */
export const QUOTE_STATUSES = ['PENDING', 'APPROVED', 'DECLINED'] as const;
/** See `QUOTE_STATUSES`. */
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/**
 * An assessment charges the customer when a line is chargeable (H6: its material cost, so a total above 0) or staff entered a service
 * charge (H8); the customer is then asked to approve a quote.
 * @example chargesCustomer({ total: 0, serviceCharged: true }) // true; chargesCustomer({ total: 0, serviceCharged: false }) // false
 */
export function chargesCustomer(assessment: { readonly total: number; readonly serviceCharged: boolean }): boolean {
  return assessment.total > 0 || assessment.serviceCharged;
}

/**
 * The quote status a claim has after a step (H6, H8, H9): a recorded assessment asks the customer again whenever the domain says a quote is
 * needed (`context.quoteRequired`) and the claim is not going back unrepaired; the customer's answer approves or declines it; a declined
 * agreement makes the quote moot (no agreement, no repair); any other step leaves it as it was.
 * @example quoteStatusAfter('RECORD_ASSESSMENT', { to: 'AWAITING_APPROVAL', context: { quoteRequired: true } }, null) // 'PENDING'
 */
export function quoteStatusAfter(
  action: ClaimAction,
  step: { readonly to: ClaimStatus; readonly context: Pick<ClaimContext, 'quoteRequired'> },
  current: QuoteStatus | null,
): QuoteStatus | null {
  switch (action) {
    case 'RECORD_ASSESSMENT':
      return step.context.quoteRequired && step.to !== 'RETURNED_UNREPAIRED' ? 'PENDING' : null;
    case 'APPROVE_QUOTE':
      return 'APPROVED';
    case 'DECLINE_QUOTE':
      return 'DECLINED';
    case 'DECLINE_AGREEMENT':
      return null;
    default:
      return current;
  }
}
