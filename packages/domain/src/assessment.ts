import { compareCalendarDates, parseCalendarDate } from './calendar-date.js';
import { PolicyInputError } from './errors.js';
import { minorUnits, sumMinorUnits } from './money.js';
import { isPartCategory, type PartCategory } from './part-category.js';
import { DEFAULT_POLICY, validatePolicy, type WarrantyPolicy } from './policy.js';
import { CLAUSES, FINDING_INFO, isFinding, POLICY_CLAUSES, type Finding, type PolicyClause } from './policy-clauses.js';
import { isUnderWarranty, lastCoveredDay } from './warranty-period.js';

/** The two forms a customer files a claim on (§1, H4). */
export const FORM_TYPES = ['REPAIR', 'REPLACEMENT'] as const;
/** `REPAIR` for a Repair Form, `REPLACEMENT` for a Replacement Form. */
export type FormType = (typeof FORM_TYPES)[number];

/** The decisions an assessment can propose (R2). */
export const DECISIONS = ['WARRANTY_REPAIR', 'WARRANTY_REPLACEMENT', 'PARTIAL', 'PAID_MAINTENANCE', 'NOT_COVERED'] as const;
/** The claim-wide outcome of an assessment (R2). */
export type Decision = (typeof DECISIONS)[number];

/** One faulty part found at inspection. */
export interface ClaimLineInput {
  readonly category: PartCategory;
  /** The part's material cost, integer minor units (H6). */
  readonly materialCost: number;
  /** Natural wear of this part was found (F). */
  readonly worn?: boolean;
}

/** What `assessClaim` needs: the form, the dates, the faulty parts and the findings. */
export interface ClaimInput {
  readonly formType: FormType;
  /** The date the customer received the unit (W2). */
  readonly receivedOn: string;
  /** The date the claim was submitted: the day that counts (W3). */
  readonly submittedOn: string;
  readonly lines: readonly ClaimLineInput[];
  readonly findings: readonly Finding[];
}

/** One assessed part line (R1). */
export interface AssessedLine {
  readonly category: PartCategory;
  readonly covered: boolean;
  /** The clauses that made this line chargeable, in catalogue order; empty when covered. */
  readonly clauses: PolicyClause[];
  /** The material cost when chargeable, 0 when covered (H6). */
  readonly charge: number;
}

/** The decision the system proposes for a claim (§5 Readings). */
export interface Assessment {
  readonly decision: Decision;
  readonly underWarranty: boolean;
  readonly lastCoveredDay: string;
  readonly lines: AssessedLine[];
  /** Every clause that applied, claim-wide and per line, once each, in catalogue order. */
  readonly clauses: PolicyClause[];
  readonly replacementAllowed: boolean;
  /** WATER_DAMAGE or SERIOUS_DAMAGE was found: no repair before the maintenance agreement (H9, R4). */
  readonly agreementRequired: boolean;
  /** Sum of the line charges: material cost only (H6). */
  readonly total: number;
  /** The policy version the assessment was made under (R5). */
  readonly policyVersion: string;
}

/** The clauses that make every line chargeable (R1): those of §5 A–H that findings bring in (R4: water damage is B). */
const EVERY_LINE_CHARGEABLE = new Set<PolicyClause>(POLICY_CLAUSES.filter((clause) => CLAUSES[clause].effect === 'EVERY_LINE_CHARGEABLE'));

function inCatalogueOrder(clauses: Iterable<PolicyClause>): PolicyClause[] {
  const present = new Set(clauses);
  return POLICY_CLAUSES.filter((clause) => present.has(clause));
}

function validateClaimInput(input: unknown): ClaimInput {
  if (typeof input !== 'object' || input === null) throw new PolicyInputError('input', 'must be a claim object');
  const claim = input as Record<keyof ClaimInput, unknown>;
  if (!(FORM_TYPES as readonly unknown[]).includes(claim.formType)) {
    throw new PolicyInputError('formType', `"${String(claim.formType)}" is not a form type (${FORM_TYPES.join(', ')})`);
  }
  parseCalendarDate(claim.receivedOn, 'receivedOn');
  parseCalendarDate(claim.submittedOn, 'submittedOn');
  if (compareCalendarDates(claim.submittedOn as string, claim.receivedOn as string) < 0) {
    throw new PolicyInputError('submittedOn', `${String(claim.submittedOn)} is before the unit was received (${String(claim.receivedOn)})`);
  }
  if (!Array.isArray(claim.lines)) throw new PolicyInputError('lines', 'must be a list of part lines');
  claim.lines.forEach((line: unknown, index) => {
    const field = `lines[${index}]`;
    if (typeof line !== 'object' || line === null) throw new PolicyInputError(field, 'must be a part line');
    const { category, materialCost, worn } = line as Record<keyof ClaimLineInput, unknown>;
    if (!isPartCategory(category)) throw new PolicyInputError(`${field}.category`, `"${String(category)}" is not a part category`);
    minorUnits(materialCost, `${field}.materialCost`);
    if (worn !== undefined && typeof worn !== 'boolean') throw new PolicyInputError(`${field}.worn`, 'must be true or false');
  });
  if (!Array.isArray(claim.findings)) throw new PolicyInputError('findings', 'must be a list of findings');
  claim.findings.forEach((finding: unknown, index) => {
    if (!isFinding(finding)) throw new PolicyInputError(`findings[${index}]`, `"${String(finding)}" is not a finding`);
  });
  return input as ClaimInput;
}

