import { TextInput, required } from 'react-admin';
import { CodeInput } from '../fields/CodeInput';
import { CountryInput } from '../fields/CountryInput';

/** The inputs of the service centre forms, named like CreateServiceCentreInput's fields so an API refusal shows under its input. */
export const ServiceCentreInputs = ({ editing = false }: { editing?: boolean }) => (
  <>
    <CodeInput example="SC-BER" editing={editing} />
    <TextInput source="name" label="resources.service-centres.fields.name" validate={required()} />
    <TextInput source="address" label="resources.service-centres.fields.address" multiline minRows={2} validate={required()} />
    <TextInput source="city" label="resources.service-centres.fields.city" validate={required()} />
    <CountryInput />
  </>
);
