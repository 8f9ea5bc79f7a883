import { TextInput, email, required } from 'react-admin';
import { CodeInput } from '../fields/CodeInput';
import { CountryInput } from '../fields/CountryInput';

/** The inputs of the customer forms, named like CreateCustomerInput's fields so an API refusal shows under its input. */
export const CustomerInputs = ({ editing = false }: { editing?: boolean }) => (
  <>
    <CodeInput example="ACME" editing={editing} />
    <TextInput source="name" label="resources.customers.fields.name" validate={required()} />
    <CountryInput />
    <TextInput source="contactEmail" label="resources.customers.fields.contactEmail" type="email" validate={email()} />
  </>
);
