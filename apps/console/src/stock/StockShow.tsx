import { InstantField } from '../fields/InstantField';
import type { StockLevelItemFragment } from '@aftersale/graphql';
import { Box, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { EditButton, NumberField, Pagination, RecordField, ReferenceManyField, Show, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { detailQuery } from '../api/operation';
import { Section } from '../layout/Section';
import { LowStockChip } from './LowStockChip';
import { StockMoveButtons } from './StockMoveButtons';
import { StockMovementTable } from './StockMovementTable';

const Field = RecordField<StockLevelItemFragment>;

/** One part at one service centre: on hand, its low-stock threshold, the movements, and its ledger. */
export const StockShow = () => (
  <Show queryOptions={detailQuery} title={<StockTitle />} actions={false}>
    <StockPage />
  </Show>
);

const StockTitle = () => {
  const level = useRecordContext<StockLevelItemFragment>();
  const translate = useTranslate();
  return (
    <span>
      {level ? translate('app.stock.title', { sku: level.part.sku, centre: level.serviceCentre.name }) : translate('resources.stock.name', { smart_count: 1 })}
    </span>
  );
};

const StockPage = () => {
  const level = useRecordContext<StockLevelItemFragment>();
  const { canAccess } = useCanAccess({ resource: 'stock', action: 'edit', record: level });
  const translate = useTranslate();
  if (!level) return <LinearProgress aria-label={translate('app.stock.loading_the_stock_level')} />;
  return (
    <Box sx={{ p: 2 }} data-testid="stock-page" data-version={level.version}>
      <Stack spacing={2} sx={{ mb: 2 }}>
        <Stack direction="row" useFlexGap flexWrap="wrap" gap={1.5} sx={{ alignItems: 'center' }}>
          <Typography variant="h5" component="h1">
            <span style={{ fontFamily: 'monospace' }}>{level.part.sku}</span> {level.part.name}
          </Typography>
          <LowStockChip />
          <Typography variant="body2" color="text.secondary">
            {translate('app.stock.at_centre', { centre: level.serviceCentre.name })} · {level.part.model.name}
          </Typography>
        </Stack>
        <Stack direction="row" gap={1}>
          <StockMoveButtons level={level} />
          {canAccess && <EditButton variant="outlined" label="app.stock.threshold" data-testid="stock-edit-threshold" />}
        </Stack>
      </Stack>
      <Grid container spacing={2}>
        <Section title="app.stock.stock" size={{ xs: 12, md: 4 }}>
          <Field label="app.stock.on_hand">
            <NumberField source="onHand" data-testid="stock-on-hand" />
          </Field>
          <Field label="app.stock.low_stock_threshold">
            <NumberField source="lowStockThreshold" data-testid="stock-threshold" />
          </Field>
          <Field label="app.stock.last_movement">
            <InstantField source="updatedAt" showTime />
          </Field>
        </Section>
        <Section title="app.stock.movements" size={{ xs: 12, md: 8 }}>
          <ReferenceManyField
            reference="stock-movements"
            target="partId"
            source="part.id"
            filter={{ serviceCentreId: level.serviceCentre.id }}
            perPage={10}
            pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
          >
            <StockMovementTable />
          </ReferenceManyField>
        </Section>
      </Grid>
    </Box>
  );
};
