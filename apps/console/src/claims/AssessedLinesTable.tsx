import type { ClaimDetailFragment, ProposeAssessmentQuery } from '@aftersale/graphql';
import { Chip, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../fields/money';
import { ClauseCodes } from './ClauseCodes';

/** One faulty part as an assessment judged it (R1): previewed, or recorded (which also says whether it was worn). */
type AssessedLine = ProposeAssessmentQuery['proposeAssessment']['lines'][number] & Partial<Pick<ClaimDetailFragment['lines'][number], 'worn'>>;

/**
 * The faulty parts, each covered or charged with the clauses that made it so,
 * and the material cost charged (H6). `testId` prefixes the hooks: `<testId>-lines`,
 * `<testId>-line` (with data-sku, data-covered) and `<testId>-total`.
 */
export const AssessedLinesTable = ({
  lines,
  total,
  currency,
  testId,
  showWorn = false,
  compactClauses = false,
  totalLabel,
  extraRows,
}: {
  lines: readonly AssessedLine[];
  total: number;
  currency: string;
  testId: string;
  showWorn?: boolean;
  /** Clause letters only (the text stays on hover), for a narrow table. */
  compactClauses?: boolean;
  totalLabel?: ReactNode;
  extraRows?: (columns: number) => ReactNode;
}) => {
  const translate = useTranslate();
  const columns = showWorn ? 4 : 3;
  return (
    <Table size="small" data-testid={`${testId}-lines`}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.claims.lines.part')}</TableCell>
          {showWorn && <TableCell>{translate('app.claims.lines.worn')}</TableCell>}
          <TableCell>{translate('app.claims.lines.coverage')}</TableCell>
          <TableCell>{translate('app.claims.lines.clauses')}</TableCell>
          <TableCell align="right">{translate('app.claims.lines.charge')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.part.id} data-testid={`${testId}-line`} data-sku={line.part.sku} data-covered={line.covered}>
            <TableCell>
              {line.part.name}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {line.part.sku}
              </Typography>
            </TableCell>
            {showWorn && <TableCell>{translate(line.worn ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>}
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                label={translate(line.covered ? 'app.claims.lines.covered' : 'app.claims.lines.charged')}
                color={line.covered ? 'success' : 'warning'}
              />
            </TableCell>
            <TableCell>
              <ClauseCodes codes={line.clauses} compact={compactClauses} />
            </TableCell>
            <TableCell align="right">{formatMoney(line.charge, currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={columns}>{totalLabel ?? translate('app.claims.lines.total_charged')}</TableCell>
          <TableCell align="right" data-testid={`${testId}-total`}>
            {formatMoney(total, currency)}
          </TableCell>
        </TableRow>
        {extraRows?.(columns)}
      </TableFooter>
    </Table>
  );
};
