import type { ClaimAction, ClaimDetailFragment } from '@aftersale/graphql';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { claimActions } from './claim-actions';
import { MutationDialog } from '../layout/MutationDialog';

/**
 * One button per step the signed-in user may take on the claim now (the
 * API's `availableActions`, nothing else), each opening its dialog. After a
 * step the claim reloads, and with it the buttons.
 */
export const ClaimActionsBar = ({ claim }: { claim: ClaimDetailFragment }) => {
  const [chosen, setChosen] = useState<ClaimAction | null>(null);
  const translate = useTranslate();
  // A step that is no longer open (another user moved the claim) closes its dialog.
  const open = chosen && claim.availableActions.includes(chosen) ? chosen : null;
  if (claim.availableActions.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="claim-actions-none">
        {translate('app.claims.actions_none')}
      </Typography>
    );
  }
  // The primary (filled) button is the next step forward: not a refusal, not a return to an earlier step (re-assessing a claim in repair).
  const primary = claim.availableActions.find(
    (action) => claimActions[action].color !== 'error' && !(action === 'RECORD_ASSESSMENT' && claim.status !== 'INSPECTION'),
  );
  return (
    <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} data-testid="claim-actions" role="toolbar" aria-label={translate('app.claims.claim_actions')}>
      {claim.availableActions.map((action) => {
        const spec = claimActions[action];
        return (
          <Button
            key={action}
            variant={action === primary ? 'contained' : 'outlined'}
            color={spec.color ?? 'primary'}
            onClick={() => setChosen(action)}
            data-testid={`claim-action-${action}`}
          >
            {translate(spec.label)}
          </Button>
        );
      })}
      {open && <ClaimActionDialog claim={claim} action={open} onClose={() => setChosen(null)} />}
    </Stack>
  );
};

const ClaimActionDialog = ({ claim, action, onClose }: { claim: ClaimDetailFragment; action: ClaimAction; onClose: () => void }) => {
  const spec = claimActions[action];
  const { Inputs } = spec;
  const translate = useTranslate();
  return (
    <MutationDialog
      open
      onClose={onClose}
      title={`${translate(spec.label)} — ${claim.number}`}
      description={translate(spec.description)}
      submitLabel={translate(spec.label)}
      submitColor={spec.color}
      defaultValues={spec.defaultValues?.()}
      maxWidth={spec.maxWidth}
      onSubmit={(values) => spec.run(claim, values)}
      successMessage={`${claim.number}: ${translate(spec.done)}`}
      testId={`claim-action-dialog-${action}`}
    >
      <Inputs claim={claim} />
    </MutationDialog>
  );
};
