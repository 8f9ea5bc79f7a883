import { describe, expect, it } from 'vitest';
import { assessClaim } from './assessment.js';
import { invoiceLines, INVOICE_LINE_KINDS, type InvoiceablePartLine } from './invoice-lines.js';

/** An assessed part line with its part. */
function aPartLine(partId: string, covered: boolean, charge: number): InvoiceablePartLine {
  return { partId, description: `Part ${partId}`, covered, charge };
}

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('paid-maintenance invoice lines (H6, H7, H8)', () => {
  it('charges only the material cost of the chargeable lines, leaving the covered ones out (H6)', () => {
    expect(invoiceLines({ lines: [aPartLine('hs-1', false, 800), aPartLine('mb-1', true, 0), aPartLine('kp-1', false, 300)] })).toEqual({
      lines: [
        { kind: 'MATERIAL_COST', partId: 'hs-1', description: 'Part hs-1', amount: 800 },
        { kind: 'MATERIAL_COST', partId: 'kp-1', description: 'Part kp-1', amount: 300 },
      ],
      total: 1100,
      shippingNotInvoiced: 0,
    });
  });

  it('records shipping beside the invoice but never charges it (H7)', () => {
    const result = invoiceLines({ lines: [aPartLine('hs-1', false, 800)], shipping: 1500 });
    expect(result.total).toBe(800);
    expect(result.shippingNotInvoiced).toBe(1500);
    expect(result.lines.map((line) => line.kind)).toEqual(['MATERIAL_COST']);
  });

  it('adds the service charge staff entered as an explicit line of its own (H8)', () => {
    expect(invoiceLines({ lines: [aPartLine('hs-1', false, 800)], serviceCharge: { description: 'Express turnaround requested', amount: 2000 } })).toEqual({
      lines: [
        { kind: 'MATERIAL_COST', partId: 'hs-1', description: 'Part hs-1', amount: 800 },
        { kind: 'SERVICE_CHARGE', description: 'Express turnaround requested', amount: 2000 },
      ],
      total: 2800,
      shippingNotInvoiced: 0,
    });
  });

  it('has nothing to invoice when every line is covered and no service charge is entered', () => {
    expect(invoiceLines({ lines: [aPartLine('mb-1', true, 0)], shipping: 900 })).toEqual({ lines: [], total: 0, shippingNotInvoiced: 900 });
    expect(invoiceLines({ lines: [] })).toEqual({ lines: [], total: 0, shippingNotInvoiced: 0 });
  });

  it('only ever has material-cost and service-charge lines: never labour, never shipping', () => {
    expect(INVOICE_LINE_KINDS).toEqual(['MATERIAL_COST', 'SERVICE_CHARGE']);
  });

  it('invoices exactly the total of an assessment', () => {
    const assessment = assessClaim({
      formType: 'REPAIR',
      receivedOn: '2025-03-10',
      submittedOn: '2025-09-01',
      lines: [
        { category: 'MAINBOARD', materialCost: 5000 },
        { category: 'HOUSING', materialCost: 800, worn: true },
      ],
      findings: [],
    });
    const lines = assessment.lines.map((line, index) => ({ ...line, partId: `p${index}`, description: line.category }));
    expect(invoiceLines({ lines }).total).toBe(assessment.total);
  });

  it.each<[string, unknown]>([
    ['input', null],
    ['lines', {}],
    ['lines[0]', { lines: ['hs-1'] }],
    ['lines[0].partId', { lines: [{ ...aPartLine('', false, 800) }] }],
    ['lines[0].description', { lines: [{ ...aPartLine('hs-1', false, 800), description: ' ' }] }],
    ['lines[0].covered', { lines: [{ ...aPartLine('hs-1', false, 800), covered: 'no' }] }],
    ['lines[0].charge', { lines: [aPartLine('hs-1', false, -800)] }],
    ['lines[0].charge', { lines: [aPartLine('hs-1', false, 8.5)] }],
    ['lines[0].charge', { lines: [aPartLine('hs-1', false, Number.NaN)] }],
    ['lines[1].charge', { lines: [aPartLine('hs-1', false, 800), aPartLine('mb-1', true, 5000)] }],
    ['serviceCharge', { lines: [], serviceCharge: 2000 }],
    ['serviceCharge', { lines: [], serviceCharge: null }],
    ['serviceCharge.description', { lines: [], serviceCharge: { description: '', amount: 2000 } }],
    ['serviceCharge.amount', { lines: [], serviceCharge: { description: 'Express', amount: 0 } }],
    ['serviceCharge.amount', { lines: [], serviceCharge: { description: 'Express', amount: 19.99 } }],
    ['shipping', { lines: [], shipping: -1 }],
    ['shipping', { lines: [], shipping: 12.5 }],
    ['lines', { lines: [aPartLine('a', false, Number.MAX_SAFE_INTEGER)], serviceCharge: { description: 'x', amount: 1 } }],
  ])('refuses an invoice whose %s is wrong', (field, input) => {
    expect(errorOf(() => invoiceLines(input as never))).toMatchObject({ name: 'PolicyInputError', field });
  });
});
