import { Decision, FormType, type ClaimDetailFragment } from '@aftersale/graphql';
import { Box, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DateField,
  Link,
  RecordField,
  SelectField,
  Show,
  TextField,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { detailQuery } from '../api/operation';
import { enumChoices } from '../fields/enum-label';
import { LocalDateField } from '../fields/LocalDateField';
import { Section } from '../layout/Section';
import { ClaimStatusField } from './ClaimStatusChip';
import { ClaimTimeline } from './ClaimTimeline';

const Field = RecordField<ClaimDetailFragment>;

/** One claim: what was filed, the unit and its warranty, and everything that happened since. */
export const ClaimShow = () => (
  <Show queryOptions={detailQuery} title={<ClaimTitle />} actions={false}>
    <ClaimPage />
  </Show>
);

const ClaimTitle = () => {
  const claim = useRecordContext<ClaimDetailFragment>();
  return <span>{claim ? `Claim ${claim.number}` : 'Claim'}</span>;
};

const ClaimPage = () => {
  const claim = useRecordContext<ClaimDetailFragment>();
  const createPath = useCreatePath();
  if (!claim) return <LinearProgress aria-label="Loading the claim" />;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" data-testid="claim-number">
          {claim.number}
        </Typography>
        <ClaimStatusField data-testid="claim-status" />
      </Stack>
      <Grid container spacing={2}>
        <Section title="Claim" size={{ xs: 12, md: 4 }}>
          <Field label="Form" data-testid="claim-form-type">
            <SelectField source="formType" choices={enumChoices(FormType)} />
          </Field>
          <Field source="ciNumber" label="CI number" data-testid="claim-ci-number" />
          <Field label="Submitted on">
            <LocalDateField source="submittedOn" />
          </Field>
          <Field label="Filed at">
            <DateField source="submittedAt" showTime />
          </Field>
          <Field label="Data backed up and deleted (H3)">
            <BooleanField source="dataBackupAcknowledged" />
          </Field>
          <Field label="Decision">
            <SelectField source="decision" choices={enumChoices(Decision)} emptyText="Not assessed yet" />
          </Field>
          <Field source="symptoms" label="Symptoms" data-testid="claim-symptoms" sx={{ whiteSpace: 'pre-wrap' }} />
        </Section>
        <Section title="Unit" size={{ xs: 12, md: 4 }}>
          <Field label="IMEI" data-testid="claim-imei">
            <Link to={createPath({ resource: 'devices', type: 'show', id: claim.device.id })}>
              <TextField source="device.imei" sx={{ fontFamily: 'monospace' }} />
            </Link>
          </Field>
          <Field source="device.barcode" label="Barcode" />
          <Field source="model.name" label="Model" data-testid="claim-model" />
          <Field source="customer.name" label="Customer" data-testid="claim-customer" />
          <Field source="device.order.number" label="Order" />
        </Section>
        <Section title="Warranty" size={{ xs: 12, md: 4 }}>
          <Field label="Under warranty today" data-testid="claim-under-warranty">
            <BooleanField source="device.underWarranty" />
          </Field>
          <Field label="Received on (W2)">
            <LocalDateField source="device.receivedOn" emptyText="Not received yet" />
          </Field>
          <Field label="Last covered day (W3)">
            <LocalDateField source="device.lastCoveredDay" emptyText="Not known yet" />
          </Field>
        </Section>
        <Section title="History" size={{ xs: 12 }}>
          <ClaimTimeline events={claim.events} />
        </Section>
      </Grid>
    </Box>
  );
};
