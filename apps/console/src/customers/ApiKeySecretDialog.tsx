import type { CreateApiKeyMutation } from '@aftersale/graphql';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/**
 * The whole key, right after it was created. The API keeps only a hash of it,
 * so this dialog is the one chance to copy it.
 */
export const ApiKeySecretDialog = ({ created, onClose }: { created: CreateApiKeyMutation['createApiKey'] | null; onClose: () => void }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('app.customers.keys.copied', { type: 'success' });
    } catch {
      notify('app.customers.keys.copy_refused', { type: 'warning' });
    }
  };
  return (
    <Dialog open={created !== null} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="api-key-secret-title" data-testid="api-key-secret-dialog">
      {created && (
        <>
          <DialogTitle id="api-key-secret-title">{translate('app.customers.keys.secret_title', { name: created.apiKey.name })}</DialogTitle>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.customers.keys.copy_now')}
            </Alert>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }}>
              <Box component="code" data-testid="api-key-secret" sx={{ flex: 1, wordBreak: 'break-all', userSelect: 'all' }}>
                {created.secret}
              </Box>
              <Tooltip title={translate('app.customers.copy')}>
                <IconButton aria-label={translate('app.customers.copy_the_key')} onClick={() => void copy(created.secret)} data-testid="copy-api-key">
                  <ContentCopyIcon />
                </IconButton>
              </Tooltip>
            </Box>
          </DialogContent>
          <DialogActions>
            <Button variant="contained" onClick={onClose}>
              I have stored it
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};
