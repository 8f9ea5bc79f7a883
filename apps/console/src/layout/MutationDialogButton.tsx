import { Button, type ButtonProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useState, type ReactNode } from 'react';
import { MutationDialog, type MutationDialogProps } from './MutationDialog';

/**
 * A button that opens a MutationDialog (a small form, then one mutation): the
 * order's receipt, the stock movements. The dialog is `${testId}-dialog`.
 */
export const MutationDialogButton = ({
  label,
  icon,
  variant = 'outlined',
  testId,
  disabled,
  ...dialog
}: Omit<MutationDialogProps, 'open' | 'onClose' | 'testId'> & {
  /** A catalogue key. */
  label: string;
  icon?: ReactNode;
  variant?: ButtonProps['variant'];
  testId: string;
  disabled?: boolean;
}) => {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  return (
    <>
      <Button variant={variant} size="small" startIcon={icon} onClick={() => setOpen(true)} disabled={disabled} data-testid={testId}>
        {translate(label)}
      </Button>
      {open && <MutationDialog {...dialog} open onClose={() => setOpen(false)} testId={`${testId}-dialog`} />}
    </>
  );
};
