import type { StockLevelItemFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { NumberInput, SimpleForm, minValue, required, useRecordContext } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';

/** The low-stock threshold of one part at one centre (versioned: quantities move only by receipts, adjustments and consumption). */
export const StockEdit = () => (
  <VersionedEdit redirect="show" title="app.stock.low_stock_threshold">
    <SimpleForm sx={{ maxWidth: 480 }}>
      <StockSummary />
      <NumberInput
        source="lowStockThreshold"
        label="app.stock.low_stock_threshold"
        min={0}
        step={1}
        validate={[required(), minValue(0)]}
        helperText="app.stock.low_when_on_hand_is_at"
      />
    </SimpleForm>
  </VersionedEdit>
);

const StockSummary = () => {
  const level = useRecordContext<StockLevelItemFragment>();
  if (!level) return null;
  return (
    <Typography color="text.secondary">
      {level.part.sku} {level.part.name} at {level.serviceCentre.name}: {level.onHand} on hand
    </Typography>
  );
};
