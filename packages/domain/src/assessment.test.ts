import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './calendar-date.js';
import { assessClaim, DECISIONS, FORM_TYPES, type ClaimInput, type ClaimLineInput } from './assessment.js';
import { PolicyInputError } from './errors.js';
import { FINDINGS, POLICY_CLAUSES, type Finding } from './policy-clauses.js';
import { PART_CATEGORIES, type PartCategory } from './part-category.js';
import { DEFAULT_POLICY } from './policy.js';
import { isUnderWarranty } from './warranty-period.js';

/** A claim received 2025-03-10 and submitted 2025-09-01 (in warranty), on a Repair Form, with nothing found. */
function aClaim(changes: Partial<ClaimInput> = {}): ClaimInput {
  return { formType: 'REPAIR', receivedOn: '2025-03-10', submittedOn: '2025-09-01', lines: [], findings: [], ...changes };
}

/** A faulty part line. */
function aLine(category: PartCategory, materialCost: number, worn?: boolean): ClaimLineInput {
  return worn === undefined ? { category, materialCost } : { category, materialCost, worn };
}

const outOfWarranty = { receivedOn: '2025-03-10', submittedOn: '2026-03-10' };

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('assessing a claim: the worked examples of POLICY.md §6', () => {
  it.each([
    {
      case: 'received 2025-03-10, claim 2026-03-09, battery fault, no findings: in warranty, battery covered',
      claim: aClaim({ submittedOn: '2026-03-09', lines: [aLine('BATTERY', 1200)] }),
      expected: {
        decision: 'WARRANTY_REPAIR',
        underWarranty: true,
        lastCoveredDay: '2026-03-09',
        lines: [{ category: 'BATTERY', covered: true, clauses: [], charge: 0 }],
        clauses: [],
        replacementAllowed: false,
        agreementRequired: false,
        total: 0,
      },
    },
    {
      case: 'received 2025-03-10, claim 2026-03-10: out of warranty (A), lines charged at material cost',
      claim: aClaim({ ...outOfWarranty, lines: [aLine('BATTERY', 1200), aLine('LCD', 3500)] }),
      expected: {
        decision: 'PAID_MAINTENANCE',
        underWarranty: false,
        lastCoveredDay: '2026-03-09',
        lines: [
          { category: 'BATTERY', covered: false, clauses: ['BEYOND_WARRANTY_PERIOD'], charge: 1200 },
          { category: 'LCD', covered: false, clauses: ['BEYOND_WARRANTY_PERIOD'], charge: 3500 },
        ],
        clauses: ['BEYOND_WARRANTY_PERIOD'],
        replacementAllowed: false,
        agreementRequired: false,
        total: 4700,
      },
    },
    {
      case: 'in warranty, Replacement Form, mainboard fault, scratches found: no replacement, repaired under warranty',
      claim: aClaim({ formType: 'REPLACEMENT', lines: [aLine('MAINBOARD', 5000)], findings: ['COSMETIC_DAMAGE'] }),
      expected: {
        decision: 'WARRANTY_REPAIR',
        underWarranty: true,
        lastCoveredDay: '2026-03-09',
        lines: [{ category: 'MAINBOARD', covered: true, clauses: [], charge: 0 }],
        clauses: ['COSMETIC_DAMAGE'],
        replacementAllowed: false,
        agreementRequired: false,
        total: 0,
      },
    },
    {
      case: 'in warranty, mainboard + worn housing: PARTIAL, mainboard covered, housing charged (F)',
      claim: aClaim({ lines: [aLine('MAINBOARD', 5000), aLine('HOUSING', 800, true)] }),
      expected: {
        decision: 'PARTIAL',
        underWarranty: true,
        lastCoveredDay: '2026-03-09',
        lines: [
          { category: 'MAINBOARD', covered: true, clauses: [], charge: 0 },
          { category: 'HOUSING', covered: false, clauses: ['NATURAL_WEAR'], charge: 800 },
        ],
        clauses: ['NATURAL_WEAR'],
        replacementAllowed: false,
        agreementRequired: false,
        total: 800,
      },
    },
    {
      case: 'in warranty, warranty sticker torn: PAID_MAINTENANCE (H)',
      claim: aClaim({ lines: [aLine('MAINBOARD', 5000)], findings: ['LABEL_DAMAGED'] }),
      expected: {
        decision: 'PAID_MAINTENANCE',
        underWarranty: true,
        lastCoveredDay: '2026-03-09',
        lines: [{ category: 'MAINBOARD', covered: false, clauses: ['LABEL_DAMAGED'], charge: 5000 }],
        clauses: ['LABEL_DAMAGED'],
        replacementAllowed: false,
        agreementRequired: false,
        total: 5000,
      },
    },
    {
      case: 'in warranty, no signal, carrier outage, no hardware fault: NOT_COVERED (CARRIER_FAULT)',
      claim: aClaim({ findings: ['CARRIER_FAULT'] }),
      expected: {
        decision: 'NOT_COVERED',
        underWarranty: true,
        lastCoveredDay: '2026-03-09',
        lines: [],
        clauses: ['CARRIER_FAULT'],
        replacementAllowed: false,
        agreementRequired: false,
        total: 0,
      },
    },
    {
      case: 'in warranty, water damage: PAID_MAINTENANCE (B), agreement required before repair',
      claim: aClaim({ lines: [aLine('MAINBOARD', 5000), aLine('LCD', 3500)], findings: ['WATER_DAMAGE'] }),
      expected: {
        decision: 'PAID_MAINTENANCE',
        underWarranty: true,
        lastCoveredDay: '2026-03-09',
        lines: [
          { category: 'MAINBOARD', covered: false, clauses: ['HUMAN_DAMAGE'], charge: 5000 },
          { category: 'LCD', covered: false, clauses: ['HUMAN_DAMAGE'], charge: 3500 },
        ],
        clauses: ['HUMAN_DAMAGE'],
        replacementAllowed: false,
        agreementRequired: true,
        total: 8500,
      },
    },
  ])('$case', ({ claim, expected }) => {
    expect(assessClaim(claim)).toEqual({ ...expected, policyVersion: DEFAULT_POLICY.version });
  });
});

