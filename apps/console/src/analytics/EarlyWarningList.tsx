import { AnalyticsEarlyWarningsDocument, type AnalyticsFilter } from '@aftersale/graphql';
import WarningIcon from '@mui/icons-material/ReportProblem';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { ChartCard } from './ChartCard';
import { downloadCsv } from './csv';

/** Receipt months of a model claimed significantly more than the model's other months predict, with the evidence. */
export const EarlyWarningList = ({ filter }: { filter: AnalyticsFilter }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useApiQuery(AnalyticsEarlyWarningsDocument, { filter });
  const report = data?.earlyWarnings;
  const flags = report?.flags ?? [];
  return (
    <ChartCard
      id="early-warnings"
      title={translate('aftersale.analytics.earlyWarning.title')}
      subtitle={
        report
          ? translate('aftersale.analytics.earlyWarning.subtitle', {
              threshold: report.threshold.toExponential(1),
              tested: report.cohortsTested,
            })
          : undefined
      }
      isPending={isPending}
      error={error}
      empty={false}
      onCsv={() =>
        downloadCsv(
          'early-warnings.csv',
          ['model', 'receiptMonth', 'units', 'observed', 'expected', 'ratio', 'pValue', 'monthsCompared'],
          flags.map((f) => [f.modelName, f.receiptMonth, f.units, f.observed, f.expected, f.ratio, f.pValue, f.monthsCompared]),
        )
      }
    >
      {flags.length === 0 ? (
        <Typography color="text.secondary" data-testid="early-warnings-none">
          {translate('aftersale.analytics.earlyWarning.none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate('aftersale.analytics.model')}</TableCell>
              <TableCell>{translate('aftersale.analytics.earlyWarning.received')}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.nevada.units')}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.earlyWarning.observed')}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.earlyWarning.expected')}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.earlyWarning.ratio')}</TableCell>
              <TableCell align="right">p</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {flags.map((f) => (
              <TableRow key={`${f.modelId} ${f.receiptMonth}`} data-testid="early-warning-flag">
                <TableCell>
                  <WarningIcon color="error" fontSize="small" />
                </TableCell>
                <TableCell>{f.modelName}</TableCell>
                <TableCell>{f.receiptMonth}</TableCell>
                <TableCell align="right">{f.units}</TableCell>
                <TableCell align="right">{f.observed}</TableCell>
                <TableCell align="right">{f.expected.toFixed(1)}</TableCell>
                <TableCell align="right">×{f.ratio.toFixed(2)}</TableCell>
                <TableCell align="right">{f.pValue.toExponential(1)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ChartCard>
  );
};
