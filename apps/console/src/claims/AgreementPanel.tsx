import type { ClaimDetailFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';

/** H9: the maintenance agreement the customer signs before a water- or serious-damage repair. */
export const AgreementPanel = ({ agreement }: { agreement: ClaimDetailFragment['maintenanceAgreement'] }) =>
  agreement ? (
    <Typography data-testid="claim-agreement">
      Signed by <strong>{agreement.signedBy}</strong> on {new Date(`${agreement.signedOn}T00:00:00`).toLocaleDateString()} (recorded{' '}
      {new Date(agreement.createdAt).toLocaleString()}).
    </Typography>
  ) : (
    <Typography color="text.secondary" data-testid="claim-agreement">
      Not signed yet: no repair starts before it is on record.
    </Typography>
  );