describe('assessing a claim: the readings R1–R5', () => {
  it.each([
    ['HUMAN_DAMAGE', 'HUMAN_DAMAGE'],
    ['UNAUTHORIZED_REPAIR', 'UNAUTHORIZED_REPAIR'],
    ['FORCE_MAJEURE', 'FORCE_MAJEURE'],
    ['IDENTITY_MISMATCH', 'IDENTITY_MISMATCH'],
    ['NON_COMPANY_CAUSE', 'NON_COMPANY_CAUSE'],
    ['LABEL_DAMAGED', 'LABEL_DAMAGED'],
    ['WATER_DAMAGE', 'HUMAN_DAMAGE'],
  ] as const)('makes every line chargeable when %s is found, citing %s (R1, R4)', (finding, clause) => {
    const result = assessClaim(aClaim({ lines: [aLine('BATTERY', 1200), aLine('HOUSING', 800)], findings: [finding] }));
    expect(result.lines.map((line) => [line.covered, line.clauses, line.charge])).toEqual([
      [false, [clause], 1200],
      [false, [clause], 800],
    ]);
    expect(result).toMatchObject({ decision: 'PAID_MAINTENANCE', clauses: [clause], total: 2000 });
  });

  it.each(['HOUSING', 'KEYPAD', 'LCD', 'ANTENNA', 'ACCESSORY'] as const)('charges a worn %s for natural wear and covers the rest (F)', (category) => {
    const result = assessClaim(aClaim({ lines: [aLine('BATTERY', 1200), aLine(category, 700, true)] }));
    expect(result.lines).toEqual([
      { category: 'BATTERY', covered: true, clauses: [], charge: 0 },
      { category, covered: false, clauses: ['NATURAL_WEAR'], charge: 700 },
    ]);
    expect(result).toMatchObject({ decision: 'PARTIAL', total: 700 });
  });

  it.each(['MAINBOARD', 'TOUCH_PANEL', 'CAMERA', 'BATTERY', 'OTHER'] as const)(
    'covers a worn %s, a category natural wear does not name (F reading)',
    (category) => {
      const result = assessClaim(aClaim({ lines: [aLine(category, 900, true)] }));
      expect(result).toMatchObject({ decision: 'WARRANTY_REPAIR', clauses: [], total: 0 });
      expect(result.lines[0]).toEqual({ category, covered: true, clauses: [], charge: 0 });
    },
  );

  it('covers a wearable part that is not worn', () => {
    expect(assessClaim(aClaim({ lines: [aLine('HOUSING', 800, false), aLine('KEYPAD', 300)] })).decision).toBe('WARRANTY_REPAIR');
  });

  it('charges wear only of the categories the policy version names', () => {
    const batteriesWear = { ...DEFAULT_POLICY, version: 'batteries-wear', wearableCategories: ['BATTERY'] as PartCategory[] };
    const result = assessClaim(aClaim({ lines: [aLine('BATTERY', 1200, true), aLine('HOUSING', 800, true)] }), batteriesWear);
    expect(result.lines.map((line) => line.covered)).toEqual([false, true]);
    expect(result.policyVersion).toBe('batteries-wear');
  });

  it('lists every clause that applied once, in the order of the policy text, when several apply at once', () => {
    const result = assessClaim(
      aClaim({
        ...outOfWarranty,
        lines: [aLine('HOUSING', 800, true), aLine('MAINBOARD', 5000)],
        findings: ['LABEL_DAMAGED', 'WATER_DAMAGE', 'HUMAN_DAMAGE', 'COSMETIC_DAMAGE', 'SERIOUS_DAMAGE', 'LABEL_DAMAGED', 'CARRIER_FAULT'],
      }),
    );
    expect(result.lines).toEqual([
      { category: 'HOUSING', covered: false, clauses: ['BEYOND_WARRANTY_PERIOD', 'HUMAN_DAMAGE', 'NATURAL_WEAR', 'LABEL_DAMAGED'], charge: 800 },
      { category: 'MAINBOARD', covered: false, clauses: ['BEYOND_WARRANTY_PERIOD', 'HUMAN_DAMAGE', 'LABEL_DAMAGED'], charge: 5000 },
    ]);
    expect(result.clauses).toEqual(['BEYOND_WARRANTY_PERIOD', 'HUMAN_DAMAGE', 'NATURAL_WEAR', 'LABEL_DAMAGED', 'COSMETIC_DAMAGE', 'CARRIER_FAULT']);
    expect(result).toMatchObject({ decision: 'PAID_MAINTENANCE', agreementRequired: true, total: 5800 });
  });

  it('replaces the unit free on a Replacement Form when every line is covered and nothing cosmetic is found (R2, R3)', () => {
    expect(assessClaim(aClaim({ formType: 'REPLACEMENT', lines: [aLine('MAINBOARD', 5000), aLine('CAMERA', 900)] }))).toMatchObject({
      decision: 'WARRANTY_REPLACEMENT',
      replacementAllowed: true,
      total: 0,
    });
  });

  it.each([
    ['a line is chargeable', aClaim({ formType: 'REPLACEMENT', lines: [aLine('MAINBOARD', 5000), aLine('HOUSING', 800, true)] }), 'PARTIAL'],
    ['the claim is out of warranty', aClaim({ formType: 'REPLACEMENT', ...outOfWarranty, lines: [aLine('MAINBOARD', 5000)] }), 'PAID_MAINTENANCE'],
    ['cosmetic damage is found', aClaim({ formType: 'REPLACEMENT', lines: [aLine('MAINBOARD', 5000)], findings: ['COSMETIC_DAMAGE'] }), 'WARRANTY_REPAIR'],
    ['no faulty part is found', aClaim({ formType: 'REPLACEMENT' }), 'WARRANTY_REPAIR'],
    ['the claim is on a Repair Form', aClaim({ formType: 'REPAIR', lines: [aLine('MAINBOARD', 5000)] }), 'WARRANTY_REPAIR'],
  ])('does not allow a replacement when %s (R3, H4)', (_when, claim, decision) => {
    expect(assessClaim(claim)).toMatchObject({ decision, replacementAllowed: false });
  });

  it('does not charge for cosmetic damage by itself (Others A)', () => {
    expect(assessClaim(aClaim({ lines: [aLine('LCD', 3500)], findings: ['COSMETIC_DAMAGE'] }))).toMatchObject({
      decision: 'WARRANTY_REPAIR',
      clauses: ['COSMETIC_DAMAGE'],
      total: 0,
    });
  });

  it('requires the agreement for serious damage but charges only where another clause applies (R4)', () => {
    expect(assessClaim(aClaim({ lines: [aLine('MAINBOARD', 5000)], findings: ['SERIOUS_DAMAGE'] }))).toMatchObject({
      decision: 'WARRANTY_REPAIR',
      agreementRequired: true,
      clauses: [],
      total: 0,
    });
    expect(assessClaim(aClaim({ lines: [aLine('MAINBOARD', 5000)], findings: ['SERIOUS_DAMAGE', 'FORCE_MAJEURE'] }))).toMatchObject({
      decision: 'PAID_MAINTENANCE',
      agreementRequired: true,
      clauses: ['FORCE_MAJEURE'],
      total: 5000,
    });
  });

  it('assesses hardware faults normally when a carrier fault is also found, and still lists the carrier fault (Others B reading)', () => {
    expect(assessClaim(aClaim({ lines: [aLine('ANTENNA', 400)], findings: ['CARRIER_FAULT'] }))).toMatchObject({
      decision: 'WARRANTY_REPAIR',
      clauses: ['CARRIER_FAULT'],
      total: 0,
    });
    expect(assessClaim(aClaim({ ...outOfWarranty, lines: [aLine('ANTENNA', 400)], findings: ['CARRIER_FAULT'] }))).toMatchObject({
      decision: 'PAID_MAINTENANCE',
      clauses: ['BEYOND_WARRANTY_PERIOD', 'CARRIER_FAULT'],
      total: 400,
    });
  });

  it.each([
    ['in warranty with nothing found', aClaim(), 'WARRANTY_REPAIR', []],
    ['in warranty on a Replacement Form', aClaim({ formType: 'REPLACEMENT' }), 'WARRANTY_REPAIR', []],
    ['out of warranty', aClaim(outOfWarranty), 'PAID_MAINTENANCE', ['BEYOND_WARRANTY_PERIOD']],
    ['in warranty with a torn label', aClaim({ findings: ['LABEL_DAMAGED'] }), 'PAID_MAINTENANCE', ['LABEL_DAMAGED']],
    [
      'out of warranty with a carrier fault',
      aClaim({ ...outOfWarranty, findings: ['CARRIER_FAULT'] }),
      'NOT_COVERED',
      ['BEYOND_WARRANTY_PERIOD', 'CARRIER_FAULT'],
    ],
  ] as const)('decides a claim with no faulty part %s as %s, charging nothing (R2 reading)', (_when, claim, decision, clauses) => {
    expect(assessClaim(claim)).toMatchObject({ decision, clauses, lines: [], total: 0, replacementAllowed: false });
  });

  it('keeps a chargeable part of no material cost chargeable, at 0', () => {
    expect(assessClaim(aClaim({ ...outOfWarranty, lines: [aLine('ACCESSORY', 0)] })).lines).toEqual([
      { category: 'ACCESSORY', covered: false, clauses: ['BEYOND_WARRANTY_PERIOD'], charge: 0 },
    ]);
  });

  it('counts the day of submission: covered when submitted on the day of receipt and on the last covered day, not the day after', () => {
    expect(assessClaim(aClaim({ submittedOn: '2025-03-10' })).underWarranty).toBe(true);
    expect(assessClaim(aClaim({ receivedOn: '2024-02-29', submittedOn: '2025-02-27' })).underWarranty).toBe(true);
    expect(assessClaim(aClaim({ receivedOn: '2024-02-29', submittedOn: '2025-02-28' }))).toMatchObject({
      underWarranty: false,
      lastCoveredDay: '2025-02-27',
      clauses: ['BEYOND_WARRANTY_PERIOD'],
    });
  });

  it('records the policy version and never changes a past assessment when re-assessed under another (R5)', () => {
    const claim = aClaim({ ...outOfWarranty, lines: [aLine('BATTERY', 1200)] });
    const before = assessClaim(claim);
    const twoYears = { ...DEFAULT_POLICY, version: '2027.1', effectiveFrom: '2027-01-01', warrantyMonths: 24 };
    const after = assessClaim(claim, twoYears);
    expect(before).toMatchObject({ decision: 'PAID_MAINTENANCE', policyVersion: DEFAULT_POLICY.version, lastCoveredDay: '2026-03-09' });
    expect(after).toMatchObject({ decision: 'WARRANTY_REPAIR', policyVersion: '2027.1', lastCoveredDay: '2027-03-09' });
    expect(assessClaim(claim)).toEqual(before);
  });

  it('leaves its input unchanged', () => {
    const claim = aClaim({ lines: [aLine('HOUSING', 800, true)], findings: ['COSMETIC_DAMAGE'] });
    const copy = JSON.parse(JSON.stringify(claim)) as ClaimInput;
    assessClaim(claim);
    expect(claim).toEqual(copy);
  });
});

