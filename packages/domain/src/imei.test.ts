import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyInputError } from './errors.js';
import { barcodePatternProblem, completeImei, DEFAULT_BARCODE_PATTERN, imeiCheckDigit, isValidBarcode, isValidImei } from './imei.js';

const fourteenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 14, maxLength: 14 });

describe('IMEI (§1: 15 digits, Luhn check digit)', () => {
  it.each([
    ['49015420323751', 8],
    ['35209900176148', 1],
    ['00000000000000', 0],
    ['99999999999999', 4],
  ])('completes %s with the check digit %i', (first14, digit) => {
    expect(imeiCheckDigit(first14)).toBe(digit);
    expect(completeImei(first14)).toBe(`${first14}${digit}`);
  });

  it.each([
    ['490154203237518', true],
    ['352099001761481', true],
    ['000000000000000', true],
    ['490154203237517', false],
    ['49015420323751', false],
    ['4901542032375180', false],
    ['49015420323751a', false],
    ['4901 5420 3237 518', false],
    [' 490154203237518', false],
    ['', false],
    [490154203237518, false],
    [undefined, false],
  ])('accepts %j as an IMEI only when it is 15 digits ending with its Luhn check digit (%s)', (imei, valid) => {
    expect(isValidImei(imei)).toBe(valid);
  });

  it.each([['4901542032375'], ['490154203237518'], ['4901542032375a'], [''], [49015420323751]])('refuses to complete %j, which is not 14 digits', (first14) => {
    expect(() => completeImei(first14 as string)).toThrow(PolicyInputError);
    expect(() => imeiCheckDigit(first14 as string)).toThrow(/^imei: /);
  });

  it('makes a valid IMEI from any 14 digits', () => {
    fc.assert(fc.property(fourteenDigits, (first14) => isValidImei(completeImei(first14))));
  });

  it('rejects any IMEI whose check digit is changed', () => {
    fc.assert(
      fc.property(fourteenDigits, fc.integer({ min: 1, max: 9 }), (first14, shift) => {
        const wrong = (imeiCheckDigit(first14) + shift) % 10;
        return !isValidImei(`${first14}${wrong}`);
      }),
    );
  });

  it('rejects any IMEI with a single digit changed (Luhn catches every single-digit error)', () => {
    fc.assert(
      fc.property(fourteenDigits, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (first14, position, shift) => {
        const imei = completeImei(first14);
        const changed = `${imei.slice(0, position)}${(Number(imei[position]) + shift) % 10}${imei.slice(position + 1)}`;
        return !isValidImei(changed);
      }),
    );
  });
});

describe('barcodes (§1, E)', () => {
  it.each([
    ['SN20250310A1', true],
    ['ABC123', true],
    ['A'.repeat(32), true],
    ['ABC12', false],
    ['A'.repeat(33), false],
    ['sn20250310a1', false],
    ['SN-2025', false],
    ['', false],
    [123456, false],
  ])('checks %j against the default format: %s', (barcode, valid) => {
    expect(isValidBarcode(barcode)).toBe(valid);
  });

  it('uses DEFAULT_BARCODE_PATTERN when the model records no format', () => {
    expect(DEFAULT_BARCODE_PATTERN.source).toBe('^[0-9A-Z]{6,32}$');
  });

  it("checks the whole barcode against a model's own format, given as a pattern or as text", () => {
    expect(isValidBarcode('AB-12', /[A-Z]{2}-\d{2}/)).toBe(true);
    expect(isValidBarcode('XAB-12', /[A-Z]{2}-\d{2}/)).toBe(false);
    expect(isValidBarcode('AB-123', '[A-Z]{2}-\\d{2}')).toBe(false);
    expect(isValidBarcode('ab-12', /[A-Z]{2}-\d{2}/i)).toBe(true);
  });

  it('matches in linear time: a pattern with nested repeats cannot stall on a long non-matching barcode', () => {
    // A backtracking engine takes 2^40 steps here; RE2 answers at once (the test would time out otherwise).
    expect(isValidBarcode(`${'a'.repeat(40)}!`, '^(a+)+$')).toBe(false);
    expect(isValidBarcode('a'.repeat(40), '^(a+)+$')).toBe(true);
  });

  it('treats a pattern RE2 cannot compile as matching nothing, and names the problem when it is saved', () => {
    expect(isValidBarcode('aa', '^(a)\\1$')).toBe(false);
    expect(barcodePatternProblem('^(a)\\1$')).toMatch(/RE2 syntax/);
    expect(barcodePatternProblem('^(?=A)[A-Z]+$')).toMatch(/RE2 syntax/);
    expect(barcodePatternProblem('^[0-9]{12}$')).toBeUndefined();
    for (let i = 0; i < 1001; i++) barcodePatternProblem(`^x${i}$`);
    expect(isValidBarcode('AB-12', /[A-Z]{2}-\d{2}/)).toBe(true);
  });

  it('gives the same answer every time with a global or sticky pattern', () => {
    const pattern = /[A-Z]{2}-\d{2}/gy;
    expect([isValidBarcode('AB-12', pattern), isValidBarcode('AB-12', pattern)]).toEqual([true, true]);
  });
});
