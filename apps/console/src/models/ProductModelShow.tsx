import type { ProductModelDetailFragment } from '@aftersale/graphql';
import { Box, Grid, Typography } from '@mui/material';
import { Pagination, RecordField, ReferenceManyField, Show, useRecordContext } from 'react-admin';
import { detailQuery } from '../api/operation';
import { Section } from '../layout/Section';
import { PartsTable } from '../parts/PartsTable';

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
          <Field source="kind" label="Kind" />
          <Field source="barcodePattern" label="Barcode pattern" sx={{ fontFamily: 'monospace' }} />
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
