import { PolicyInputError } from './errors.js';
import { minorUnits, sumMinorUnits } from './money.js';

/** What an invoice line charges for: a part's material cost (H6) or a service charge entered by staff (H8). */
export const INVOICE_LINE_KINDS = ['MATERIAL_COST', 'SERVICE_CHARGE'] as const;
/** See `INVOICE_LINE_KINDS`. */
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

/** An assessed part line with the part it is about. */
export interface InvoiceablePartLine {
  readonly partId: string;
  readonly description: string;
  readonly covered: boolean;
  /** From the assessment: the material cost when chargeable, 0 when covered. */
  readonly charge: number;
}

/** What `invoiceLines` needs. */
export interface InvoiceInput {
  readonly lines: readonly InvoiceablePartLine[];
  /** H8: a solution beyond the company's commitment, entered by staff. */
  readonly serviceCharge?: { readonly description: string; readonly amount: number };
  /** H7: what the shipping cost the customer; recorded, never invoiced. */
  readonly shipping?: number;
}

/** One line of a paid-maintenance invoice. */
export interface InvoiceLine {
  readonly kind: InvoiceLineKind;
  /** The part, for a material-cost line. */
  readonly partId?: string;
  readonly description: string;
  /** Integer minor units. */
  readonly amount: number;
}

/** The invoice's lines and total, and the shipping recorded beside it. */
export interface InvoiceLines {
  readonly lines: InvoiceLine[];
  /** Sum of the lines, integer minor units. */
  readonly total: number;
  /** H7: recorded for the customer's information, not part of `total`. */
  readonly shippingNotInvoiced: number;
}

function nonEmptyText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new PolicyInputError(field, 'must be a non-empty text');
  return value;
}

/**
 * A paid-maintenance invoice charges only the material cost of the chargeable parts, plus a service charge when staff entered one; never labour, never shipping (H6, H7, H8).
 * Covered lines are left out; shipping is returned as `shippingNotInvoiced`, outside the total.
 * @example
 * invoiceLines({ lines: [{ partId: 'hs-1', description: 'Housing', covered: false, charge: 800 },
 *                        { partId: 'mb-1', description: 'Mainboard', covered: true, charge: 0 }], shipping: 1500 })
 * // { lines: [{ kind: 'MATERIAL_COST', partId: 'hs-1', description: 'Housing', amount: 800 }], total: 800, shippingNotInvoiced: 1500 }
 */
export function invoiceLines(input: InvoiceInput): InvoiceLines {
  if (typeof input !== 'object' || input === null) throw new PolicyInputError('input', 'must be an invoice input object');
  if (!Array.isArray(input.lines)) throw new PolicyInputError('lines', 'must be a list of assessed part lines');

  const lines: InvoiceLine[] = [];
  input.lines.forEach((line: unknown, index) => {
    const field = `lines[${index}]`;
    if (typeof line !== 'object' || line === null) throw new PolicyInputError(field, 'must be an assessed part line');
    const { partId, description, covered, charge } = line as Record<keyof InvoiceablePartLine, unknown>;
    nonEmptyText(partId, `${field}.partId`);
    nonEmptyText(description, `${field}.description`);
    if (typeof covered !== 'boolean') throw new PolicyInputError(`${field}.covered`, 'must be true or false');
    const amount = minorUnits(charge, `${field}.charge`);
    // H4: a covered part is replaced free; a charge on it would contradict the assessment.
    if (covered && amount !== 0) throw new PolicyInputError(`${field}.charge`, 'a covered line is not charged');
    if (!covered) lines.push({ kind: 'MATERIAL_COST', partId: partId as string, description: description as string, amount });
  });

  if (input.serviceCharge !== undefined) {
    const serviceCharge: unknown = input.serviceCharge;
    if (typeof serviceCharge !== 'object' || serviceCharge === null) throw new PolicyInputError('serviceCharge', 'must be { description, amount }');
    const { description, amount } = serviceCharge as Record<string, unknown>;
    const text = nonEmptyText(description, 'serviceCharge.description');
    const value = minorUnits(amount, 'serviceCharge.amount');
    if (value === 0) throw new PolicyInputError('serviceCharge.amount', 'must be more than 0 (leave the service charge out instead)');
    lines.push({ kind: 'SERVICE_CHARGE', description: text, amount: value });
  }

  const shippingNotInvoiced = input.shipping === undefined ? 0 : minorUnits(input.shipping, 'shipping');
  return {
    lines,
    total: sumMinorUnits(
      lines.map((line) => line.amount),
      'lines',
    ),
    shippingNotInvoiced,
  };
}
