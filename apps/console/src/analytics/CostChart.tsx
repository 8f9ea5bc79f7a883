import { AnalyticsWarrantyCostDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { formatMoney } from '../fields/money';
import { usePolicyCurrency } from '../parts/use-policy-currency';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';
import { colourOf, pivot } from './series';

/** Warranty material cost per unit sold, per model and month; the totals with paid-maintenance revenue beside them. */
export const CostChart = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const currency = usePolicyCurrency();
  const { data, isPending, error } = useApiQuery(AnalyticsWarrantyCostDocument, { filter });
  const points = data?.warrantyCost ?? [];
  const { rows, names } = pivot(
    points,
    (p) => p.month,
    (p) => p.modelName,
    (p) => (p.costPerUnit === null || p.costPerUnit === undefined ? null : p.costPerUnit / 100),
  );
  const totals = new Map<string, { cost: number; revenue: number; claims: number }>();
  for (const p of points) {
    const total = totals.get(p.modelName) ?? { cost: 0, revenue: 0, claims: 0 };
    totals.set(p.modelName, { cost: total.cost + p.warrantyCost, revenue: total.revenue + p.paidRevenue, claims: total.claims + p.claims });
  }
  return (
    <ChartCard
      id="chart-cost"
      title={translate('aftersale.analytics.cost.title')}
      subtitle={translate('aftersale.analytics.cost.subtitle')}
      isPending={isPending}
      error={error}
      empty={points.every((p) => p.claims === 0)}
      onCsv={() =>
        downloadCsv(
          'warranty-cost.csv',
          ['model', 'month', 'claims', 'warrantyCost', 'paidRevenue', 'unitsInField', 'costPerUnit'],
          points.map((p) => [p.modelName, p.month, p.claims, p.warrantyCost, p.paidRevenue, p.unitsInField, p.costPerUnit]),
        )
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" />
          <YAxis />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatMoney(Math.round(value * 100), currency) : '—')} />
          <Legend />
          {names.map((name, index) => (
            <Line key={name} type="monotone" dataKey={name} stroke={colourOf(index)} dot={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('aftersale.analytics.model')}</TableCell>
            <TableCell align="right">{translate('aftersale.analytics.claims')}</TableCell>
            <TableCell align="right">{translate('aftersale.analytics.cost.warranty')}</TableCell>
            <TableCell align="right">{translate('aftersale.analytics.cost.revenue')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...totals.entries()].map(([model, total]) => (
            <TableRow key={model}>
              <TableCell>{model}</TableCell>
              <TableCell align="right">{total.claims}</TableCell>
              <TableCell align="right">{formatMoney(total.cost, currency)}</TableCell>
              <TableCell align="right">{formatMoney(total.revenue, currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ChartCard>
  );
};
