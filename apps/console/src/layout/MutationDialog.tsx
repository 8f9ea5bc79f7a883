import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, type ButtonProps, type DialogProps } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { Form, HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorCode, type ApiErrorBody } from '../api/errors';
import type { FormData } from '../api/operation';

export interface MutationDialogProps {
  open: boolean;
  onClose: () => void;
  /** Words in the console's language (the caller translates title, description, submitLabel and successMessage). */
  title: string;
  /** What the step does, in a sentence or two (and anything to check first). */
  description?: ReactNode;
  submitLabel: string;
  submitColor?: ButtonProps['color'];
  defaultValues?: Record<string, unknown>;
  maxWidth?: DialogProps['maxWidth'];
  /** The inputs, named like the mutation's input fields so an API error lands under its input. */
  children?: ReactNode;
  /** Calls the API; a rejection is shown as the API said it. */
  onSubmit: (values: FormData) => Promise<unknown>;
  successMessage: string;
  testId: string;
}

/**
 * The one dialog behind every write on the claim page (workflow steps and
 * invoice steps): a small react-admin form, then the mutation. On success the
 * page reloads the claim. A BAD_USER_INPUT (or a CONFLICT naming an input)
 * shows under the input it names; every CONFLICT — a stale version, a
 * step no longer allowed — shows the API's message and reloads the claim, so
 * its version and its available actions are current again.
 */
export const MutationDialog = ({
  open,
  onClose,
  title,
  description,
  submitLabel,
  submitColor = 'primary',
  defaultValues,
  maxWidth = 'sm',
  children,
  onSubmit,
  successMessage,
  testId,
}: MutationDialogProps) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  // Fixed when the dialog opens: a reload of the claim must not reset what the user typed.
  const [initialValues] = useState(defaultValues);

  const submit = async (values: FormData) => {
    try {
      await onSubmit(values);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.dialog.refused', { type: 'error' });
      if (apiErrorCode(error) === 'CONFLICT') refresh();
      // toApiError's `errors` name the input at fault (never `version`, which is no input); the form shows them under it.
      return error instanceof HttpError ? (error.body as ApiErrorBody | undefined)?.errors : undefined;
    }
    notify(successMessage, { type: 'success' });
    onClose();
    refresh();
    return undefined;
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      // The form sits between the paper and its parts: as a flex column it lets the content scroll under a fixed title and buttons.
      sx={{ '& .MuiDialog-paper > form': { display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 } }}
    >
      {open && (
        <Form onSubmit={submit} record={{}} defaultValues={initialValues} noValidate>
          <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
          <DialogContent>
            {description && <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
            <SubmitButton label={submitLabel} color={submitColor} />
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};

const SubmitButton = ({ label, color }: { label: string; color: ButtonProps['color'] }) => {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" color={color} disabled={isSubmitting} data-testid="dialog-submit">
      {label}
    </Button>
  );
};
