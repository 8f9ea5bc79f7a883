import type { ClaimDetailFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { formatLocalDate, formatDateTime } from '../fields/local-date';

/** H9: the maintenance agreement the customer signs before a water- or serious-damage repair. */
export const AgreementPanel = ({ agreement }: { agreement: ClaimDetailFragment['maintenanceAgreement'] }) =>
  agreement ? (
    <Typography data-testid="claim-agreement">
      Signed by <strong>{agreement.signedBy}</strong> on {formatLocalDate(agreement.signedOn)} (recorded {formatDateTime(agreement.createdAt)}).
    </Typography>
  ) : (
    <Typography color="text.secondary" data-testid="claim-agreement">
      Not signed yet: no repair starts before it is on record.
    </Typography>
  );
