import { FORM_TYPES, type FormType } from './assessment.js';
import { PolicyInputError } from './errors.js';
import { isValidImei } from './imei.js';

/** What a customer fills in on a Repair Form or Replacement Form (H2, H3). */
export interface ClaimSubmission {
  readonly imei: string;
  readonly formType: FormType;
  /** The customer's commercial-invoice reference. */
  readonly ciNumber: string;
  readonly symptoms: string;
  /** H3: the customer backed up and deleted their data and accepts the company bears no responsibility for it. */
  readonly dataBackupAcknowledged: boolean;
}

function filledIn(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new PolicyInputError(field, 'must be filled in');
  return value.trim();
}

/**
 * A claim is submitted only with the form filled in (a valid IMEI, the CI number, the symptoms) and the customer's data-backup acknowledgement (H2, H3).
 * Returns the submission with its texts trimmed, or throws `PolicyInputError` naming the first missing or wrong field.
 * @example
 * checkClaimSubmission({ imei: '490154203237518', formType: 'REPAIR', ciNumber: ' CI-2025-0042 ',
 *   symptoms: 'No display', dataBackupAcknowledged: true })
 * // { imei: '490154203237518', formType: 'REPAIR', ciNumber: 'CI-2025-0042', symptoms: 'No display', dataBackupAcknowledged: true }
 */
export function checkClaimSubmission(submission: ClaimSubmission): ClaimSubmission {
  if (typeof submission !== 'object' || submission === null) throw new PolicyInputError('input', 'must be a claim form');
  const { imei, formType, ciNumber, symptoms, dataBackupAcknowledged } = submission as Record<keyof ClaimSubmission, unknown>;
  if (!isValidImei(imei)) throw new PolicyInputError('imei', 'must be 15 digits ending with the Luhn check digit');
  if (!(FORM_TYPES as readonly unknown[]).includes(formType)) {
    throw new PolicyInputError('formType', `"${String(formType)}" is not a form type (${FORM_TYPES.join(', ')})`);
  }
  const ci = filledIn(ciNumber, 'ciNumber');
  const text = filledIn(symptoms, 'symptoms');
  // H3: no claim without the customer's acknowledgement that data is theirs to back up.
  if (dataBackupAcknowledged !== true) {
    throw new PolicyInputError('dataBackupAcknowledged', 'the customer must back up and delete their data and acknowledge it before the claim is submitted');
  }
  return { imei, formType: formType as FormType, ciNumber: ci, symptoms: text, dataBackupAcknowledged };
}
