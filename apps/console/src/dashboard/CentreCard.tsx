import { DashboardCentreDocument, type ClaimStatus } from '@aftersale/graphql';
import { Box, Grid, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { Link, useStore, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from '../analytics/ChartCard';
import { downloadCsv } from '../analytics/csv';
import { ClaimStatusChip } from '../claims/ClaimStatusChip';
import { useServiceCentreChoices } from '../fields/service-centre-choices';

/** What a technician's bench holds: units on their way, in, being inspected or repaired. */
const BENCH: ClaimStatus[] = ['AWAITING_UNIT', 'RECEIVED', 'INSPECTION', 'AWAITING_AGREEMENT', 'AWAITING_APPROVAL', 'IN_REPAIR', 'READY_TO_SHIP'];

/** The technicians' first look: their centre's queue and its low stock (the centre is remembered on this browser). */
export const CentreCard = () => {
  const translate = useTranslate();
  const { choices } = useServiceCentreChoices();
  const [stored, setCentre] = useStore<string>('dashboard.serviceCentreId', '');
  const centre = stored || String(choices[0]?.id ?? '');
  const { data, isPending, error } = useApiQuery(DashboardCentreDocument, { serviceCentreId: centre }, { enabled: centre !== '' });
  const queue = (data?.claimStatusCounts ?? []).filter((row) => BENCH.includes(row.status) && row.count > 0);
  const low = data?.stockLevels.items ?? [];
  return (
    <Box>
      <TextField
        select
        size="small"
        sx={{ minWidth: 280, mb: 2 }}
        label={translate('aftersale.dashboard.centre.choose')}
        value={centre}
        onChange={(event) => setCentre(event.target.value)}
      >
        {choices.map((choice) => (
          <MenuItem key={choice.id} value={String(choice.id)}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <ChartCard
            id="dashboard-centre-queue"
            title={translate('aftersale.dashboard.centre.queue')}
            isPending={centre !== '' && isPending}
            error={error}
            empty={queue.length === 0}
            onCsv={() =>
              downloadCsv(
                'centre-queue.csv',
                ['status', 'claims'],
                queue.map((row) => [row.status, row.count]),
              )
            }
          >
            <Table size="small">
              <TableBody>
                {queue.map((row) => (
                  <TableRow key={row.status}>
                    <TableCell>
                      <Link to={`/claims?filter=${encodeURIComponent(JSON.stringify({ status: [row.status], serviceCentreId: centre }))}`}>
                        <ClaimStatusChip status={row.status} size="small" />
                      </Link>
                    </TableCell>
                    <TableCell align="right">{row.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ChartCard>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ChartCard
            id="dashboard-low-stock"
            title={translate('aftersale.dashboard.centre.lowStock')}
            subtitle={data ? translate('aftersale.dashboard.centre.lowStockCount', { count: data.stockLevels.total }) : undefined}
            isPending={centre !== '' && isPending}
            error={error}
            empty={low.length === 0}
            onCsv={() =>
              downloadCsv(
                'low-stock.csv',
                ['sku', 'part', 'onHand', 'threshold'],
                low.map((level) => [level.part.sku, level.part.name, level.onHand, level.lowStockThreshold]),
              )
            }
          >
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('aftersale.dashboard.centre.part')}</TableCell>
                  <TableCell align="right">{translate('aftersale.dashboard.centre.onHand')}</TableCell>
                  <TableCell align="right">{translate('aftersale.dashboard.centre.threshold')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {low.map((level) => (
                  <TableRow key={level.id}>
                    <TableCell>
                      <Link to={`/stock/${encodeURIComponent(level.id)}/show`}>
                        {level.part.sku} · {level.part.name}
                      </Link>
                    </TableCell>
                    <TableCell align="right">{level.onHand}</TableCell>
                    <TableCell align="right">{level.lowStockThreshold}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ChartCard>
        </Grid>
      </Grid>
    </Box>
  );
};
