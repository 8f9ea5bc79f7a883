import { InputAdornment } from '@mui/material';
import { NumberInput, type NumberInputProps } from 'react-admin';

/**
 * An amount typed in major units (12.50) and kept in the form as whole cents
 * (1250), the API's unit for money; the currency is shown beside the figure.
 */
export const MoneyInput = ({ currency, ...props }: Omit<NumberInputProps, 'format' | 'parse' | 'step'> & { currency: string | undefined }) => (
  <NumberInput
    {...props}
    step={0.01}
    min={0}
    format={(cents: unknown) => (typeof cents === 'number' ? String(cents / 100) : '')}
    parse={(typed: unknown) => (typeof typed === 'number' && Number.isFinite(typed) ? Math.round(typed * 100) : null)}
    InputProps={{ startAdornment: <InputAdornment position="start">{currency ?? ''}</InputAdornment> }}
  />
);