describe('assessing a claim: invalid input is refused, never answered', () => {
  it.each([
    ['input', null],
    ['formType', aClaim({ formType: 'EXCHANGE' as never })],
    ['formType', aClaim({ formType: undefined as never })],
    ['receivedOn', aClaim({ receivedOn: '2025-02-30' })],
    ['receivedOn', aClaim({ receivedOn: '10/03/2025' })],
    ['submittedOn', aClaim({ submittedOn: '2026-13-01' })],
    ['submittedOn', aClaim({ submittedOn: undefined as never })],
    ['submittedOn', aClaim({ receivedOn: '2025-03-10', submittedOn: '2025-03-09' })],
    ['lines', aClaim({ lines: 'battery' as never })],
    ['lines[0]', aClaim({ lines: [null as never] })],
    ['lines[0].category', aClaim({ lines: [aLine('SCREEN' as PartCategory, 100)] })],
    ['lines[1].materialCost', aClaim({ lines: [aLine('LCD', 100), aLine('BATTERY', -1)] })],
    ['lines[0].materialCost', aClaim({ lines: [aLine('LCD', 12.5)] })],
    ['lines[0].materialCost', aClaim({ lines: [aLine('LCD', Number.NaN)] })],
    ['lines[0].materialCost', aClaim({ lines: [aLine('LCD', Number.POSITIVE_INFINITY)] })],
    ['lines[0].materialCost', aClaim({ lines: [aLine('LCD', '100' as never)] })],
    ['lines[0].worn', aClaim({ lines: [{ category: 'LCD', materialCost: 100, worn: 'yes' as never }] })],
    ['findings', aClaim({ findings: undefined as never })],
    ['findings[0]', aClaim({ findings: ['NATURAL_WEAR' as Finding] })],
    ['findings[0]', aClaim({ findings: ['BEYOND_WARRANTY_PERIOD' as Finding] })],
    ['findings[1]', aClaim({ findings: ['HUMAN_DAMAGE', 'water' as Finding] })],
    ['lines', aClaim({ ...outOfWarranty, lines: [aLine('LCD', Number.MAX_SAFE_INTEGER), aLine('LCD', 2)] })],
  ])('refuses a claim whose %s is wrong', (field, claim) => {
    expect(() => assessClaim(claim!)).toThrow(PolicyInputError);
    expect(errorOf(() => assessClaim(claim!))).toMatchObject({ name: 'PolicyInputError', field });
  });

  it('refuses an invalid policy version', () => {
    expect(errorOf(() => assessClaim(aClaim(), { ...DEFAULT_POLICY, version: '' }))).toMatchObject({ field: 'policy.version' });
  });
});

