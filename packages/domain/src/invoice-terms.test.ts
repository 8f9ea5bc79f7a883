import { describe, expect, it } from 'vitest';
import { PolicyInputError } from './errors.js';
import { daysOverdue, invoiceDueOn, invoiceTax } from './invoice-terms.js';

describe('invoice terms', () => {
  it.each([
    ['2026-03-10', 30, '2026-04-09'],
    ['2026-12-15', 30, '2027-01-14'],
    ['2028-02-01', 28, '2028-02-29'],
    ['2026-05-05', 0, '2026-05-05'],
  ])('an invoice issued on %s with %i days to pay falls due on %s', (issuedOn, days, dueOn) => {
    expect(invoiceDueOn(issuedOn, days)).toBe(dueOn);
  });

  it('refuses payment terms that are not a whole number of days, and a malformed issue date', () => {
    expect(() => invoiceDueOn('2026-03-10', -1)).toThrow(PolicyInputError);
    expect(() => invoiceDueOn('2026-03-10', 1.5)).toThrow('paymentTermsDays');
    expect(() => invoiceDueOn('2026-02-30', 30)).toThrow('issuedOn');
  });

  it('counts the days past due, and none before the due day', () => {
    expect(daysOverdue('2026-04-09', '2026-04-19')).toBe(10);
    expect(daysOverdue('2026-04-09', '2026-04-09')).toBe(0);
    expect(daysOverdue('2026-04-09', '2026-03-01')).toBe(0);
  });

  it.each([
    [10_000, 21, 2100, 12_100],
    [999, 7.7, 77, 1076],
    [1250, 0, 0, 1250],
    [0, 23, 0, 0],
  ])('taxes %i cents at %d %% as %i, %i gross', (net, rate, tax, gross) => {
    expect(invoiceTax(net, rate)).toEqual({ tax, gross });
  });

  it('refuses a rate outside 0–100 % and a net amount that is not minor units', () => {
    expect(() => invoiceTax(100, -1)).toThrow('ratePercent');
    expect(() => invoiceTax(100, 101)).toThrow('ratePercent');
    expect(() => invoiceTax(100, Number.NaN)).toThrow('ratePercent');
    expect(() => invoiceTax(12.5, 20)).toThrow('net');
  });
});
