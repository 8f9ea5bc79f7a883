import type { InvoiceDetailFragment } from '@aftersale/graphql';
import { Box, Grid, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink, Show, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { detailQuery } from '../api/operation';
import { InvoiceCard } from '../claims/InvoicePanel';
import { formatLocalDate } from '../fields/local-date';
import { Section } from '../layout/Section';
import { AgeingField, InvoiceStatusChip } from './InvoiceStatusChip';

/** One invoice: who is billed, its dates and ageing, its lines with their clauses, the next step and the PDF. */
export const InvoiceShow = () => (
  <Show queryOptions={detailQuery} title={<InvoiceTitle />} actions={false}>
    <InvoicePage />
  </Show>
);

const InvoiceTitle = () => {
  const invoice = useRecordContext<InvoiceDetailFragment>();
  const translate = useTranslate();
  return <span>{invoice?.number ?? translate('app.invoices.draft')}</span>;
};

const InvoicePage = () => {
  const invoice = useRecordContext<InvoiceDetailFragment>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!invoice) return <LinearProgress aria-label={translate('app.invoices.loading_the_invoice')} />;
  const field = (name: string) => translate(`resources.invoices.fields.${name}`);
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" data-testid="invoice-page-number">
          {invoice.number ?? translate('app.invoices.draft')}
        </Typography>
        <InvoiceStatusChip status={invoice.status} data-testid="invoice-page-status" />
        <AgeingField />
      </Stack>
      <Grid container spacing={2}>
        <Section title="resources.invoices.fields.customer.name" size={{ xs: 12, md: 6 }}>
          <Typography>{invoice.customer.name}</Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }} data-testid="invoice-customer-address">
            {invoice.customer.address ?? ''}
          </Typography>
          <Typography variant="body2">
            {invoice.customer.code} · {invoice.customer.country}
          </Typography>
          <Link component={RouterLink} to={createPath({ resource: 'claims', type: 'show', id: invoice.claimId })} data-testid="invoice-claim-link">
            {translate('app.invoices.open_claim')} {invoice.claimNumber}
          </Link>
        </Section>
        <Section title="app.invoices.dates" size={{ xs: 12, md: 6 }}>
          <Typography variant="body2">
            {field('issuedOn')}: {invoice.issuedOn ? formatLocalDate(invoice.issuedOn) : '—'}
          </Typography>
          <Typography variant="body2">
            {field('dueOn')}: {invoice.dueOn ? formatLocalDate(invoice.dueOn) : '—'}
          </Typography>
          <Typography variant="body2">
            {field('paidOn')}: {invoice.paidOn ? formatLocalDate(invoice.paidOn) : '—'}
          </Typography>
        </Section>
        <Section title="app.invoices.lines" size={{ xs: 12 }}>
          <InvoiceCard invoice={invoice} />
        </Section>
      </Grid>
    </Box>
  );
};
