import type { ClaimDetailFragment, QuoteStatus } from '@aftersale/graphql';
import { Chip, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
import { formatMoney } from '../fields/money';
import { ClauseCodes } from './ClauseCodes';

const quoteColour: Record<QuoteStatus, ChipProps['color']> = { PENDING: 'warning', APPROVED: 'success', DECLINED: 'error' };

/** H6, H8: what the customer is asked to pay, and whether they agreed. */
export const QuotePanel = ({ claim }: { claim: ClaimDetailFragment }) => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  return (
    <>
      {claim.quoteStatus && (
        <Chip
          size="small"
          label={translate('app.claims.quote.status', { status: enumLabel(claim.quoteStatus) })}
          color={quoteColour[claim.quoteStatus]}
          data-testid="claim-quote-status"
          data-status={claim.quoteStatus}
          sx={{ alignSelf: 'flex-start' }}
        />
      )}
      <QuoteSummary claim={claim} />
    </>
  );
};

/**
 * The chargeable lines at material cost (H6: never labour), the service
 * charge (H8) and their total. Shipping is the customer's and never here (H7).
 */
export const QuoteSummary = ({ claim }: { claim: ClaimDetailFragment }) => {
  const translate = useTranslate();
  const { currency } = claim;
  const { assessment } = claim;
  const charged = claim.lines.filter((line) => line.charge > 0);
  const serviceCharge = assessment?.serviceCharge ?? null;
  // The lines are the latest assessment's: without one there is nothing to charge.
  if (!assessment || (charged.length === 0 && serviceCharge === null)) {
    return <Typography color="text.secondary">{translate('app.claims.quote.nothing_charged')}</Typography>;
  }
  // The assessment's total is its lines' charges (H6); the service charge (H8) comes on top.
  const total = assessment.total + (serviceCharge ?? 0);
  return (
    <Table size="small" data-testid="claim-quote">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.claims.quote.charged')}</TableCell>
          <TableCell>{translate('app.claims.lines.clauses')}</TableCell>
          <TableCell align="right">{translate('app.claims.lines.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {charged.map((line) => (
          <TableRow key={line.id} data-testid="quote-line" data-sku={line.part.sku}>
            <TableCell>
              {line.part.name}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                ({line.part.sku})
              </Typography>
            </TableCell>
            <TableCell>
              <ClauseCodes codes={line.clauses} compact />
            </TableCell>
            <TableCell align="right">{formatMoney(line.charge, currency)}</TableCell>
          </TableRow>
        ))}
        {serviceCharge !== null && (
          <TableRow>
            <TableCell>{translate('app.claims.quote.service_charge', { description: claim.assessment?.serviceChargeDescription ?? '' })}</TableCell>
            <TableCell>H8</TableCell>
            <TableCell align="right">{formatMoney(serviceCharge, currency)}</TableCell>
          </TableRow>
        )}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2}>{translate('app.claims.lines.total')}</TableCell>
          <TableCell align="right" data-testid="claim-quote-total">
            {formatMoney(total, currency)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
