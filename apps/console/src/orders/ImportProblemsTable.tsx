import type { DeviceImportOutcomeFragment } from '@aftersale/graphql';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';

/** Every bad row of a refused file, by line (the header is line 1; 0 is the file as a whole), so the user knows what to fix. */
export const ImportProblemsTable = ({ problems }: { problems: DeviceImportOutcomeFragment['problems'] }) => (
  <TableContainer sx={{ maxHeight: 360 }}>
    <Table size="small" stickyHeader data-testid="import-problems">
      <TableHead>
        <TableRow>
          <TableCell>Line</TableCell>
          <TableCell>Column</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>Reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {problems.map((problem, index) => (
          <TableRow key={index} data-testid="import-problem" data-row={problem.row} data-field={problem.field ?? ''}>
            <TableCell>{problem.row === 0 ? 'File' : problem.row}</TableCell>
            <TableCell>{problem.field ?? '—'}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{problem.value ?? ''}</TableCell>
            <TableCell>{problem.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);
