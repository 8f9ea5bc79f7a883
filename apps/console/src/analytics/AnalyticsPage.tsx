import { Box, Grid, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { ClaimRateChart } from './ClaimRateChart';
import { CostChart } from './CostChart';
import { DecisionsPanel } from './DecisionsPanel';
import { EarlyWarningList } from './EarlyWarningList';
import { FailureModesChart } from './FailureModesChart';
import { ForecastChart } from './ForecastChart';
import { MonthsInServiceChart } from './MonthsInServiceChart';
import { NevadaTable } from './NevadaTable';
import { useAnalyticsFilter } from './analytics-filter';

/** Warranty analytics for analysts and administrators: every figure follows the filter in the URL. */
export const AnalyticsPage = () => {
  const translate = useTranslate();
  const [filter, setFilter] = useAnalyticsFilter();
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="analytics-page">
      <Title title={translate('aftersale.analytics.title')} />
      <Typography variant="h5" gutterBottom>
        {translate('aftersale.analytics.title')}
      </Typography>
      <AnalyticsFilterBar filter={filter} onChange={setFilter} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12 }}>
          <EarlyWarningList filter={filter} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <ClaimRateChart filter={filter} />
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <MonthsInServiceChart filter={filter} />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <NevadaTable filter={filter} />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <FailureModesChart filter={filter} />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <ForecastChart filter={filter} />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <CostChart filter={filter} />
        </Grid>
        <Grid size={{ xs: 12 }}>
          <DecisionsPanel filter={filter} />
        </Grid>
      </Grid>
    </Box>
  );
};
