import { DashboardWorkQueueDocument, type ClaimStatus } from '@aftersale/graphql';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from '../analytics/ChartCard';
import { downloadCsv } from '../analytics/csv';
import { ClaimStatusChip } from '../claims/ClaimStatusChip';

const CLOSED: ClaimStatus[] = ['CLOSED', 'CANCELLED'];

/** The agents' first look: open claims per status, and how many have waited over a week and over two. */
export const WorkQueueCard = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery(DashboardWorkQueueDocument, {});
  const countOf = (list: { status: ClaimStatus; count: number }[] | undefined, status: ClaimStatus) => list?.find((row) => row.status === status)?.count ?? 0;
  const open = (data?.open ?? []).filter((row) => !CLOSED.includes(row.status) && row.count > 0);
  const rows = open.map((row) => ({
    status: row.status,
    count: row.count,
    week: countOf(data?.olderThanWeek, row.status),
    fortnight: countOf(data?.olderThanFortnight, row.status),
  }));
  return (
    <ChartCard
      id="dashboard-work-queue"
      title={translate('aftersale.dashboard.workQueue.title')}
      subtitle={translate('aftersale.dashboard.workQueue.subtitle')}
      isPending={isPending}
      error={error}
      empty={rows.length === 0}
      onCsv={() =>
        downloadCsv(
          'work-queue.csv',
          ['status', 'open', 'olderThan7Days', 'olderThan14Days'],
          rows.map((row) => [row.status, row.count, row.week, row.fortnight]),
        )
      }
    >
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('aftersale.dashboard.workQueue.status')}</TableCell>
            <TableCell align="right">{translate('aftersale.dashboard.workQueue.open')}</TableCell>
            <TableCell align="right">{translate('aftersale.dashboard.workQueue.week')}</TableCell>
            <TableCell align="right">{translate('aftersale.dashboard.workQueue.fortnight')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.status}>
              <TableCell>
                <Link to={`/claims?filter=${encodeURIComponent(JSON.stringify({ status: [row.status] }))}`}>
                  <ClaimStatusChip status={row.status} size="small" />
                </Link>
              </TableCell>
              <TableCell align="right">{row.count}</TableCell>
              <TableCell align="right">{row.week || ''}</TableCell>
              <TableCell align="right" sx={{ color: row.fortnight > 0 ? 'error.main' : undefined }}>
                {row.fortnight || ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ChartCard>
  );
};
