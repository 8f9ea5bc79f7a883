import { AutocompleteInput, DateInput, NumberInput, ReferenceInput, TextInput, minValue, required } from 'react-admin';

/**
 * The inputs of the order forms, named like CreateOrderInput's fields so an
 * API refusal shows under its input. Customer and model are set once, at
 * creation; the quantity is fixed once the goods are received (the spare
 * parts were counted from it).
 */
export const OrderInputs = ({ creating = false, received = false }: { creating?: boolean; received?: boolean }) => (
  <>
    {creating && (
      <>
        <ReferenceInput source="customerId" reference="customers">
          <AutocompleteInput label="app.orders.customer" optionText="name" validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <ReferenceInput source="modelId" reference="models">
          <AutocompleteInput label="app.orders.model" optionText="name" validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
      </>
    )}
    <NumberInput
      source="quantity"
      label="app.orders.quantity"
      min={1}
      step={1}
      validate={[required(), minValue(1)]}
      // Read-only, not disabled: a disabled input has no value in the form, and would fail `required`.
      readOnly={received}
      helperText={received ? 'app.orders.quantity_fixed' : 'app.orders.units_ordered'}
    />
    <TextInput source="number" label="resources.orders.fields.number" helperText={creating ? 'app.orders.number_blank' : false} />
    <DateInput source="shippedOn" label="resources.orders.fields.shippedOn" />
  </>
);
