import { PartCategory, type PartItemFragment } from '@aftersale/graphql';
import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, TextInput, minValue, required, useRecordContext } from 'react-admin';
import { CodeInput } from '../fields/CodeInput';
import { enumChoices } from '../fields/enum-label';
import { MoneyInput } from '../fields/MoneyInput';
import { usePolicyCurrency } from './use-policy-currency';

/**
 * The inputs of the part forms, named like CreatePartInput's fields so an API
 * refusal shows under its input. Model, SKU and category are set once; the
 * cost is typed in units of the currency and sent as cents.
 */
export const PartInputs = ({ editing = false }: { editing?: boolean }) => {
  const part = useRecordContext<PartItemFragment>();
  const policyCurrency = usePolicyCurrency();
  return (
    <>
      {editing ? (
        <TextInput source="model.name" label="Model" disabled />
      ) : (
        <ReferenceInput source="modelId" reference="models">
          <AutocompleteInput label="Model" optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      <CodeInput source="sku" label="SKU" example="X200-LCD-01" editing={editing} />
      <TextInput source="name" label="Name" validate={required()} />
      <SelectInput source="category" label="Category" choices={enumChoices(PartCategory)} disabled={editing} validate={editing ? undefined : required()} />
      <MoneyInput
        source="materialCost"
        label="Material cost"
        currency={part?.currency ?? policyCurrency}
        validate={[required(), minValue(0)]}
        helperText="What a paid repair charges for the part at most"
      />
      {editing && <BooleanInput source="active" label="Active" helperText="Inactive parts are kept for history but no longer offered" />}
    </>
  );
};
