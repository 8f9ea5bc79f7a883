import type { ProductModelDetailFragment } from '@aftersale/graphql';
import { Box, Grid, Typography } from '@mui/material';
import { Pagination, RecordField, ReferenceManyField, Show, useRecordContext } from 'react-admin';
import { detailQuery } from '../api/operation';
import { Section } from '../layout/Section';
import { PartsTable } from '../parts/PartsTable';
import { enumLabel } from '../fields/enum-label';

/**
 * A barcode pattern in words when it has the demo's shape (`^PREFIX[0-9]{n}$`: "AX120 followed by 10 digits"), else as the
 * pattern itself.
 */
function barcodeFormat(pattern: string): string {
  const match = /^\^([0-9A-Z-]*)\[0-9\]\{(\d+)\}\$$/.exec(pattern);
  if (!match) return `Matches ${pattern}`;
  return match[1] ? `${match[1]} followed by ${match[2]} digits` : `${match[2]} digits`;
}

const Field = RecordField<ProductModelDetailFragment>;

/** One model: what it is, how its unit barcodes look, and its spare parts. */
export const ProductModelShow = () => (
  <Show queryOptions={detailQuery}>
    <ProductModelPage />
  </Show>
);

const ProductModelPage = () => {
  const model = useRecordContext<ProductModelDetailFragment>();
  if (!model) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Section title="Model" size={{ xs: 12, md: 4 }}>
          <Field source="code" label="Code" />
          <Field source="name" label="Name" />
          <Field source="kind" label="Kind">
            <Typography variant="body2">{enumLabel(model.kind)}</Typography>
          </Field>
          <Field source="barcodePattern" label="Unit barcodes">
            <Typography variant="body2" data-testid="model-barcode-format">
              {barcodeFormat(model.barcodePattern)}
            </Typography>
          </Field>
        </Section>
        <Section title="Parts" size={{ xs: 12, md: 8 }}>
          <ReferenceManyField
            reference="parts"
            target="modelId"
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25]} />}
            empty={<Typography color="text.secondary">No spare part is listed for this model yet.</Typography>}
          >
            <PartsTable withModel={false} />
          </ReferenceManyField>
        </Section>
      </Grid>
    </Box>
  );
};
