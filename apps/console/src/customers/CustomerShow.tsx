import type { CustomerDetailFragment } from '@aftersale/graphql';
import { Box, Grid } from '@mui/material';
import { CanAccess, RecordField, Show, useRecordContext } from 'react-admin';
import { detailQuery } from '../api/operation';
import { Section } from '../layout/Section';
import { ApiKeysPanel } from './ApiKeysPanel';
import { LiveEventsPanel } from './LiveEventsPanel';
import { WebhooksPanel } from './WebhooksPanel';

const Field = RecordField<CustomerDetailFragment>;

/** One customer and its integrations: (for administrators) API keys and webhook endpoints, and its live claim events. */
export const CustomerShow = () => (
  <Show queryOptions={detailQuery}>
    <CustomerPage />
  </Show>
);

const CustomerPage = () => {
  const customer = useRecordContext<CustomerDetailFragment>();
  if (!customer) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="customer-page" data-version={customer.version}>
      <Grid container spacing={2}>
        <Section title="app.customers.customer" size={{ xs: 12, md: 5 }}>
          <Field source="code" label="resources.customers.fields.code" data-testid="customer-code" />
          <Field source="name" label="resources.customers.fields.name" data-testid="customer-name" />
          <Field source="country" label="resources.customers.fields.country" />
          <Field source="contactEmail" label="resources.customers.fields.contactEmail" empty="—" />
        </Section>
        {/* Integrations: the keys, the webhook endpoints with their delivery log, and the live event stream. */}
        <CanAccess resource="api-keys" action="list">
          <ApiKeysPanel customerId={customer.id} />
        </CanAccess>
        <CanAccess resource="webhooks" action="list">
          <WebhooksPanel customerId={customer.id} />
        </CanAccess>
        <LiveEventsPanel customerId={customer.id} />
      </Grid>
    </Box>
  );
};
