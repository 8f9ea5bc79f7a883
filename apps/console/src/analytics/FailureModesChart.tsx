import { AnalyticsFailureModesDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { Grid } from '@mui/material';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';

interface Bar {
  code: string;
  count: number;
  share: number;
  cumulativeShare: number;
}

const Pareto = ({ bars }: { bars: Bar[] }) => (
  <ResponsiveContainer width="100%" height={300}>
    <ComposedChart data={bars.map((bar) => ({ ...bar, cumulative: Math.round(bar.cumulativeShare * 1000) / 10 }))}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="code" interval={0} angle={-30} textAnchor="end" height={80} />
      <YAxis yAxisId="count" />
      <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" />
      <Tooltip />
      <Bar yAxisId="count" dataKey="count" fill="#1976d2" />
      <Line yAxisId="share" type="monotone" dataKey="cumulative" stroke="#d32f2f" />
    </ComposedChart>
  </ResponsiveContainer>
);

/** Pareto of findings and of faulty part categories, bars with the cumulative share as a line. */
export const FailureModesChart = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery(AnalyticsFailureModesDocument, { filter });
  const csv = (name: string, bars: Bar[]) => () =>
    downloadCsv(
      name,
      ['code', 'count', 'share', 'cumulativeShare'],
      bars.map((bar) => [bar.code, bar.count, bar.share, bar.cumulativeShare]),
    );
  const findings = data?.failureModes.findings ?? [];
  const parts = data?.failureModes.partCategories ?? [];
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard
          id="chart-pareto-parts"
          title={translate('aftersale.analytics.pareto.parts')}
          isPending={isPending}
          error={error}
          empty={parts.length === 0}
          onCsv={csv('part-categories.csv', parts)}
        >
          <Pareto bars={parts} />
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ChartCard
          id="chart-pareto-findings"
          title={translate('aftersale.analytics.pareto.findings')}
          isPending={isPending}
          error={error}
          empty={findings.length === 0}
          onCsv={csv('findings.csv', findings)}
        >
          <Pareto bars={findings} />
        </ChartCard>
      </Grid>
    </Grid>
  );
};
