import type { ClaimDetailFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatLocalDate, formatDateTime } from '../fields/local-date';

/** H9: the maintenance agreement the customer signs before a water- or serious-damage repair. */
export const AgreementPanel = ({ agreement }: { agreement: ClaimDetailFragment['maintenanceAgreement'] }) => {
  const translate = useTranslate();
  return agreement ? (
    <Typography data-testid="claim-agreement">
      {translate('app.claims.agreement.signed_by')} <strong>{agreement.signedBy}</strong>{' '}
      {translate('app.claims.agreement.signed_on', { date: formatLocalDate(agreement.signedOn), recorded: formatDateTime(agreement.createdAt) })}
    </Typography>
  ) : (
    <Typography color="text.secondary" data-testid="claim-agreement">
      {translate('app.claims.agreement.not_signed')}
    </Typography>
  );
};
