import { AnalyticsMonthsInServiceDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';
import { colourOf, formatRate, pivot } from './series';

/** Claims per 1000 units by age at claim, so young fleets do not look better than they are. */
export const MonthsInServiceChart = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery(AnalyticsMonthsInServiceDocument, { filter });
  const points = data?.claimRatesByMonthsInService ?? [];
  const { rows, names } = pivot(
    points,
    (p) => p.monthsInService,
    (p) => p.modelName,
    (p) => p.ratePer1000 ?? null,
  );
  return (
    <ChartCard
      id="chart-months-in-service"
      title={translate('aftersale.analytics.monthsInService.title')}
      subtitle={translate('aftersale.analytics.monthsInService.subtitle')}
      isPending={isPending}
      error={error}
      empty={points.every((p) => p.claims === 0)}
      onCsv={() =>
        downloadCsv(
          'claims-by-months-in-service.csv',
          ['model', 'monthsInService', 'claims', 'unitsExposed', 'ratePer1000'],
          points.map((p) => [p.modelName, p.monthsInService, p.claims, p.unitsExposed, p.ratePer1000]),
        )
      }
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" label={{ value: translate('aftersale.analytics.monthsInService.axis'), position: 'insideBottom', offset: -2 }} />
          <YAxis />
          <Tooltip formatter={(value) => formatRate(value as number)} />
          <Legend verticalAlign="top" />
          {names.map((name, index) => (
            <Line key={name} type="monotone" dataKey={name} stroke={colourOf(index)} dot={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
