import { RemoteResolution, type ClaimDetailFragment } from '@aftersale/graphql';
import { Alert } from '@mui/material';
import { DateInput, RadioButtonGroupInput, SelectInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { imeiFormat } from '../fields/imei';
import { MoneyInput } from '../fields/MoneyInput';
import { useServiceCentreChoices } from '../fields/service-centre-choices';
import { QuoteSummary } from './QuotePanel';

/**
 * The small forms of the workflow steps. Each input is named like the field
 * of the mutation's input it fills, so a BAD_USER_INPUT naming that field
 * shows under it.
 */

export const NoteInput = ({ label = 'app.claims.note', isRequired = false }: { label?: string; isRequired?: boolean }) => (
  <TextInput source="note" label={label} multiline minRows={2} validate={isRequired ? [required(), maxLength(2000)] : maxLength(2000)} />
);

export const ResolveRemotelyInputs = () => (
  <>
    <RadioButtonGroupInput source="how" label="resources.claims.fields.how" choices={enumChoices(RemoteResolution)} validate={required()} />
    <TextInput source="resolution" label="resources.claims.fields.resolution" multiline minRows={2} validate={[required(), maxLength(2000)]} />
    <NoteInput />
  </>
);

export const RequestUnitInputs = () => {
  const { choices, isPending } = useServiceCentreChoices();
  return (
    <>
      <SelectInput
        source="serviceCentreId"
        label="app.claims.service_centre"
        choices={choices}
        isPending={isPending}
        validate={required()}
        helperText="app.claims.the_customer_sends_the_unit_there"
      />
      <NoteInput />
    </>
  );
};

/** A carrier trip, either way; its cost is the customer's and is never invoiced (H7). */
export const ShipmentInputs = ({ claim }: { claim: ClaimDetailFragment }) => {
  const { currency } = claim;
  return (
    <>
      <TextInput source="carrier" label="resources.claims.fields.carrier" validate={[required(), maxLength(100)]} />
      <TextInput source="trackingNumber" label="resources.claims.fields.trackingNumber" validate={[required(), maxLength(100)]} />
      <DateInput source="shippedOn" label="resources.claims.fields.shippedOn" validate={required()} />
      <MoneyInput source="cost" label="app.claims.shipping_cost_optional" currency={currency} helperText="app.claims.paid_by_the_customer_to_the" />
      <NoteInput />
    </>
  );
};

export const AgreementInputs = () => (
  <>
    <DateInput source="signedOn" label="resources.claims.fields.signedOn" validate={required()} />
    <TextInput source="signedBy" label="resources.claims.fields.signedBy" validate={[required(), maxLength(200)]} />
    <NoteInput />
  </>
);

export const ReplaceUnitInputs = ({ claim }: { claim: ClaimDetailFragment }) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.claims.replace_unit_hint', { model: claim.model.name, imei: claim.device.imei })}
      </Alert>
      <TextInput source="imei" label="resources.claims.fields.imei" validate={[required(), imeiFormat]} />
      <TextInput source="barcode" label="resources.claims.fields.barcode" validate={required()} />
      <NoteInput />
    </>
  );
};

export const ApproveQuoteInputs = ({ claim }: { claim: ClaimDetailFragment }) => (
  <>
    <QuoteSummary claim={claim} />
    <NoteInput />
  </>
);

export const CompleteRepairInputs = ({ claim }: { claim: ClaimDetailFragment }) => {
  const translate = useTranslate();
  return (
    <>
      {claim.lines.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.claims.complete_repair_hint', {
            smart_count: claim.lines.length,
            centre: claim.serviceCentre?.name ?? translate('app.claims.the_service_centre'),
            parts: claim.lines.map((line) => line.part.name).join(', '),
          })}
        </Alert>
      )}
      <NoteInput />
    </>
  );
};

export const CancelInputs = () => <NoteInput label="app.claims.why_is_the_claim_cancelled" isRequired />;
