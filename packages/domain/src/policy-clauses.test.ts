import { describe, expect, it } from 'vitest';
import { CLAUSES, clauseInfo, FINDINGS, FINDING_INFO, isFinding, isPolicyClause, POLICY_CLAUSES } from './policy-clauses.js';

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('the clause catalogue (§5)', () => {
  it.each([
    ['BEYOND_WARRANTY_PERIOD', 'A'],
    ['HUMAN_DAMAGE', 'B'],
    ['UNAUTHORIZED_REPAIR', 'C'],
    ['FORCE_MAJEURE', 'D'],
    ['IDENTITY_MISMATCH', 'E'],
    ['NATURAL_WEAR', 'F'],
    ['NON_COMPANY_CAUSE', 'G'],
    ['LABEL_DAMAGED', 'H'],
    ['COSMETIC_DAMAGE', 'Others A'],
    ['CARRIER_FAULT', 'Others B'],
  ] as const)('shows %s as clause %s of the policy text, with a short text', (code, letter) => {
    expect(clauseInfo(code)).toMatchObject({ code, letter });
    expect(clauseInfo(code).text.length).toBeGreaterThan(10);
    expect(CLAUSES[code]).toBe(clauseInfo(code));
  });

  it('has an entry for every clause and nothing else', () => {
    expect(Object.keys(CLAUSES)).toEqual([...POLICY_CLAUSES]);
  });

  it('refuses an unknown clause', () => {
    expect(errorOf(() => clauseInfo('WATER_DAMAGE' as never))).toMatchObject({ name: 'PolicyInputError', field: 'clause' });
  });

  it('tells clauses and findings apart', () => {
    expect(isPolicyClause('NATURAL_WEAR')).toBe(true);
    expect(isPolicyClause('WATER_DAMAGE')).toBe(false);
    expect(isFinding('WATER_DAMAGE')).toBe(true);
    expect(isFinding('NATURAL_WEAR')).toBe(false);
    expect(isFinding('BEYOND_WARRANTY_PERIOD')).toBe(false);
  });
});

describe('FINDING_INFO: how each finding reads (§5, R4)', () => {
  it('lists every finding with the clause it brings in; water and serious damage need the agreement', () => {
    expect(Object.keys(FINDING_INFO)).toEqual([...FINDINGS]);
    expect(FINDING_INFO.WATER_DAMAGE).toMatchObject({ clause: 'HUMAN_DAMAGE', agreementRequired: true });
    expect(FINDING_INFO.SERIOUS_DAMAGE).toMatchObject({ clause: null, agreementRequired: true });
    expect(FINDING_INFO.LABEL_DAMAGED).toEqual({ code: 'LABEL_DAMAGED', clause: 'LABEL_DAMAGED', agreementRequired: false, reading: null });
  });
});