describe('assessing any claim (properties)', () => {
  const aDate = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') }).map((n) => fromDayNumber(n));
  const aClaimInput = fc
    .record({
      formType: fc.constantFrom(...FORM_TYPES),
      receivedOn: aDate,
      daysLater: fc.integer({ min: 0, max: 800 }),
      lines: fc.array(
        fc.record({
          category: fc.constantFrom(...PART_CATEGORIES),
          materialCost: fc.integer({ min: 0, max: 1_000_000 }),
          worn: fc.option(fc.boolean(), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
      findings: fc.array(fc.constantFrom(...FINDINGS), { maxLength: 4 }),
    })
    .map(({ daysLater, ...claim }): ClaimInput => ({ ...claim, submittedOn: addDays(claim.receivedOn, daysLater) }));

  it('totals exactly the line charges, and charges each line 0 or its material cost', () => {
    fc.assert(
      fc.property(aClaimInput, (claim) => {
        const result = assessClaim(claim);
        return (
          result.total === result.lines.reduce((sum, line) => sum + line.charge, 0) &&
          result.lines.every((line, index) => line.charge === (line.covered ? 0 : claim.lines[index]?.materialCost))
        );
      }),
    );
  });

  it('covers a line exactly when no clause made it chargeable, and lists every clause once in catalogue order', () => {
    fc.assert(
      fc.property(aClaimInput, (claim) => {
        const result = assessClaim(claim);
        const order = (clauses: readonly string[]) =>
          clauses.every((clause, index) => index === 0 || POLICY_CLAUSES.indexOf(clauses[index - 1] as never) < POLICY_CLAUSES.indexOf(clause as never));
        return (
          result.lines.every(
            (line) => line.covered === (line.clauses.length === 0) && order(line.clauses) && line.clauses.every((clause) => result.clauses.includes(clause)),
          ) &&
          order(result.clauses) &&
          result.lines.length === claim.lines.length
        );
      }),
    );
  });

  it('decides from the lines: all covered, all chargeable, or a mix (R2)', () => {
    fc.assert(
      fc.property(aClaimInput, (claim) => {
        const { decision, lines, replacementAllowed } = assessClaim(claim);
        if (lines.length === 0) return decision !== 'PARTIAL' && decision !== 'WARRANTY_REPLACEMENT';
        if (lines.every((line) => line.covered)) return decision === (replacementAllowed ? 'WARRANTY_REPLACEMENT' : 'WARRANTY_REPAIR');
        if (lines.every((line) => !line.covered)) return decision === 'PAID_MAINTENANCE';
        return decision === 'PARTIAL';
      }),
    );
  });

  it('allows replacement only on a Replacement Form with every line covered and no cosmetic damage (R3)', () => {
    fc.assert(
      fc.property(aClaimInput, (claim) => {
        const result = assessClaim(claim);
        const expected =
          claim.formType === 'REPLACEMENT' &&
          claim.lines.length > 0 &&
          result.lines.every((line) => line.covered) &&
          !claim.findings.includes('COSMETIC_DAMAGE');
        return result.replacementAllowed === expected;
      }),
    );
  });

  it('requires the agreement exactly when water or serious damage is found, and agrees with the warranty period (H9, A)', () => {
    fc.assert(
      fc.property(aClaimInput, (claim) => {
        const result = assessClaim(claim);
        return (
          result.agreementRequired === (claim.findings.includes('WATER_DAMAGE') || claim.findings.includes('SERIOUS_DAMAGE')) &&
          result.underWarranty === isUnderWarranty(claim.receivedOn, claim.submittedOn) &&
          result.clauses.includes('BEYOND_WARRANTY_PERIOD') === !result.underWarranty &&
          DECISIONS.includes(result.decision)
        );
      }),
    );
  });
});
