import { currentLocaleTag } from '../i18n/i18nProvider';
import type { OrderDetailFragment } from '@aftersale/graphql';
import { Chip, Stack, Typography } from '@mui/material';
import { PartLinesTable } from './PartLinesTable';

const percent = (rate: number) => `${(rate * 100).toLocaleString(currentLocaleTag(), { maximumFractionDigits: 2 })} %`;

/** S1–S3: what the policy grants the order, part by part, or why it grants nothing automatically. */
export const AllowancePanel = ({ order }: { order: OrderDetailFragment }) => {
  const { allowance } = order;
  return (
    <Stack spacing={1} data-testid="order-allowance-panel" data-within-limit={allowance.withinLimit}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" data-testid="order-allowance-rate">
          {percent(allowance.rate)} of {order.quantity} units per eligible part (policy {allowance.policyVersion})
        </Typography>
        <Chip
          size="small"
          color={allowance.withinLimit ? 'success' : 'warning'}
          label={allowance.withinLimit ? `Within the limit of ${allowance.maxOrderQuantity}` : `Above the limit of ${allowance.maxOrderQuantity}`}
        />
      </Stack>
      {allowance.withinLimit ? (
        <PartLinesTable lines={allowance.lines} testId="order-allowance" />
      ) : (
        <Typography color="text.secondary">
          No automatic allowance above {allowance.maxOrderQuantity} units (S3): an allowance negotiated with the customer is recorded with the receipt.
        </Typography>
      )}
    </Stack>
  );
};

/** The spare parts recorded as shipped with the goods, once they were received. */
export const SpareShipmentPanel = ({ order }: { order: OrderDetailFragment }) => {
  if (!order.receivedOn) return <Typography color="text.secondary">Recorded with the receipt of the goods.</Typography>;
  if (order.spareShipment.length === 0)
    return (
      <Typography color="text.secondary" data-testid="order-spare-shipment-none">
        No spare parts were shipped.
      </Typography>
    );
  return (
    <>
      {order.allowanceNegotiated && (
        <Typography variant="body2" data-testid="order-allowance-reason">
          Negotiated: {order.allowanceReason}
        </Typography>
      )}
      <PartLinesTable lines={order.spareShipment} testId="order-spare-shipment" />
    </>
  );
};
