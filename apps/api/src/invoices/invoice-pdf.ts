import { clauseInfo, type PolicyClause } from '@aftersale/domain';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { Invoice } from './invoice.entity.js';

const money = (cents: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);

/**
 * Renders an invoice as a PDF onto `out`: the lines with the policy clauses
 * that made each one chargeable, the clause texts, and the policy's promises
 * (material cost only, no labour, shipping never invoiced).
 */
export function writeInvoicePdf(invoice: Invoice, claim: { number: string; imei: string; model: string }, out: Writable): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: invoice.number ?? `Draft invoice ${invoice.id}`, Author: 'Aftersale' } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);

  doc.fontSize(20).text(invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice (not yet issued)');
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text('Paid maintenance — after-sales service').fillColor('black');
  doc.moveDown();
  doc.text(`Customer: ${invoice.customer.name} (${invoice.customer.code}, ${invoice.customer.country})`);
  doc.text(`Claim: ${claim.number}   Unit: ${claim.model}, IMEI ${claim.imei}`);
  if (invoice.issuedOn) doc.text(`Issued: ${invoice.issuedOn}`);
  if (invoice.paidOn) doc.text(`Paid: ${invoice.paidOn}`);
  if (invoice.status === 'VOID') doc.fillColor('#b00').text(`VOID: ${invoice.voidReason ?? ''}`).fillColor('black');
  doc.moveDown();

  const columns = { description: 50, clauses: 300, amount: 440 };
  const header = doc.y;
  doc.font('Helvetica-Bold').text('Description', columns.description, header).text('Policy clauses', columns.clauses, header).text('Amount', columns.amount, header, { width: 100, align: 'right' });
  doc.font('Helvetica').moveDown(0.5);
  const cited = new Set<PolicyClause>();
  for (const line of invoice.lines) {
    const y = doc.y;
    line.clauses.forEach((clause) => cited.add(clause));
    const clauses = line.kind === 'SERVICE_CHARGE' ? 'H8 service charge' : line.clauses.map((c) => `${clauseInfo(c).letter} ${c}`).join('\n') || '—';
    doc.text(line.description, columns.description, y, { width: 240 });
    const after = doc.y;
    doc.text(clauses, columns.clauses, y, { width: 135 });
    doc.text(money(line.amount, invoice.currency), columns.amount, y, { width: 100, align: 'right' });
    doc.y = Math.max(after, doc.y) + 4;
  }
  doc.moveDown(0.5).font('Helvetica-Bold').text(`Total ${money(invoice.total, invoice.currency)}`, columns.description, doc.y, { width: 490, align: 'right' }).font('Helvetica');

  doc.moveDown(1.5).fontSize(9);
  for (const clause of cited) doc.text(`${clauseInfo(clause).letter} ${clause}: ${clauseInfo(clause).text}`, 50, doc.y, { width: 490 });
  doc.moveDown().fillColor('#555');
  doc.text('Material cost only (H6): no labour is charged. Shipping, both ways, is borne by the customer and never invoiced (H7).', 50, doc.y, { width: 490 });
  doc.end();
  return done;
}
