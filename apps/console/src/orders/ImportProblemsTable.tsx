import type { DeviceImportOutcomeFragment } from '@aftersale/graphql';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Every bad row of a refused file, by line (the header is line 1; 0 is the file as a whole), so the user knows what to fix. */
export const ImportProblemsTable = ({ problems }: { problems: DeviceImportOutcomeFragment['problems'] }) => {
  const translate = useTranslate();
  return (
    <TableContainer sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader data-testid="import-problems">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.orders.import.line')}</TableCell>
            <TableCell>{translate('app.orders.import.column')}</TableCell>
            <TableCell>{translate('app.orders.import.value')}</TableCell>
            <TableCell>{translate('app.orders.import.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {problems.map((problem, index) => (
            <TableRow key={index} data-testid="import-problem" data-row={problem.row} data-field={problem.field ?? ''}>
              <TableCell>{problem.row === 0 ? translate('app.orders.import.file') : problem.row}</TableCell>
              <TableCell>{problem.field ?? '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{problem.value ?? ''}</TableCell>
              <TableCell>{problem.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
