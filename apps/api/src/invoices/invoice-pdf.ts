import { CLAUSE_TEXTS, clauseInfo, invoiceDueOn, invoiceTax, type PolicyClause } from '@aftersale/domain';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { Invoice } from './invoice.entity.js';
import type { InvoiceSettings } from './invoice-settings.js';

/** The languages an invoice is printed in (the console's too). */
export const DOCUMENT_LOCALES = ['en', 'es', 'pt'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

/** BCP 47 tags that format dates and money as each language's readers expect. */
const LOCALE_TAGS: Record<DocumentLocale, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-PT' };

const SPANISH_SPEAKING = new Set(['ES', 'MX', 'AR', 'CL', 'CO', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'GQ']);
const PORTUGUESE_SPEAKING = new Set(['PT', 'BR', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL']);

/** The language of a customer's invoices, from its country; English elsewhere. */
export function invoiceLocaleOf(country: string): DocumentLocale {
  const code = country.toUpperCase();
  if (SPANISH_SPEAKING.has(code)) return 'es';
  if (PORTUGUESE_SPEAKING.has(code)) return 'pt';
  return 'en';
}

export function isDocumentLocale(value: unknown): value is DocumentLocale {
  return (DOCUMENT_LOCALES as readonly unknown[]).includes(value);
}

interface Labels {
  invoice: string;
  draft: string;
  subtitle: string;
  billTo: string;
  taxId: string;
  customerCode: string;
  issuedOn: string;
  dueOn: string;
  paidOn: string;
  claim: string;
  unit: string;
  void: string;
  description: string;
  clauses: string;
  quantity: string;
  amount: string;
  serviceCharge: string;
  covered: string;
  subtotal: string;
  tax: (rate: string) => string;
  reverseCharge: string;
  total: string;
  terms: (days: number, dueOn: string) => string;
  promises: string;
  page: (n: number) => string;
}

const LABELS: Record<DocumentLocale, Labels> = {
  en: {
    invoice: 'Invoice',
    draft: 'Draft invoice (not yet issued)',
    subtitle: 'Paid maintenance, after-sales service',
    billTo: 'Bill to',
    taxId: 'Tax ID',
    customerCode: 'Customer code',
    issuedOn: 'Issue date',
    dueOn: 'Due date',
    paidOn: 'Paid on',
    claim: 'Claim',
    unit: 'Unit',
    void: 'VOID',
    description: 'Description',
    clauses: 'Policy clauses',
    quantity: 'Qty',
    amount: 'Amount',
    serviceCharge: 'H8: service charge',
    covered: 'no clause',
    subtotal: 'Subtotal',
    tax: (rate) => `VAT ${rate}`,
    reverseCharge: 'VAT: reverse charge, to be accounted for by the customer',
    total: 'Total due',
    terms: (days, dueOn) => `Payment within ${days} days of the issue date, by ${dueOn}.`,
    promises: 'Material cost only (H6): no labour is charged. Shipping, both ways, is borne by the customer and never invoiced (H7).',
    page: (n) => `Page ${n}`,
  },
  es: {
    invoice: 'Factura',
    draft: 'Borrador de factura (sin emitir)',
    subtitle: 'Mantenimiento de pago, servicio posventa',
    billTo: 'Facturar a',
    taxId: 'NIF',
    customerCode: 'Código de cliente',
    issuedOn: 'Fecha de emisión',
    dueOn: 'Fecha de vencimiento',
    paidOn: 'Pagada el',
    claim: 'Reclamación',
    unit: 'Unidad',
    void: 'ANULADA',
    description: 'Descripción',
    clauses: 'Cláusulas de la garantía',
    quantity: 'Cant.',
    amount: 'Importe',
    serviceCharge: 'H8: cargo por servicio',
    covered: 'sin cláusula',
    subtotal: 'Subtotal',
    tax: (rate) => `IVA ${rate}`,
    reverseCharge: 'IVA: inversión del sujeto pasivo, a cargo del cliente',
    total: 'Total a pagar',
    terms: (days, dueOn) => `Pago en ${days} días desde la fecha de emisión, antes del ${dueOn}.`,
    promises: 'Solo coste de material (H6): no se cobra mano de obra. El envío, en ambos sentidos, corre a cargo del cliente y nunca se factura (H7).',
    page: (n) => `Página ${n}`,
  },
  pt: {
    invoice: 'Fatura',
    draft: 'Rascunho de fatura (não emitida)',
    subtitle: 'Manutenção paga, serviço pós-venda',
    billTo: 'Faturar a',
    taxId: 'NIF',
    customerCode: 'Código de cliente',
    issuedOn: 'Data de emissão',
    dueOn: 'Data de vencimento',
    paidOn: 'Paga em',
    claim: 'Reclamação',
    unit: 'Unidade',
    void: 'ANULADA',
    description: 'Descrição',
    clauses: 'Cláusulas da garantia',
    quantity: 'Qtd.',
    amount: 'Montante',
    serviceCharge: 'H8: taxa de serviço',
    covered: 'sem cláusula',
    subtotal: 'Subtotal',
    tax: (rate) => `IVA ${rate}`,
    reverseCharge: 'IVA: autoliquidação, a cargo do cliente',
    total: 'Total a pagar',
    terms: (days, dueOn) => `Pagamento a ${days} dias da data de emissão, até ${dueOn}.`,
    promises: 'Apenas custo de material (H6): não é cobrada mão de obra. O envio, nos dois sentidos, é suportado pelo cliente e nunca faturado (H7).',
    page: (n) => `Página ${n}`,
  },
};

/** A clause's text in the document's language. */
const clauseText = (code: PolicyClause, locale: DocumentLocale): string => CLAUSE_TEXTS[locale][code];

/** Helvetica (WinAnsi) has no narrow no-break space, which some locales put in numbers and dates. */
const printable = (text: string) => text.replace(/\u202f/g, '\u00a0');

function formatters(locale: DocumentLocale, currency: string) {
  const tag = LOCALE_TAGS[locale];
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  return {
    money: (cents: number) => printable(money.format(cents / 100)),
    date: (iso: string) => printable(date.format(new Date(`${iso}T00:00:00Z`))),
    percent: (rate: number) => printable(percent.format(rate / 100)),
  };
}

export interface InvoicePdfInput {
  invoice: Invoice;
  claim: { number: string; imei: string; model: string };
  settings: InvoiceSettings;
  locale: DocumentLocale;
}

const PAGE = { left: 50, right: 545.28, top: 50, bottom: 791.89 };
const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 9;

interface Cell {
  text: string;
  width: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

/**
 * Renders an invoice as a PDF onto `out`: the seller and the customer, the
 * issue and due dates, a table whose rows grow with their wrapped text (each
 * line with the letters and texts of the clauses that made it chargeable),
 * the tax line and the total, dates and money in the customer's language.
 */
export function writeInvoicePdf({ invoice, claim, settings, locale }: InvoicePdfInput, out: Writable): Promise<void> {
  const label = LABELS[locale];
  const format = formatters(locale, invoice.currency);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    lang: LOCALE_TAGS[locale],
    info: { Title: invoice.number ? `${label.invoice} ${invoice.number}` : label.draft, Author: settings.seller.name },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  const width = PAGE.right - PAGE.left;

  // Seller (left) and the document's title and dates (right).
  const top = PAGE.top;
  doc.font('Helvetica-Bold').fontSize(12).text(settings.seller.name, PAGE.left, top, { width: 260 });
  doc.font('Helvetica').fontSize(9);
  for (const line of settings.seller.address) doc.text(line, { width: 260 });
  doc.text(`${label.taxId}: ${settings.seller.taxId}`, { width: 260 });
  const sellerBottom = doc.y;

  const right = { x: 330, width: PAGE.right - 330 };
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(invoice.number ? `${label.invoice} ${invoice.number}` : label.draft, right.x, top, { width: right.width, align: 'right' });
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(label.subtitle, right.x, doc.y, { width: right.width, align: 'right' }).fillColor('black');
  doc.moveDown(0.5);
  const dueOn = invoice.issuedOn ? invoiceDueOn(invoice.issuedOn, settings.paymentTermsDays) : undefined;
  const facts: [string, string][] = [];
  if (invoice.issuedOn) facts.push([label.issuedOn, format.date(invoice.issuedOn)]);
  if (dueOn) facts.push([label.dueOn, format.date(dueOn)]);
  if (invoice.paidOn) facts.push([label.paidOn, format.date(invoice.paidOn)]);
  facts.push([label.claim, claim.number]);
  for (const [name, value] of facts) doc.text(`${name}: ${value}`, right.x, doc.y, { width: right.width, align: 'right' });
  const titleBottom = doc.y;

  // The customer.
  let y = Math.max(sellerBottom, titleBottom) + 24;
  doc.font('Helvetica-Bold').fontSize(10).text(label.billTo, PAGE.left, y, { width: 260 });
  doc.font('Helvetica').fontSize(9).text(invoice.customer.name, { width: 260 });
  for (const line of (invoice.customer.address ?? '').split('\n').filter((l) => l.trim())) doc.text(line.trim(), { width: 260 });
  doc.text(`${label.customerCode}: ${invoice.customer.code} · ${invoice.customer.country}`, { width: 260 });
  doc.text(`${label.unit}: ${claim.model}, IMEI ${claim.imei}`, { width: 260 });
  if (invoice.status === 'VOID')
    doc
      .fillColor('#b00020')
      .font('Helvetica-Bold')
      .text(`${label.void}: ${invoice.voidReason ?? ''}`, { width: width })
      .font('Helvetica')
      .fillColor('black');
  y = doc.y + 18;

  // The lines: a table whose rows are as tall as their tallest wrapped cell.
  const columns = { description: 150, clauses: 215, quantity: 40, amount: width - 150 - 215 - 40 };
  const header = (): Cell[] => [
    { text: label.description, width: columns.description, bold: true },
    { text: label.clauses, width: columns.clauses, bold: true },
    { text: label.quantity, width: columns.quantity, align: 'right', bold: true },
    { text: label.amount, width: columns.amount, align: 'right', bold: true },
  ];
  const heightOf = (cells: Cell[]) =>
    Math.max(
      ...cells.map((cell) =>
        doc
          .font(cell.bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(TABLE_FONT_SIZE)
          .heightOfString(cell.text, { width: cell.width - 2 * CELL_PADDING }),
      ),
    ) +
    2 * CELL_PADDING;
  const drawRow = (cells: Cell[], at: number, shade = false) => {
    const height = heightOf(cells);
    if (shade) doc.rect(PAGE.left, at, width, height).fill('#eeeeee').fillColor('black');
    let x = PAGE.left;
    for (const cell of cells) {
      doc
        .font(cell.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(TABLE_FONT_SIZE)
        .text(cell.text, x + CELL_PADDING, at + CELL_PADDING, { width: cell.width - 2 * CELL_PADDING, align: cell.align ?? 'left' });
      x += cell.width;
    }
    doc
      .moveTo(PAGE.left, at + height)
      .lineTo(PAGE.right, at + height)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    return at + height;
  };
  /** A row that does not fit goes to the next page, under the header again. */
  const row = (cells: Cell[]) => {
    if (y + heightOf(cells) > PAGE.bottom - 40) {
      doc.addPage();
      y = drawRow(header(), PAGE.top, true);
    }
    y = drawRow(cells, y);
  };
  y = drawRow(header(), y, true);
  for (const line of invoice.lines) {
    const clauses =
      line.kind === 'SERVICE_CHARGE'
        ? label.serviceCharge
        : line.clauses.map((code) => `${clauseInfo(code).letter}: ${clauseText(code, locale)}`).join('\n') || label.covered;
    row([
      { text: line.description, width: columns.description },
      { text: clauses, width: columns.clauses },
      { text: String(line.quantity), width: columns.quantity, align: 'right' },
      { text: format.money(line.amount), width: columns.amount, align: 'right' },
    ]);
  }

  // Subtotal, tax, total.
  const { tax, gross } = invoiceTax(invoice.total, settings.taxRatePercent);
  const totals: [string, string, boolean][] = [
    [label.subtotal, format.money(invoice.total), false],
    [settings.taxRatePercent === 0 ? label.reverseCharge : label.tax(format.percent(settings.taxRatePercent)), format.money(tax), false],
    [label.total, format.money(gross), true],
  ];
  y += 6;
  for (const [name, value, bold] of totals) {
    const cells: Cell[] = [
      { text: name, width: width - columns.amount, align: 'right', bold },
      { text: value, width: columns.amount, align: 'right', bold },
    ];
    if (y + heightOf(cells) > PAGE.bottom - 40) {
      doc.addPage();
      y = PAGE.top;
    }
    let x = PAGE.left;
    const height = heightOf(cells);
    for (const cell of cells) {
      doc
        .font(cell.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(TABLE_FONT_SIZE)
        .text(cell.text, x + CELL_PADDING, y + CELL_PADDING, { width: cell.width - 2 * CELL_PADDING, align: 'right' });
      x += cell.width;
    }
    y += height;
  }

  // Terms and the policy's promises.
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  const notes = [dueOn ? label.terms(settings.paymentTermsDays, format.date(dueOn)) : undefined, label.promises].filter((n): n is string => n !== undefined);
  y += 16;
  for (const note of notes) {
    const height = doc.heightOfString(note, { width });
    if (y + height > PAGE.bottom - 20) {
      doc.addPage();
      y = PAGE.top;
    }
    doc.text(note, PAGE.left, y, { width });
    y += height + 6;
  }
  doc.fillColor('black');

  // Page numbers, once every page exists; drawn inside the margin so they never start a page of their own.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#555555')
      .text(label.page(index + 1), PAGE.left, PAGE.bottom + 20, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
