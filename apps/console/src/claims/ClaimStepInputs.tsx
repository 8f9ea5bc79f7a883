import { RemoteResolution, type ClaimDetailFragment } from '@aftersale/graphql';
import { Alert } from '@mui/material';
import { DateInput, RadioButtonGroupInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
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

export const NoteInput = ({ label = 'Note for the history (optional)', isRequired = false }: { label?: string; isRequired?: boolean }) => (
  <TextInput source="note" label={label} multiline minRows={2} validate={isRequired ? [required(), maxLength(2000)] : maxLength(2000)} />
);

export const ResolveRemotelyInputs = () => (
  <>
    <RadioButtonGroupInput source="how" label="How it was solved (H1)" choices={enumChoices(RemoteResolution)} validate={required()} />
    <TextInput source="resolution" label="What was done" multiline minRows={2} validate={[required(), maxLength(2000)]} />
    <NoteInput />
  </>
);

export const RequestUnitInputs = () => {
  const { choices, isPending } = useServiceCentreChoices();
  return (
    <>
      <SelectInput
        source="serviceCentreId"
        label="Service centre"
        choices={choices}
        isPending={isPending}
        validate={required()}
        helperText="The customer sends the unit there, at their expense (H2, H7)"
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
      <TextInput source="carrier" label="Carrier" validate={[required(), maxLength(100)]} />
      <TextInput source="trackingNumber" label="Tracking number" validate={[required(), maxLength(100)]} />
      <DateInput source="shippedOn" label="Shipped on" validate={required()} />
      <MoneyInput
        source="cost"
        label="Shipping cost (optional)"
        currency={currency}
        helperText="Paid by the customer to the carrier: recorded, never invoiced (H7)"
      />
      <NoteInput />
    </>
  );
};

export const AgreementInputs = () => (
  <>
    <DateInput source="signedOn" label="Signed on" validate={required()} />
    <TextInput source="signedBy" label="Signed by (for the customer)" validate={[required(), maxLength(200)]} />
    <NoteInput />
  </>
);

export const ReplaceUnitInputs = ({ claim }: { claim: ClaimDetailFragment }) => (
  <>
    <Alert severity="info" sx={{ mb: 2 }}>
      A new {claim.model.name} replaces unit {claim.device.imei}; it keeps the remaining warranty (H4, W4).
    </Alert>
    <TextInput source="imei" label="IMEI of the replacement unit" validate={[required(), imeiFormat]} />
    <TextInput source="barcode" label="Barcode of the replacement unit" validate={required()} />
    <NoteInput />
  </>
);

export const ApproveQuoteInputs = ({ claim }: { claim: ClaimDetailFragment }) => (
  <>
    <QuoteSummary claim={claim} />
    <NoteInput />
  </>
);

export const CompleteRepairInputs = ({ claim }: { claim: ClaimDetailFragment }) => (
  <>
    {claim.lines.length > 0 && (
      <Alert severity="info" sx={{ mb: 2 }}>
        {claim.lines.length === 1 ? 'One part comes' : `${claim.lines.length} parts come`} out of the stock of{' '}
        {claim.serviceCentre?.name ?? 'the service centre'}: {claim.lines.map((line) => line.part.name).join(', ')}. Parts replaced under warranty are retained
        (H5).
      </Alert>
    )}
    <NoteInput />
  </>
);

export const CancelInputs = () => <NoteInput label="Why is the claim cancelled?" isRequired />;
