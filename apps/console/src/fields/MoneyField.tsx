import { Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';
import { formatMoney } from './money';

/** An amount the API counts in cents, shown in the record's currency (e.g. a part's `materialCost` in its `currency`). */
export const MoneyField = ({ source, currencySource = 'currency' }: { source: string; currencySource?: string; label?: string }) => {
  const cents: unknown = useFieldValue({ source });
  const currency: unknown = useFieldValue({ source: currencySource });
  if (typeof cents !== 'number') return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(cents, typeof currency === 'string' ? currency : undefined)}
    </Typography>
  );
};
