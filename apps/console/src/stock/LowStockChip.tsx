import type { StockLevelItemFragment } from '@aftersale/graphql';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** "Low" when on hand is at or below the threshold (the API decides `low`). */
export const LowStockChip = () => {
  const level = useRecordContext<StockLevelItemFragment>();
  const translate = useTranslate();
  if (!level) return null;
  return level.low ? (
    <Chip size="small" color="warning" label={translate('app.stock.low')} data-testid="stock-low" data-low="true" />
  ) : (
    <Chip size="small" variant="outlined" label={translate('app.stock.ok')} data-testid="stock-low" data-low="false" />
  );
};
