import type { ClaimDetailFragment, QuoteStatus } from '@aftersale/graphql';
import { Chip, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography, type ChipProps } from '@mui/material';
import { formatMoney } from '../fields/money';
import { ClauseCodes } from './ClauseCodes';

const quoteColour: Record<QuoteStatus, ChipProps['color']> = { PENDING: 'warning', APPROVED: 'success', DECLINED: 'error' };

/** H6, H8: what the customer is asked to pay, and whether they agreed. */
export const QuotePanel = ({ claim }: { claim: ClaimDetailFragment }) => (
  <>
    {claim.quoteStatus && (
      <Chip
        size="small"
        label={`Quote ${claim.quoteStatus.toLowerCase()}`}
        color={quoteColour[claim.quoteStatus]}
        data-testid="claim-quote-status"
        data-status={claim.quoteStatus}
        sx={{ alignSelf: 'flex-start' }}
      />
    )}
    <QuoteSummary claim={claim} />
  </>
);

/**
 * The chargeable lines at material cost (H6: never labour), the service
 * charge (H8) and their total. Shipping is the customer's and never here (H7).
 */
export const QuoteSummary = ({ claim }: { claim: ClaimDetailFragment }) => {
  const { currency } = claim;
  const charged = claim.lines.filter((line) => line.charge > 0);
  const serviceCharge = claim.assessment?.serviceCharge ?? null;
  const total = charged.reduce((sum, line) => sum + line.charge, 0) + (serviceCharge ?? 0);
  if (charged.length === 0 && serviceCharge === null) {
    return <Typography color="text.secondary">Nothing is charged: the warranty covers every line.</Typography>;
  }
  return (
    <Table size="small" data-testid="claim-quote">
      <TableHead>
        <TableRow>
          <TableCell>Charged</TableCell>
          <TableCell>Clauses</TableCell>
          <TableCell align="right">Amount</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {charged.map((line) => (
          <TableRow key={line.id} data-testid="quote-line" data-sku={line.part.sku}>
            <TableCell>
              {line.part.name} <Typography component="span" variant="caption" color="text.secondary">({line.part.sku})</Typography>
            </TableCell>
            <TableCell>
              <ClauseCodes codes={line.clauses} compact />
            </TableCell>
            <TableCell align="right">{formatMoney(line.charge, currency)}</TableCell>
          </TableRow>
        ))}
        {serviceCharge !== null && (
          <TableRow>
            <TableCell>Service charge: {claim.assessment?.serviceChargeDescription}</TableCell>
            <TableCell>H8</TableCell>
            <TableCell align="right">{formatMoney(serviceCharge, currency)}</TableCell>
          </TableRow>
        )}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2}>Total</TableCell>
          <TableCell align="right" data-testid="claim-quote-total">
            {formatMoney(total, currency)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