/**
 * Proposes the decision for a claim from its dates, part lines and findings, under a policy version (§5, R1–R5).
 *
 * Readings encoded here (POLICY.md ids):
 * - A is computed: the claim is beyond the period when `submittedOn` is after `lastCoveredDay(receivedOn)` (W3).
 *   A claim submitted before the unit was received is refused as invalid input.
 * - R1: A, B, C, D, E, G, H make every line chargeable; F makes a line chargeable only when it is `worn`
 *   **and** its category is one of `policy.wearableCategories`. A worn part of another category (a worn
 *   battery, say) stays covered: F names housing, keypad, display, antenna and accessories only.
 * - R4: WATER_DAMAGE counts as HUMAN_DAMAGE (B) and requires the agreement; SERIOUS_DAMAGE requires the
 *   agreement and adds no clause, so it is paid only where another clause applies.
 * - Others A: COSMETIC_DAMAGE makes nothing chargeable; it only forbids replacement (R3).
 * - Others B: CARRIER_FAULT with no part line is `NOT_COVERED` (nothing to repair, the unit goes back).
 *   With part lines, the carrier fault explains only part of the complaint: the lines are assessed
 *   normally and CARRIER_FAULT is still listed among the claim's clauses.
 * - R2: with lines, all covered gives `WARRANTY_REPAIR` (`WARRANTY_REPLACEMENT` on an allowed Replacement
 *   Form), all chargeable gives `PAID_MAINTENANCE`, a mix gives `PARTIAL`. With no line (no fault found)
 *   and no carrier fault: `WARRANTY_REPAIR` with nothing charged when no claim-wide clause applies, else
 *   `PAID_MAINTENANCE` with a total of 0.
 * - R3, H4: replacement is allowed only on a Replacement Form, with at least one faulty part, every line
 *   covered and no COSMETIC_DAMAGE; otherwise the Replacement Form falls back to repair.
 * - H6: a chargeable line is charged its material cost; covered lines charge 0; no labour, no shipping.
 * - R5: the result records `policy.version`.
 *
 * Throws `PolicyInputError` naming the field for any invalid input.
 *
 * @example
 * assessClaim({ formType: 'REPAIR', receivedOn: '2025-03-10', submittedOn: '2026-03-09',
 *   lines: [{ category: 'BATTERY', materialCost: 1200 }], findings: [] })
 * // { decision: 'WARRANTY_REPAIR', underWarranty: true, lastCoveredDay: '2026-03-09',
 * //   lines: [{ category: 'BATTERY', covered: true, clauses: [], charge: 0 }], clauses: [],
 * //   replacementAllowed: false, agreementRequired: false, total: 0, policyVersion: '2020.1' }
 */
export function assessClaim(input: ClaimInput, policy: WarrantyPolicy = DEFAULT_POLICY): Assessment {
  const { version, wearableCategories } = validatePolicy(policy);
  const { formType, receivedOn, submittedOn, lines, findings } = validateClaimInput(input);

  const last = lastCoveredDay(receivedOn, policy);
  const underWarranty = isUnderWarranty(receivedOn, submittedOn, policy);
  const found = new Set<Finding>(findings);

  const claimWide = new Set<PolicyClause>();
  if (!underWarranty) claimWide.add('BEYOND_WARRANTY_PERIOD');
  for (const finding of found) {
    const { clause } = FINDING_INFO[finding];
    if (clause !== null && EVERY_LINE_CHARGEABLE.has(clause)) claimWide.add(clause);
  }

  const assessedLines = lines.map(({ category, materialCost, worn }): AssessedLine => {
    const clauses = new Set(claimWide);
    // R1, F: natural wear makes only a worn part of a wearable category chargeable.
    if (worn === true && wearableCategories.includes(category)) clauses.add('NATURAL_WEAR');
    const covered = clauses.size === 0;
    return { category, covered, clauses: inCatalogueOrder(clauses), charge: covered ? 0 : materialCost };
  });

  const applied = new Set<PolicyClause>(claimWide);
  for (const line of assessedLines) line.clauses.forEach((clause) => applied.add(clause));
  if (found.has('COSMETIC_DAMAGE')) applied.add('COSMETIC_DAMAGE');
  if (found.has('CARRIER_FAULT')) applied.add('CARRIER_FAULT');

  const total = sumMinorUnits(
    assessedLines.map((line) => line.charge),
    'lines',
  );

  const allCovered = assessedLines.every((line) => line.covered);
  // R3, H4: replacement only on a Replacement Form, for a found fault, every line covered, no cosmetic damage.
  const replacementAllowed = formType === 'REPLACEMENT' && assessedLines.length > 0 && allCovered && !found.has('COSMETIC_DAMAGE');

  return {
    decision: decisionOf(assessedLines, claimWide.size > 0, found, replacementAllowed),
    underWarranty,
    lastCoveredDay: last,
    lines: assessedLines,
    clauses: inCatalogueOrder(applied),
    replacementAllowed,
    agreementRequired: [...found].some((finding) => FINDING_INFO[finding].agreementRequired),
    total,
    policyVersion: version,
  };
}

/** R2, Others B: the claim-wide decision that follows from the assessed lines. */
function decisionOf(lines: readonly AssessedLine[], claimWideClauseApplies: boolean, found: ReadonlySet<Finding>, replacementAllowed: boolean): Decision {
  if (lines.length === 0) {
    // Others B: a carrier fault with no hardware fault has nothing to repair.
    if (found.has('CARRIER_FAULT')) return 'NOT_COVERED';
    // No fault found: nothing to charge under warranty; outside it, paid maintenance of nothing.
    return claimWideClauseApplies ? 'PAID_MAINTENANCE' : 'WARRANTY_REPAIR';
  }
  if (lines.every((line) => line.covered)) return replacementAllowed ? 'WARRANTY_REPLACEMENT' : 'WARRANTY_REPAIR';
  return lines.every((line) => !line.covered) ? 'PAID_MAINTENANCE' : 'PARTIAL';
}
