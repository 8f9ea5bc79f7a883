import { STAFF_ROLES } from '@aftersale/domain';
import type { RestRoute } from '../platform/rest.js';
import { writeInvoicePdf } from './invoice-pdf.js';
import type { InvoicesService } from './invoices.service.js';

/** `GET /api/invoices/:id.pdf`: the invoice as a PDF (a draft says so); integrators get their own only. */
export function invoiceRoutes(invoices: InvoicesService): RestRoute[] {
  return [
    {
      method: 'get',
      path: '/api/invoices/:id.pdf',
      roles: [...STAFF_ROLES, 'INTEGRATOR'],
      async handle(req, res, ctx) {
        const invoice = await invoices.get(ctx.em, ctx.actor, String(req.params['id']));
        await ctx.em.populate(invoice, ['claim.device', 'claim.model']);
        res.setHeader('content-type', 'application/pdf');
        res.setHeader('content-disposition', `inline; filename="${invoice.number ?? `draft-invoice-${invoice.id}`}.pdf"`);
        await writeInvoicePdf(invoice, { number: invoice.claim.number, imei: invoice.claim.device.imei, model: invoice.claim.model.name }, res);
      },
    },
  ];
}
