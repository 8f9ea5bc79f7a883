import { describe, expect, it } from 'vitest';
import { checkClaimSubmission, type ClaimSubmission } from './claim-submission.js';
import { PolicyInputError } from './errors.js';

/** A filled-in Repair Form for a valid IMEI, data backup acknowledged. */
function aSubmission(changes: Partial<Record<keyof ClaimSubmission, unknown>> = {}): ClaimSubmission {
  return {
    imei: '490154203237518',
    formType: 'REPAIR',
    ciNumber: 'CI-2025-0042',
    symptoms: 'No display after a drop',
    dataBackupAcknowledged: true,
    ...changes,
  } as ClaimSubmission;
}

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('submitting a claim (H2, H3)', () => {
  it('accepts a filled-in form with the data backup acknowledged, trimming its texts', () => {
    expect(checkClaimSubmission(aSubmission({ formType: 'REPLACEMENT', ciNumber: '  CI-7 ', symptoms: ' Battery swells\n' }))).toEqual({
      imei: '490154203237518',
      formType: 'REPLACEMENT',
      ciNumber: 'CI-7',
      symptoms: 'Battery swells',
      dataBackupAcknowledged: true,
    });
  });

  it.each<[string, unknown]>([
    ['input', null],
    ['imei', aSubmission({ imei: '490154203237517' })],
    ['imei', aSubmission({ imei: undefined })],
    ['formType', aSubmission({ formType: 'EXCHANGE' })],
    ['ciNumber', aSubmission({ ciNumber: '   ' })],
    ['ciNumber', aSubmission({ ciNumber: 42 })],
    ['symptoms', aSubmission({ symptoms: '' })],
    ['dataBackupAcknowledged', aSubmission({ dataBackupAcknowledged: false })],
    ['dataBackupAcknowledged', aSubmission({ dataBackupAcknowledged: 'yes' })],
  ])('refuses a claim whose %s is missing or wrong', (field, submission) => {
    expect(() => checkClaimSubmission(submission as ClaimSubmission)).toThrow(PolicyInputError);
    expect(errorOf(() => checkClaimSubmission(submission as ClaimSubmission))).toMatchObject({ field });
  });
});
