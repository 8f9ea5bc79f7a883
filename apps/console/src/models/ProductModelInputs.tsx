import { SelectInput, TextInput, required } from 'react-admin';
import { CodeInput } from '../fields/CodeInput';

/** ProductModel.kind is a string in the schema; its description lists these. */
const kindChoices = [
  { id: 'PHONE', name: 'app.enum.PHONE' },
  { id: 'FEATURE_PHONE', name: 'app.enum.FEATURE_PHONE' },
  { id: 'TABLET', name: 'app.enum.TABLET' },
];

/**
 * The inputs of the model forms, named like CreateProductModelInput's fields
 * so an API refusal shows under its input. Code and kind are set once.
 */
export const ProductModelInputs = ({ editing = false }: { editing?: boolean }) => (
  <>
    <CodeInput example="X200" editing={editing} />
    <TextInput source="name" label="resources.models.fields.name" validate={required()} />
    <SelectInput source="kind" label="resources.models.fields.kind" choices={kindChoices} disabled={editing} validate={editing ? undefined : required()} />
    <TextInput
      source="barcodePattern"
      label="app.models.barcode_pattern"
      validate={required()}
      helperText="app.models.a_regular_expression_every_unit_barcode"
      sx={{ '& input': { fontFamily: 'monospace' } }}
    />
  </>
);
