import { AnalyticsClaimRatesDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';
import { colourOf, formatRate, pivot } from './series';

/** Claims per 1000 units in the field, per model, by month of claim. */
export const ClaimRateChart = ({ filter, height = 300 }: { filter: AnalyticsFilter; height?: number }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery(AnalyticsClaimRatesDocument, { filter });
  const points = data?.claimRates ?? [];
  const { rows, names } = pivot(
    points,
    (p) => p.month,
    (p) => p.modelName,
    (p) => p.ratePer1000 ?? null,
  );
  return (
    <ChartCard
      id="chart-claim-rate"
      title={translate('aftersale.analytics.claimRate.title')}
      subtitle={translate('aftersale.analytics.claimRate.subtitle')}
      isPending={isPending}
      error={error}
      empty={points.every((p) => p.claims === 0)}
      onCsv={() =>
        downloadCsv(
          'claim-rate.csv',
          ['model', 'month', 'claims', 'unitsInField', 'ratePer1000'],
          points.map((p) => [p.modelName, p.month, p.claims, p.unitsInField, p.ratePer1000]),
        )
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" />
          <YAxis />
          <Tooltip formatter={(value) => formatRate(value as number)} />
          <Legend />
          {names.map((name, index) => (
            <Line key={name} type="monotone" dataKey={name} stroke={colourOf(index)} dot={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
