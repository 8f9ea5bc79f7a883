import { Alert, LinearProgress } from '@mui/material';
import type { WarrantyStatusQuery } from '@aftersale/graphql';
import { useGetOne } from 'react-admin';
import { formatLocalDate } from '../fields/local-date';

type WarrantyStatus = WarrantyStatusQuery['warrantyStatus'] & { id: string };

/** Whether the unit with this IMEI is under warranty today, shown as soon as 15 digits are typed. */
export const WarrantyHint = ({ imei }: { imei: unknown }) => {
  const complete = typeof imei === 'string' && /^\d{15}$/.test(imei.trim());
  const { data, error, isPending } = useGetOne<WarrantyStatus>('warranties', { id: complete ? imei.trim() : '' }, { enabled: complete, retry: false });
  if (!complete) return null;
  if (isPending) return <LinearProgress sx={{ mb: 2 }} aria-label="Looking up the warranty" />;
  if (error || !data) {
    return (
      <Alert severity="error" sx={{ mb: 2 }} data-testid="warranty-hint">
        {error instanceof Error ? error.message : 'No unit with this IMEI.'}
      </Alert>
    );
  }
  if (!data.receivedOn) {
    return (
      <Alert severity="info" sx={{ mb: 2 }} data-testid="warranty-hint">
        {data.model.name}: the customer has not received this unit yet, so its warranty has not started.
      </Alert>
    );
  }
  return (
    <Alert severity={data.underWarranty ? 'success' : 'warning'} sx={{ mb: 2 }} data-testid="warranty-hint">
      {data.model.name}, received {formatLocalDate(data.receivedOn)}: {data.underWarranty ? 'under warranty' : 'out of warranty'}
      {data.lastCoveredDay ? ` (last covered day ${formatLocalDate(data.lastCoveredDay)})` : ''}.
    </Alert>
  );
};
