import { currentLocaleTag } from '../i18n/i18nProvider';
import type { OrderDetailFragment } from '@aftersale/graphql';
import { Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PartLinesTable } from './PartLinesTable';

const percent = (rate: number) => `${(rate * 100).toLocaleString(currentLocaleTag(), { maximumFractionDigits: 2 })} %`;

/** S1–S3: what the policy grants the order, part by part, or why it grants nothing automatically. */
export const AllowancePanel = ({ order }: { order: OrderDetailFragment }) => {
  const { allowance } = order;
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="order-allowance-panel" data-within-limit={allowance.withinLimit}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" data-testid="order-allowance-rate">
          {translate('app.orders.allowance.rate', { rate: percent(allowance.rate), quantity: order.quantity, version: allowance.policyVersion })}
        </Typography>
        <Chip
          size="small"
          color={allowance.withinLimit ? 'success' : 'warning'}
          label={translate(allowance.withinLimit ? 'app.orders.allowance.within' : 'app.orders.allowance.above', { limit: allowance.maxOrderQuantity })}
        />
      </Stack>
      {allowance.withinLimit ? (
        <PartLinesTable lines={allowance.lines} testId="order-allowance" />
      ) : (
        <Typography color="text.secondary">{translate('app.orders.allowance.none_above', { limit: allowance.maxOrderQuantity })}</Typography>
      )}
    </Stack>
  );
};

/** The spare parts recorded as shipped with the goods, once they were received. */
export const SpareShipmentPanel = ({ order }: { order: OrderDetailFragment }) => {
  const translate = useTranslate();
  if (!order.receivedOn) return <Typography color="text.secondary">{translate('app.orders.spares.with_receipt')}</Typography>;
  if (order.spareShipment.length === 0)
    return (
      <Typography color="text.secondary" data-testid="order-spare-shipment-none">
        {translate('app.orders.spares.none')}
      </Typography>
    );
  return (
    <>
      {order.allowanceNegotiated && (
        <Typography variant="body2" data-testid="order-allowance-reason">
          {translate('app.orders.spares.negotiated', { reason: order.allowanceReason ?? '' })}
        </Typography>
      )}
      <PartLinesTable lines={order.spareShipment} testId="order-spare-shipment" />
    </>
  );
};
