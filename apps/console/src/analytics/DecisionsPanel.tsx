import { AnalyticsDecisionsDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { Grid, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { useEnumLabel } from '../fields/enum-label';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';
import { colourOf, pivot } from './series';

/** The mix of decisions by month, and days from submission to shipping back per service centre. */
export const DecisionsPanel = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const { data, isPending, error } = useApiQuery(AnalyticsDecisionsDocument, { filter });
  const mix = data?.decisionMix ?? [];
  const { rows, names } = pivot(
    mix,
    (d) => d.month,
    (d) => enumLabel(d.decision),
    (d) => d.claims,
  );
  const perCentre = (data?.turnaround ?? []).filter((row) => row.month === null);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <ChartCard
          id="chart-decisions"
          title={translate('aftersale.analytics.decisions.title')}
          isPending={isPending}
          error={error}
          empty={mix.length === 0}
          onCsv={() =>
            downloadCsv(
              'decisions.csv',
              ['month', 'decision', 'claims'],
              mix.map((d) => [d.month, d.decision, d.claims]),
            )
          }
        >
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="x" />
              <YAxis />
              <Tooltip />
              <Legend />
              {names.map((name, index) => (
                <Bar key={name} dataKey={name} stackId="decisions" fill={colourOf(index)} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <ChartCard
          id="table-turnaround"
          title={translate('aftersale.analytics.turnaround.title')}
          isPending={isPending}
          error={error}
          empty={perCentre.length === 0}
          onCsv={() =>
            downloadCsv(
              'turnaround.csv',
              ['serviceCentre', 'month', 'shippedBack', 'medianDays', 'p90Days'],
              (data?.turnaround ?? []).map((row) => [row.serviceCentreName, row.month ?? 'all', row.shippedBack, row.medianDays, row.p90Days]),
            )
          }
        >
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('aftersale.analytics.turnaround.centre')}</TableCell>
                <TableCell align="right">{translate('aftersale.analytics.turnaround.shipped')}</TableCell>
                <TableCell align="right">{translate('aftersale.analytics.turnaround.median')}</TableCell>
                <TableCell align="right">{translate('aftersale.analytics.turnaround.p90')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {perCentre.map((row) => (
                <TableRow key={row.serviceCentreId ?? 'none'}>
                  <TableCell>{row.serviceCentreName ?? translate('aftersale.analytics.turnaround.noCentre')}</TableCell>
                  <TableCell align="right">{row.shippedBack}</TableCell>
                  <TableCell align="right">{row.medianDays ?? '—'}</TableCell>
                  <TableCell align="right">{row.p90Days ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ChartCard>
      </Grid>
    </Grid>
  );
};
