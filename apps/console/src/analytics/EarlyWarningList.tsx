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
      title={translate('aftersale.analytics.earlyWarning.title', { _: 'Early warnings' })}
      subtitle={
        report
          ? translate('aftersale.analytics.earlyWarning.subtitle', {
              _: 'Poisson upper tail per model and receipt month vs the model’s other months at the same ages; flagged below p = %{threshold} (0.01 over %{tested} cohorts), at least 1.5× and 5 claims',
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
          {translate('aftersale.analytics.earlyWarning.none', { _: 'No receipt month stands out: nothing to flag.' })}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate('aftersale.analytics.model', { _: 'Model' })}</TableCell>
              <TableCell>{translate('aftersale.analytics.earlyWarning.received', { _: 'Received' })}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.nevada.units', { _: 'Units' })}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.earlyWarning.observed', { _: 'Claims' })}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.earlyWarning.expected', { _: 'Expected' })}</TableCell>
              <TableCell align="right">{translate('aftersale.analytics.earlyWarning.ratio', { _: 'Ratio' })}</TableCell>
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
