import type { StockLevelItemFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { NumberInput, SimpleForm, minValue, required, useRecordContext } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';

/** The low-stock threshold of one part at one centre (versioned: quantities move only by receipts, adjustments and consumption). */
export const StockEdit = () => (
  <VersionedEdit redirect="show" title="Low-stock threshold">
    <SimpleForm sx={{ maxWidth: 480 }}>
      <StockSummary />
      <NumberInput
        source="lowStockThreshold"
        label="Low-stock threshold"
        min={0}
        step={1}
        validate={[required(), minValue(0)]}
        helperText="Low when on hand is at or below it"
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
