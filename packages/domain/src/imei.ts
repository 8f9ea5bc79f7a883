import { RE2JS } from 're2js';
import { PolicyInputError } from './errors.js';

/**
 * Device identity (§1): a unit is identified by its IMEI, 15 digits whose last
 * is a Luhn check digit, and by its barcode, whose format depends on the model.
 */

const FOURTEEN_DIGITS = /^\d{14}$/;
const FIFTEEN_DIGITS = /^\d{15}$/;

/**
 * The default barcode format when a model records none: 6 to 32 upper-case letters or digits.
 */
export const DEFAULT_BARCODE_PATTERN = /^[0-9A-Z]{6,32}$/;

function luhnCheckDigit(first14: string): number {
  let sum = 0;
  for (let index = 0; index < first14.length; index += 1) {
    const digit = Number(first14[index]);
    // Luhn: double every second digit counting from the right of the full number (the odd positions here).
    const doubled = index % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The Luhn check digit that completes the first 14 digits of an IMEI (§1).
 * Throws `PolicyInputError` (field `imei`) unless given exactly 14 digits.
 * @example imeiCheckDigit('49015420323751') // 8
 */
export function imeiCheckDigit(first14: string): number {
  if (typeof first14 !== 'string' || !FOURTEEN_DIGITS.test(first14)) {
    throw new PolicyInputError('imei', 'the first 14 digits of an IMEI must be exactly 14 digits');
  }
  return luhnCheckDigit(first14);
}

/**
 * The 15-digit IMEI made of the first 14 digits and their Luhn check digit (§1).
 * @example completeImei('49015420323751') // '490154203237518'
 */
export function completeImei(first14: string): string {
  return `${first14}${imeiCheckDigit(first14)}`;
}

/**
 * An IMEI is valid when it is exactly 15 digits and the last one is the Luhn check digit of the first 14 (§1).
 * @example isValidImei('490154203237518') // true; isValidImei('490154203237517') // false
 */
export function isValidImei(imei: unknown): imei is string {
  return typeof imei === 'string' && FIFTEEN_DIGITS.test(imei) && luhnCheckDigit(imei.slice(0, 14)) === Number(imei[14]);
}

/** Compiled barcode patterns, by flags and source: an import checks thousands of rows against one. */
const compiled = new Map<string, RE2JS | null>();

/** The pattern compiled by RE2 (linear-time matching whatever the input), or null when RE2 cannot take it. */
function re2(source: string, caseInsensitive: boolean): RE2JS | null {
  const key = `${caseInsensitive ? 'i' : ''}/${source}`;
  let pattern = compiled.get(key);
  if (pattern === undefined) {
    try {
      pattern = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    } catch {
      pattern = null;
    }
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(key, pattern);
  }
  return pattern;
}

/**
 * A barcode is valid when the whole of it matches the model's barcode format, by default `DEFAULT_BARCODE_PATTERN` (§1, E).
 * Matched by RE2, in time linear in the barcode: an administrator's pattern such as `^(a+)+$` cannot stall the server.
 * @example isValidBarcode('SN20250310A1') // true; isValidBarcode('AB-12', /^[A-Z]{2}-\d{2}$/) // true
 */
export function isValidBarcode(barcode: unknown, pattern: RegExp | string = DEFAULT_BARCODE_PATTERN): barcode is string {
  if (typeof barcode !== 'string') return false;
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  const caseInsensitive = typeof pattern !== 'string' && pattern.flags.includes('i');
  return re2(source, caseInsensitive)?.matches(barcode) ?? false;
}

/**
 * Why a barcode pattern cannot be used, or undefined when it can: it must be a regular expression RE2 accepts
 * (no backreferences, no lookaround), so that matching stays linear in time.
 * @example barcodePatternProblem('^[0-9]{12}$') // undefined; barcodePatternProblem('^(a)\\1$') // 'is not a regular expression …'
 */
export function barcodePatternProblem(pattern: string): string | undefined {
  return re2(pattern, false) ? undefined : 'is not a regular expression this server can match safely (RE2 syntax: no backreferences or lookaround).';
}
