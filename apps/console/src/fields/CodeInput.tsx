import { TextInput, required } from 'react-admin';

/**
 * A record's short unique code (customer, service centre, model, part SKU):
 * A–Z, 0–9 and dashes, which the API upper-cases. Set once at creation, so it
 * shows disabled on an edit form.
 */
export const CodeInput = ({
  source = 'code',
  label = 'Code',
  example,
  editing = false,
}: {
  source?: string;
  label?: string;
  example: string;
  editing?: boolean;
}) => (
  <TextInput
    source={source}
    label={label}
    disabled={editing}
    validate={editing ? undefined : required()}
    helperText={editing ? 'Set at creation' : `Short unique code, e.g. ${example} (A–Z, 0–9, -)`}
  />
);
