import { InstantField } from '../fields/InstantField';
import { Decision, FormType, type ClaimDetailFragment } from '@aftersale/graphql';
import { Box, Grid, LinearProgress, Stack } from '@mui/material';
import { BooleanField, Link, RecordField, SelectField, Show, TextField, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
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
  const translate = useTranslate();
  return <span>{claim ? translate('app.claims.title', { number: claim.number }) : translate('resources.claims.name', { smart_count: 1 })}</span>;
};

const ClaimPage = () => {
  const claim = useRecordContext<ClaimDetailFragment>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!claim) return <LinearProgress aria-label={translate('app.claims.loading_the_claim')} />;
  // Something to charge (the API says so, from the domain), or a quote already put to the customer.
  const quoted = claim.quoteStatus !== null || claim.assessment?.chargesCustomer === true;
  return (
    <Box sx={{ p: 2 }} data-testid="claim-page" data-version={claim.version}>
      <Stack spacing={2} sx={{ mb: 2 }}>
        <ClaimHeader claim={claim} />
        <ClaimActionsBar claim={claim} />
      </Stack>
      <Grid container spacing={2}>
        <Section title="app.claims.claim" size={{ xs: 12, md: 4 }}>
          <Field label="app.claims.form" data-testid="claim-form-type">
            <SelectField source="formType" choices={enumChoices(FormType)} />
          </Field>
          <Field source="ciNumber" label="resources.claims.fields.ciNumber" data-testid="claim-ci-number" />
          <Field label="app.claims.submitted_on_label">
            <LocalDateField source="submittedOn" />
          </Field>
          <Field label="app.claims.filed_at">
            <InstantField source="submittedAt" showTime />
          </Field>
          <Field label="app.claims.data_backed_up_and_deleted_h3">
            <BooleanField source="dataBackupAcknowledged" />
          </Field>
          <Field label="app.claims.decision">
            <SelectField source="decision" choices={enumChoices(Decision)} emptyText="app.claims.not_assessed_yet" />
          </Field>
          <Field source="symptoms" label="resources.claims.fields.symptoms" data-testid="claim-symptoms" sx={{ whiteSpace: 'pre-wrap' }} />
        </Section>
        <Section title="app.claims.unit" size={{ xs: 12, md: 4 }}>
          <Field label="app.claims.imei" data-testid="claim-imei">
            <Link to={createPath({ resource: 'devices', type: 'show', id: claim.device.id })}>
              <TextField source="device.imei" sx={{ fontFamily: 'monospace' }} />
            </Link>
          </Field>
          <Field source="device.barcode" label="resources.claims.fields.device.barcode" />
          <Field source="model.name" label="resources.claims.fields.model.name" data-testid="claim-model" />
          <Field source="customer.name" label="resources.claims.fields.customer.name" data-testid="claim-customer" />
          <Field source="device.order.number" label="resources.claims.fields.device.order.number" />
          <Field
            source="serviceCentre.name"
            label="resources.claims.fields.serviceCentre.name"
            data-testid="claim-service-centre"
            empty="app.claims.not_sent_to_a_centre"
          />
        </Section>
        <Section title="app.claims.warranty" size={{ xs: 12, md: 4 }}>
          <Field label="app.claims.under_warranty_today" data-testid="claim-under-warranty">
            <BooleanField source="device.underWarranty" />
          </Field>
          <Field label="app.claims.received_on_w2">
            <LocalDateField source="device.receivedOn" emptyText="app.claims.not_received_yet" />
          </Field>
          <Field label="app.claims.last_covered_day_w3">
            <LocalDateField source="device.lastCoveredDay" emptyText="app.claims.not_known_yet" />
          </Field>
        </Section>
        {claim.assessment && (
          <Section title="app.claims.assessment_title" size={{ xs: 12, md: 8 }}>
            <AssessmentPanel claim={claim} assessment={claim.assessment} />
          </Section>
        )}
        {quoted && (
          <Section title="app.claims.quote_title" size={{ xs: 12, md: 4 }}>
            <QuotePanel claim={claim} />
          </Section>
        )}
        {claim.invoices.length > 0 && (
          <Section title="app.claims.invoices" size={{ xs: 12, md: 6 }}>
            <InvoicePanel invoices={claim.invoices} />
          </Section>
        )}
        {(claim.maintenanceAgreement ?? claim.assessment?.agreementRequired) && (
          <Section title="app.claims.maintenance_agreement_h9" size={{ xs: 12, md: 6 }}>
            <AgreementPanel agreement={claim.maintenanceAgreement} />
          </Section>
        )}
        {claim.shipments.length > 0 && (
          <Section title="app.claims.shipments_title" size={{ xs: 12, md: 6 }}>
            <ShipmentsPanel claim={claim} />
          </Section>
        )}
        {claim.retainedParts.length > 0 && (
          <Section title="app.claims.retained_parts_h5" size={{ xs: 12, md: 6 }}>
            <RetainedPartsPanel parts={claim.retainedParts} />
          </Section>
        )}
        <Section title="app.claims.attachments_title" size={{ xs: 12, md: 6 }}>
          <AttachmentsPanel claim={claim} />
        </Section>
        <Section title="app.claims.history" size={{ xs: 12 }}>
          <ClaimHistory claim={claim} />
        </Section>
      </Grid>
    </Box>
  );
};

const ClaimHistory = ({ claim }: { claim: ClaimDetailFragment }) => <ClaimTimeline events={claim.events} currency={claim.currency} />;
