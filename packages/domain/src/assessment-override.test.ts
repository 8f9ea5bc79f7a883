import { describe, expect, it } from 'vitest';
import { assessClaim, type ClaimInput } from './assessment.js';
import { decideAssessment } from './assessment-override.js';

const outOfWarranty: ClaimInput = {
  formType: 'REPAIR',
  receivedOn: '2024-01-10',
  submittedOn: '2025-06-01',
  lines: [
    { category: 'BATTERY', materialCost: 1200 },
    { category: 'HOUSING', materialCost: 800 },
  ],
  findings: [],
};
const wornHousing: ClaimInput = {
  ...outOfWarranty,
  receivedOn: '2025-01-10',
  lines: [outOfWarranty.lines[0]!, { category: 'HOUSING', materialCost: 800, worn: true }],
};

describe('decideAssessment: staff override with a reason (§5 Readings)', () => {
  it('keeps the proposal unchanged, with no reason needed', () => {
    const proposed = assessClaim(outOfWarranty);
    expect(decideAssessment(outOfWarranty, proposed)).toEqual({ ...proposed, proposedDecision: 'PAID_MAINTENANCE' });
    expect(decideAssessment(outOfWarranty, proposed, 'PAID_MAINTENANCE')).toEqual({ ...proposed, proposedDecision: 'PAID_MAINTENANCE' });
  });

  it('goodwill: a paid repair decided as warranty repair charges nothing', () => {
    const decided = decideAssessment(outOfWarranty, assessClaim(outOfWarranty), 'WARRANTY_REPAIR', ' Key account goodwill ');
    expect(decided).toMatchObject({
      decision: 'WARRANTY_REPAIR',
      proposedDecision: 'PAID_MAINTENANCE',
      total: 0,
      overrideReason: 'Key account goodwill',
      replacementAllowed: false,
    });
    expect(decided.lines.every((line) => line.covered && line.charge === 0)).toBe(true);
    expect(decided.clauses).toEqual(['BEYOND_WARRANTY_PERIOD']);
  });

  it('a partial repair decided as paid charges every line its material cost, never more (H6)', () => {
    const proposed = assessClaim(wornHousing);
    expect(proposed.decision).toBe('PARTIAL');
    const decided = decideAssessment(wornHousing, proposed, 'PAID_MAINTENANCE', 'Battery damaged by a third-party charger');
    expect(decided.lines.map((line) => [line.covered, line.charge])).toEqual([
      [false, 1200],
      [false, 800],
    ]);
    expect(decided.total).toBe(2000);
  });

  it('not covered charges nothing; replacement only on a Replacement Form', () => {
    const proposed = assessClaim(wornHousing);
    expect(decideAssessment(wornHousing, proposed, 'NOT_COVERED', 'Carrier fault after all')).toMatchObject({ total: 0, replacementAllowed: false });
    expect(() => decideAssessment(wornHousing, proposed, 'WARRANTY_REPLACEMENT', 'x')).toThrow(/Replacement Form/);
    const form = { ...wornHousing, formType: 'REPLACEMENT' as const };
    expect(decideAssessment(form, assessClaim(form), 'WARRANTY_REPLACEMENT', 'Third failure')).toMatchObject({ replacementAllowed: true, total: 0 });
  });

  it('refuses an override without a reason, PARTIAL chosen over the proposal, and an unknown decision', () => {
    const proposed = assessClaim(outOfWarranty);
    expect(() => decideAssessment(outOfWarranty, proposed, 'WARRANTY_REPAIR')).toThrow(
      expect.objectContaining({ name: 'PolicyInputError', field: 'overrideReason' }),
    );
    expect(() => decideAssessment(outOfWarranty, proposed, 'WARRANTY_REPAIR', '  ')).toThrow(expect.objectContaining({ field: 'overrideReason' }));
    expect(() => decideAssessment(outOfWarranty, proposed, 'PARTIAL', 'x')).toThrow(expect.objectContaining({ field: 'decision' }));
    expect(() => decideAssessment(outOfWarranty, proposed, 'MAYBE' as never, 'x')).toThrow(expect.objectContaining({ field: 'decision' }));
  });
});
