import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { STAFF_ROLES } from '@aftersale/domain';
import { stringify } from 'csv-stringify';
import type { Request } from 'express';
import { BadUserInputError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { RestRoute } from '../platform/rest.js';
import type { DeviceImporter } from './device-import.js';
import type { DevicesService } from './devices.service.js';
import type { DeviceFilter } from './devices.inputs.js';

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** The upload as a stream that fails once it passes the size limit (a 100 000-unit file is about 3 MB). */
function uploadOf(req: Request): Readable {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_UPLOAD_BYTES ? new BadUserInputError('file', `is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`) : null, chunk);
    },
  });
  req.on('error', (error) => counter.destroy(error));
  return req.pipe(counter);
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
 * carriage return first) gets a leading apostrophe, which shows it as text
 * (OWASP's CSV injection advice).
 */
export const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The device list's filter, from a query string (the same names as GraphQL's DeviceFilter). */
function filterOf(query: Request['query']): DeviceFilter {
  const filter: DeviceFilter = {};
  const imei = text(query['imei']);
  if (imei !== undefined) {
    if (!/^\d{1,15}$/.test(imei)) throw new BadUserInputError('imei', 'must be up to 15 digits.');
    filter.imei = imei;
  }
  // Checked here, before the first byte of the answer: a bad id is a 400 naming it, not a cut-off download.
  for (const key of ['orderId', 'modelId', 'customerId'] as const) {
    const value = text(query[key]);
    if (value !== undefined) filter[key] = String(parseId(value, key));
  }
  const barcode = text(query['barcode']);
  if (barcode !== undefined) filter.barcode = barcode;
  return filter;
}

/**
 * `POST /api/orders/:id/devices/import`: the body is the CSV file itself
 * (any content type), streamed; `?fileName=` is kept for the audit. Answers
 * 200 with the result, or 400 with `code: BAD_USER_INPUT` and every problem.
 *
 * `GET /api/devices.csv?imei=&orderId=&modelId=&customerId=&barcode=`: the
 * device list as CSV, streamed in batches, integrators seeing their own units.
 */
export function deviceRoutes(importer: DeviceImporter, devices: DevicesService): RestRoute[] {
  return [
    {
      method: 'post',
      path: '/api/orders/:id/devices/import',
      roles: ['ADMIN', 'AGENT'],
      async handle(req, res, ctx) {
        const result = await importer.import(ctx.em, ctx.actor, String(req.params['id']), uploadOf(req), text(req.query['fileName']) ?? null);
        if (result.problems.length === 0) {
          res.json(result);
          return;
        }
        res
          .status(400)
          .json({ code: 'BAD_USER_INPUT', field: 'file', message: `The file has ${result.problems.length} problem(s); nothing was imported.`, ...result });
      },
    },
    {
      method: 'get',
      path: '/api/devices.csv',
      roles: [...STAFF_ROLES, 'INTEGRATOR'],
      async handle(req, res, ctx) {
        const filter = filterOf(req.query);
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', 'attachment; filename="devices.csv"');
        const rows = async function* () {
          for await (const batch of devices.batches(ctx.em, ctx.actor, filter)) {
            for (const device of batch) {
              const warranty = devices.warrantyOf(device);
              yield {
                imei: device.imei,
                barcode: device.barcode,
                model: device.model.code,
                customer: device.customer.code,
                order: device.order.number,
                receivedOn: warranty.receivedOn ?? '',
                lastCoveredDay: warranty.lastCoveredDay ?? '',
                underWarranty: warranty.underWarranty ? 'yes' : 'no',
              };
            }
          }
        };
        await pipeline(
          rows,
          stringify({
            header: true,
            cast: { string: neutraliseFormula },
            columns: ['imei', 'barcode', 'model', 'customer', 'order', 'receivedOn', 'lastCoveredDay', 'underWarranty'],
          }),
          res,
        );
      },
    },
  ];
}
