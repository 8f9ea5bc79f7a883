import { TextInput, required } from 'react-admin';
import { CodeInput } from '../fields/CodeInput';
import { CountryInput } from '../fields/CountryInput';

/** The inputs of the service centre forms, named like CreateServiceCentreInput's fields so an API refusal shows under its input. */
export const ServiceCentreInputs = ({ editing = false }: { editing?: boolean }) => (
  <>
    <CodeInput example="SC-BER" editing={editing} />
    <TextInput source="name" label="Name" validate={required()} />
    <TextInput source="address" label="Address" multiline minRows={2} validate={required()} />
    <TextInput source="city" label="City" validate={required()} />
    <CountryInput />
  </>
);
