import type { ClaimDetailFragment } from '@aftersale/graphql';
import { Chip, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
import { formatLocalDate } from '../fields/local-date';
import { ClaimStatusField } from './ClaimStatusChip';

/** The claim at a glance: number, status, decision, and whose unit it is, under warranty or not. */
export const ClaimHeader = ({ claim }: { claim: ClaimDetailFragment }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const { device } = claim;
  const warranty = !device.lastCoveredDay
    ? translate('app.claims.header.warranty_not_started')
    : device.underWarranty
      ? translate('app.claims.header.under_warranty_until', { date: formatLocalDate(device.lastCoveredDay) })
      : translate('app.claims.header.out_of_warranty', { date: formatLocalDate(device.lastCoveredDay) });
  // H1: a claim resolved remotely never gets an assessment; say so rather than "not assessed yet" once it is closed.
  const resolvedRemotely = claim.events.some((event) => event.toStatus === 'RESOLVED_REMOTELY');
  const decision = claim.decision
    ? enumLabel(claim.decision)
    : resolvedRemotely
      ? translate('app.claims.header.resolved_remotely')
      : claim.status === 'CANCELLED'
        ? translate('app.claims.header.cancelled_before_assessment')
        : translate('app.claims.not_assessed_yet');
  return (
    <Stack spacing={1}>
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" data-testid="claim-number">
          {claim.number}
        </Typography>
        <ClaimStatusField data-testid="claim-status" />
        <Chip size="small" variant="outlined" label={decision} data-testid="claim-decision" data-decision={claim.decision ?? ''} />
        <Chip
          size="small"
          variant={device.underWarranty ? 'outlined' : 'filled'}
          color={device.underWarranty ? 'success' : 'warning'}
          label={warranty}
          data-testid="claim-warranty"
          data-under-warranty={device.underWarranty}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="claim-summary">
        <Link to={createPath({ resource: 'devices', type: 'show', id: device.id })} sx={{ fontFamily: 'monospace' }}>
          {device.imei}
        </Link>{' '}
        · {claim.model.name} · {claim.customer.name}
        {claim.serviceCentre && ` · ${translate('app.claims.header.at_centre', { centre: claim.serviceCentre.name })}`}
      </Typography>
    </Stack>
  );
};
