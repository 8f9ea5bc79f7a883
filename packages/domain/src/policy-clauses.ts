import { PolicyInputError } from './errors.js';

/**
 * The clause and finding catalogue of POLICY.md §5: the clauses that limit
 * the warranty (A–H, Others A and B), the facts an inspection records, and how
 * each finding reads (R1, R4). `assessClaim` applies them; screens and the API
 * show them from here.
 */

/** The clauses of §5 in the order of the policy text; assessments list clauses in this order. */
export const POLICY_CLAUSES = [
  'BEYOND_WARRANTY_PERIOD',
  'HUMAN_DAMAGE',
  'UNAUTHORIZED_REPAIR',
  'FORCE_MAJEURE',
  'IDENTITY_MISMATCH',
  'NATURAL_WEAR',
  'NON_COMPANY_CAUSE',
  'LABEL_DAMAGED',
  'COSMETIC_DAMAGE',
  'CARRIER_FAULT',
] as const;
/** A clause of §5 that limits the warranty, with a stable code. */
export type PolicyClause = (typeof POLICY_CLAUSES)[number];

/**
 * What an inspection can record. `BEYOND_WARRANTY_PERIOD` is computed from the
 * dates and `NATURAL_WEAR` is recorded per line (`worn`), so neither is a
 * finding; `WATER_DAMAGE` and `SERIOUS_DAMAGE` are findings without a clause
 * of their own (R4).
 */
export const FINDINGS = [
  'HUMAN_DAMAGE',
  'UNAUTHORIZED_REPAIR',
  'FORCE_MAJEURE',
  'IDENTITY_MISMATCH',
  'NON_COMPANY_CAUSE',
  'LABEL_DAMAGED',
  'COSMETIC_DAMAGE',
  'CARRIER_FAULT',
  'WATER_DAMAGE',
  'SERIOUS_DAMAGE',
] as const;
/** A fact recorded at inspection (see `FINDINGS`). */
export type Finding = Exclude<PolicyClause, 'BEYOND_WARRANTY_PERIOD' | 'NATURAL_WEAR'> | 'WATER_DAMAGE' | 'SERIOUS_DAMAGE';

/** How a clause is shown to staff and integrators. */
export interface ClauseInfo {
  /** The stable code. */
  readonly code: PolicyClause;
  /** Its letter in the policy text: 'A' to 'H', 'Others A', 'Others B'. */
  readonly letter: string;
  /** A short human text. */
  readonly text: string;
  /** What it does: every line chargeable, the worn lines chargeable, no replacement, or nothing to repair. */
  readonly effect: 'EVERY_LINE_CHARGEABLE' | 'WORN_LINES_CHARGEABLE' | 'NO_REPLACEMENT' | 'NOT_COVERED';
}

/** The clause catalogue of §5, by code. */
export const CLAUSES: Readonly<Record<PolicyClause, ClauseInfo>> = Object.freeze({
  BEYOND_WARRANTY_PERIOD: { code: 'BEYOND_WARRANTY_PERIOD', letter: 'A', text: 'Claim submitted after the warranty period.', effect: 'EVERY_LINE_CHARGEABLE' },
  HUMAN_DAMAGE: {
    code: 'HUMAN_DAMAGE',
    letter: 'B',
    text: 'Damage by human factors, abnormal operating conditions or use not following the manual (water damage included).',
    effect: 'EVERY_LINE_CHARGEABLE',
  },
  UNAUTHORIZED_REPAIR: {
    code: 'UNAUTHORIZED_REPAIR',
    letter: 'C',
    text: 'Private disassembly, self-maintenance, modification or repair by a service not appointed by the company.',
    effect: 'EVERY_LINE_CHARGEABLE',
  },
  FORCE_MAJEURE: {
    code: 'FORCE_MAJEURE',
    letter: 'D',
    text: 'Damage by force majeure: flood, fire, earthquake, lightning...',
    effect: 'EVERY_LINE_CHARGEABLE',
  },
  IDENTITY_MISMATCH: {
    code: 'IDENTITY_MISMATCH',
    letter: 'E',
    text: 'Product model or barcode inconsistent with the record, or altered.',
    effect: 'EVERY_LINE_CHARGEABLE',
  },
  NATURAL_WEAR: {
    code: 'NATURAL_WEAR',
    letter: 'F',
    text: 'Natural wear and tear of housing, keypad, display, antenna or accessories.',
    effect: 'WORN_LINES_CHARGEABLE',
  },
  NON_COMPANY_CAUSE: { code: 'NON_COMPANY_CAUSE', letter: 'G', text: 'Failure, defect or flaw not caused by the company.', effect: 'EVERY_LINE_CHARGEABLE' },
  LABEL_DAMAGED: {
    code: 'LABEL_DAMAGED',
    letter: 'H',
    text: 'Barcode label or warranty (fragile) sticker damaged or illegible.',
    effect: 'EVERY_LINE_CHARGEABLE',
  },
  COSMETIC_DAMAGE: {
    code: 'COSMETIC_DAMAGE',
    letter: 'Others A',
    text: 'Cosmetic damage (wear, scratches): no replacement, a Replacement Form is handled as a repair.',
    effect: 'NO_REPLACEMENT',
  },
  CARRIER_FAULT: {
    code: 'CARRIER_FAULT',
    letter: 'Others B',
    text: "Fault caused by the network or the carrier's services: not covered, nothing to repair.",
    effect: 'NOT_COVERED',
  },
});

