import type { Role } from '@aftersale/graphql';
import { Box, Button, Grid, Typography } from '@mui/material';
import { Link, Title, usePermissions, useTranslate } from 'react-admin';
import { ClaimRateChart } from '../analytics/ClaimRateChart';
import { EarlyWarningList } from '../analytics/EarlyWarningList';
import { CentreCard } from './CentreCard';
import { WorkQueueCard } from './WorkQueueCard';

/** The landing page: what each role needs first (agents the work queue, technicians their centre, analysts rates and alerts). */
export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role>();
  const sees = (...roles: Role[]) => role !== undefined && roles.includes(role);
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }} data-testid="dashboard">
      <Title title={translate('aftersale.dashboard.title')} />
      <Grid container spacing={2}>
        {sees('ANALYST', 'ADMIN') && (
          <>
            <Grid size={{ xs: 12 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="h6">{translate('aftersale.dashboard.analytics')}</Typography>
                <Button component={Link} to="/analytics">
                  {translate('aftersale.dashboard.openAnalytics')}
                </Button>
              </Box>
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <EarlyWarningList filter={{}} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <ClaimRateChart filter={{}} height={260} />
            </Grid>
          </>
        )}
        {sees('AGENT', 'ADMIN') && (
          <Grid size={{ xs: 12, lg: 6 }}>
            <WorkQueueCard />
          </Grid>
        )}
        {sees('TECHNICIAN', 'ADMIN') && (
          <Grid size={{ xs: 12 }}>
            <CentreCard />
          </Grid>
        )}
      </Grid>
    </Box>
  );
};
