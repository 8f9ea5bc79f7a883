import { STAFF_ROLES } from '@aftersale/domain';
import { BadUserInputError } from '../platform/errors.js';
import type { RestRoute } from '../platform/rest.js';
import { DOCUMENT_LOCALES, invoiceLocaleOf, isDocumentLocale, writeInvoicePdf } from './invoice-pdf.js';
import type { InvoicesService } from './invoices.service.js';

/**
 * `GET /api/invoices/:id.pdf[?locale=en|es|pt]`: the invoice as a PDF (a draft
 * says so), in the customer's language unless one is asked for; integrators
 * get their own only.
 */
export function invoiceRoutes(invoices: InvoicesService): RestRoute[] {
  return [
    {
      method: 'get',
      path: '/api/invoices/:id.pdf',
      roles: [...STAFF_ROLES, 'INTEGRATOR'],
      async handle(req, res, ctx) {
        const asked = req.query['locale'];
        if (asked !== undefined && !isDocumentLocale(asked)) throw new BadUserInputError('locale', `must be one of ${DOCUMENT_LOCALES.join(', ')}.`);
        const invoice = await invoices.get(ctx.em, ctx.actor, String(req.params['id']));
        await ctx.em.populate(invoice, ['claim.device', 'claim.model']);
        res.setHeader('content-type', 'application/pdf');
        res.setHeader('content-disposition', `inline; filename="${invoice.number ?? `draft-invoice-${invoice.id}`}.pdf"`);
        await writeInvoicePdf(
          {
            invoice,
            claim: { number: invoice.claim.number, imei: invoice.claim.device.imei, model: invoice.claim.model.name },
            settings: invoices.settings,
            locale: asked ?? invoiceLocaleOf(invoice.customer.country),
          },
          res,
        );
      },
    },
  ];
}
