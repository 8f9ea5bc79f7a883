import { ShipmentDirection, type ClaimDetailFragment } from '@aftersale/graphql';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../fields/money';
import { formatLocalDate } from '../fields/local-date';

/** Where a trip took the unit (the timeline shows it too): catalogue keys. */
export const directionLabel: Record<ShipmentDirection, string> = {
  [ShipmentDirection.INBOUND]: 'app.claims.shipments.INBOUND',
  [ShipmentDirection.OUTBOUND]: 'app.claims.shipments.OUTBOUND',
};

/** The unit's trips, in and out; their cost is the customer's and never invoiced (H7). */
export const ShipmentsPanel = ({ claim }: { claim: ClaimDetailFragment }) => {
  const { currency } = claim;
  const translate = useTranslate();
  if (claim.shipments.length === 0) return <Typography color="text.secondary">{translate('app.claims.shipments.none')}</Typography>;
  return (
    <Table size="small" data-testid="claim-shipments">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.claims.shipments.direction')}</TableCell>
          <TableCell>{translate('app.claims.shipments.carrier')}</TableCell>
          <TableCell>{translate('app.claims.shipments.tracking')}</TableCell>
          <TableCell>{translate('app.claims.shipments.shipped_on')}</TableCell>
          <TableCell align="right">{translate('app.claims.shipments.paid_by_customer')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {claim.shipments.map((shipment) => (
          <TableRow key={shipment.id} data-testid="claim-shipment" data-direction={shipment.direction}>
            <TableCell>{translate(directionLabel[shipment.direction])}</TableCell>
            <TableCell>{shipment.carrier}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{shipment.trackingNumber}</TableCell>
            <TableCell>{formatLocalDate(shipment.shippedOn)}</TableCell>
            <TableCell align="right">{shipment.cost === null ? '—' : formatMoney(shipment.cost, currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
