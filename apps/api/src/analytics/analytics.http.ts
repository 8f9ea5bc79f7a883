import { stringify } from 'csv-stringify';
import type { Request } from 'express';
import { BadUserInputError } from '../platform/errors.js';
import type { RestRoute } from '../platform/rest.js';
import type { AnalyticsService } from './analytics.service.js';
import type { AnalyticsFilter } from './analytics.types.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The analytics filter from a query string, with GraphQL's names (`modelIds` comma-separated). */
export function analyticsFilterOf(query: Request['query']): AnalyticsFilter {
  const filter: AnalyticsFilter = {};
  const modelIds = text(query['modelIds']);
  if (modelIds !== undefined) filter.modelIds = modelIds.split(',');
  for (const key of ['customerId', 'receiptFrom', 'receiptTo', 'claimFrom', 'claimTo'] as const) {
    const value = text(query[key]);
    if (value !== undefined) filter[key] = value;
  }
  const formType = text(query['formType']);
  if (formType !== undefined) {
    if (formType !== 'REPAIR' && formType !== 'REPLACEMENT') throw new BadUserInputError('formType', 'must be REPAIR or REPLACEMENT.');
    filter.formType = formType;
  }
  return filter;
}

/**
 * `GET /api/analytics/nevada.csv?modelIds=&customerId=&formType=&receiptFrom=&receiptTo=&claimFrom=&claimTo=`:
 * the Nevada chart as CSV, one line per receipt month and claim month (count and rate per 1000).
 */
export function analyticsRoutes(analytics: AnalyticsService): RestRoute[] {
  return [
    {
      method: 'get',
      path: '/api/analytics/nevada.csv',
      roles: ['ANALYST', 'ADMIN'],
      async handle(req, res, ctx) {
        const filter = analyticsFilterOf(req.query);
        const chart = await analytics.answer(ctx.em, 'nevadaChart', filter);
        res.status(200).setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', 'attachment; filename="nevada.csv"');
        const csv = stringify({ header: true, columns: ['receiptMonth', 'units', 'claimMonth', 'claims', 'ratePer1000'] });
        csv.pipe(res);
        for (const row of chart.rows) {
          for (const cell of row.cells)
            csv.write([row.receiptMonth, row.units, cell.claimMonth, cell.claims, cell.ratePer1000 === null ? '' : cell.ratePer1000.toFixed(3)]);
        }
        csv.end();
        await new Promise<void>((resolve, reject) => {
          res.on('finish', resolve);
          res.on('error', reject);
        });
      },
    },
  ];
}
