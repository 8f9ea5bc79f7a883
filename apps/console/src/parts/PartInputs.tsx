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
        <TextInput source="model.name" label="resources.parts.fields.model.name" disabled />
      ) : (
        <ReferenceInput source="modelId" reference="models">
          <AutocompleteInput label="app.parts.model" optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      <CodeInput source="sku" label="resources.parts.fields.sku" example="X200-LCD-01" editing={editing} />
      <TextInput source="name" label="resources.parts.fields.name" validate={required()} />
      <SelectInput
        source="category"
        label="resources.parts.fields.category"
        choices={enumChoices(PartCategory)}
        disabled={editing}
        validate={editing ? undefined : required()}
      />
      <MoneyInput
        source="materialCost"
        label="app.parts.material_cost"
        currency={part?.currency ?? policyCurrency}
        validate={[required(), minValue(0)]}
        helperText="app.parts.what_a_paid_repair_charges_for"
      />
      {editing && <BooleanInput source="active" label="resources.parts.fields.active" helperText="app.parts.inactive_parts_are_kept_for_history" />}
    </>
  );
};
