import { RevokeApiKeyDocument, type ApiKeyItemFragment } from '@aftersale/graphql';
import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { request } from '../api/request';
import { MutationDialog } from '../layout/MutationDialog';
import { publicPart } from './api-key';

/** Revokes the row's key after a confirmation; a revoked key shows no button. */
export const RevokeApiKeyButton = () => {
  const key = useRecordContext<ApiKeyItemFragment>();
  const [confirming, setConfirming] = useState(false);
  const translate = useTranslate();
  if (!key || key.revokedAt) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setConfirming(true)} data-testid="revoke-api-key">
        {translate('app.customers.keys.revoke')}
      </Button>
      <MutationDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={translate('app.customers.keys.revoke_title', { name: key.name })}
        description={translate('app.customers.keys.revoke_description', { key: publicPart(key) })}
        submitLabel={translate('app.customers.keys.revoke')}
        submitColor="error"
        successMessage={translate('app.customers.keys.revoked')}
        testId="revoke-api-key-dialog"
        onSubmit={() => request(RevokeApiKeyDocument, { id: key.id })}
      />
    </>
  );
};
