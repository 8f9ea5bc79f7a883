import { AnalyticsNevadaDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { downloadFile } from '../api/files';
import { searchOfFilter } from './analytics-filter';
import { ChartCard } from './ChartCard';

/** The cell's colour: white at zero, deep red at the chart's highest rate. */
const heat = (rate: number | null | undefined, max: number) => {
  if (!rate || max <= 0) return undefined;
  const strength = Math.min(rate / max, 1);
  return `rgba(211, 47, 47, ${(0.08 + 0.82 * strength).toFixed(2)})`;
};

/**
 * The Nevada chart as a heat map: a row per month units were received, a
 * column per month of claim, the count in each cell shaded by its rate per
 * 1000 of that month's units. The CSV comes from the API
 * (`/api/analytics/nevada.csv`, the same filter).
 */
export const NevadaTable = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { data, isPending, error } = useApiQuery(AnalyticsNevadaDocument, { filter });
  const chart = data?.nevadaChart;
  const rows = (chart?.rows ?? []).filter((row) => row.units > 0 || row.cells.some((cell) => cell.claims > 0));
  const max = Math.max(0, ...rows.flatMap((row) => row.cells.map((cell) => cell.ratePer1000 ?? 0)));
  const search = searchOfFilter(filter);
  return (
    <ChartCard
      id="chart-nevada"
      title={translate('aftersale.analytics.nevada.title')}
      subtitle={translate('aftersale.analytics.nevada.subtitle')}
      isPending={isPending}
      error={error}
      empty={rows.length === 0}
      onCsv={() => {
        void downloadFile(`/api/analytics/nevada.csv${search ? `?${search}` : ''}`, 'nevada.csv').catch((e: Error) => notify(e.message, { type: 'error' }));
      }}
    >
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="nevada-table" sx={{ '& td, & th': { px: 0.75, whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('aftersale.analytics.nevada.received')}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.nevada.units')}</TableCell>
              {chart?.claimMonths.map((month) => (
                <TableCell key={month} align="right">
                  {month}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.receiptMonth} data-testid={`nevada-row-${row.receiptMonth}`}>
                <TableCell component="th">{row.receiptMonth}</TableCell>
                <TableCell align="right">{row.units}</TableCell>
                {row.cells.map((cell) => (
                  <Tooltip key={cell.claimMonth} title={cell.ratePer1000 === null || cell.ratePer1000 === undefined ? '' : `${cell.ratePer1000.toFixed(2)} ‰`}>
                    <TableCell align="right" sx={{ bgcolor: heat(cell.ratePer1000, max) }} data-rate={cell.ratePer1000 ?? ''}>
                      {cell.claims || ''}
                    </TableCell>
                  </Tooltip>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </ChartCard>
  );
};
