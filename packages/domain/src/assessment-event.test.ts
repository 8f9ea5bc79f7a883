import { describe, expect, it } from 'vitest';
import { assessmentEventData } from './assessment-event.js';
import { decideAssessment } from './assessment-override.js';
import { assessClaim, type ClaimInput } from './assessment.js';

const claim: ClaimInput = {
  formType: 'REPAIR',
  receivedOn: '2025-03-10',
  submittedOn: '2025-09-01',
  lines: [{ category: 'HOUSING', materialCost: 800 }],
  findings: ['HUMAN_DAMAGE'],
};

describe('the data recorded with an assessment (R5)', () => {
  it('records the decision as proposed, with its clauses, total, policy version, findings and parts', () => {
    const decided = decideAssessment(claim, assessClaim(claim));
    expect(assessmentEventData(decided, { findings: claim.findings, parts: ['HS-1'], serviceCharge: null })).toEqual({
      decision: 'PAID_MAINTENANCE',
      proposedDecision: 'PAID_MAINTENANCE',
      overrideReason: null,
      clauses: ['HUMAN_DAMAGE'],
      total: 800,
      serviceCharge: null,
      policyVersion: decided.policyVersion,
      findings: ['HUMAN_DAMAGE'],
      parts: ['HS-1'],
    });
  });

  it('records an override beside the proposal, and a service charge (H8)', () => {
    const decided = decideAssessment(claim, assessClaim(claim), 'WARRANTY_REPAIR', 'Goodwill for a key account');
    expect(assessmentEventData(decided, { findings: claim.findings, parts: ['HS-1'], serviceCharge: 2500 })).toMatchObject({
      decision: 'WARRANTY_REPAIR',
      proposedDecision: 'PAID_MAINTENANCE',
      overrideReason: 'Goodwill for a key account',
      total: 0,
      serviceCharge: 2500,
    });
  });
});
