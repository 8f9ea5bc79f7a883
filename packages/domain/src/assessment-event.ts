import type { DecidedAssessment } from './assessment-override.js';
import type { Decision } from './assessment.js';
import type { Finding, PolicyClause } from './policy-clauses.js';

// A type alias, not an interface: the event log takes its data as Record<string, unknown>, which only an alias satisfies.
/** What the claim event log records with RECORD_ASSESSMENT: the decision as taken, and what it was taken on. */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type AssessmentEventData = {
  readonly decision: Decision;
  readonly proposedDecision: Decision;
  readonly overrideReason: string | null;
  readonly clauses: readonly PolicyClause[];
  readonly total: number;
  /** H8: the service charge entered with the assessment, in minor units. */
  readonly serviceCharge: number | null;
  /** R5: the policy version the assessment was made under. */
  readonly policyVersion: string;
  readonly findings: readonly Finding[];
  /** The SKUs of the faulty parts, in the order of the lines. */
  readonly parts: readonly string[];
};

/**
 * The data recorded with a RECORD_ASSESSMENT event (R5: the decision with its policy version, kept as decided, never recomputed):
 * the decision and the engine's proposal, any override reason, the clauses, the total, the service charge (H8), the findings and the parts.
 * @example assessmentEventData(decided, { findings: ['HUMAN_DAMAGE'], parts: ['HS-1'], serviceCharge: null })
 * // { decision: 'PAID_MAINTENANCE', proposedDecision: 'PAID_MAINTENANCE', overrideReason: null, clauses: ['HUMAN_DAMAGE'], total: 800, … }
 */
export function assessmentEventData(
  decided: DecidedAssessment,
  recorded: { readonly findings: readonly Finding[]; readonly parts: readonly string[]; readonly serviceCharge: number | null },
): AssessmentEventData {
  return {
    decision: decided.decision,
    proposedDecision: decided.proposedDecision,
    overrideReason: decided.overrideReason ?? null,
    clauses: decided.clauses,
    total: decided.total,
    serviceCharge: recorded.serviceCharge,
    policyVersion: decided.policyVersion,
    findings: recorded.findings,
    parts: recorded.parts,
  };
}
