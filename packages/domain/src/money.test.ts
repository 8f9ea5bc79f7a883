import { describe, expect, it } from 'vitest';
import { PolicyInputError } from './errors.js';
import { isMinorUnits, minorUnits, sumMinorUnits } from './money.js';

describe('money in minor units', () => {
  it.each([
    [0, true],
    [1250, true],
    [Number.MAX_SAFE_INTEGER, true],
    [12.5, false],
    [-1, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [Number.MAX_SAFE_INTEGER + 1, false],
    ['1250', false],
  ])('counts %j as an amount only when it is a whole, non-negative number of cents (%s)', (value, valid) => {
    expect(isMinorUnits(value)).toBe(valid);
  });

  it.each([
    [12.5, /whole amount/],
    [-1, /not be negative/],
    [Number.NaN, /whole amount/],
    ['12', /whole amount/],
  ])('refuses %j as an amount, naming the field', (value, problem) => {
    expect(() => minorUnits(value, 'materialCost')).toThrow(PolicyInputError);
    expect(() => minorUnits(value, 'materialCost')).toThrow(/^materialCost: /);
    expect(() => minorUnits(value, 'materialCost')).toThrow(problem);
  });

  it('adds amounts exactly and refuses a total too large to be exact', () => {
    expect(minorUnits(1250, 'x')).toBe(1250);
    expect(sumMinorUnits([1200, 350], 'lines')).toBe(1550);
    expect(sumMinorUnits([], 'lines')).toBe(0);
    expect(() => sumMinorUnits([Number.MAX_SAFE_INTEGER, 1], 'lines')).toThrow(/^lines: /);
  });
});
