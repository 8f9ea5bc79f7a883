import { InstantField } from '../fields/InstantField';
import { Decision, FormType, type ClaimDetailFragment } from '@aftersale/graphql';
import { Box, Grid, LinearProgress, Stack } from '@mui/material';
import { BooleanField, Link, RecordField, SelectField, Show, TextField, useCreatePath, useRecordContext } from 'react-admin';
import { detailQuery } from '../api/operation';
import { enumChoices } from '../fields/enum-label';
import { LocalDateField } from '../fields/LocalDateField';
import { Section } from '../layout/Section';
import { AgreementPanel } from './AgreementPanel';
import { AssessmentPanel } from './AssessmentPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ClaimActionsBar } from './ClaimActionsBar';
import { ClaimHeader } from './ClaimHeader';
import { ClaimTimeline } from './ClaimTimeline';
import { InvoicePanel } from './InvoicePanel';
import { QuotePanel } from './QuotePanel';
import { RetainedPartsPanel } from './RetainedPartsPanel';
import { ShipmentsPanel } from './ShipmentsPanel';

const Field = RecordField<ClaimDetailFragment>;

/** One claim: what was filed, the steps open now, the assessment, the money, the unit's trips, and its history. */
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
  // Something to charge (the API says so, from the domain), or a quote already put to the customer.
  const quoted = claim.quoteStatus !== null || claim.assessment?.chargesCustomer === true;
  return (
    <Box sx={{ p: 2 }} data-testid="claim-page" data-version={claim.version}>
      <Stack spacing={2} sx={{ mb: 2 }}>
        <ClaimHeader claim={claim} />
        <ClaimActionsBar claim={claim} />
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
            <InstantField source="submittedAt" showTime />
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
          <Field source="serviceCentre.name" label="Service centre" data-testid="claim-service-centre" empty="Not sent to a centre" />
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
        {claim.assessment && (
          <Section title="Assessment" size={{ xs: 12, md: 8 }}>
            <AssessmentPanel claim={claim} assessment={claim.assessment} />
          </Section>
        )}
        {quoted && (
          <Section title="Quote" size={{ xs: 12, md: 4 }}>
            <QuotePanel claim={claim} />
          </Section>
        )}
        {claim.invoices.length > 0 && (
          <Section title="Invoices" size={{ xs: 12, md: 6 }}>
            <InvoicePanel invoices={claim.invoices} />
          </Section>
        )}
        {(claim.maintenanceAgreement ?? claim.assessment?.agreementRequired) && (
          <Section title="Maintenance agreement (H9)" size={{ xs: 12, md: 6 }}>
            <AgreementPanel agreement={claim.maintenanceAgreement} />
          </Section>
        )}
        {claim.shipments.length > 0 && (
          <Section title="Shipments" size={{ xs: 12, md: 6 }}>
            <ShipmentsPanel claim={claim} />
          </Section>
        )}
        {claim.retainedParts.length > 0 && (
          <Section title="Retained parts (H5)" size={{ xs: 12, md: 6 }}>
            <RetainedPartsPanel parts={claim.retainedParts} />
          </Section>
        )}
        <Section title="Attachments" size={{ xs: 12, md: 6 }}>
          <AttachmentsPanel claim={claim} />
        </Section>
        <Section title="History" size={{ xs: 12 }}>
          <ClaimHistory claim={claim} />
        </Section>
      </Grid>
    </Box>
  );
};

const ClaimHistory = ({ claim }: { claim: ClaimDetailFragment }) => <ClaimTimeline events={claim.events} currency={claim.currency} />;
