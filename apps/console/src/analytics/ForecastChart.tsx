import { AnalyticsForecastDocument, type AnalyticsFilter } from '@aftersale/graphql';
import { Box, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';

const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 10000) / 100);
const fixed = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** Per model: the Weibull fit of time to claim with its 95 % band and the observed points, and the next 12 months of expected claims. */
export const ForecastChart = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery(AnalyticsForecastDocument, { filter });
  const forecasts = data?.reliabilityForecast ?? [];
  return (
    <ChartCard
      id="chart-forecast"
      title={translate('aftersale.analytics.forecast.title')}
      subtitle={translate('aftersale.analytics.forecast.subtitle')}
      isPending={isPending}
      error={error}
      empty={forecasts.every((f) => f.shape === null || f.shape === undefined)}
      onCsv={() =>
        downloadCsv(
          'forecast.csv',
          ['model', 'shape', 'scale', 'b10', 'b10Lower', 'b10Upper', 'month', 'expectedClaims'],
          forecasts.flatMap((f) => f.expected.map((e) => [f.modelName, f.shape, f.scale, f.b10, f.b10Band?.lower, f.b10Band?.upper, e.month, e.claims])),
        )
      }
    >
      <Grid container spacing={2}>
        {forecasts
          .filter((f) => f.shape !== null && f.shape !== undefined)
          .map((f) => (
            <Grid key={f.modelId} size={{ xs: 12, lg: 6 }} data-testid={`forecast-${f.modelName}`}>
              <Typography variant="subtitle1">{f.modelName}</Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('aftersale.analytics.forecast.parameters', {
                  shape: fixed(f.shape),
                  shapeLow: fixed(f.shapeBand?.lower),
                  shapeHigh: fixed(f.shapeBand?.upper),
                  scale: fixed(f.scale, 0),
                  b10: fixed(f.b10, 1),
                  b10Low: fixed(f.b10Band?.lower, 1),
                  b10High: fixed(f.b10Band?.upper, 1),
                })}
              </Typography>
              <ResponsiveContainer width="100%" height={240}>
                <ComposedChart
                  data={f.curve.map((point) => ({
                    months: point.months,
                    band: [percent(point.lower), percent(point.upper)],
                    fitted: percent(point.fitted),
                    observed: percent(point.observed),
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="months" type="number" domain={[0, 'dataMax']} />
                  <YAxis unit="%" />
                  <Tooltip />
                  <Legend />
                  <Area dataKey="band" name={translate('aftersale.analytics.forecast.band')} stroke="none" fill="#90caf9" fillOpacity={0.5} />
                  <Line dataKey="fitted" name={translate('aftersale.analytics.forecast.fitted')} stroke="#1976d2" dot={false} />
                  <Scatter dataKey="observed" name={translate('aftersale.analytics.forecast.observed')} fill="#d32f2f" />
                </ComposedChart>
              </ResponsiveContainer>
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('aftersale.analytics.forecast.expected')}</TableCell>
                      {f.expected.map((e) => (
                        <TableCell key={e.month} align="right">
                          {e.month}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    <TableRow>
                      <TableCell />
                      {f.expected.map((e) => (
                        <TableCell key={e.month} align="right">
                          {Math.round(e.claims)}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableBody>
                </Table>
              </Box>
            </Grid>
          ))}
      </Grid>
    </ChartCard>
  );
};
