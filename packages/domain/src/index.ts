/**
 * @aftersale/domain — the warranty policy engine (shared/POLICY.md): pure
 * functions of plain values, no I/O, no clock. This file lists the public
 * surface; each name lives in the file of its policy topic.
 */
export { PolicyInputError } from './errors.js';
export {
  addDays,
  addMonths,
  compareCalendarDates,
  daysBetween,
  daysInMonth,
  formatCalendarDate,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  parseCalendarDate,
  toDayNumber,
  type CalendarDateParts,
} from './calendar-date.js';
export { isMinorUnits, minorUnits, sumMinorUnits } from './money.js';
export { PART_CATEGORIES, isPartCategory, type PartCategory } from './part-category.js';
export { STAFF_ROLES, isStaffRole, type StaffRole } from './staff-role.js';
export { DEFAULT_POLICY, POLICY_REGISTRY, policyByVersion, policyInForce, validatePolicy, type WarrantyPolicy } from './policy.js';
export {
  replacementWarranty,
  isUnderWarranty,
  lastCoveredDay,
  unitWarranty,
  type ReplacementWarranty,
  type UnitRecord,
  type UnitWarranty,
} from './warranty-period.js';
export { exactRate, spareAllowance, type ModelPart, type SpareAllowanceLine } from './spare-allowance.js';
export {
  CLAUSES,
  FINDINGS,
  FINDING_INFO,
  POLICY_CLAUSES,
  clauseInfo,
  isFinding,
  isPolicyClause,
  type ClauseInfo,
  type Finding,
  type FindingInfo,
  type PolicyClause,
} from './policy-clauses.js';
export { CLAUSE_LANGUAGES, CLAUSE_TEXTS, type ClauseLanguage } from './clause-texts.js';
export {
  DECISIONS,
  FORM_TYPES,
  assessClaim,
  type AssessedLine,
  type Assessment,
  type ClaimInput,
  type ClaimLineInput,
  type Decision,
  type FormType,
} from './assessment.js';
export { decideAssessment, type DecidedAssessment } from './assessment-override.js';
export { assessmentEventData, type AssessmentEventData } from './assessment-event.js';
export { QUOTE_STATUSES, chargesCustomer, quoteStatusAfter, type QuoteStatus } from './quote.js';
export {
  CLAIM_ACTIONS,
  CLAIM_STATUSES,
  ClaimTransitionError,
  NO_ASSESSMENT,
  TERMINAL_CLAIM_STATUSES,
  availableActions,
  claimContextOf,
  isTerminalClaimStatus,
  rolesAllowedTo,
  transition,
  type ClaimAction,
  type ClaimContext,
  type ClaimStatus,
  type ClaimTransitionReason,
} from './claim-lifecycle.js';
export { checkClaimSubmission, type ClaimSubmission } from './claim-submission.js';
export {
  INVOICE_LINE_KINDS,
  invoiceLines,
  type InvoiceInput,
  type InvoiceLine,
  type InvoiceLineKind,
  type InvoiceLines,
  type InvoiceablePartLine,
} from './invoice-lines.js';
export {
  INVOICE_ACTIONS,
  INVOICE_STATUSES,
  InvoiceTransitionError,
  availableInvoiceActions,
  invoiceActionsFor,
  invoiceRolesAllowedTo,
  invoiceNumber,
  invoiceTransition,
  type InvoiceAction,
  type InvoiceStatus,
} from './invoice-lifecycle.js';
export { DEFAULT_BARCODE_PATTERN, barcodePatternProblem, completeImei, imeiCheckDigit, isValidBarcode, isValidImei } from './imei.js';
export { daysOverdue, invoiceDueOn, invoiceTax } from './invoice-terms.js';
export {
  expectedClaims,
  fitWeibull,
  observedFailureShare,
  weibullCdf,
  weibullCdfBand,
  weibullCdfBands,
  weibullConfidence,
  weibullQuantile,
  type FleetCohort,
  type Interval,
  type WeibullConfidence,
  type WeibullFit,
  type WeibullObservation,
} from './weibull.js';
export { addToMonth, claimRatePer1000, monthsInService } from './claim-rate.js';
export { histogramPercentile, pareto, type ParetoEntry } from './distribution.js';
export { earlyWarning, poissonUpperTail, type ClaimCohort, type CohortTest, type EarlyWarning, type EarlyWarningOptions } from './early-warning.js';
