import { FormType, type ClaimDetailFragment, type SubmitClaimInput } from '@aftersale/graphql';
import { useState } from 'react';
import {
  Create,
  FormDataConsumer,
  RadioButtonGroupInput,
  SimpleForm,
  TextInput,
  required,
  SaveButton,
  Toolbar,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import SendIcon from '@mui/icons-material/Send';
import { enumChoices } from '../fields/enum-label';
import { imeiFormat } from '../fields/imei';
import { DataBackupInput } from './DataBackupInput';
import { WarrantyHint } from './WarrantyHint';

/** A fresh key per form: a retried submission (double click, lost answer) returns the same claim. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Inputs are named like SubmitClaimInput's fields, so a BAD_USER_INPUT naming a field shows under its input.
const defaultValues: Partial<SubmitClaimInput> = { formType: FormType.REPAIR, dataBackupAcknowledged: false };

/** The Repair or Replacement Form for one unit, by IMEI. */
export const ClaimCreate = () => {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const onSuccess = (claim: ClaimDetailFragment) => {
    notify(`Claim ${claim.number} submitted`, { type: 'success' });
    redirect('show', 'claims', claim.id);
  };
  return (
    <Create
      title={translate('app.claims.submit')}
      transform={(values: Record<string, unknown>) => ({ ...values, idempotencyKey })}
      mutationOptions={{ onSuccess }}
    >
      <SimpleForm
        defaultValues={defaultValues}
        sx={{ maxWidth: 640 }}
        // The form's last step says what it does: the claim is submitted, not merely saved.
        toolbar={
          <Toolbar>
            <SaveButton label={translate('app.claims.submit_button')} icon={<SendIcon />} data-testid="claim-submit" />
          </Toolbar>
        }
      >
        <TextInput
          source="imei"
          label="app.claims.imei"
          validate={[required(), imeiFormat]}
          helperText="app.claims.the_15_digits_on_the_unit"
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
        <FormDataConsumer<SubmitClaimInput>>{({ formData }) => <WarrantyHint imei={formData.imei} />}</FormDataConsumer>
        <RadioButtonGroupInput source="formType" label="resources.claims.fields.formType" choices={enumChoices(FormType)} validate={required()} />
        <TextInput
          source="ciNumber"
          label="resources.claims.fields.ciNumber"
          validate={required()}
          helperText="app.claims.the_customer_s_commercial_invoice_reference"
        />
        <TextInput source="symptoms" label="resources.claims.fields.symptoms" multiline minRows={3} validate={required()} />
        <DataBackupInput source="dataBackupAcknowledged" />
      </SimpleForm>
    </Create>
  );
};
