import type { AssessedLine, Assessment, ClaimInput, Decision } from './assessment.js';
import { DECISIONS } from './assessment.js';
import { PolicyInputError } from './errors.js';
import { sumMinorUnits } from './money.js';

/** An assessment as recorded: the engine's proposal, and what staff decided when they overrode it. */
export interface DecidedAssessment extends Assessment {
  /** What the engine proposed (§5 Readings). */
  readonly proposedDecision: Decision;
  /** Why staff decided otherwise; absent when they kept the proposal. */
  readonly overrideReason?: string;
}

/**
 * Staff may override the proposed decision with a recorded reason (§5 Readings). The charges then follow
 * the decision taken, never exceeding the material cost of the lines (H6):
 * - `WARRANTY_REPAIR` / `WARRANTY_REPLACEMENT`: every line covered, nothing charged (goodwill); replacement
 *   allowed only for `WARRANTY_REPLACEMENT` on a Replacement Form (H4).
 * - `PAID_MAINTENANCE`: every line charged its material cost.
 * - `NOT_COVERED`: nothing is repaired, so nothing is charged.
 * - `PARTIAL` only as proposed: it is a mix of the engine's own line results.
 * Keeping the proposal returns it unchanged. Clauses stay as the engine found them.
 * @example decideAssessment(input, assessClaim(input), 'WARRANTY_REPAIR', 'Goodwill for a key account')
 */
export function decideAssessment(input: ClaimInput, proposed: Assessment, decision: Decision = proposed.decision, overrideReason?: string): DecidedAssessment {
  if (!(DECISIONS as readonly unknown[]).includes(decision)) throw new PolicyInputError('decision', `"${String(decision)}" is not a decision`);
  if (decision === proposed.decision) return { ...proposed, proposedDecision: proposed.decision };
  const reason = typeof overrideReason === 'string' ? overrideReason.trim() : '';
  if (reason === '') throw new PolicyInputError('overrideReason', `a reason is required to decide ${decision} instead of the proposed ${proposed.decision}`);
  if (decision === 'PARTIAL') throw new PolicyInputError('decision', 'PARTIAL follows from the lines; it cannot be chosen over the proposal');
  if (decision === 'WARRANTY_REPLACEMENT' && input.formType !== 'REPLACEMENT') {
    throw new PolicyInputError('decision', 'a replacement needs a Replacement Form (H4)');
  }

  const charged = decision === 'PAID_MAINTENANCE';
  const lines = proposed.lines.map((line, index): AssessedLine => ({
    ...line,
    covered: !charged && decision !== 'NOT_COVERED',
    charge: charged ? input.lines[index]!.materialCost : 0,
  }));
  return {
    ...proposed,
    decision,
    lines,
    total: sumMinorUnits(
      lines.map((line) => line.charge),
      'lines',
    ),
    replacementAllowed: decision === 'WARRANTY_REPLACEMENT',
    proposedDecision: proposed.decision,
    overrideReason: reason,
  };
}
