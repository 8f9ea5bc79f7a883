import { Alert, LinearProgress } from '@mui/material';
import type { WarrantyStatusQuery } from '@aftersale/graphql';
import { useGetOne, useTranslate } from 'react-admin';
import { formatLocalDate } from '../fields/local-date';

type WarrantyStatus = WarrantyStatusQuery['warrantyStatus'] & { id: string };

/** Whether the unit with this IMEI is under warranty today, shown as soon as 15 digits are typed. */
export const WarrantyHint = ({ imei }: { imei: unknown }) => {
  const translate = useTranslate();
  const complete = typeof imei === 'string' && /^\d{15}$/.test(imei.trim());
  const { data, error, isPending } = useGetOne<WarrantyStatus>('warranties', { id: complete ? imei.trim() : '' }, { enabled: complete, retry: false });
  if (!complete) return null;
  if (isPending) return <LinearProgress sx={{ mb: 2 }} aria-label={translate('app.claims.looking_up_the_warranty')} />;
  if (error || !data) {
    return (
      <Alert severity="error" sx={{ mb: 2 }} data-testid="warranty-hint">
        {error instanceof Error ? error.message : translate('app.claims.warranty_hint.no_unit')}
      </Alert>
    );
  }
  if (!data.receivedOn) {
    return (
      <Alert severity="info" sx={{ mb: 2 }} data-testid="warranty-hint">
        {translate('app.claims.warranty_hint.not_received', { model: data.model.name })}
      </Alert>
    );
  }
  return (
    <Alert severity={data.underWarranty ? 'success' : 'warning'} sx={{ mb: 2 }} data-testid="warranty-hint">
      {translate(data.underWarranty ? 'app.claims.warranty_hint.under_warranty' : 'app.claims.warranty_hint.out_of_warranty', {
        model: data.model.name,
        received: formatLocalDate(data.receivedOn),
      })}
      {data.lastCoveredDay ? ` (${translate('app.claims.warranty_hint.last_covered_day', { date: formatLocalDate(data.lastCoveredDay) })})` : ''}.
    </Alert>
  );
};
