import { Checkbox, FormControlLabel, FormGroup, FormHelperText } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, type Validator } from 'react-admin';

// H3: the customer backs up and deletes their data before sending the unit.
const mustBeAcknowledged: Validator = (value) =>
  value === true ? undefined : 'The customer must back up and delete their data before the claim can be filed (H3).';

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
        label={<FieldTitle label="The customer has backed up and deleted the data on the unit; the company bears no responsibility for data loss" isRequired />}
      />
      <FormHelperText error={invalid}>
        <InputHelperText error={error?.message} />
      </FormHelperText>
    </FormGroup>
  );
};
