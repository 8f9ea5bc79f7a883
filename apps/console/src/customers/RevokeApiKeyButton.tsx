import { RevokeApiKeyDocument, type ApiKeyItemFragment } from '@aftersale/graphql';
import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { request } from '../api/request';
import { MutationDialog } from '../layout/MutationDialog';
import { publicPart } from './api-key';

/** Revokes the row's key after a confirmation; a revoked key shows no button. */
export const RevokeApiKeyButton = () => {
  const key = useRecordContext<ApiKeyItemFragment>();
  const [confirming, setConfirming] = useState(false);
  if (!key || key.revokedAt) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setConfirming(true)} data-testid="revoke-api-key">
        Revoke
      </Button>
      <MutationDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Revoke the key “${key.name}”?`}
        description={`Calls with ${publicPart(key)} are refused from now on. This cannot be undone.`}
        submitLabel="Revoke"
        submitColor="error"
        successMessage="API key revoked"
        testId="revoke-api-key-dialog"
        onSubmit={() => request(RevokeApiKeyDocument, { id: key.id })}
      />
    </>
  );
};
