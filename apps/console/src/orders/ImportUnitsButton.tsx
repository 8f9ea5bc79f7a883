import type { OrderDetailFragment } from '@aftersale/graphql';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useNotify, useRefresh } from 'react-admin';
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
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<UploadIcon />} onClick={() => setOpen(true)} disabled={room <= 0} data-testid="order-import-units">
        Import units
      </Button>
      {open && <ImportUnitsDialog order={order} onClose={() => setOpen(false)} />}
    </>
  );
};

const ImportUnitsDialog = ({ order, onClose }: { order: OrderDetailFragment; onClose: () => void }) => {
  const notify = useNotify();
  const refresh = useRefresh();
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
      notify(`${answer.imported} units imported`, { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      setState({ step: 'idle' });
      notify(error instanceof Error ? error.message : 'The import failed.', { type: 'error' });
    }
  };

  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby="import-units-title" data-testid="import-units-dialog">
      <DialogTitle id="import-units-title">Import units — {order.number}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          A CSV file with the columns <code>imei</code>, <code>barcode</code> and optionally <code>receivedOn</code> (YYYY-MM-DD), one unit per line. Room is
          left for {order.quantity - order.unitCount} of the {order.quantity} units. The file is imported whole or not at all.
        </DialogContentText>
        <Button component="label" variant="contained" startIcon={<UploadIcon />} disabled={sending}>
          Choose a CSV file
          <input hidden type="file" accept=".csv,text/csv" onChange={(event) => void upload(event)} data-testid="import-units-file" />
        </Button>
        {state.step === 'sending' && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="body2">Sending {state.fileName}…</Typography>
            <LinearProgress
              variant={state.sent < 1 ? 'determinate' : 'indeterminate'}
              value={Math.round(state.sent * 100)}
              aria-label="app.orders.upload_progress"
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
