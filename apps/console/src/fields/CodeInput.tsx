import { TextInput, required, useTranslate } from 'react-admin';

/**
 * A record's short unique code (customer, service centre, model, part SKU):
 * A–Z, 0–9 and dashes, which the API upper-cases. Set once at creation, so it
 * shows disabled on an edit form.
 */
export const CodeInput = ({
  source = 'code',
  label = 'app.fields.code',
  example,
  editing = false,
}: {
  source?: string;
  label?: string;
  example: string;
  editing?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TextInput
      source={source}
      label={label}
      disabled={editing}
      validate={editing ? undefined : required()}
      helperText={editing ? 'app.fields.code_fixed' : translate('app.fields.code_help', { example })}
    />
  );
};
