import { Checkbox, FormControlLabel, FormGroup, FormHelperText } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, type Validator } from 'react-admin';

// H3: the customer backs up and deletes their data before sending the unit.
const mustBeAcknowledged: Validator = (value) => (value === true ? undefined : 'app.validation.data_backup');

/** The data-backup acknowledgement of the Repair and Replacement Forms: a checkbox that must be ticked. */
export const DataBackupInput = ({ source }: { source: string }) => {
  const {
    id,
    field,
    fieldState: { error, invalid },
  } = useInput({ source, type: 'checkbox', defaultValue: false, validate: mustBeAcknowledged });
  return (
    <FormGroup className={`ra-input ra-input-${source}`} sx={{ mb: 2 }}>
      <FormControlLabel
        inputRef={field.ref}
        control={
          <Checkbox
            id={id}
            name={field.name}
            checked={field.value === true}
            onChange={(event) => {
              field.onChange(event.target.checked);
              field.onBlur();
            }}
          />
        }
        label={<FieldTitle label="app.claims.the_customer_has_backed_up_and" isRequired />}
      />
      <FormHelperText error={invalid}>
        <InputHelperText error={error?.message} />
      </FormHelperText>
    </FormGroup>
  );
};
