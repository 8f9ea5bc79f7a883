import type { OrderDetailFragment } from '@aftersale/graphql';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { ImportProblemsTable } from './ImportProblemsTable';
import { importUnits, type ImportAnswer } from './import-units';

/** Where an import stands: nothing chosen, sending (fraction sent), or refused with its problems. */
type ImportState = { step: 'idle' } | { step: 'sending'; fileName: string; sent: number } | { step: 'refused'; fileName: string; answer: ImportAnswer };

/**
 * Imports the order's units from the customer's CSV file (imei, barcode,
 * optional receivedOn), all or nothing: on success the units list reloads;
 * a refused file shows every bad row, and nothing was written.
 */
export const ImportUnitsButton = ({ order }: { order: OrderDetailFragment }) => {
  const [open, setOpen] = useState(false);
  const room = order.quantity - order.unitCount;
  const translate = useTranslate();
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<UploadIcon />} onClick={() => setOpen(true)} disabled={room <= 0} data-testid="order-import-units">
        {translate('app.orders.import.button')}
      </Button>
      {open && <ImportUnitsDialog order={order} onClose={() => setOpen(false)} />}
    </>
  );
};

const ImportUnitsDialog = ({ order, onClose }: { order: OrderDetailFragment; onClose: () => void }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const sending = state.step === 'sending';

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after fixing it.
    event.target.value = '';
    if (!file) return;
    setState({ step: 'sending', fileName: file.name, sent: 0 });
    try {
      const answer = await importUnits(order.id, file, (sent) => setState({ step: 'sending', fileName: file.name, sent }));
      if (answer.problems.length > 0) {
        setState({ step: 'refused', fileName: file.name, answer });
        return;
      }
      notify('app.orders.import.imported', { type: 'success', messageArgs: { smart_count: answer.imported } });
      refresh();
      onClose();
    } catch (error) {
      setState({ step: 'idle' });
      notify(error instanceof Error ? error.message : 'app.orders.import.failed', { type: 'error' });
    }
  };

  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby="import-units-title" data-testid="import-units-dialog">
      <DialogTitle id="import-units-title">
        {translate('app.orders.import.button')} — {order.number}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('app.orders.import.explanation', { room: order.quantity - order.unitCount, quantity: order.quantity })}
        </DialogContentText>
        <Button component="label" variant="contained" startIcon={<UploadIcon />} disabled={sending}>
          {translate('app.orders.import.choose')}
          <input hidden type="file" accept=".csv,text/csv" onChange={(event) => void upload(event)} data-testid="import-units-file" />
        </Button>
        {state.step === 'sending' && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="body2">{translate('app.orders.import.sending', { name: state.fileName })}</Typography>
            <LinearProgress
              variant={state.sent < 1 ? 'determinate' : 'indeterminate'}
              value={Math.round(state.sent * 100)}
              aria-label={translate('app.orders.upload_progress')}
              data-testid="import-units-progress"
            />
          </Box>
        )}
        {state.step === 'refused' && (
          <Box sx={{ mt: 2 }} data-testid="import-units-refused">
            <Alert severity="error" sx={{ mb: 1 }}>
              {state.fileName}: {state.answer.message ?? 'the file was refused; nothing was imported.'} Fix these lines and choose the file again.
            </Alert>
            <ImportProblemsTable problems={state.answer.problems} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={sending}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
};
