import type { ProductModelDetailFragment } from '@aftersale/graphql';
import { Box, Grid, Typography } from '@mui/material';
import { Pagination, RecordField, ReferenceManyField, Show, useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import { detailQuery } from '../api/operation';
import { Section } from '../layout/Section';
import { PartsTable } from '../parts/PartsTable';
import { enumKey } from '../fields/enum-label';

/**
 * A barcode pattern in words when it has the demo's shape (`^PREFIX[0-9]{n}$`: "AX120 followed by 10 digits"), else as the
 * pattern itself.
 */
function barcodeFormat(pattern: string, translate: TranslateFunction): string {
  const match = /^\^([0-9A-Z-]*)\[0-9\]\{(\d+)\}\$$/.exec(pattern);
  if (!match) return translate('app.models.barcode.matches', { pattern });
  return match[1]
    ? translate('app.models.barcode.prefix_digits', { prefix: match[1], smart_count: Number(match[2]) })
    : translate('app.models.barcode.digits', { smart_count: Number(match[2]) });
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
  const translate = useTranslate();
  if (!model) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Section title="app.models.model" size={{ xs: 12, md: 4 }}>
          <Field source="code" label="resources.models.fields.code" />
          <Field source="name" label="resources.models.fields.name" />
          <Field source="kind" label="resources.models.fields.kind">
            <Typography variant="body2">{translate(enumKey(model.kind), { _: model.kind })}</Typography>
          </Field>
          <Field source="barcodePattern" label="resources.models.fields.barcodePattern">
            <Typography variant="body2" data-testid="model-barcode-format">
              {barcodeFormat(model.barcodePattern, translate)}
            </Typography>
          </Field>
        </Section>
        <Section title="app.models.parts" size={{ xs: 12, md: 8 }}>
          <ReferenceManyField
            reference="parts"
            target="modelId"
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25]} />}
            empty={<Typography color="text.secondary">{translate('app.models.no_parts')}</Typography>}
          >
            <PartsTable withModel={false} />
          </ReferenceManyField>
        </Section>
      </Grid>
    </Box>
  );
};
