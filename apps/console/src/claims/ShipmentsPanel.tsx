import { ShipmentDirection, type ClaimDetailFragment } from '@aftersale/graphql';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatMoney } from '../fields/money';
import { formatLocalDate } from '../fields/local-date';

/** Where a trip took the unit (the timeline shows it too). */
export const directionLabel: Record<ShipmentDirection, string> = {
  [ShipmentDirection.INBOUND]: 'To the service centre',
  [ShipmentDirection.OUTBOUND]: 'Back to the customer',
};

/** The unit's trips, in and out; their cost is the customer's and never invoiced (H7). */
export const ShipmentsPanel = ({ claim }: { claim: ClaimDetailFragment }) => {
  const { currency } = claim;
  if (claim.shipments.length === 0) return <Typography color="text.secondary">The unit has not travelled yet.</Typography>;
  return (
    <Table size="small" data-testid="claim-shipments">
      <TableHead>
        <TableRow>
          <TableCell>Direction</TableCell>
          <TableCell>Carrier</TableCell>
          <TableCell>Tracking</TableCell>
          <TableCell>Shipped on</TableCell>
          <TableCell align="right">Paid by the customer</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {claim.shipments.map((shipment) => (
          <TableRow key={shipment.id} data-testid="claim-shipment" data-direction={shipment.direction}>
            <TableCell>{directionLabel[shipment.direction]}</TableCell>
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