/**
 * The catalogue entry of a clause: its letter in the policy text and a short text (§5).
 * @example clauseInfo('LABEL_DAMAGED').letter // 'H'
 */
export function clauseInfo(clause: PolicyClause): ClauseInfo {
  if (!isPolicyClause(clause)) throw new PolicyInputError('clause', `"${String(clause)}" is not a policy clause`);
  return CLAUSES[clause];
}

/**
 * True when the value is a clause code of §5.
 * @example isPolicyClause('NATURAL_WEAR') // true
 */
export function isPolicyClause(value: unknown): value is PolicyClause {
  return (POLICY_CLAUSES as readonly unknown[]).includes(value);
}

/**
 * True when the value is a finding an inspection can record (§5, R4).
 * @example isFinding('WATER_DAMAGE') // true; isFinding('NATURAL_WEAR') // false (it is per line)
 */
export function isFinding(value: unknown): value is Finding {
  return (FINDINGS as readonly unknown[]).includes(value);
}

/** How a finding reads in the policy (§5, R4). */
export interface FindingInfo {
  readonly code: Finding;
  /** The clause it brings in; null for serious damage, which adds none (R4). */
  readonly clause: PolicyClause | null;
  /** Water or serious damage: no repair before the maintenance agreement (H9). */
  readonly agreementRequired: boolean;
  /** What else the policy says of it, where its clause's text is not the whole story (R4). */
  readonly reading: string | null;
}

const plain = (code: Finding & PolicyClause): FindingInfo => ({ code, clause: code, agreementRequired: false, reading: null });

/** The findings of an inspection, in the order of `FINDINGS`, with their clauses (R1, R4, Others A and B). */
export const FINDING_INFO: Readonly<Record<Finding, FindingInfo>> = Object.freeze({
  HUMAN_DAMAGE: plain('HUMAN_DAMAGE'),
  UNAUTHORIZED_REPAIR: plain('UNAUTHORIZED_REPAIR'),
  FORCE_MAJEURE: plain('FORCE_MAJEURE'),
  IDENTITY_MISMATCH: plain('IDENTITY_MISMATCH'),
  NON_COMPANY_CAUSE: plain('NON_COMPANY_CAUSE'),
  LABEL_DAMAGED: plain('LABEL_DAMAGED'),
  COSMETIC_DAMAGE: plain('COSMETIC_DAMAGE'),
  CARRIER_FAULT: plain('CARRIER_FAULT'),
  WATER_DAMAGE: {
    code: 'WATER_DAMAGE',
    clause: 'HUMAN_DAMAGE',
    agreementRequired: true,
    reading: 'Counts as abnormal operating conditions (R4); the customer signs the maintenance agreement before any repair (H9).',
  },
  SERIOUS_DAMAGE: {
    code: 'SERIOUS_DAMAGE',
    clause: null,
    agreementRequired: true,
    reading: 'The customer signs the maintenance agreement before any repair (H9); paid only where another finding applies (R4).',
  },
});
